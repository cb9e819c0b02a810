// The workstation's sync client (Node only). Up: the outbox (first staging the events written
// since the last push), oldest first, in batches whose size follows the link. Down: back-office statuses by cursor, the catalogue by version,
// the office's clerk accounts. Every step commits its local effect and its cursor in one
// SQLite transaction, so a crash or a dropped link at any point resumes without loss or repeat.
import os from 'node:os';
import type { Db } from '../store/db';
import { tx } from '../store/db';
import { catalogueMeta, exportCatalogue, replaceCatalogue } from '../store/catalogue';
import { dropOutboxThrough, heldCaseIds, holdOldest, listHeld, oldestOutbox, outboxAfter, outboxBounds, outboxSize, requeueAll, stageOutbox, unholdOldest, type OutboxEntryRow } from '../store/outbox';
import { PageUploader } from './pageUploader';
import { PageUploadStatus } from '../../shared/sync/pages';
import { replaceClerks } from '../store/clerks';
import { getSetting, setSetting } from '../store/settings';
import { Catalogue } from '../../shared/domain/catalogue';
import { applyCatalogueDelta } from '../../shared/sync/catalogue-delta';
import {
  CatalogueResponse, ClerksResponse, DeviceInfo, EnrolResponse, MAX_BATCH, PullResponse, PushResponse, SYNC_PREFIX, WindowSettingsResponse,
  type PushEntry,
} from '../../shared/sync/protocol';
import { requestJson, SyncError, type FetchLike } from './http';
import { AdaptiveBatchSize, type BatchSizeOptions } from './batchSize';
import { UNPROTECTED_PLAIN_BOX, type SecretBox } from './secretBox';
import { applyStatusEvent, readSyncState, recordRejected, saveEnrolment, updateSyncState, type SyncStateRow } from '../store/syncState';
import { purgeExpiredPages } from '../services/pageRetention';

export interface SyncClientOptions {
  db: Db;
  secretBox?: SecretBox;
  fetch?: FetchLike;
  now?: () => Date;
  /**
   * Per request; catalogue downloads get ten times this. Default 15 s: a server that accepts the
   * connection but never answers must read as offline within seconds, and batches shrink on a
   * slow link (batchSize.ts) long before a healthy reply would take this long.
   */
  timeoutMs?: number;
  /** The cheap "is the link back?" call while offline (GET /device). Default 3 s. */
  probeTimeoutMs?: number;
  batch?: BatchSizeOptions;
  deviceName?: string;
  appVersion?: string;
  /** Called after a new catalogue is stored (the workstation drops its search index). */
  onCatalogueChanged?: () => void;
  /** Called after the centre moved this device to another office or window. */
  onPlacementChanged?: () => void;
  /** Pause between tries of a batch the server failed on (× the try). Default 500 ms. */
  retryDelayMs?: number;
}

export interface PushResult {
  sent: number;
  acknowledged: number;
  rejected: number;
  /** Local number of the last entry sent. */
  lastSeq?: number;
}

/** Tries of one batch before it is split. */
const PUSH_RETRIES = 3;
/** Further tries of a last entry, each after the server answered apart, before it is held alone. */
const LONE_TRIES = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FOLLOWS_HELD = '同一办件此前的记录被搁置，本条随之搁置，将与其一同重新上传';
export const HELD_NOTICE = '有上传被搁置：中心服务器多次无法保存其中的事件，其余办件照常上传。请联系管理员处理后在状态区点「重新上传」';

export interface RoundResult {
  ok: boolean;
  pushed: number;
  statuses: number;
  error: SyncError | null;
}

type Enrolled = SyncStateRow & { token: string };
/** An entry taken out of the queue: its local number, event and case. */
type Hold = { seq: number; id: string; caseId: string };

/** A request body that is already JSON text. */
class RawJson {
  constructor(readonly text: string) {}
}

/** The PushRequest as JSON text, splicing in each payload as stored (it is JSON already). */
function pushBody(deviceId: string, batch: OutboxEntryRow[]): RawJson {
  const entries = batch.map((r) => {
    const head: Omit<PushEntry, 'payload' | 'type'> & { type: string } = {
      seq: r.seq, id: r.id, caseId: r.caseId, type: r.type, deviceTime: r.deviceTime, staffNo: r.staffNo,
      ...(r.hash ? { hash: r.hash, prevHash: r.prevHash } : {}),
    };
    return `${JSON.stringify(head).slice(0, -1)},"payload":${r.payload}}`;
  });
  return new RawJson(`{"deviceId":${JSON.stringify(deviceId)},"batch":[${entries.join(',')}]}`);
}

