// Applies one pushed batch in ONE transaction: the events, the projected case rows, the
// rejections, the chain check and the device's cursor commit together or not at all.
// Entries at or below the cursor are skipped (idempotent replay). Every entry is judged on its
// own — normalised, typed (PushEntry), checked against the case's projected state — and a bad
// one is recorded in rejected_events and acknowledged, so the device's outbox never wedges.
// The usual batch (new entries of new cases) is written without looking its ids up first; should
// the database refuse anything, the transaction is rolled back and the batch redone knowing every
// stored id, and should it still refuse an entry the schema admitted, entry by entry behind
// savepoints, so that entry alone becomes a `storage_failed` rejection. Each payload is put in canonical form once: the same
// text serves the resend check, the chain link and the stored row.
// Reading the entries (normalising, typing, hashing each chain link) needs nothing from the
// database, so it happens once per request and before the transaction: while one batch holds
// the device's cursor, the next one of the same device is read. The usual batch (it continues
// right after the cursor and opens every case it touches) is even judged and put in row form
// before the transaction (Prepared); inside, its rows are written before it takes the device's
// cursor, so two batches of one window overlap their writes and queue only for the cursor (pushIn).
import type { Db, Queryable } from '../db/db';
import { MAX_FUTURE_SKEW_MS, MAX_PAYLOAD_BYTES, PAYLOAD_TOO_LARGE, PushEntryFields, type PushEntry, type PushRejectCode, type PushRejection, type PushResponse } from '../../shared/sync/protocol';
import { applyEvent, type CaseState } from '../../shared/domain/caseState';
import type { CaseEvent } from '../../shared/domain/caseEvents';
import { normalizeParsedJson, normalizeText } from '../../shared/text/normalize';
import { canonicalJson, chainInputCanonical, CHAIN_BREAK_MESSAGE, type ChainBreak } from '../../shared/sync/chain';
import { zodDetails } from '../../shared/errors';
import { sha256 } from '../crypto';
import { HttpError } from '../http/errors';
import type { Device } from './devices';
import { num } from '../time';
import { chinaDay } from '../../shared/time';
import { lockStatusEvents } from './status';
import { fromStoredState, storedStateJson } from './storedState';
import { mayBringBadRating, openRectifications } from '../backoffice/rectifications';

export interface PushOptions {
  now?: Date;
  /** Department of an item in the current catalogue (stored on new cases for the back office). */
  departmentOf?: (itemCode: string) => string | null;
  /** How long a batch ahead of the cursor waits for its predecessor (default PIPELINE_WAIT_MS). */
  pipelineWaitMs?: number;
  /** China day of the business clock (a 差评's rectification deadline counts from it); default: of `now`. */
  today?: string;
  /** Test hook: runs inside the transaction before each fresh entry; a throw aborts all. */
  beforeEntry?: (entry: { seq: number }, tx: Queryable) => void | Promise<void>;
}

export interface PushBody {
  deviceId: string;
  batch: Array<{ seq: number } & Record<string, unknown>>;
}

interface CaseRecord {
  officeCode: string;
  /** null: stored before projections and not projectable. */
  state: CaseState | null;
  isNew: boolean;
  dirty: boolean;
  departmentCode: string | null;
  firstSeq: number;
}

interface KnownEvent {
  deviceId: string;
  caseId: string;
  /** Canonical content (type, payload, time, clerk): a resent id must carry exactly this. */
  signature: string;
}

interface EventRow {
  id: string; case_id: string; device_seq: number; type: string; device_time: string; staff_no: string | null;
  hash: string | null; prev_hash: string | null;
  /** The payload as canonical JSON text (spliced into the insert, never encoded again). */
  payloadText: string;
}

/** One pushed entry once read: the normalised raw value, and the typed entry or why it is refused. */
interface ReadEntry {
  raw: { seq: number } & Record<string, unknown>;
  normalized: unknown;
  entry?: PushEntry;
  /** canonicalJson of the normalised payload (when it is an object the chain can hash). */
  payloadText?: string;
  problem?: Rejected;
  /** Its chain link, when it carries one (well-formed hash and prevHash), and whether the hash matches its content. */
  link?: { id: string; hash: string; prevHash: string | null; intact: boolean };
}

class Rejected {
  constructor(readonly code: PushRejectCode, readonly message: string) {}
}
const SKIP = Symbol('already stored');

