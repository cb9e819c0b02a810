// Rows of practice mode: imported packs, class sessions and attempts. Only the practice
// workstation calls these (the handlers refuse on the real one).
import type { Db } from './db';

export interface PackRow {
  id: string;
  title: string;
  version: number;
  json: string;
  importedAt: string;
  importedBy: string;
}

export function listPackRows(db: Db): PackRow[] {
  return db
    .prepare('SELECT id, title, version, json, imported_at AS importedAt, imported_by AS importedBy FROM practice_packs ORDER BY imported_at, id')
    .all() as PackRow[];
}

/** Inserts or replaces a pack; true when a pack with this id was replaced. */
export function savePack(db: Db, p: PackRow): boolean {
  const existed = db.prepare('SELECT 1 FROM practice_packs WHERE id = ?').get(p.id) !== undefined;
  db.prepare(
    `INSERT INTO practice_packs (id, title, version, json, imported_at, imported_by) VALUES (@id, @title, @version, @json, @importedAt, @importedBy)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, version = excluded.version, json = excluded.json,
       imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
  ).run(p);
  return existed;
}

export interface SessionRow {
  id: string;
  title: string;
  packId: string;
  scenarioIds: string;
  trainerStaffNo: string;
  trainerName: string;
  createdAt: string;
}

export function listSessionRows(db: Db): SessionRow[] {
  return db
    .prepare(
      `SELECT id, title, pack_id AS packId, scenario_ids AS scenarioIds, trainer_staff_no AS trainerStaffNo, trainer_name AS trainerName,
              created_at AS createdAt FROM practice_sessions ORDER BY created_at, id`,
    )
    .all() as SessionRow[];
}

export function insertSession(db: Db, s: SessionRow): void {
  db.prepare(
    `INSERT INTO practice_sessions (id, title, pack_id, scenario_ids, trainer_staff_no, trainer_name, created_at)
     VALUES (@id, @title, @packId, @scenarioIds, @trainerStaffNo, @trainerName, @createdAt)`,
  ).run(s);
}

export function deleteSession(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM practice_sessions WHERE id = ?').run(id).changes > 0;
}

export interface AttemptRow {
  id: string;
  staffNo: string;
  traineeName: string;
  packId: string;
  packVersion: number;
  scenarioId: string;
  scenarioTitle: string;
  startedAt: string;
  finishedAt: string | null;
  caseId: string | null;
  inspected: string;
  attempt: string | null;
  result: string | null;
  score: number | null;
}

const ATTEMPT_COLUMNS = `id, staff_no AS staffNo, trainee_name AS traineeName, pack_id AS packId, pack_version AS packVersion,
  scenario_id AS scenarioId, scenario_title AS scenarioTitle, started_at AS startedAt, finished_at AS finishedAt,
  case_id AS caseId, inspected, attempt, result, score`;

export function insertAttempt(db: Db, a: Pick<AttemptRow, 'id' | 'staffNo' | 'traineeName' | 'packId' | 'packVersion' | 'scenarioId' | 'scenarioTitle' | 'startedAt'>): void {
  db.prepare(
    `INSERT INTO practice_attempts (id, staff_no, trainee_name, pack_id, pack_version, scenario_id, scenario_title, started_at)
     VALUES (@id, @staffNo, @traineeName, @packId, @packVersion, @scenarioId, @scenarioTitle, @startedAt)`,
  ).run(a);
}

export function getAttemptRow(db: Db, id: string): AttemptRow | null {
  return (db.prepare(`SELECT ${ATTEMPT_COLUMNS} FROM practice_attempts WHERE id = ?`).get(id) as AttemptRow | undefined) ?? null;
}

export function setInspected(db: Db, id: string, cardIds: readonly string[]): void {
  db.prepare('UPDATE practice_attempts SET inspected = ? WHERE id = ?').run(JSON.stringify(cardIds), id);
}

export function finishAttemptRow(db: Db, id: string, f: { finishedAt: string; caseId: string | null; attempt: string; result: string; score: number }): void {
  db.prepare('UPDATE practice_attempts SET finished_at = @finishedAt, case_id = @caseId, attempt = @attempt, result = @result, score = @score WHERE id = @id').run({
    id,
    ...f,
  });
}

/** Finished attempts, oldest first. */
export function finishedAttemptRows(db: Db): AttemptRow[] {
  return db.prepare(`SELECT ${ATTEMPT_COLUMNS} FROM practice_attempts WHERE finished_at IS NOT NULL ORDER BY finished_at, id`).all() as AttemptRow[];
}

export function attemptForCase(db: Db, caseId: string): string | null {
  return (db.prepare('SELECT id FROM practice_attempts WHERE case_id = ?').get(caseId) as { id: string } | undefined)?.id ?? null;
}

/** The trainee's most recent attempt, finished or not: a newer start supersedes an older open one. */
export function latestAttemptRow(db: Db, staffNo: string): AttemptRow | null {
  return (
    (db.prepare(`SELECT ${ATTEMPT_COLUMNS} FROM practice_attempts WHERE staff_no = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`).get(staffNo) as AttemptRow | undefined) ??
    null
  );
}

/** Practice cases this clerk decided since a moment, newest first, with the attempt already counting each (if any). */
export function casesDecidedSince(db: Db, staffNo: string, since: string): Array<{ id: string; caseNumber: string; decision: string; countedBy: string | null }> {
  return db
    .prepare(
      `SELECT c.id, c.case_number AS caseNumber, c.decision, a.id AS countedBy FROM cases c LEFT JOIN practice_attempts a ON a.case_id = c.id
       WHERE c.staff_no = ? AND c.accepted_at >= ? ORDER BY c.accepted_at DESC, c.rowid DESC`,
    )
    .all(staffNo, since) as Array<{ id: string; caseNumber: string; decision: string; countedBy: string | null }>;
}