export const SERVER_REPLACED_NOTICE = '中心服务器的数据已更换（从备份恢复或重新安装）：本机办件全部保留并重新核对上传，审批状态从头重新拉取；如有疑问请联系管理员';

export class SyncClient {
  readonly db: Db;
  private readonly box: SecretBox;
  private readonly fetchImpl: FetchLike;
  private readonly now: () => Date;
  private readonly timeoutMs: number;
  private readonly probeTimeoutMs: number;
  readonly batch: AdaptiveBatchSize;
  private readonly retryDelayMs: number;
  private token: { blob: Buffer; value: string } | null = null;
  /** Aborts the calls of the round in flight (SyncLoop, when the server stays silent). */
  private roundAbort: AbortController | null = null;
  /** Epoch ms of the last reply of any kind (an HTTP error is a reply too). */
  private answeredAt = 0;

  constructor(private readonly opts: SyncClientOptions) {
    this.db = opts.db;
    this.box = opts.secretBox ?? UNPROTECTED_PLAIN_BOX;
    this.fetchImpl = opts.fetch ?? fetch;
    this.now = opts.now ?? (() => new Date());
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.probeTimeoutMs = opts.probeTimeoutMs ?? 3_000;
    this.batch = new AdaptiveBatchSize(opts.batch);
    this.retryDelayMs = opts.retryDelayMs ?? 500;
    this.pages = this.makePageUploader();
  }

  state(): SyncStateRow | null {
    return readSyncState(this.db);
  }

  private enrolled(): Enrolled {
    const st = this.state();
    if (!st) throw new SyncError('rejected', '本机尚未登记到中心服务器，请输入管理员提供的登记码');
    if (st.tokenBox !== this.box.kind) throw new SyncError('auth', '设备令牌无法读取（保存方式已变化），请重新登记');
    if (!this.token || !this.token.blob.equals(st.tokenBlob)) this.token = { blob: st.tokenBlob, value: this.box.decrypt(st.tokenBlob) };
    return { ...st, token: this.token.value };
  }

  private call<S extends Parameters<typeof requestJson>[4]>(st: { serverUrl: string; token: string | null }, method: 'GET' | 'POST', path: string, schema: S, body?: unknown, timeoutMs = this.timeoutMs) {
    const raw = body instanceof RawJson ? body.text : undefined;
    const bytes = body instanceof Uint8Array ? body : undefined;
    const signal = this.roundAbort?.signal;
    const p = requestJson(this.fetchImpl, st.serverUrl, method, SYNC_PREFIX + path, schema, { token: st.token, body: raw === undefined && !bytes ? body : undefined, rawBody: raw, bytes, timeoutMs, signal });
    p.then(
      () => (this.answeredAt = Date.now()),
      (e: unknown) => {
        if (e instanceof SyncError && e.status !== null) this.answeredAt = Date.now();
      },
    );
    return p;
  }

  /** Epoch ms of the server's last reply (0: none yet). */
  get lastAnswerAt(): number {
    return this.answeredAt;
  }

  /**
   * Whether the server answers at all: one small call (GET /device) with the probe's short
   * timeout, outside the round in flight. Any reply counts, an error status included.
   */
  async answering(): Promise<boolean> {
    try {
      const st = this.enrolled();
      await requestJson(this.fetchImpl, st.serverUrl, 'GET', SYNC_PREFIX + '/device', DeviceInfo, { token: st.token, timeoutMs: this.probeTimeoutMs });
      this.answeredAt = Date.now();
      return true;
    } catch (e) {
      if (e instanceof SyncError && e.status !== null) {
        this.answeredAt = Date.now();
        return true;
      }
      return false;
    }
  }

  /** Gives up the round in flight now: its calls end as timeouts (resending later is safe: docs/architecture.md §5, exactly once). */
  abortRound(): void {
    this.roundAbort?.abort(new DOMException('服务器无响应', 'TimeoutError'));
  }

  /** The page queue's uploader (sync/pageUploader.ts), over this client's device token. */
  readonly pages: PageUploader;