/** What a resent id must carry exactly: type, time, clerk and the canonical payload. */
const signatureOf = (e: { type: string; deviceTime: string | Date; staffNo?: string | null }, payloadText: string) =>
  JSON.stringify([e.type, new Date(e.deviceTime).getTime(), e.staffNo ?? null]) + payloadText;

/** Thrown inside a push's transaction when the batch must be redone more carefully (applyPush). */
class RedoCarefully extends Error {}

/** SQLSTATE classes a single entry can cause (data, integrity, limits, raised by a trigger); anything else fails the request. */
const ENTRY_SQLSTATE = /^(22|23|54|P0)/;
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * How long a batch that starts past the cursor waits for the batch before it. A client may keep
 * two batches in flight (shared/sync/protocol.ts); the second can reach the device's lock first.
 */
export const PIPELINE_WAIT_MS = 3_000;

export async function applyPush(db: Db, device: Device, body: PushBody, opts: PushOptions = {}): Promise<PushResponse> {
  if (body.deviceId !== device.id) throw new HttpError(403, 'device_mismatch', '请求中的设备编号与设备令牌不一致');
  const now = opts.now ?? new Date();
  // Pure work, outside any transaction and read once even if the batch is redone below.
  const read: ReadEntry[] = body.batch.map((raw) => ({ raw, ...readEntry(raw) }));
  let prepared = prepare(device, read, now, opts);
  const waitUntil = performance.now() + (opts.pipelineWaitMs ?? PIPELINE_WAIT_MS);
  let mode: PushMode = 'optimistic';
  for (let pause = 2; ;) {
    try {
      return await db.transaction((tx) => pushIn(tx, device, body, read, now, opts, mode, mode === 'optimistic' ? prepared : null));
    } catch (err) {
      if (err instanceof EarlyGaveUp) {
        // Its events went in before the cursor and something held it too long (or held an id it
        // needs): the usual order instead, cursor first.
        prepared = null;
        continue;
      }
      if (err instanceof AheadOfCursor) {
        // Its predecessor is still on the way: wait (holding no lock), then look again, the same way.
        if (performance.now() + pause > waitUntil) throw err.reply;
        await new Promise((r) => setTimeout(r, pause));
        pause = Math.min(pause * 2, 50);
        continue;
      }
      if (!(err instanceof RedoCarefully) || mode === 'oneByOne') throw err;
      // Nothing of the try before was kept. Again knowing every stored id (a resent event, a case
      // opened twice); should the database still refuse, each entry behind its savepoint.
      mode = mode === 'optimistic' ? 'exact' : 'oneByOne';
    }
  }
}

/** The early writes waited too long for the device's cursor: redone cursor first. */
class EarlyGaveUp extends Error {}

/**
 * How long a batch whose rows went in first waits for the cursor. Its rows are locked while it
 * waits (the ids of its cases and events, the per-day count rows its cases touched), so a batch
 * holding the cursor that needs one of them (a re-queued event, the same day's counts) would
 * wait for it in turn; this bound breaks such a cycle quickly, the batch before usually lets go
 * of the cursor within a few tens of milliseconds.
 */
const EARLY_CURSOR_WAIT = '250ms';

/** Thrown when a batch starts past the cursor: rolled back, retried until its predecessor lands, else `reply`. */
class AheadOfCursor extends Error {
  constructor(readonly reply: HttpError) {
    super(reply.message);
  }
}

/**
 * How a batch is written. 'optimistic': new entries of new cases are assumed new (the usual push),
 * so stored ids are not looked up and a clash surfaces as the database's refusal; 'exact': every
 * id looked up first, one write per table; 'oneByOne': each entry behind its savepoint.
 */
type PushMode = 'optimistic' | 'exact' | 'oneByOne';

