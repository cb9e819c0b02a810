// 本机扫描件保留: the bytes of pages the centre has confirmed (stored durably, page_uploads.done_at)
// are dropped from this file N days later; the page rows stay, so the case still lists its
// pages (已归档到中心) and the upload queue still knows them as sent. Callers hold the transaction.
import { stmt } from './statements';
import type { Db } from './db';
import { getSetting, setSetting } from './settings';

const KEY = 'pages.purgeAfterDays';

export function purgeAfterDays(db: Db): number | null {
  const v = getSetting(db, KEY);
  return v === null ? null : Number(v);
}

export function setPurgeAfterDays(db: Db, days: number | null): void {
  if (days === null) stmt(db, 'DELETE FROM settings WHERE key = ?').run(KEY);
  else setSetting(db, KEY, String(days));
}

/**
 * Drops the bytes of every page the centre confirmed at or before `confirmedBefore`. A blob a
 * draft page still uses (taken again, or reused, before the decision) is kept: the draft may
 * still be edited and its page has not been confirmed as part of that case yet.
 */
export function purgeConfirmedPages(db: Db, confirmedBefore: string): { pages: number; bytes: number } {
  const rows = stmt(db, `UPDATE page_blobs SET data = NULL
      WHERE data IS NOT NULL
        AND sha256 IN (SELECT sha256 FROM page_uploads WHERE done_at IS NOT NULL AND done_at <= ?)
        AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.sha256 = page_blobs.sha256 AND p.draft_id IS NOT NULL)
      RETURNING bytes`).all(confirmedBefore) as { bytes: number }[];
  return { pages: rows.length, bytes: rows.reduce((n, r) => n + r.bytes, 0) };
}

/** What the retention card shows: bytes still held here, pages already archived at the centre. */
export function localPageHoldings(db: Db): { localBytes: number; archivedPages: number } {
  return stmt(db, `SELECT coalesce(sum(bytes) FILTER (WHERE data IS NOT NULL), 0) AS localBytes,
                          count(*) FILTER (WHERE data IS NULL) AS archivedPages FROM page_blobs`).get() as { localBytes: number; archivedPages: number };
}
