// Every SQL statement of 共性材料 reuse: the applicant's pages of reusable materials in their
// earlier cases, and new page rows that point at the same bytes (content-addressed: no copy).
// Callers hold the transaction.
import { stmt } from './statements';
import type { Db } from './db';
import type { PageRow } from './pages';

export interface EarlierScan {
  caseId: string;
  caseNumber: string;
  itemName: string;
  materialId: string;
  /** When the newest of the material's pages in that case was scanned. */
  scannedAt: string;
}

// The applicant's cases by ID number or credit code: the same expression indexes as 查找办件
// (migration 009), so this stays an index look-up however many cases the window holds.
const APPLICANT_CASES = `SELECT id FROM cases WHERE json_extract(applicant, '$.idNumber') = @key
  UNION SELECT id FROM cases WHERE json_extract(applicant, '$.creditCode') = @key`;

/** Per material, the applicant's newest earlier case holding pages of it (newest first). */
export function earlierScans(db: Db, applicantKey: string, materialIds: readonly string[]): EarlierScan[] {
  if (!materialIds.length) return [];
  const rows = stmt(db, `SELECT c.id AS caseId, c.case_number AS caseNumber, c.item_name AS itemName, p.material_id AS materialId, max(p.taken_at) AS scannedAt
      FROM pages p JOIN cases c ON c.id = p.case_id
      WHERE p.case_id IN (${APPLICANT_CASES}) AND p.material_id IN (SELECT value FROM json_each(@ids))
      GROUP BY c.id, p.material_id ORDER BY scannedAt DESC, c.id DESC`).all({ key: applicantKey, ids: JSON.stringify(materialIds) }) as EarlierScan[];
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.materialId) && seen.add(r.materialId));
}

/** Whether the draft already took this material's pages over from that case. */
export const alreadyReused = (db: Db, draftId: string, materialId: string, fromCaseId: string): boolean =>
  !!stmt(db, 'SELECT 1 FROM pages WHERE draft_id = ? AND material_id = ? AND reused_from_case_id = ? LIMIT 1').get(draftId, materialId, fromCaseId);

/**
 * New draft pages for the earlier case's pages of one material: the same sha256 (the blob row
 * is shared, never copied), the original scan time, and where they came from.
 */
export function insertReusedPages(db: Db, source: readonly PageRow[], draftId: string, staffNo: string, newId: () => string): string[] {
  const s = stmt(db, `INSERT INTO pages (id, sha256, draft_id, case_id, material_id, width, height, colour, taken_at, staff_no, reused_from_case_id)
                      VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`);
  return source.map((p) => {
    const id = newId();
    s.run(id, p.sha256, draftId, p.materialId, p.width, p.height, p.colour, p.takenAt, staffNo, p.caseId);
    return id;
  });
}