async function pushIn(tx: Queryable, device: Device, body: PushBody, read: ReadEntry[], now: Date, opts: PushOptions, mode: PushMode, prepared?: Prepared | null): Promise<PushResponse> {
  // A 差评 opens a rectification and issues its status event here: the status-event lock comes
  // before any row lock, as in every back-office action (one lock order, no deadlock).
  const bad = mayBringBadRating(body.batch);
  if (bad) await lockStatusEvents(tx);
  const early = prepared && mode === 'optimistic' ? prepared : null;
  let firstServerSeq = 0;
  if (early) {
    // The prepared batch's rows go in before the device's lock, while the batch before it may
    // still hold it, in one statement: its events, which nothing else writes, go in alongside
    // the batch before; then (the statement's triggers) its cases' facts and per-day counts,
    // which the batch before may still hold (the same day's rows): only from there on do the two
    // queue. The events' reference to their cases is checked at the statement's end, once both are in.
    for (const e of read) await opts.beforeEntry?.(e.raw, tx);
    try {
      firstServerSeq = await insertPrepared(tx, device, early);
      await tx.exec(`SET LOCAL lock_timeout = '${EARLY_CURSOR_WAIT}'`);
    } catch (err) {
      // Typically ids the server already holds: a resend, judged again exactly.
      if (entryError(err)) throw new RedoCarefully();
      throw err;
    }
  }
  // The row lock serialises concurrent pushes of one device (e.g. a retry racing the original).
  const cur = await tx.query<{ last_applied_seq: unknown; chain_head: string | null }>(
    'SELECT last_applied_seq, chain_head FROM device_cursors WHERE device_id = $1 FOR UPDATE', [device.id])
    .catch((err: unknown) => {
      throw early && (err as { code?: unknown })?.code === LOCK_NOT_AVAILABLE ? new EarlyGaveUp() : err;
    });
  if (early) await tx.exec('SET LOCAL lock_timeout = DEFAULT');
  const before = num(cur.rows[0]?.last_applied_seq);
  if (early && before > 0 && before === early.before) {
    // The batch before committed while this one's events were already in: its events then came
    // after them in server order. Stored events keep their device's order, so this one is redone
    // the usual way, cursor first.
    const { rows: last } = await tx.query<{ server_seq: unknown }>(
      'SELECT server_seq FROM case_events WHERE device_id = $1 AND device_seq <= $2 ORDER BY device_seq DESC LIMIT 1', [device.id, before]);
    if (last.length && num(last[0].server_seq) > firstServerSeq) throw new EarlyGaveUp();
  }
  const fresh = body.batch.filter((e) => e.seq > before);
  if (fresh.length && fresh[0].seq !== before + 1) {
    throw new AheadOfCursor(new HttpError(409, 'seq_gap', `上传编号不连续：服务器已收到第 ${before} 条，应从第 ${before + 1} 条继续`, { expectedSeq: before + 1 }));
  }

  const entries = read.filter((e) => e.raw.seq > before);
  const valid = entries.flatMap((e) => (e.entry ? [e.entry] : []));
  const rejections: Array<PushRejection & { raw: unknown }> = [];
  const resent = new Set<string>();
  let applied: number;
  if (early) {
    // Judged for this very cursor (a gap was refused above; a resend clashed with stored ids).
    if (before !== early.before) throw new RedoCarefully();
    applied = early.applied;
  } else applied = await judgeAndWrite(tx, device, entries, valid, mode, now, opts, rejections, resent);
  return finish(tx, device, body, entries, valid, cur.rows[0]?.chain_head ?? null, before, fresh, rejections, resent, applied, now, opts, bad);
}

async function judgeAndWrite(
  tx: Queryable, device: Device, entries: ReadEntry[], valid: PushEntry[], mode: PushMode, now: Date, opts: PushOptions,
  rejections: Array<PushRejection & { raw: unknown }>, resent: Set<string>,
): Promise<number> {
  const known = mode === 'optimistic'
    ? await prefetch(tx, [], casesBeforeThisBatch(valid))
    : await prefetch(tx, valid.map((e) => e.id), [...new Set(valid.map((e) => e.caseId))]);

  if (mode === 'oneByOne') return entryByEntry(tx, device, entries, known, now, opts, rejections, resent);
  const judge = new Judge(device, now, known.events, known.cases, opts.departmentOf);
  const rows: EventRow[] = [];
  for (const e of entries) {
    await opts.beforeEntry?.(e.raw, tx);
    const outcome = e.entry ? judge.entry(e.entry, e.payloadText!) : e.problem!;
    // Judged without the stored ids: a refusal may only mean a resend, so judge again exactly.
    if (mode === 'optimistic' && e.entry && outcome instanceof Rejected) throw new RedoCarefully();
    if (outcome instanceof Rejected) rejections.push({ seq: e.raw.seq, code: outcome.code, message: outcome.message, raw: e.normalized });
    else if (outcome === SKIP) resent.add(e.entry!.id);
    else rows.push(outcome);
  }
  // Everything in two statements. Should the database refuse something (an id it already holds
  // in the optimistic mode, or a value the schema admitted), the transaction is redone (applyPush).
  try {
    await writeCases(tx, device, judge.cases);
    await insertEvents(tx, device, rows);
  } catch (err) {
    if (entryError(err)) throw new RedoCarefully();
    throw err;
  }
  return judge.applied;
}

