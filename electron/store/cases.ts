// Case rows, their append-only events and the outbox. Callers wrap a whole user action in
// one `tx`: the case, its events and the daily sequence commit together. The window's own
// events ('case.*') are queued for the central server by that same commit: everything past
// the staging cursor is waiting, and sync moves it into the numbered outbox (stageOutbox).
import { stmt } from './statements';
import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { tx, type Db } from './db';
import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '../../shared/domain/case';
import type { Decision } from '../../shared/domain/checklist';
import { applicantDisplayName } from '../../shared/domain/applicant';
import { sequenceAfterPrefix } from '../../shared/caseNumber';

// uuid's v7 asks the OS for 16 random bytes per id, a measurable part of an acceptance (three
// ids); one draw fills 256 ids. Ids need not sort within a millisecond: events are ordered by
// rowid and cases by acceptance time.
const pool = Buffer.alloc(16 * 256);
let poolNext = pool.length;
function random16(): Uint8Array {
  if (poolNext === pool.length) {
    crypto.randomFillSync(pool);
    poolNext = 0;
  }
  return pool.subarray(poolNext, (poolNext += 16));
}
export const newId = (): string => uuidv7({ random: random16() });

/**
 * The next daily sequence for a window: one more than the highest number of that window and
 * day in the case_number index. Must run inside the case's IMMEDIATE transaction (the write
 * lock makes it exclusive); cases are never deleted, so a number once committed is never
 * handed out again, and a rolled-back one was never handed out.
 */
export function nextCaseSequence(db: Db, dayPrefix: string): number {
  const row = stmt(db, "SELECT max(case_number) AS n FROM cases WHERE case_number > ? AND case_number < ? || ':'").get(dayPrefix, dayPrefix) as { n: string | null };
  return row.n === null ? 1 : sequenceAfterPrefix(row.n, dayPrefix) + 1;
}

export interface NewEvent {
  caseId: string;
  type: string;
  payload: Record<string, unknown>;
  staffNo: string | null;
  at: string;
}

/** Events of these types are this window's own and go to the central server; others (back-office statuses pulled down) stay local. */
export const OWN_EVENTS_SQL = "type LIKE 'case.%'";

/** Appends one event (same transaction as the caller); a 'case.*' event is thereby waiting for upload. */
export function appendEvent(db: Db, e: NewEvent): string {
  const id = newId();
  stmt(db, 'INSERT INTO case_events (id, case_id, type, payload, staff_no, device_time) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    e.caseId,
    e.type,
    JSON.stringify(e.payload),
    e.staffNo,
    e.at,
  );
  return id;
}

export interface CaseRow {
  id: string;
  caseNumber: string;
  itemCode: string;
  itemName: string;
  catalogueVersion: number;
  snapshotId: string;
  applicant: string;
  agent: string | null;
  answers: string;
  marks: string;
  decision: Decision;
  status: CaseStatus;
  reviewStatus: string | null;
  tier: string | null;
  acceptedAt: string;
  dueAt: string | null;
  promisedDate: string | null;
  supplementDeadline: string | null;
  completedAt: string | null;
  elapsedSeconds: number | null;
  deliveredAt: string | null;
  rating: string | null;
  staffNo: string;
  officeCode: string;
  windowCode: string;
  day: string;
}

const COLUMNS: Record<keyof CaseRow, string> = {
  id: 'id',
  caseNumber: 'case_number',
  itemCode: 'item_code',
  itemName: 'item_name',
  catalogueVersion: 'catalogue_version',
  snapshotId: 'snapshot_id',
  applicant: 'applicant',
  agent: 'agent',
  answers: 'answers',
  marks: 'marks',
  decision: 'decision',
  status: 'status',
  reviewStatus: 'review_status',
  tier: 'tier',
  acceptedAt: 'accepted_at',
  dueAt: 'due_at',
  promisedDate: 'promised_date',
  supplementDeadline: 'supplement_deadline',
  completedAt: 'completed_at',
  elapsedSeconds: 'elapsed_seconds',
  deliveredAt: 'delivered_at',
  rating: 'rating',
  staffNo: 'staff_no',
  officeCode: 'office_code',
  windowCode: 'window_code',
  day: 'day',
};
const SELECT = `SELECT ${Object.entries(COLUMNS)
  .map(([k, c]) => `${c} AS ${k}`)
  .join(', ')} FROM cases`;

export const snapshotIdOf = (json: string): string => crypto.createHash('sha256').update(json).digest('hex');

/** Stores an item snapshot once; returns its id (sha256 of the JSON). */
export function saveSnapshot(db: Db, json: string, id = snapshotIdOf(json)): string {
  stmt(db, 'INSERT OR IGNORE INTO item_snapshots (id, json) VALUES (?, ?)').run(id, json);
  return id;
}

export function getSnapshot(db: Db, id: string): string {
  return (stmt(db, 'SELECT json FROM item_snapshots WHERE id = ?').get(id) as { json: string }).json;
}

const CASE_KEYS = Object.keys(COLUMNS) as (keyof CaseRow)[];
const INSERT_CASE = `INSERT INTO cases (${CASE_KEYS.map((k) => COLUMNS[k]).join(', ')}) VALUES (${CASE_KEYS.map(() => '?').join(', ')})`;

