// The sync client's rows in the workstation's SQLite file (migration 003): enrolment and
// cursors, refused uploads, and applying back-office status events to cases.
import type { Db } from './db';
import { stmt } from './statements';
import { outboxBounds } from './outbox';
import { getCaseRow } from './cases';
import { loadCaseState, recordEvents } from './caseLog';
import type { NewEvent } from './caseEvents';
import type { CaseEvent } from '../../shared/domain/caseEvents';
import type { StatusEvent } from '../../shared/sync/protocol';
import { backOfficeBody } from '../../shared/sync/statusEvents';

export interface SyncStateRow {
  serverUrl: string;
  deviceId: string;
  tokenBlob: Buffer;
  tokenBox: string;
  serverId: string;
  seqBase: number;
  statusCursor: number;
  catalogueVersionSeen: number;
  enrolledAt: string;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  notice: string | null;
}

/** Whether the window is enrolled with a central server (has its sync_state row). */
export const isEnrolled = (db: Db): boolean => stmt(db, 'SELECT 1 FROM sync_state WHERE id = 1').get() !== undefined;

export function readSyncState(db: Db): SyncStateRow | null {
  const row = db
    .prepare(
      `SELECT server_url AS serverUrl, device_id AS deviceId, token_blob AS tokenBlob, token_box AS tokenBox, server_id AS serverId,
              seq_base AS seqBase, status_cursor AS statusCursor, catalogue_version_seen AS catalogueVersionSeen, enrolled_at AS enrolledAt,
              last_success_at AS lastSuccessAt, last_error AS lastError, last_error_at AS lastErrorAt, notice
       FROM sync_state WHERE id = 1`,
    )
    .get() as SyncStateRow | undefined;
  return row ?? null;
}

/**
 * A new enrolment numbers this device's uploads from 1 again: everything still queued is
 * sent under the new device id, starting with the oldest waiting entry.
 */
export function saveEnrolment(db: Db, e: { serverUrl: string; deviceId: string; tokenBlob: Buffer; tokenBox: string; serverId: string; at: string }): void {
  const { oldest, allocated } = outboxBounds(db);
  const seqBase = oldest !== null ? oldest - 1 : allocated;
  db.prepare(
    `INSERT INTO sync_state (id, server_url, device_id, token_blob, token_box, server_id, seq_base, status_cursor, catalogue_version_seen, enrolled_at)
     VALUES (1, @serverUrl, @deviceId, @tokenBlob, @tokenBox, @serverId, @seqBase, 0, 0, @at)
     ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, device_id = excluded.device_id, token_blob = excluded.token_blob,
       token_box = excluded.token_box, server_id = excluded.server_id, seq_base = excluded.seq_base, status_cursor = 0,
       catalogue_version_seen = 0, enrolled_at = excluded.enrolled_at, last_error = NULL, last_error_at = NULL, notice = NULL`,
  ).run({ ...e, seqBase });
}

type Settable = Partial<Pick<SyncStateRow, 'seqBase' | 'statusCursor' | 'catalogueVersionSeen' | 'serverId' | 'lastSuccessAt' | 'lastError' | 'lastErrorAt' | 'notice'>>;
const COLUMN: Record<keyof Settable, string> = {
  seqBase: 'seq_base',
  statusCursor: 'status_cursor',
  catalogueVersionSeen: 'catalogue_version_seen',
  serverId: 'server_id',
  lastSuccessAt: 'last_success_at',
  lastError: 'last_error',
  lastErrorAt: 'last_error_at',
  notice: 'notice',
};
export function updateSyncState(db: Db, fields: Settable): void {
  const keys = Object.keys(fields) as (keyof Settable)[];
  if (!keys.length) return;
  db.prepare(`UPDATE sync_state SET ${keys.map((k) => `${COLUMN[k]} = @${k}`).join(', ')} WHERE id = 1`).run(fields);
}

export function recordRejected(db: Db, r: { seq: number; code: string; message: string; at: string }): void {
  db.prepare(
    `INSERT OR IGNORE INTO sync_rejected (seq, event_id, case_id, code, message, at)
     SELECT o.seq, o.event_id, e.case_id, @code, @message, @at FROM outbox o JOIN case_events e ON e.id = o.event_id WHERE o.seq = @seq`,
  ).run(r);
}

export interface RejectedUpload {
  seq: number;
  eventId: string;
  caseId: string | null;
  code: string;
  message: string;
  at: string;
}
export function listRejected(db: Db): RejectedUpload[] {
  return db.prepare('SELECT seq, event_id AS eventId, case_id AS caseId, code, message, at FROM sync_rejected ORDER BY seq').all() as RejectedUpload[];
}

export function rejectedCount(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM sync_rejected').get() as { n: number }).n;
}

/**
 * Applies one back-office event to its case (a decision 'review.status', or 'review.extended' /
 * 'review.suspended' / 'review.resumed'): recorded for the timeline (local only, never queued)
 * and projected onto the row. Repeats are skipped; the projection keeps
 * a decision older than the one in effect (seen again after a server restore) out of the
 * case's state, so it never moves back in time. Unknown cases (another window's) are skipped.
 */
export function applyStatusEvent(db: Db, e: StatusEvent, serverId: string): 'applied' | 'repeat' | 'unknownCase' {
  if (stmt(db, 'SELECT 1 FROM status_applied WHERE status_event_id = ?').get(e.id)) return 'repeat';
  if (!getCaseRow(db, e.caseId)) return 'unknownCase';
  const body = backOfficeBody(e);
  // The server writes these from the same union: one that does not parse is a server fault, and
  // stopping here (the cursor stays) keeps it to be applied by a fixed release, never dropped.
  if (!body) throw new Error(`status event ${e.id} (${e.type}) does not parse`);
  const state = loadCaseState(db, e.caseId)!;
  const decidedAt = new Date(e.decidedAt).toISOString();
  const appended: CaseEvent[] = [];
  recordEvents(db, state, [{ ...body, caseId: e.caseId, staffNo: null, at: e.decidedAt } as NewEvent], undefined, appended);
  const local = appended[0];
  stmt(db, 'INSERT INTO status_applied (status_event_id, case_id, server_id, server_seq, decided_at, local_event_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.id, e.caseId, serverId, e.serverSeq, decidedAt, local.id,
  );
  return 'applied';
}