/** What every push ends with: 差评 registration, the chain, rejections and breaks recorded, the cursor moved. */
async function finish(
  tx: Queryable, device: Device, body: PushBody, entries: ReadEntry[], valid: PushEntry[], chainHead: string | null, before: number,
  fresh: PushBody['batch'], rejections: Array<PushRejection & { raw: unknown }>, resent: Set<string>, applied: number, now: Date, opts: PushOptions, bad: boolean,
): Promise<PushResponse> {
  if (bad) await openRectifications(tx, valid.filter((e) => e.type === 'case.rated').map((e) => e.id), opts.today ?? chinaDay(now));
  const breaks = await checkChain(tx, before, chainHead, entries, resent);
  await recordRejections(tx, device, rejections);
  await recordBreaks(tx, device, breaks.found);

  const last = fresh.length ? fresh[fresh.length - 1].seq : before;
  if (fresh.length) {
    await tx.query(
      `WITH c AS (UPDATE device_cursors SET last_applied_seq = $2, chain_head = $3, updated_at = now() WHERE device_id = $1)
       UPDATE devices SET last_seen_at = now() WHERE id = $1`, [device.id, last, breaks.head]);
  }

  // A resent batch gets the same answer: report earlier rejections of its replayed part.
  const replayed = body.batch.filter((e) => e.seq <= before);
  let earlier: PushRejection[] = [];
  if (replayed.length) {
    const { rows: old } = await tx.query<{ seq: unknown; code: PushRejectCode; message: string }>(
      'SELECT seq, code, message FROM rejected_events WHERE device_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
      [device.id, replayed[0].seq, replayed[replayed.length - 1].seq],
    );
    earlier = old.map((r) => ({ seq: num(r.seq), code: r.code, message: r.message }));
  }
  return {
    appliedThrough: Math.max(before, last),
    rejected: [...earlier, ...rejections.map(({ seq, code, message }) => ({ seq, code, message }))],
    applied,
    serverTime: now.toISOString(),
  };
}

/**
 * Cases the batch continues rather than opens: the ones whose first entry here is not their
 * 办件开始. (A case opened here that the server already holds is refused by the insert, and the
 * batch redone exactly.)
 */
function casesBeforeThisBatch(entries: PushEntry[]): string[] {
  const first = new Map<string, string>();
  for (const e of entries) if (!first.has(e.caseId)) first.set(e.caseId, e.type);
  return [...first].filter(([, type]) => type !== 'case.opened').map(([id]) => id);
}

/** A batch judged and put in row form before its transaction (see the header). */
interface Prepared {
  /** The cursor it was judged for: the seq just before the batch's first entry. */
  before: number;
  /** Its cases (all new) and its events, as the JSON arrays the one statement reads. */
  casesJson: string;
  eventsJson: string;
  applied: number;
}

/**
 * The usual batch, judged without the database: every entry well-formed and fresh after the
 * cursor it expects, every case it touches opened in it. Its outcome then depends on nothing
 * stored (an id the server already holds makes the insert fail, and the batch is redone
 * exactly). null when the batch is not of that kind or an entry would be refused.
 */
function prepare(device: Device, read: ReadEntry[], now: Date, opts: PushOptions): Prepared | null {
  // A batch with a 差评 takes the status-event lock first (pushIn): it goes the usual way.
  if (!read.length || read.some((e) => !e.entry) || mayBringBadRating(read.map((e) => e.raw))) return null;
  const valid = read.map((e) => e.entry!);
  if (casesBeforeThisBatch(valid).length) return null;
  const judge = new Judge(device, now, new Map(), new Map(), opts.departmentOf);
  const rows: EventRow[] = [];
  for (const e of read) {
    const outcome = judge.entry(e.entry!, e.payloadText!);
    if (outcome instanceof Rejected || outcome === SKIP) return null;
    rows.push(outcome);
  }
  const { created, changed } = caseRowsJson(judge.cases);
  // Every case it touches is opened in it: all of them new.
  if (!created || changed) return null;
  return { before: read[0].raw.seq - 1, casesJson: created, eventsJson: rowsJson(rows), applied: judge.applied };
}