export function insertCase(db: Db, row: CaseRow): void {
  stmt(db, INSERT_CASE).run(CASE_KEYS.map((k) => row[k])); // positional: binding 26 named values costs more
}

export function updateCase(db: Db, id: string, fields: Partial<Omit<CaseRow, 'id'>>): void {
  const keys = Object.keys(fields) as (keyof CaseRow)[];
  if (!keys.length) return;
  stmt(db, `UPDATE cases SET ${keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
}

export function getCaseRow(db: Db, id: string): CaseRow | null {
  return (stmt(db, `${SELECT} WHERE id = ?`).get(id) as CaseRow | undefined) ?? null;
}

export function findCaseRowByNumber(db: Db, caseNumber: string): CaseRow | null {
  return (stmt(db, `${SELECT} WHERE case_number = ?`).get(caseNumber) as CaseRow | undefined) ?? null;
}

const OPEN_STATUSES: CaseStatus[] = ['accepted', 'awaitingSupplement', 'completed'];
const inList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
// Both halves search the (status, day) index: 'status IN (every status) AND day = ?' is one seek per status.
const QUEUE_SQL = `${SELECT} WHERE status IN (${inList(OPEN_STATUSES)}) OR (status IN (${inList(CASE_STATUSES)}) AND day = ?) ORDER BY accepted_at DESC LIMIT 500`;

/** Today's queue plus anything still open from earlier days (待补正, 承诺件 not yet delivered). */
export function listQueue(db: Db, day: string): CaseRow[] {
  return stmt(db, QUEUE_SQL).all(day) as CaseRow[];
}

/** How SQLite runs the queue query (a test keeps it on the index). */
export const queuePlan = (db: Db): string[] => (db.prepare(`EXPLAIN QUERY PLAN ${QUEUE_SQL}`).all('2026-01-01') as { detail: string }[]).map((r) => r.detail);

export interface EventRow {
  id: string;
  caseId: string;
  type: string;
  payload: string;
  staffNo: string | null;
  deviceTime: string;
}
export function caseEvents(db: Db, caseId: string): EventRow[] {
  return db
    .prepare('SELECT id, case_id AS caseId, type, payload, staff_no AS staffNo, device_time AS deviceTime FROM case_events WHERE case_id = ? ORDER BY rowid')
    .all(caseId) as EventRow[];
}

const UNSTAGED_SQL = `FROM case_events WHERE rowid > (SELECT staged_through FROM outbox_cursor WHERE id = 1) AND ${OWN_EVENTS_SQL}`;

/**
 * Moves the window's events written since the last call into the outbox, oldest first, where
 * they get their upload numbers. One transaction with the cursor, so a crash neither skips
 * nor repeats an event. Returns how many were staged.
 */
export function stageOutbox(db: Db): number {
  const pending = () => stmt(db, `SELECT max(rowid) AS last, (SELECT staged_through FROM outbox_cursor WHERE id = 1) AS through FROM case_events`).get() as { last: number | null; through: number };
  const peek = pending();
  if ((peek.last ?? 0) <= peek.through) return 0;
  const stage = () =>
    tx(db, () => {
      const { last, through } = pending();
      if ((last ?? 0) <= through) return 0;
      const n = stmt(db, `INSERT INTO outbox (event_id) SELECT id FROM case_events WHERE rowid > ? AND rowid <= ? AND ${OWN_EVENTS_SQL} ORDER BY rowid`).run(through, last).changes;
      stmt(db, 'UPDATE outbox_cursor SET staged_through = ? WHERE id = 1').run(last);
      return n;
    });
  if (db.inTransaction) return stage();
  // No fsync of its own: staging is a pure function of the event log and the cursor, so if a
  // power cut takes it back it is redone with the same numbers, and the next durable commit
  // (the push's acknowledgement, or an acceptance) writes it to disk first (WAL order).
  db.pragma('synchronous = NORMAL');
  try {
    return stage();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

/** Case events waiting to upload: in the outbox or not yet staged into it. */
export function outboxSize(db: Db): number {
  return (stmt(db, `SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) ${UNSTAGED_SQL}) AS n`).get() as { n: number }).n;
}

/** Waiting events and the distinct cases they belong to. */
export function waitingCounts(db: Db): { events: number; cases: number } {
  return stmt(
    db,
    `SELECT count(*) AS events, count(DISTINCT case_id) AS cases FROM (
       SELECT e.case_id FROM outbox o JOIN case_events e ON e.id = o.event_id
       UNION ALL SELECT case_id ${UNSTAGED_SQL})`,
  ).get() as { events: number; cases: number };
}

export function toSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    itemCode: r.itemCode,
    itemName: r.itemName,
    applicantName: applicantDisplayName(JSON.parse(r.applicant) as { name?: string }),
    decision: r.decision,
    status: r.status,
    reviewStatus: r.reviewStatus,
    tier: r.tier as CaseSummary['tier'],
    acceptedAt: r.acceptedAt,
    dueAt: r.dueAt,
    promisedDate: r.promisedDate,
    supplementDeadline: r.supplementDeadline,
    completedAt: r.completedAt,
    elapsedSeconds: r.elapsedSeconds,
    staffNo: r.staffNo,
    rated: r.rating !== null,
  };
}