  private makePageUploader(): PageUploader {
    return new PageUploader(
    this.opts.db,
    {
      status: async (sha256) => (await this.call(this.enrolled(), 'GET', `/pages/${sha256}`, PageUploadStatus)).data,
      chunk: async (sha256, offset, bytes) => {
        const r = await this.call(this.enrolled(), 'POST', `/pages/${sha256}?offset=${offset}`, PageUploadStatus, bytes);
        return { status: r.data, ms: r.ms };
      },
    },
    () => (this.opts.now ?? (() => new Date()))(),
    async () => {
      await this.pushAll();
    },
    () => outboxSize(this.opts.db) > 0,
    );
  }

  /** Exchanges a one-time code for a device token; the window's place comes from the server. */
  async enrol(serverUrl: string, code: string): Promise<EnrolResponse> {
    const url = new URL(serverUrl).toString().replace(/\/+$/, '');
    const body = { code, deviceName: (this.opts.deviceName ?? os.hostname()).slice(0, 60) || '窗口机', ...(this.opts.appVersion ? { appVersion: this.opts.appVersion } : {}) };
    const { data } = await this.call({ serverUrl: url, token: null }, 'POST', '/enrol', EnrolResponse, body);
    tx(this.db, () => {
      saveEnrolment(this.db, { serverUrl: url, deviceId: data.deviceId, tokenBlob: this.box.encrypt(data.deviceToken), tokenBox: this.box.kind, serverId: data.serverId, at: this.now().toISOString() });
      setSetting(this.db, 'device.officeCode', data.office.code);
      setSetting(this.db, 'device.windowCode', data.window.code);
    });
    this.token = null;
    return data;
  }

  /** Sends the oldest waiting entries once (at most `limit`); drops what the server acknowledged. */
  async pushOnce(limit = MAX_BATCH): Promise<PushResult> {
    stageOutbox(this.db);
    const rows = this.sendable(Math.min(this.batch.current, limit));
    const st = this.enrolled();
    if (!rows.length) return { sent: 0, acknowledged: 0, rejected: 0 };
    const batch = this.wire(st, rows);
    return this.settle(st, batch, await this.send(st, batch), true);
  }

  /**
   * The whole queue with two batches in flight: the next goes out before the one ahead of it is
   * answered, so the server checks and stores one while the next travels and is read (a batch
   * that overtakes its predecessor waits for it at the server). Only the first batch's answer
   * may realign the numbering; once any answer is not a plain acknowledgement the window stops,
   * the answers still out are dropped, and what they carried is sent again (the server skips
   * what it already holds). Entries held back (sync_held) take the one-at-a-time path.
   */
  async pushWindow(limit = MAX_BATCH): Promise<PushResult> {
    stageOutbox(this.db);
    if (heldCaseIds(this.db).size) return this.pushOnce(limit);
    const st = this.enrolled();
    const inFlight: Array<{ batch: OutboxEntryRow[]; reply: ReturnType<SyncClient['send']>; sentAt: number }> = [];
    let after = 0;
    const sendNext = () => {
      const rows = outboxAfter(this.db, after, Math.min(this.batch.current, limit));
      if (!rows.length) return;
      after = rows[rows.length - 1].seq;
      const batch = this.wire(st, rows);
      inFlight.push({ batch, reply: this.send(st, batch), sentAt: performance.now() });
    };
    const total: PushResult = { sent: 0, acknowledged: 0, rejected: 0 };
    sendNext();
    sendNext();
    let first = true;
    let settledAt = performance.now();
    try {
      while (inFlight.length) {
        const head = inFlight.shift()!;
        const sent = await head.reply;
        // Its own time at the server: from when it was sent or the answer before it came, whichever is later.
        const serviceMs = performance.now() - Math.max(head.sentAt, settledAt);
        settledAt = performance.now();
        const r = this.settle(st, head.batch, sent, first, serviceMs);
        first = false;
        total.sent += r.sent;
        total.acknowledged += r.acknowledged;
        total.rejected += r.rejected;
        total.lastSeq = r.lastSeq;
        if (!r.complete) break;
        sendNext();
      }
    } finally {
      // Answers still out are dropped, never left unhandled.
      for (const f of inFlight) void f.reply;
    }
    return total;
  }

  /** The entries numbered as the server counts them. */
  private wire(st: SyncStateRow, rows: OutboxEntryRow[]): OutboxEntryRow[] {
    return rows.map((r) => ({ ...r, seq: r.seq - st.seqBase }));
  }