/** Normalises one raw entry's text and types it; a refusal when it is not a storable event. */
function readEntry(raw: Record<string, unknown>): Omit<ReadEntry, 'raw'> {
  const { value, issues } = normalizeParsedJson(raw, 'replace');
  if (issues.length) return { normalized: value, link: chainLink(value as Record<string, unknown>, undefined), problem: new Rejected('invalid_event', `事件内容嵌套过深（${issues[0].path}）`) };
  const p = (value as Record<string, unknown>).payload;
  // Its text is already normalised: encoded once, without normalising again.
  const payloadText = p !== undefined && typeof p === 'object' ? canonicalJson(p, true) : undefined;
  const link = chainLink(value as Record<string, unknown>, payloadText);
  // PushEntry, with its payload bound measured on the text about to be stored (encoding the
  // payload once more inside the schema was a third of the schema's time).
  const parsed = PushEntryFields.safeParse(value);
  if (!parsed.success) {
    const why = zodDetails(parsed.error).slice(0, 5).map((d) => `${d.path} ${d.message}`).join('；');
    return { normalized: value, payloadText, link, problem: new Rejected('invalid_event', `事件格式不正确：${why}`) };
  }
  if (Buffer.byteLength(payloadText!) > MAX_PAYLOAD_BYTES) {
    return { normalized: value, payloadText, link, problem: new Rejected('invalid_event', `事件格式不正确：${PAYLOAD_TOO_LARGE.path.join('.')} ${PAYLOAD_TOO_LARGE.message}`) };
  }
  // Store what was sent (normalised), not zod's copy: unknown payload keys stay, and the chain hash matches.
  const v = value as PushEntry;
  return { normalized: value, payloadText, link, entry: { ...parsed.data, payload: v.payload } as PushEntry };
}

/** Decides entries one by one against the state so far (prefetched, then each accepted entry). */
class Judge {
  applied = 0;
  constructor(
    private readonly device: Device,
    private readonly now: Date,
    readonly events: Map<string, KnownEvent>,
    readonly cases: Map<string, CaseRecord>,
    private readonly departmentOf?: (itemCode: string) => string | null,
  ) {}

  entry(e: PushEntry, payloadText: string): EventRow | typeof SKIP | Rejected {
    const ahead = Date.parse(e.deviceTime) - this.now.getTime();
    if (ahead > MAX_FUTURE_SKEW_MS) return new Rejected('future_time', `事件时间比服务器时间快约 ${Math.round(ahead / 60000)} 分钟，已拒收：请校准本机时钟`);
    const existing = this.events.get(e.id);
    if (existing) {
      if (existing.deviceId !== this.device.id || existing.caseId !== e.caseId) return new Rejected('event_id_conflict', '事件编号已被其他设备或办件使用，已拒收');
      if (existing.signature !== signatureOf(e, payloadText)) return new Rejected('event_id_conflict', '事件编号已用于内容不同的另一事件，已拒收（同一编号只能上传同一事件）');
      return SKIP; // already stored: exactly once
    }
    let c = this.cases.get(e.caseId);
    if (c && c.officeCode !== this.device.officeCode) return new Rejected('foreign_case', '该办件属于其他中心，本窗口无权写入');
    if (e.type !== 'case.opened' && !c) return new Rejected('case_not_found', '服务器上没有该办件（其“办件开始”事件未收到或已被拒收）');
    if (c && !c.state) return new Rejected('invalid_transition', '该办件的历史记录无法解读，后续事件已拒收，请联系管理员');
    const event = { ...e, at: e.deviceTime, staffNo: e.staffNo ?? null } as unknown as CaseEvent;
    const r = applyEvent(c?.state ?? null, event);
    if (!r.ok) return new Rejected(e.type === 'case.opened' ? 'case_already_opened' : 'invalid_transition', r.problem);
    if (!c) {
      c = { officeCode: this.device.officeCode, state: null, isNew: true, dirty: true, departmentCode: this.departmentOf?.(r.state.itemCode) ?? null, firstSeq: e.seq };
      this.cases.set(e.caseId, c);
    }
    c.state = r.state;
    c.dirty = true;
    this.events.set(e.id, { deviceId: this.device.id, caseId: e.caseId, signature: signatureOf(e, payloadText) });
    this.applied++;
    return { id: e.id, case_id: e.caseId, device_seq: e.seq, type: e.type, payloadText, device_time: e.deviceTime, staff_no: e.staffNo ?? null, hash: e.hash ?? null, prev_hash: e.prevHash ?? null };
  }
}

