// Case rows: the projection of each case's events (written by caseLog.ts, never by hand),
// item snapshots, the daily case-number sequence and the queue query.
import { stmt } from './statements';
import crypto from 'node:crypto';
import type { Db } from './db';
import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '../../shared/domain/case';
import type { Decision } from '../../shared/domain/checklist';
import { applicantDisplayName } from '../../shared/domain/applicant';
import { sequenceAfterPrefix } from '../../shared/caseNumber';
import { allowedActions, isOnTheSpot, type ReviewStatus } from '../../shared/domain/caseState';


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
  /** When the clerk began the intake (case.opened); null only in files filled outside the app (benchmarks). */
  openedAt: string | null;
  acceptedAt: string;
  dueAt: string | null;
  /** The 立等可取 clock stands still since (需补正 waiting for the applicant). */
  clockPausedAt: string | null;
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
  openedAt: 'opened_at',
  acceptedAt: 'accepted_at',
  dueAt: 'due_at',
  clockPausedAt: 'clock_paused_at',
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
export const CASE_SELECT = `SELECT ${Object.entries(COLUMNS)
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
  return (stmt(db, `${CASE_SELECT} WHERE id = ?`).get(id) as CaseRow | undefined) ?? null;
}

export function findCaseRowByNumber(db: Db, caseNumber: string): CaseRow | null {
  return (stmt(db, `${CASE_SELECT} WHERE case_number = ?`).get(caseNumber) as CaseRow | undefined) ?? null;
}

const OPEN_STATUSES: CaseStatus[] = ['accepted', 'awaitingSupplement', 'completed'];
const inList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
// Both halves search the (status, day) index: 'status IN (every status) AND day = ?' is one seek per status.
const QUEUE_SQL = `${CASE_SELECT} WHERE status IN (${inList(OPEN_STATUSES)}) OR (status IN (${inList(CASE_STATUSES)}) AND day = ?) ORDER BY accepted_at DESC LIMIT 500`;

/** Today's queue plus anything still open from earlier days (待补正, 承诺件 not yet delivered). */
export function listQueue(db: Db, day: string): CaseRow[] {
  return stmt(db, QUEUE_SQL).all(day) as CaseRow[];
}

// 受理 and 待补正 cases of one window, from any day (the 超时 warnings): the (status, day)
// index finds the two statuses; office and window narrow a few hundred rows at most.
const OPEN_OF_WINDOW_SQL = `${CASE_SELECT} WHERE status IN ('accepted', 'awaitingSupplement') AND office_code = ? AND window_code = ? LIMIT 5000`;

/** This window's cases still running against a promised time (超时预警). */
export function listOpenOfWindow(db: Db, officeCode: string, windowCode: string): CaseRow[] {
  return stmt(db, OPEN_OF_WINDOW_SQL).all(officeCode, windowCode) as CaseRow[];
}
export const openOfWindowPlan = (db: Db): string[] => (db.prepare(`EXPLAIN QUERY PLAN ${OPEN_OF_WINDOW_SQL}`).all('210100', '01') as { detail: string }[]).map((r) => r.detail);

/** How SQLite runs the queue query (a test keeps it on the index). */
export const queuePlan = (db: Db): string[] => (db.prepare(`EXPLAIN QUERY PLAN ${QUEUE_SQL}`).all('2026-01-01') as { detail: string }[]).map((r) => r.detail);

/** A case's list line; `today` (China day) decides which follow-ups are open (e.g. 终止 after the deadline). */
export function toSummary(r: CaseRow, today: string, attention: ReadonlyMap<string, CaseSummary['attention']> = new Map()): CaseSummary {
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
    clockPausedAt: r.clockPausedAt ?? null,
    promisedDate: r.promisedDate,
    supplementDeadline: r.supplementDeadline,
    completedAt: r.completedAt,
    elapsedSeconds: r.elapsedSeconds,
    staffNo: r.staffNo,
    rated: r.rating !== null,
    actions: allowedActions({ ...r, reviewStatus: r.reviewStatus as ReviewStatus | null }, today),
    onTheSpot: isOnTheSpot({ status: r.status, tier: r.tier as CaseSummary['tier'], promisedDate: r.promisedDate, decidedAt: r.acceptedAt }),
    attention: attention.get(r.id) ?? null,
  };
}
