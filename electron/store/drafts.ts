// intake_drafts: the intake being typed at a window by a clerk (shared/domain/intakeDraft.ts).
// Every statement about drafts is here; callers run them inside their own transaction.
import { stmt } from './statements';
import type { Db } from './db';

export interface DraftKey {
  windowCode: string;
  staffNo: string;
}
export interface DraftRow {
  itemCode: string;
  startedAt: string;
  content: string;
  savedAt: string;
}

export function getDraft(db: Db, key: DraftKey): DraftRow | null {
  const row = stmt(db, 'SELECT item_code AS itemCode, started_at AS startedAt, content, saved_at AS savedAt FROM intake_drafts WHERE window_code = ? AND staff_no = ?').get(key.windowCode, key.staffNo) as DraftRow | undefined;
  return row ?? null;
}

export function putDraft(db: Db, key: DraftKey, row: DraftRow): void {
  stmt(
    db,
    `INSERT INTO intake_drafts (window_code, staff_no, item_code, started_at, content, saved_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (window_code, staff_no) DO UPDATE SET item_code = excluded.item_code, started_at = excluded.started_at, content = excluded.content, saved_at = excluded.saved_at`,
  ).run(key.windowCode, key.staffNo, row.itemCode, row.startedAt, row.content, row.savedAt);
}

/** Deletes the clerk's draft at this window; with startedAt, only if it is that intake's. */
export function deleteDraft(db: Db, key: DraftKey, startedAt?: string): void {
  if (startedAt === undefined) stmt(db, 'DELETE FROM intake_drafts WHERE window_code = ? AND staff_no = ?').run(key.windowCode, key.staffNo);
  else stmt(db, 'DELETE FROM intake_drafts WHERE window_code = ? AND staff_no = ? AND started_at = ?').run(key.windowCode, key.staffNo, startedAt);
}

/** The intake begun at this moment by this clerk was already decided (a late autosave must not bring its draft back). */
export function intakeDecided(db: Db, staffNo: string, startedAt: string): boolean {
  return stmt(db, 'SELECT 1 FROM cases WHERE opened_at = ? AND staff_no = ? LIMIT 1').get(startedAt, staffNo) !== undefined;
}