async function prefetch(tx: Queryable, eventIds: string[], caseIds: string[]) {
  const events = new Map<string, KnownEvent>();
  const cases = new Map<string, CaseRecord>();
  if (eventIds.length) {
    const { rows } = await tx.query<{ id: string; device_id: string; case_id: string; type: string; payload: unknown; device_time: Date; staff_no: string | null }>(
      'SELECT id, device_id, case_id, type, payload, device_time, staff_no FROM case_events WHERE id = ANY($1::uuid[])', [eventIds]);
    for (const r of rows) events.set(r.id, { deviceId: r.device_id, caseId: r.case_id, signature: signatureOf({ type: r.type, deviceTime: r.device_time, staffNo: r.staff_no }, canonicalJson(r.payload)) });
  }
  if (caseIds.length) {
    const { rows } = await tx.query<{ id: string; office_code: string; state: CaseState | null; department_code: string | null }>(
      'SELECT id, office_code, state, department_code FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [caseIds]);
    for (const r of rows) cases.set(r.id, { officeCode: r.office_code, state: fromStoredState(r.state), isNew: false, dirty: false, departmentCode: r.department_code, firstSeq: 0 });
  }
  return { events, cases };
}

/** A column's value as JSON (null for a missing one). */
const j = (v: unknown) => JSON.stringify(v ?? null);

/**
 * The rows as one JSON array text, each payload spliced in as the canonical text it already is,
 * the keys in jsonb's order (by length, then bytes) so that PostgreSQL's sort of each row's keys
 * finds them sorted (storedState.ts).
 */
const rowsJson = (rows: EventRow[]) =>
  `[${rows.map((r) => `{"id":${j(r.id)},"hash":${j(r.hash)},"type":${j(r.type)},"case_id":${j(r.case_id)},"payload":${r.payloadText},"staff_no":${j(r.staff_no)},"prev_hash":${j(r.prev_hash)},"device_seq":${j(r.device_seq)},"device_time":${j(r.device_time)}}`).join(',')}]`;

/** Inserts the events of JSON array `rows` for device `device` (placeholders), in device order. */
const insertEventsSql = (rows: string, device: string) => `INSERT INTO case_events (id, case_id, device_id, device_seq, type, payload, device_time, staff_no, hash, prev_hash)
  SELECT id, case_id, ${device}::uuid, device_seq, type, payload, device_time, staff_no, hash, prev_hash
  FROM jsonb_to_recordset(${rows}::jsonb) AS x(id uuid, case_id uuid, device_seq bigint, type text, payload jsonb, device_time timestamptz, staff_no text, hash text, prev_hash text)
  ORDER BY device_seq`;

/** Inserts the new cases of JSON array $1 at office $2 from device $3. */
const INSERT_CASES = `INSERT INTO cases (id, office_code, device_id, item_code, department_code, case_number, status, review_status, catalogue_version, created_device_time, state)
  SELECT id, $2, $3::uuid, item_code, department_code, case_number, status, review_status, catalogue_version, created_device_time, state
  FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, item_code text, department_code text, case_number text, status text, review_status text, catalogue_version integer, created_device_time timestamptz, state jsonb)`;

/** The events of JSON array $1 from device $2. */
const INSERT_EVENTS = insertEventsSql('$1', '$2');
/** A prepared batch: its cases ($1, office $2, device $3) and its events ($4) in one statement; the first server_seq its events were given. */
const INSERT_PREPARED = `WITH c AS (${INSERT_CASES}), ins AS (${insertEventsSql('$4', '$3')} RETURNING server_seq) SELECT min(server_seq) AS first FROM ins`;

async function insertEvents(tx: Queryable, device: Device, rows: EventRow[]) {
  if (rows.length) await tx.query(INSERT_EVENTS, [rowsJson(rows), device.id]);
}

/** The cases a batch opened and changed, as the JSON arrays the two statements read; each case then counts as written. */
interface CaseRowsJson {
  created: string | null;
  changed: string | null;
}

function caseRowsJson(cases: Map<string, CaseRecord>): CaseRowsJson {
  const created = [...cases].filter(([, c]) => c.isNew && c.dirty).sort(([, a], [, b]) => a.firstSeq - b.firstSeq).map(([id, c]) => caseRowJson(id, c));
  const changed = [...cases].filter(([, c]) => !c.isNew && c.dirty).map(([id, c]) => caseRowJson(id, c));
  for (const c of cases.values()) {
    if (c.dirty) c.isNew = false; // written: the next change to it is an update
    c.dirty = false;
  }
  return { created: created.length ? `[${created.join(',')}]` : null, changed: changed.length ? `[${changed.join(',')}]` : null };
}

const writeCases = (tx: Queryable, device: Device, cases: Map<string, CaseRecord>) => writeCaseRows(tx, device, caseRowsJson(cases));

async function writeCaseRows(tx: Queryable, device: Device, { created, changed }: CaseRowsJson) {
  if (created) {
    await tx.query(INSERT_CASES, [created, device.officeCode, device.id]);
  }
  if (changed) {
    await tx.query(
      `UPDATE cases c SET status = x.status, case_number = x.case_number, review_status = x.review_status, state = x.state, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, case_number text, review_status text, state jsonb) WHERE c.id = x.id`,
      [changed],
    );
  }
}

/** A prepared batch's new cases and its events in one statement; the first server_seq its events were given. */
async function insertPrepared(tx: Queryable, device: Device, p: Prepared): Promise<number> {
  const { rows } = await tx.query<{ first: unknown }>(INSERT_PREPARED, [p.casesJson, device.officeCode, device.id, p.eventsJson]);
  return num(rows[0]?.first);
}

/** One case row as JSON text: its columns in jsonb's key order, the state in its stored form. */
const caseRowJson = (id: string, c: CaseRecord) => {
  const s = c.state!;
  return `{"id":${j(id)},"state":${storedStateJson(s)},"status":${j(s.status)},"item_code":${j(s.itemCode)},`
    + `"case_number":${j(s.caseNumber)},"review_status":${j(s.reviewStatus)},"department_code":${j(c.departmentCode)},`
    + `"catalogue_version":${j(s.catalogueVersion)},"created_device_time":${j(s.openedAt)}}`;
};

const entryError = (err: unknown) => ENTRY_SQLSTATE.test(String((err as { code?: unknown })?.code ?? ''));

/** The slow path: judge and write each entry behind its own savepoint. Returns how many were applied. */
async function entryByEntry(
  tx: Queryable, device: Device, entries: ReadEntry[], known: Awaited<ReturnType<typeof prefetch>>, now: Date, opts: PushOptions,
  rejections: Array<PushRejection & { raw: unknown }>, resent: Set<string>,
): Promise<number> {
  const judge = new Judge(device, now, known.events, known.cases, opts.departmentOf);
  for (const e of entries) {
    await opts.beforeEntry?.(e.raw, tx);
    if (!e.entry) {
      rejections.push({ seq: e.raw.seq, code: e.problem!.code, message: e.problem!.message, raw: e.normalized });
      continue;
    }
    const caseBefore = judge.cases.get(e.entry.caseId);
    const saved = caseBefore ? { ...caseBefore } : null;
    const outcome = judge.entry(e.entry, e.payloadText!);
    if (outcome instanceof Rejected) {
      rejections.push({ seq: e.raw.seq, code: outcome.code, message: outcome.message, raw: e.normalized });
      continue;
    }
    if (outcome === SKIP) {
      resent.add(e.entry.id);
      continue;
    }
    await tx.exec('SAVEPOINT push_entry');
    try {
      await writeCases(tx, device, new Map([[e.entry.caseId, judge.cases.get(e.entry.caseId)!]]));
      await insertEvents(tx, device, [outcome]);
      await tx.exec('RELEASE SAVEPOINT push_entry');
    } catch (err) {
      if (!entryError(err)) throw err;
      await tx.exec('ROLLBACK TO SAVEPOINT push_entry');
      // Undo the entry in memory too: later entries of the case are judged without it.
      if (saved) judge.cases.set(e.entry.caseId, { ...saved, dirty: false });
      else judge.cases.delete(e.entry.caseId);
      known.events.delete(e.entry.id);
      judge.applied--;
      rejections.push({ seq: e.raw.seq, code: 'storage_failed', message: `服务器无法保存该事件（数据库错误 ${String((err as { code?: unknown }).code)}），已记录并跳过，请联系管理员`, raw: e.normalized });
    }
  }
  return judge.applied;
}

// ---- the window's hash chain ------------------------------------------------------------

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * An entry's chain link, whatever becomes of the entry (a refused one is still part of the
 * window's record), with the hash recomputed from its content (checkLink, with the payload's
 * canonical text read once). None when it carries no well-formed link.
 */
