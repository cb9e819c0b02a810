// The sync schedule in the main process: a round on start, every few seconds while online,
// at once after a case is saved (nudge), exponential backoff with full jitter while offline,
// and the clerk's 立即同步 (syncNow). One round at a time; nothing here ever blocks a handler.
// While the link is down each retry starts with a cheap probe (client.syncRound probe) and the
// backoff stays short (10 s cap), so the window notices a returning link within seconds; only
// errors retrying cannot fix (a revoked token, a refusal) back off to minutes. The status says
// 离线 with the reason and the time of the next try, also while a retry is out.
// A link that hangs while online is found within seconds too, not at the 15 s request
// timeout: when a round has had no reply for `stallMs`, one probe asks whether the server
// answers at all; if it does not, the round is given up (a timeout) and the backoff begins.
import type { SyncClient } from './client';
import { SyncError, type SyncErrorKind } from './http';
import { waitingCounts, listHeld } from '../store/outbox';
import { rejectedCount } from '../store/syncState';
import { pageQueue } from '../store/pageUploads';

export type SyncLoopState = 'online' | 'offline' | 'syncing' | 'notEnrolled';

export interface SyncStatus {
  state: SyncLoopState;
  /** Outbox entries (case events) waiting to upload. */
  pending: number;
  /** Cases with something waiting to upload. */
  pendingCases: number;
  lastSuccessAt: string | null;
  /** Plain Chinese, null when the last round succeeded. */
  lastError: string | null;
  serverUrl: string | null;
  /** Lasting warning for the operator (server data replaced, uploads refused …). */
  notice: string | null;
  /** Uploads the server refused for good (shown to the operator). */
  rejected: number;
  /** Uploads held back because the server kept failing on them (re-queued on request). */
  held: number;
  /** Why the link is down, in a few words (null when online or unknown, e.g. after a restart). */
  reason: string | null;
  /** When the next try starts while offline (ISO), null when online or a try is out now. */
  nextRetryAt: string | null;
  /** Offline and a try is out right now. */
  retrying: boolean;
  /** The page queue: pages waiting, bytes left, seconds left at the measured speed, pages that cannot go. */
  pagesWaiting: number;
  pageBytesLeft: number;
  pageSecondsLeft: number | null;
  pagesFailed: number;
}

/** The status line's few words per failure kind (the full sentence is lastError). */
const REASON: Record<SyncErrorKind, string> = {
  network: '网络未连通',
  timeout: '服务器无响应',
  server: '服务器出错',
  auth: '设备令牌失效',
  rejected: '服务器拒绝了请求',
  protocol: '通信中断',
};

export interface SyncLoopOptions {
  /** Between rounds while online. Default 5 s. */
  intervalMs?: number;
  /** First retry delay while offline; doubles per failure. Default 1 s. */
  backoffBaseMs?: number;
  /** Longest wait while offline with a retryable failure (network, timeout, 5xx). Default 10 s. */
  backoffCapMs?: number;
  /** Longest wait after a failure retrying cannot fix (token revoked, request refused). Default 5 min. */
  hopelessCapMs?: number;
  /** A round with no reply for this long asks with a probe whether the server answers at all. Default 3 s. */
  stallMs?: number;
  /** Catalogue and accounts are fetched at most this often (and on syncNow). Default 5 min. */
  downEveryMs?: number;
  random?: () => number;
  onStatus?: (s: SyncStatus) => void;
}