  /** One push call; resolves to the reply or to the error (judged by `settle`). */
  private send(st: Enrolled, batch: OutboxEntryRow[]): Promise<{ ok: true; reply: Awaited<ReturnType<SyncClient['callPush']>> } | { ok: false; err: unknown }> {
    return this.callPush(st, batch).then((reply) => ({ ok: true as const, reply }), (err: unknown) => ({ ok: false as const, err }));
  }

  private callPush(st: Enrolled, batch: OutboxEntryRow[]) {
    return this.call(st, 'POST', '/push', PushResponse, pushBody(st.deviceId, batch));
  }

  /**
   * Applies one push answer: the acknowledgement (with its rejections) in one transaction, or the
   * error. `mayRealign`: a seq_gap may move the numbering (only for the oldest batch in flight;
   * a later one that was refused is just sent again).
   */
  private settle(st: SyncStateRow, batch: OutboxEntryRow[], sent: Awaited<ReturnType<SyncClient['send']>>, mayRealign: boolean, serviceMs?: number): PushResult & { complete: boolean } {
    if (!sent.ok) {
      const err = sent.err;
      if (err instanceof SyncError && (err.kind === 'timeout' || err.kind === 'network' || err.kind === 'protocol')) this.batch.failed();
      if (err instanceof SyncError && err.code === 'seq_gap' && err.extra.expectedSeq !== undefined) {
        if (mayRealign) this.realign(st, batch[0].seq, err.extra.expectedSeq);
        return { sent: batch.length, acknowledged: 0, rejected: 0, complete: false };
      }
      if (err instanceof SyncError) err.batch = { size: batch.length, firstSeq: batch[0].seq, lastSeq: batch[batch.length - 1].seq };
      throw err;
    }
    const reply = sent.reply;
    this.batch.replied(batch.length, serviceMs ?? reply.ms);
    const through = reply.data.appliedThrough + st.seqBase;
    const at = this.now().toISOString();
    const acknowledged = tx(this.db, () => {
      // Read the base again: another enrolment may have happened while the call was out.
      if (this.state()?.deviceId !== st.deviceId || this.state()?.seqBase !== st.seqBase) return 0;
      for (const r of reply.data.rejected) recordRejected(this.db, { seq: r.seq + st.seqBase, code: r.code, message: r.message, at });
      return dropOutboxThrough(this.db, through);
    });
    const lastSeq = batch[batch.length - 1].seq;
    return { sent: batch.length, acknowledged, rejected: reply.data.rejected.length, lastSeq, complete: acknowledged > 0 && reply.data.appliedThrough >= lastSeq };
  }

  /**
   * 409 seq_gap. Ahead of us: the server holds everything below expectedSeq, drop it here.
   * Behind us: the server lost entries we already dropped (restored from a backup), so
   * every local case event is queued again in its original order; the server skips the
   * ones it still has (same device, same event id), and nothing moves back in time here.
   */
  private realign(st: SyncStateRow, firstSent: number, expectedSeq: number): void {
    tx(this.db, () => {
      if (expectedSeq > firstSent) {
        dropOutboxThrough(this.db, expectedSeq - 1 + st.seqBase);
        return;
      }
      const first = requeueAll(this.db);
      if (first !== null) updateSyncState(this.db, { seqBase: first - expectedSeq, notice: SERVER_REPLACED_NOTICE });
    });
  }

  /**
   * Pushes until the outbox is empty or `maxBatches` calls were made. A batch the server keeps
   * failing on (5xx, or a body it refuses whole) is retried, then split in halves until the
   * entry behind it is found; that entry is held back (shown to the operator) only if the server
   * takes the entry after it, so one bad entry never stops the queue and a server outage never
   * holds anything.
   */
  async pushAll(maxBatches = 10_000): Promise<number> {
    let acknowledged = 0;
    let limit = MAX_BATCH;
    let suspectThrough = 0;
    let tries = 0;
    for (let i = 0; i < maxBatches; i++) {
      let r: PushResult;
      try {
        // In the normal flow two batches are in flight; while a failure is being narrowed down, one.
        r = limit === MAX_BATCH && tries === 0 && suspectThrough === 0 ? await this.pushWindow(limit) : await this.pushOnce(limit);
      } catch (err) {
        if (!(err instanceof SyncError) || !err.entryFailure || !err.batch) throw err;
        if (++tries < PUSH_RETRIES) {
          await sleep(this.retryDelayMs * tries);
          continue;
        }
        tries = 0;
        suspectThrough = Math.max(suspectThrough, err.batch.lastSeq);
        if (err.batch.size > 1) {
          limit = Math.ceil(err.batch.size / 2);
          continue;
        }
        if (await this.isolate(err)) continue;
        throw err; // nothing behind it, or the server fails on the next entry too: it is the server
      }
      tries = 0;
      acknowledged += r.acknowledged;
      if (r.acknowledged > 0) this.lone = null; // the server stores entries: a lone hold stands
      if (r.sent === 0) break;
      if (r.lastSeq !== undefined && r.lastSeq >= suspectThrough) limit = MAX_BATCH;
    }
    return acknowledged;
  }