function chainLink(n: Record<string, unknown>, payloadText: string | undefined): ReadEntry['link'] {
  if (typeof n.hash !== 'string' || !HEX64.test(n.hash) || !(n.prevHash === null || (typeof n.prevHash === 'string' && HEX64.test(n.prevHash)))) return undefined;
  const prevHash = n.prevHash as string | null;
  const { id, caseId, type, deviceTime } = n;
  const staffNo = n.staffNo ?? null;
  // A window hashes these as text: other values were never hashed (altered), and are not
  // coerced either (a 工号 array reached normalizeText, an id {"toString":1} threw in String()).
  if (typeof id !== 'string' || typeof caseId !== 'string' || typeof type !== 'string' || typeof deviceTime !== 'string' || (staffNo !== null && typeof staffNo !== 'string')) {
    return { id: typeof id === 'string' ? id : asciiJson(id ?? null), hash: n.hash, prevHash, intact: false };
  }
  const link = { id, caseId, type, deviceTime, staffNo, payload: n.payload, hash: n.hash, prevHash };
  const text = payloadText ?? canonicalJson(link.payload ?? null, true);
  return { id: link.id, hash: link.hash, prevHash: link.prevHash, intact: sha256(chainInputCanonical(link, text, link.prevHash)) === link.hash };
}

