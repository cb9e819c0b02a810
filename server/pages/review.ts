// Pages for the back office: only a signed-in reviewer or head, only within their scope (a case
// out of scope answers exactly like one that does not exist), served with the type read from
// the bytes when they were stored.
import type { Db } from '../db/db';
import type { Scope } from '../staff/scope';
import { caseNotFound } from '../staff/scope';
import type { BlobStore } from './blobStore';
import { HttpError } from '../http/errors';
import type { CasePage } from '../../shared/sync/backoffice';

interface Row {
  page_id: string;
  material_id: string;
  sha256: string;
  bytes: number;
  supplement: boolean;
  content_type: string | null;
  width: number | null;
  height: number | null;
}

/** The case's pages in the order they joined it, each with whether its bytes have arrived. */
export async function casePages(db: Db, scope: Scope, caseId: string): Promise<CasePage[]> {
  const params: unknown[] = [caseId];
  const { rows } = await db.query<Row & { found: boolean }>(
    `SELECT p->>'pageId' AS page_id, p->>'materialId' AS material_id, p->>'sha256' AS sha256, (p->>'bytes')::int AS bytes,
            coalesce((p->>'supplement')::boolean, false) AS supplement, b.content_type, b.width, b.height
     FROM cases c
     LEFT JOIN LATERAL jsonb_array_elements(coalesce(c.state->'pages', '[]'::jsonb)) WITH ORDINALITY AS x(p, n) ON true
     LEFT JOIN page_blobs b ON b.sha256 = p->>'sha256'
     WHERE c.id = $1 AND ${scope.where('c', params)} ORDER BY x.n`,
    params,
  );
  if (!rows.length) throw caseNotFound();
  return rows.filter((r) => r.page_id).map((r) => ({
    pageId: r.page_id, materialId: r.material_id, sha256: r.sha256, bytes: r.bytes,
    stored: r.content_type !== null, contentType: r.content_type, width: r.width, height: r.height, supplement: r.supplement,
  }));
}

export async function pageImage(db: Db, blobs: BlobStore, scope: Scope, caseId: string, pageId: string): Promise<{ contentType: string; data: Buffer }> {
  const page = (await casePages(db, scope, caseId)).find((p) => p.pageId === pageId);
  if (!page) throw new HttpError(404, 'not_found', '没有找到该扫描页');
  const data = page.stored ? await blobs.read(page.sha256) : null;
  if (!page.contentType || !data) throw new HttpError(404, 'not_found', '该扫描页尚未从窗口上传到中心');
  return { contentType: page.contentType, data };
}