  /**
   * The oldest waiting entries that may go now. A case with an entry held back keeps its later
   * entries back too (they could not apply without it, and would be refused for good): one at
   * the head is held at once, and a batch stops before the next one.
   */
  private sendable(limit: number): OutboxEntryRow[] {
    for (;;) {
      const rows = oldestOutbox(this.db, limit);
      const held = heldCaseIds(this.db);
      if (!held.size || !rows.length) return rows;
      if (!held.has(rows[0].caseId)) {
        const cut = rows.findIndex((r) => held.has(r.caseId));
        return cut < 0 ? rows : rows.slice(0, cut);
      }
      this.holdHead(FOLLOWS_HELD);
    }
  }

  /** Entries held since the last isolation began (undone together if it proves to be the server). */
  private recentlyHeld: Hold[] = [];
  /**
   * A hold made with nothing of another case behind it to prove the server sound: it stands
   * until the server fails on the next entry of another case too (then it is the server, and
   * it is undone) or stores one (then it stands for good). `seqBase` before the first hold and
   * after the last: the undo is only safe while nothing else moved the numbering.
   */
  private lone: { deviceId: string; seqBaseBefore: number; seqBaseAfter: number; holds: Hold[] } | null = null;

  /** Takes the head of the queue out (sync_held); the next entry takes its upload number. */
  private holdHead(message: string): void {
    const st = this.enrolled();
    tx(this.db, () => {
      const [head] = oldestOutbox(this.db, 1);
      if (!head) return;
      const wire = head.seq - st.seqBase;
      holdOldest(this.db, message, this.now().toISOString());
      const { oldest, allocated } = outboxBounds(this.db);
      const seqBase = (oldest ?? allocated + 1) - wire;
      updateSyncState(this.db, { seqBase });
      this.recentlyHeld.push({ seq: head.seq, id: head.id, caseId: head.caseId });
      // A later entry of a lone hold's case, held with it, would go back with it.
      if (this.lone?.holds.some((h) => h.caseId === head.caseId)) {
        this.lone.holds.push({ seq: head.seq, id: head.id, caseId: head.caseId });
        this.lone.seqBaseAfter = seqBase;
      }
    });
  }

  /** Puts holds back at the head of the queue under their old numbers, newest first. */
  private unhold(holds: readonly Hold[], seqBase: number): void {
    tx(this.db, () => {
      for (const h of [...holds].reverse()) unholdOldest(this.db, h.seq, h.id);
      updateSyncState(this.db, { seqBase });
    });
  }

  /**
   * Another case's entry fails while a lone hold stands unproven: the server fails on more than
   * one entry, so the lone hold is undone. Returns false when it could not be (a supervisor
   * re-queued it, or the numbering moved since): then it is simply forgotten.
   */
  private undoLone(): boolean {
    const lone = this.lone;
    this.lone = null;
    if (!lone) return false;
    const st = this.state();
    const stillHeld = new Set(listHeld(this.db).map((h) => h.eventId));
    if (st?.deviceId !== lone.deviceId || st.seqBase !== lone.seqBaseAfter || !lone.holds.every((h) => stillHeld.has(h.id))) return false;
    this.unhold(lone.holds, lone.seqBaseBefore);
    if (!heldCaseIds(this.db).size && this.state()?.notice === HELD_NOTICE) updateSyncState(this.db, { notice: null });
    return true;
  }

