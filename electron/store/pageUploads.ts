// Every SQL statement of the page upload queue (migration 009). The uploader (sync/pageUploader.ts)
// orchestrates; callers hold the transaction.
import { stmt } from './statements';
import type { Db } from './db';

export interface PageUploadRow {
  sha256: string;
  caseId: string;
  bytes: number;
  sent: number;
}

/** Queues the pages of a case.pagesAttached event (in its transaction); a blob already queued or sent stays as it is. */
export function queuePageUploads(db: Db, caseId: string, eventId: string, pages: ReadonlyArray<{ sha256: string; bytes: number }>, at: string): void {
  const s = stmt(db, 'INSERT INTO page_uploads (sha256, case_id, event_id, bytes, queued_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING');
  for (const p of pages) s.run(p.sha256, caseId, eventId, p.bytes, at);
}

/** Events first: a page whose event is still waiting (unstaged, in the outbox or held) does not go yet. */
const EVENT_ACKNOWLEDGED = `e.rowid <= (SELECT staged_through FROM outbox_cursor WHERE id = 1)
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.event_id = u.event_id)
  AND NOT EXISTS (SELECT 1 FROM sync_held h WHERE h.event_id = u.event_id)`;

/** The oldest pages that may go now. */
export const sendablePages = (db: Db, limit: number): PageUploadRow[] =>
  stmt(db, `SELECT u.sha256, u.case_id AS caseId, u.bytes, u.sent FROM page_uploads u JOIN case_events e ON e.id = u.event_id
            WHERE u.done_at IS NULL AND u.failed IS NULL AND ${EVENT_ACKNOWLEDGED} ORDER BY u.rowid LIMIT ?`).all(limit) as PageUploadRow[];

export const notePageSent = (db: Db, sha256: string, held: number): void => void stmt(db, 'UPDATE page_uploads SET sent = ? WHERE sha256 = ?').run(held, sha256);
export const markPageStored = (db: Db, sha256: string, at: string): void => void stmt(db, 'UPDATE page_uploads SET sent = bytes, done_at = ? WHERE sha256 = ?').run(at, sha256);
export const markPageFailed = (db: Db, sha256: string, message: string): void => void stmt(db, 'UPDATE page_uploads SET failed = ? WHERE sha256 = ?').run(message, sha256);

/** Pages waiting (not stored, not failed) and their bytes not yet confirmed by the server. */
export function pageQueue(db: Db): { pages: number; bytesLeft: number; failed: number } {
  return stmt(db, `SELECT count(*) FILTER (WHERE done_at IS NULL AND failed IS NULL) AS pages,
                          coalesce(sum(bytes - sent) FILTER (WHERE done_at IS NULL AND failed IS NULL), 0) AS bytesLeft,
                          count(*) FILTER (WHERE failed IS NOT NULL) AS failed FROM page_uploads`).get() as { pages: number; bytesLeft: number; failed: number };
}

/** 材料已上传 n/m: the case's pages and how many of them the centre holds. */
export function casePageUploads(db: Db, caseId: string): { total: number; uploaded: number } {
  return stmt(db, `SELECT count(*) AS total, count(*) FILTER (WHERE u.done_at IS NOT NULL) AS uploaded
                   FROM pages p LEFT JOIN page_uploads u ON u.sha256 = p.sha256 WHERE p.case_id = ?`).get(caseId) as { total: number; uploaded: number };
}