export class SyncLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private failures = 0;
  private online: boolean | null = null;
  private lastDownAt = 0;
  private forceDown = true;
  private lastKind: SyncErrorKind | null = null;
  /** Epoch ms the scheduled timer fires at. */
  private dueAt: number | null = null;
  private readonly o: Required<Omit<SyncLoopOptions, 'onStatus'>> & Pick<SyncLoopOptions, 'onStatus'>;

  constructor(readonly client: SyncClient, opts: SyncLoopOptions = {}) {
    this.o = {
      intervalMs: opts.intervalMs ?? 5_000,
      backoffBaseMs: opts.backoffBaseMs ?? 1_000,
      backoffCapMs: opts.backoffCapMs ?? 10_000,
      hopelessCapMs: opts.hopelessCapMs ?? 300_000,
      stallMs: opts.stallMs ?? 3_000,
      downEveryMs: opts.downEveryMs ?? 300_000,
      random: opts.random ?? Math.random,
      onStatus: opts.onStatus,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = null;
    await this.running?.catch(() => {});
  }

  /** A case was saved: upload it now unless the link is known to be down (backoff decides then). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.online !== false) this.schedule(0);
  }

  /** 立即同步: one full round now (after the one in flight), backoff reset. */
  async syncNow(): Promise<SyncStatus> {
    this.failures = 0;
    this.forceDown = true;
    if (this.running) await this.running;
    await this.round();
    this.scheduleNext();
    return this.status();
  }

  /**
   * Delay before the next attempt after `failures` failed rounds: full jitter, capped low for
   * failures a retry can fix (`hopeless` = token revoked or request refused: minutes).
   */
  backoffDelay(failures: number, hopeless = false): number {
    const cap = hopeless ? Math.max(this.o.backoffCapMs, this.o.hopelessCapMs) : this.o.backoffCapMs;
    const ceiling = Math.min(cap, this.o.backoffBaseMs * 2 ** Math.max(0, failures - 1));
    return Math.round(this.o.random() * ceiling);
  }

  status(): SyncStatus {
    const db = this.client.db;
    const idle = { reason: null, nextRetryAt: null, retrying: false };
    const noPages = { pagesWaiting: 0, pageBytesLeft: 0, pageSecondsLeft: null, pagesFailed: 0 };
    if (!db.open) return { state: 'offline', pending: 0, pendingCases: 0, lastSuccessAt: null, lastError: null, serverUrl: null, notice: null, rejected: 0, held: 0, ...idle, ...noPages };
    const st = this.client.state();
    const pending = waitingCounts(db);
    const pages = pageQueue(db);
    const base = {
      pending: pending.events, pendingCases: pending.cases, rejected: rejectedCount(db), held: listHeld(db).length,
      pagesWaiting: pages.pages, pageBytesLeft: pages.bytesLeft, pageSecondsLeft: pages.pages ? this.client.pages.secondsLeft() : null, pagesFailed: pages.failed,
    };
    if (!st) return { ...base, state: 'notEnrolled', lastSuccessAt: null, lastError: null, serverUrl: null, notice: null, ...idle };
    // A retry while the link is down is still 离线 (with "retrying"), never 正在同步: a hung
    // server would otherwise read as syncing for as long as the request waits.
    const down = this.online === false || (this.online === null && st.lastError !== null);
    const state: SyncLoopState = down ? 'offline' : this.running ? 'syncing' : st.lastError ? 'offline' : 'online';
    const offline = state === 'offline';
    return {
      ...base, state, lastSuccessAt: st.lastSuccessAt, lastError: st.lastError, serverUrl: st.serverUrl, notice: st.notice,
      reason: offline && this.lastKind ? REASON[this.lastKind] : null,
      nextRetryAt: offline && !this.running && this.dueAt !== null ? new Date(this.dueAt).toISOString() : null,
      retrying: offline && this.running !== null,
    };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = null;
      void this.round().then(() => this.scheduleNext());
    }, ms);
    this.timer.unref?.();
  }

  private scheduleNext(): void {
    if (this.stopped || this.running) return;
    if (this.again) {
      this.again = false;
      this.schedule(0);
    } else if (this.online === false) {
      this.schedule(this.backoffDelay(this.failures, this.lastKind === 'auth' || this.lastKind === 'rejected'));
    } else {
      this.schedule(this.o.intervalMs);
    }
  }

  /** Single flight: callers arriving during a round wait for it instead of starting another. */
  private round(): Promise<void> {
    if (this.running) return this.running;
    const stall = this.online === false ? null : this.watchStall(Date.now());
    this.running = (async () => {
      const down = this.forceDown || Date.now() - this.lastDownAt >= this.o.downEveryMs;
      const r = await this.client.syncRound({ down, probe: this.online === false }).catch((err: unknown) => ({ ok: false, error: err instanceof SyncError ? err : null }));
      stall?.stop();
      if (r.ok) {
        this.online = true;
        this.failures = 0;
        this.lastKind = null;
        if (down) {
          this.lastDownAt = Date.now();
          this.forceDown = false;
        }
      } else if (r.error) {
        this.online = false;
        this.failures++;
        this.lastKind = r.error.kind;
      }
    })().finally(() => {
      this.running = null;
      this.emit();
    });
    this.emit(); // after `running` is set, so the status reads as a round (or a retry) in flight
    return this.running;
  }

  /**
   * While the round started at `startedAt` has no reply, every `stallMs` one probe asks if the
   * server answers; a silent server ends the round as a timeout. (Off while already offline:
   * that round starts with its own probe.)
   */
  private watchStall(startedAt: number): { stop(): void } {
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const arm = () => {
      timer = setTimeout(() => void check(), this.o.stallMs);
      timer.unref?.();
    };
    const check = async () => {
      if (stopped || this.client.lastAnswerAt >= startedAt) return; // it answered: a slow round, not a hung one
      const alive = await this.client.answering();
      if (stopped) return;
      if (!alive && this.client.lastAnswerAt < startedAt) this.client.abortRound();
      else arm();
    };
    arm();
    return {
      stop: () => {
        stopped = true;
        if (timer) clearTimeout(timer);
      },
    };
  }

  private emit(): void {
    try {
      this.o.onStatus?.(this.status());
    } catch {
      // A listener's failure must not stop sync.
    }
  }
}