  /** Whether the server works apart from pushes: one authenticated call that reads its database. */
  private async serverAnswersOtherwise(): Promise<boolean> {
    try {
      await this.deviceInfo();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The single oldest entry keeps failing. Hold it back tentatively (with any later entry of its
   * case) and send the next entry of another case: if the server takes it, the hold stands; if
   * the server fails on that one as well, it is (or may be) the server, and the holds are undone
   * (safe: the server rolled that push back). A reply lost on the way keeps the hold: the server
   * may have stored the next entry under the number; held entries stay safe.
   *
   * With nothing of another case behind it (the last entry, or the last case) there is no entry
   * to ask with, so the server is asked apart (GET /device reads its database) and the entry
   * sent again, a few times over: only if the server answers each time and fails on the entry
   * each time is it held, as a lone hold (see `lone`), so the operator sees it and a supervisor
   * can re-queue it. A server that answers nothing holds nothing; a passing fault (one 5xx in
   * ten) holds nothing either, since it would have to strike every one of these tries.
   */
  private async isolate(err: SyncError): Promise<boolean> {
    if (this.lone && this.undoLone()) return false; // two cases failing: it is the server
    const st = this.enrolled();
    const message = `中心服务器多次无法保存该记录（${[err.status, err.code].filter(Boolean).join(' ')}）`;
    this.recentlyHeld = [];
    this.holdHead(message);
    let probe: PushResult | null = null;
    try {
      probe = await this.pushOnce(1);
    } catch (e) {
      if (!(e instanceof SyncError && e.entryFailure)) probe = { sent: 1, acknowledged: 0, rejected: 0 };
    }
    const held = this.recentlyHeld;
    this.recentlyHeld = [];
    if (probe && probe.sent > 0) {
      updateSyncState(this.db, { notice: HELD_NOTICE });
      return true;
    }
    this.unhold(held, st.seqBase);
    if (!probe) return false;
    const alone = await this.failsAlone();
    if (alone !== 'fails') return alone === 'passed';
    const before = this.enrolled();
    this.holdHead(message);
    this.lone = { deviceId: before.deviceId, seqBaseBefore: before.seqBase, seqBaseAfter: this.state()?.seqBase ?? before.seqBase, holds: this.recentlyHeld };
    this.recentlyHeld = [];
    updateSyncState(this.db, { notice: HELD_NOTICE });
    return true;
  }

  /**
   * The head entry, with nothing of another case behind it: is it the entry? 'fails' when the
   * server answers apart and fails on the entry, each of LONE_TRIES times; 'passed' when a push
   * was answered after all; 'server' when the server did not answer otherwise.
   */
  private async failsAlone(): Promise<'fails' | 'passed' | 'server'> {
    for (let i = 1; i <= LONE_TRIES; i++) {
      await sleep(this.retryDelayMs * i);
      if (!(await this.serverAnswersOtherwise())) return 'server';
      try {
        await this.pushOnce(1); // any answer but a failure on the entry: the queue goes on as usual
        return 'passed';
      } catch (e) {
        if (!(e instanceof SyncError && e.entryFailure)) return 'server';
      }
    }
    return 'fails';
  }

  /** Back-office decisions since the cursor, one page per transaction. Returns how many were applied. */
  async pullStatuses(limit = 100): Promise<number> {
    let applied = 0;
    for (let page = 0; page < 10_000; page++) {
      const st = this.enrolled();
      const { data } = await this.call(st, 'GET', `/status-events?after=${st.statusCursor}&limit=${limit}`, PullResponse);
      const now = this.state();
      if (!now || now.deviceId !== st.deviceId) return applied;
      if (data.serverId !== st.serverId) {
        // Another server database: keep every case, read its statuses from the start.
        updateSyncState(this.db, { serverId: data.serverId, statusCursor: 0, notice: SERVER_REPLACED_NOTICE });
        continue;
      }
      applied += tx(this.db, () => {
        let n = 0;
        for (const e of data.events) if (applyStatusEvent(this.db, e, data.serverId) === 'applied') n++;
        updateSyncState(this.db, { statusCursor: data.nextCursor });
        return n;
      });
      if (!data.hasMore) break;
    }
    return applied;
  }

  /** Brings the catalogue to the published version: a delta when ours is the base, else the whole. */
  async pullCatalogue(): Promise<'current' | 'delta' | 'full' | 'none'> {
    const st = this.enrolled();
    const local = catalogueMeta(this.db)?.version ?? 0;
    const since = st.catalogueVersionSeen > 0 && local === st.catalogueVersionSeen ? st.catalogueVersionSeen : 0;
    let reply;
    try {
      reply = await this.call(st, 'GET', `/catalogue?sinceVersion=${since}`, CatalogueResponse, undefined, this.timeoutMs * 10);
    } catch (err) {
      if (err instanceof SyncError && err.code === 'no_catalogue') return 'none';
      throw err;
    }
    const r = reply.data;
    if (r.kind === 'current') return 'current';
    let next: Catalogue;
    if (r.kind === 'delta') {
      if (r.fromVersion !== since) return 'current';
      next = Catalogue.parse(applyCatalogueDelta(exportCatalogue(this.db), r.changes, r.version, r.publishedAt));
    } else {
      next = r.catalogue;
    }
    tx(this.db, () => {
      replaceCatalogue(this.db, next);
      updateSyncState(this.db, { catalogueVersionSeen: next.version });
    });
    this.opts.onCatalogueChanged?.();
    return r.kind;
  }

  /** The office's accounts replace the offline sign-in cache (inactive ones are removed). */
  async pullClerks(): Promise<number> {
    const st = this.enrolled();
    const { data } = await this.call(st, 'GET', '/clerks', ClerksResponse);
    const active = data.clerks.filter((c) => c.active);
    tx(this.db, () => replaceClerks(this.db, active.map(({ passwordHash, active: _a, updatedAt, ...clerk }) => ({ clerk, passwordHash, updatedAt }))));
    return active.length;
  }

  /**
   * The window's place and centrally managed settings. Written only when they differ, so a
   * routine round touches nothing; returns whether the office or window changed.
   */
  async pullWindow(): Promise<boolean> {
    const { data } = await this.call(this.enrolled(), 'GET', '/window', WindowSettingsResponse);
    const wanted: Array<[string, string]> = [
      ['device.officeCode', data.office.code],
      ['device.windowCode', data.window.code],
      ['device.windowSettings', JSON.stringify(data.settings)],
    ];
    const moved = tx(this.db, () => {
      let placement = false;
      for (const [key, value] of wanted) {
        if (getSetting(this.db, key) === value) continue;
        setSetting(this.db, key, value);
        if (key !== 'device.windowSettings') placement = true;
      }
      return placement;
    });
    if (moved) this.opts.onPlacementChanged?.();
    return moved;
  }

  /** What the server holds of this device (appliedThrough). */
  async deviceInfo() {
    return (await this.call(this.enrolled(), 'GET', '/device', DeviceInfo)).data;
  }

  /**
   * One full exchange; success and the last error are recorded for the status area. `probe`
   * (the link was down): first one small authenticated call with a short timeout, so a link
   * still down costs a few hundred bytes and seconds, not a batch upload and its timeout.
   */
  async syncRound(opts: { down?: boolean; probe?: boolean } = {}): Promise<RoundResult> {
    if (!this.state()) return { ok: false, pushed: 0, statuses: 0, error: null };
    this.roundAbort = new AbortController();
    try {
      if (opts.probe) await this.call(this.enrolled(), 'GET', '/device', DeviceInfo, undefined, this.probeTimeoutMs);
      const pushed = await this.pushAll();
      const statuses = await this.pullStatuses();
      if (opts.down) {
        await this.pullCatalogue();
        await this.pullClerks();
        await this.pullWindow();
      }
      // Pages last: they are a thousand times larger than events (and wait for them anyway).
      await this.pages.uploadAll();
      // What the centre confirmed long enough ago leaves this file (本机扫描件保留, if set).
      purgeExpiredPages(this.db, this.now());
      updateSyncState(this.db, { lastSuccessAt: this.now().toISOString(), lastError: null, lastErrorAt: null });
      return { ok: true, pushed, statuses, error: null };
    } catch (err) {
      const e = err instanceof SyncError ? err : new SyncError('protocol', `同步出错：${(err as Error)?.message ?? String(err)}`);
      try {
        if (this.db.open) updateSyncState(this.db, { lastError: e.userMessage, lastErrorAt: this.now().toISOString() });
      } catch {
        // The file is closing (shutdown or crash test); nothing to record.
      }
      return { ok: false, pushed: 0, statuses: 0, error: e };
    } finally {
      this.roundAbort = null;
    }
  }
}