/**
 * Checks each entry's chain link in order. An entry already stored is a resend: only its
 * content is checked, and the head moves to it. Returns the breaks found and the new head.
 */
async function checkChain(
  tx: Queryable, before: number, head: string | null, entries: ReadEntry[], resent: ReadonlySet<string>,
): Promise<{ found: Array<ChainBreak & { seq: number }>; head: string | null }> {
  const found: Array<ChainBreak & { seq: number }> = [];
  for (const { raw, link } of entries) {
    if (!link) continue;
    let expected = head;
    if (head === null && link.prevHash !== null) {
      // The first link the server sees from this device: it continues a chain pushed before
      // chains existed (legacy entries stored), or one another enrolment of this window pushed.
      const anchored = before > 0 || (await tx.query('SELECT 1 FROM device_cursors WHERE chain_head = $1 LIMIT 1', [link.prevHash])).rows.length > 0;
      if (anchored) expected = link.prevHash;
    }
    const want = resent.has(link.id) ? link.prevHash : expected;
    if (!link.intact) found.push({ kind: 'altered', eventId: link.id, message: CHAIN_BREAK_MESSAGE.altered, seq: Number(raw.seq) });
    else if (link.prevHash !== want) found.push({ kind: 'gap', eventId: link.id, message: CHAIN_BREAK_MESSAGE.gap, seq: Number(raw.seq) });
    head = link.hash;
  }
  return { found, head };
}

async function recordBreaks(tx: Queryable, device: Device, found: Array<ChainBreak & { seq: number }>) {
  if (!found.length) return;
  await tx.query(
    `INSERT INTO chain_breaks (device_id, office_code, seq, event_id, kind, message)
     SELECT $2::uuid, $3, seq, event_id, kind, message FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, event_id text, kind text, message text)`,
    [JSON.stringify(found.map((b) => ({ seq: b.seq, event_id: asciiJson(b.eventId).slice(1, -1).slice(0, 80), kind: b.kind, message: b.message }))), device.id, device.officeCode],
  );
}

// ---- rejections: recorded so that recording cannot fail --------------------------------
// (The entry as normalised: bounded in depth, no NUL, no lone surrogate; then ASCII-escaped.)

/** JSON text with every non-ASCII or control character escaped: storable in any text column. */
function asciiJson(v: unknown): string {
  return JSON.stringify(v).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const MAX_ENTRY_TEXT = 16 * 1024;

async function recordRejections(tx: Queryable, device: Device, rejections: Array<PushRejection & { raw: unknown }>) {
  if (!rejections.length) return;
  const rows = rejections.map((r) => ({
    seq: r.seq,
    code: r.code,
    message: (normalizeText(r.message) ?? '').slice(0, 2000),
    entry_text: asciiJson(r.raw).slice(0, MAX_ENTRY_TEXT),
  }));
  await tx.query(
    `INSERT INTO rejected_events (device_id, office_code, seq, code, message, entry_text)
     SELECT $2::uuid, $3, seq, code, message, entry_text
     FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, code text, message text, entry_text text)
     ON CONFLICT (device_id, seq) DO NOTHING`,
    [JSON.stringify(rows), device.id, device.officeCode],
  );
  // The response carries the cleaned message too.
  rejections.forEach((r, i) => (r.message = rows[i].message));
}
