// Case rows, their append-only events and the outbox. Callers wrap a whole user action in
// one `tx`: the case, its events, their outbox entries and the daily sequence commit together.
import { stmt } from './statements';
import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from './db';
import type { CaseStatus, CaseSummary } from '../../shared/domain/case';
import type { Decision } from '../../shared/domain/checklist';

export const newId = (): string => uuidv7();

/** Takes the next daily number for this window. Must run inside the case's transaction. */
export function takeCaseSequence(db: Db, officeCode: string, windowCode: string, day: string): number {
  const row = db
    .prepare(
      `INSERT INTO case_sequences (office_code, window_code, day, last) VALUES (?, ?, ?, 1)
       ON CONFLICT (office_code, window_code, day) DO UPDATE SET last = last + 1
       RETURNING last`,
    )
    .get(officeCode, windowCode, day) as { last: number };
  return row.last;
}

export interface NewEvent {
  caseId: string;
  type: string;
  payload: Record<string, unknown>;
  staffNo: string | null;
  at: string;
}

/** Appends one event and queues it for the central server (same transaction as the caller). */
export function appendEvent(db: Db, e: NewEvent, queue = true): string {
  const id = newId();
  stmt(db, 'INSERT INTO case_events (id, case_id, type, payload, staff_no, device_time) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    e.caseId,
    e.type,
    JSON.stringify(e.payload),
    e.staffNo,
    e.at,
  );
  if (queue) stmt(db, 'INSERT INTO outbox (event_id) VALUES (?)').run(id);
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

/** Stores an item snapshot once; returns its id (sha256 of the JSON). */
export function saveSnapshot(db: Db, json: string): string {
  const id = crypto.createHash('sha256').update(json).digest('hex');
  stmt(db, 'INSERT OR IGNORE INTO item_snapshots (id, json) VALUES (?, ?)').run(id, json);
  return id;
}

export function getSnapshot(db: Db, id: string): string {
  return (stmt(db, 'SELECT json FROM item_snapshots WHERE id = ?').get(id) as { json: string }).json;
}

export function insertCase(db: Db, row: CaseRow): void {
  const keys = Object.keys(COLUMNS) as (keyof CaseRow)[];
  stmt(db, `INSERT INTO cases (${keys.map((k) => COLUMNS[k]).join(', ')}) VALUES (${keys.map((k) => '@' + k).join(', ')})`).run(row);
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

/** Today's queue plus anything still open from earlier days (待补正, 承诺件 not yet delivered). */
export function listQueue(db: Db, day: string): CaseRow[] {
  return db
    .prepare(`${SELECT} WHERE day = ? OR status IN ('accepted', 'awaitingSupplement', 'completed') ORDER BY accepted_at DESC LIMIT 500`)
    .all(day) as CaseRow[];
}

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

export function outboxSize(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

export function toSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    itemCode: r.itemCode,
    itemName: r.itemName,
    applicantName: (JSON.parse(r.applicant) as { name: string }).name,
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
