// 共性材料: when the same applicant (ID number or credit code) comes back, their pages of the
// item's reusable materials (身份证, 营业执照 — `reusable` in the catalogue) from their newest
// earlier case are offered with the date scanned; taking them over adds draft pages that point
// at the same bytes and record the case they came from (reusedFromCaseId), so the decision's
// case.pagesAttached carries the reuse and the server, holding the bytes already, gets none again.
import type { Workstation } from './workstation';
import { tx } from '../store/db';
import { newId } from '../store/ids';
import { getItem } from '../store/catalogue';
import { casePages, getPage, heldBy } from '../store/pages';
import { alreadyReused, earlierScans, insertReusedPages } from '../store/pageReuse';
import { AppError } from '../../shared/errors';
import { MAX_CASE_BYTES, MAX_PAGES_PER_CASE } from '../../shared/scans/page';
import type { ReuseOffer, PageView } from '../../shared/scans/api';
import { pageView } from './pages';

type Deps = Pick<Workstation, 'db' | 'session'>;
interface Ask {
  itemCode: string;
  applicantKey: string;
  draftId: string;
}

/** ID numbers end in a check character that may be typed in lower case. */
const keyOf = (k: string) => k.trim().toUpperCase();

export function reuseOffers(ws: Deps, ask: Ask): ReuseOffer[] {
  const item = getItem(ws.db, ask.itemCode);
  if (!item) throw new AppError('not_found', '找不到该事项');
  const reusable = item.materials.filter((m) => m.reusable).map((m) => m.id);
  return earlierScans(ws.db, keyOf(ask.applicantKey), reusable)
    .filter((s) => !alreadyReused(ws.db, ask.draftId, s.materialId, s.caseId))
    .map((s) => ({
      materialId: s.materialId, fromCaseId: s.caseId, caseNumber: s.caseNumber, itemName: s.itemName, scannedAt: s.scannedAt,
      pages: casePages(ws.db, s.caseId).filter((p) => p.materialId === s.materialId).map(pageView),
    }));
}

/** Takes one offered material's pages over into the draft, in one transaction. */
export function reusePages(ws: Deps, ask: Ask & { materialId: string; fromCaseId: string }): PageView[] {
  const clerk = ws.session.clerk;
  if (!clerk) throw new AppError('unauthenticated', '请先登录');
  return tx(ws.db, () => {
    // Only what would be offered now: the same applicant, a reusable material of this item.
    const offer = reuseOffers(ws, ask).find((o) => o.materialId === ask.materialId && o.fromCaseId === ask.fromCaseId);
    if (!offer) throw new AppError('precondition_failed', '该申请人没有可复用的此项材料扫描件');
    const source = casePages(ws.db, offer.fromCaseId).filter((p) => p.materialId === offer.materialId);
    const held = heldBy(ws.db, { draftId: ask.draftId });
    if (held.pages + source.length > MAX_PAGES_PER_CASE) throw new AppError('precondition_failed', `每个办件最多 ${MAX_PAGES_PER_CASE} 页扫描件`);
    if (held.bytes + source.reduce((n, p) => n + p.bytes, 0) > MAX_CASE_BYTES) throw new AppError('precondition_failed', `每个办件的扫描件合计不能超过 ${MAX_CASE_BYTES / 1024 / 1024} MB`);
    return insertReusedPages(ws.db, source, ask.draftId, clerk.staffNo, newId).map((id) => pageView(getPage(ws.db, id)!));
  });
}
