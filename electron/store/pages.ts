// Every SQL statement over scanned pages (migration 008). Pages are content-addressed: the
// bytes are stored once per sha256 however many pages (or cases, 共性材料) use them. Callers
// run these inside their own transaction.
import { stmt } from './statements';
import type { Db } from './db';
import type { ColourMode, PageContentType, PageRef } from '../../shared/scans/page';

export interface PageRow {
  id: string;
  sha256: string;
  draftId: string | null;
  caseId: string | null;
  materialId: string;
  width: number;
  height: number;
  colour: ColourMode;
  takenAt: string;
  staffNo: string;
  reusedFromCaseId: string | null;
  bytes: number;
  contentType: PageContentType;
  /** 1 once the local copy was purged (the centre holds it). */
  archived: 0 | 1;
}

const COLUMNS = `p.id, p.sha256, p.draft_id AS draftId, p.case_id AS caseId, p.material_id AS materialId, p.width, p.height, p.colour,
  p.taken_at AS takenAt, p.staff_no AS staffNo, p.reused_from_case_id AS reusedFromCaseId, b.bytes, b.content_type AS contentType, b.data IS NULL AS archived`;

export function insertPage(db: Db, page: Omit<PageRow, 'bytes' | 'contentType' | 'archived'>, blob: { data: Uint8Array; contentType: PageContentType }, now: string): void {
  // The same bytes already stored (a page taken twice, or reused): keep the one copy; a purged copy comes back.
  stmt(db, 'INSERT INTO page_blobs (sha256, data, bytes, content_type, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET data = excluded.data WHERE data IS NULL')
    .run(page.sha256, Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength), blob.data.byteLength, blob.contentType, now);
  stmt(db, `INSERT INTO pages (id, sha256, draft_id, case_id, material_id, width, height, colour, taken_at, staff_no, reused_from_case_id)
            VALUES (@id, @sha256, @draftId, @caseId, @materialId, @width, @height, @colour, @takenAt, @staffNo, @reusedFromCaseId)`).run(page);
}

export const draftPages = (db: Db, draftId: string): PageRow[] =>
  stmt(db, `SELECT ${COLUMNS} FROM pages p JOIN page_blobs b USING (sha256) WHERE p.draft_id = ? ORDER BY p.rowid`).all(draftId) as PageRow[];

export const casePages = (db: Db, caseId: string): PageRow[] =>
  stmt(db, `SELECT ${COLUMNS} FROM pages p JOIN page_blobs b USING (sha256) WHERE p.case_id = ? ORDER BY p.rowid`).all(caseId) as PageRow[];

export const getPage = (db: Db, pageId: string): PageRow | undefined =>
  stmt(db, `SELECT ${COLUMNS} FROM pages p JOIN page_blobs b USING (sha256) WHERE p.id = ?`).get(pageId) as PageRow | undefined;

/** The page's bytes; null once purged. */
export function pageData(db: Db, sha256: string): Buffer | null {
  const r = stmt(db, 'SELECT data FROM page_blobs WHERE sha256 = ?').get(sha256) as { data: Buffer | null } | undefined;
  return r?.data ?? null;
}

/** Removes a page that has not joined a case yet; drops its bytes when no other page uses them. */
export function deleteDraftPage(db: Db, pageId: string): boolean {
  const row = stmt(db, 'SELECT sha256 FROM pages WHERE id = ? AND draft_id IS NOT NULL').get(pageId) as { sha256: string } | undefined;
  if (!row) return false;
  stmt(db, 'DELETE FROM pages WHERE id = ?').run(pageId);
  dropUnused(db, row.sha256);
  return true;
}

export function deleteDraft(db: Db, draftId: string): number {
  const shas = (stmt(db, 'SELECT DISTINCT sha256 FROM pages WHERE draft_id = ?').all(draftId) as { sha256: string }[]).map((r) => r.sha256);
  const n = stmt(db, 'DELETE FROM pages WHERE draft_id = ?').run(draftId).changes;
  for (const s of shas) dropUnused(db, s);
  return n;
}

function dropUnused(db: Db, sha256: string) {
  stmt(db, 'DELETE FROM page_blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM pages WHERE sha256 = ?)').run(sha256, sha256);
}

/** Moves the listed draft pages to their case (in the transaction of the event that records it). */
export function attachPages(db: Db, pageIds: readonly string[], caseId: string): void {
  const s = stmt(db, 'UPDATE pages SET case_id = ?, draft_id = NULL WHERE id = ? AND draft_id IS NOT NULL');
  for (const id of pageIds) if (s.run(caseId, id).changes !== 1) throw new Error(`page ${id} is not a draft page`);
}

/** Draft pages with their stored size, the way the case.pagesAttached event carries them. */
export function toPageRef(p: PageRow): PageRef {
  return {
    pageId: p.id, materialId: p.materialId, sha256: p.sha256, bytes: p.bytes, contentType: p.contentType, width: p.width, height: p.height,
    colour: p.colour, takenAt: p.takenAt, ...(p.reusedFromCaseId ? { reusedFromCaseId: p.reusedFromCaseId } : {}),
  };
}

/** Bytes and pages held by a draft or case so far (the limits count them). */
export function heldBy(db: Db, where: { draftId: string } | { caseId: string }): { pages: number; bytes: number } {
  const [col, v] = 'draftId' in where ? ['draft_id', where.draftId] : ['case_id', where.caseId];
  return stmt(db, `SELECT count(*) AS pages, coalesce(sum(b.bytes), 0) AS bytes FROM pages p JOIN page_blobs b USING (sha256) WHERE p.${col} = ?`).get(v) as { pages: number; bytes: number };
}
