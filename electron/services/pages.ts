// Scanned pages at the window: stored for a draft as they are taken (so a reload or a crash
// keeps them), then joined to their case by one case.pagesAttached event, in the transaction
// of the decision, of a 补正, or of a later attach. The bytes' type and size are read from the
// bytes; limits are counted per page and per case.
import crypto from 'node:crypto';
import type { Workstation } from './workstation';
import { tx, type Db } from '../store/db';
import { newId } from '../store/ids';
import { attachPages, casePages, deleteDraft, deleteDraftPage, draftPages, getPage, heldBy, insertPage, pageData, toPageRef, type PageRow } from '../store/pages';
import { loadCaseState, recordEvents } from '../store/caseLog';
import { AppError } from '../../shared/errors';
import { MAX_CASE_BYTES, MAX_PAGE_BYTES, MAX_PAGE_SIDE, MAX_PAGES_PER_CASE, sniffImageType } from '../../shared/scans/page';
import { imageSize } from '../../shared/scans/imageSize';
import type { AddPageInput, PageView } from '../../shared/scans/api';
import type { NewEvent } from '../store/caseEvents';
import type { CaseState } from '../../shared/domain/caseState';
import type { CaseEvent } from '../../shared/domain/caseEvents';
import { queuePageUploads } from '../store/pageUploads';
import { supplementPagesProblem } from '../../shared/domain/supplementClock';
import type { z } from 'zod';

type Deps = Pick<Workstation, 'db' | 'session' | 'now'>;
type PagesAttachedEvent = Extract<NewEvent, { type: 'case.pagesAttached' }>;

function clerkOf(ws: Pick<Workstation, 'session'>) {
  if (!ws.session.clerk) throw new AppError('unauthenticated', '请先登录');
  return ws.session.clerk;
}

export const pageView = (p: PageRow): PageView => ({
  pageId: p.id, materialId: p.materialId, sha256: p.sha256, bytes: p.bytes, contentType: p.contentType, width: p.width, height: p.height,
  colour: p.colour, takenAt: p.takenAt, caseId: p.caseId, reusedFromCaseId: p.reusedFromCaseId, archived: p.archived === 1,
});

/** Decodes and checks one page's bytes: a real image of a sane size, or a clear refusal. */
export function checkPageBytes(dataBase64: string) {
  const data = Buffer.from(dataBase64, 'base64');
  if (!data.length) throw new AppError('invalid_input', '扫描页为空');
  if (data.length > MAX_PAGE_BYTES) throw new AppError('invalid_input', `单页不能超过 ${MAX_PAGE_BYTES / 1024 / 1024} MB，请降低分辨率或改用灰度`);
  const contentType = sniffImageType(data);
  if (!contentType) throw new AppError('invalid_input', '只能保存 JPEG、PNG 或 WebP 图片');
  const size = imageSize(data);
  if (!size) throw new AppError('invalid_input', '图片已损坏，无法读取其尺寸');
  if (size.width > MAX_PAGE_SIDE || size.height > MAX_PAGE_SIDE) throw new AppError('invalid_input', `图片过大（最长边不超过 ${MAX_PAGE_SIDE} 像素）`);
  return { data, contentType, ...size, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}

function checkLimits(held: { pages: number; bytes: number }, addBytes: number) {
  if (held.pages + 1 > MAX_PAGES_PER_CASE) throw new AppError('precondition_failed', `每个办件最多 ${MAX_PAGES_PER_CASE} 页扫描件`);
  if (held.bytes + addBytes > MAX_CASE_BYTES) throw new AppError('precondition_failed', `每个办件的扫描件合计不能超过 ${MAX_CASE_BYTES / 1024 / 1024} MB`);
}

/** One page for a draft, in its own transaction: once this returns, the page survives a crash. */
export function addPage(ws: Deps, input: z.output<typeof AddPageInput>): PageView {
  const clerk = clerkOf(ws);
  const page = checkPageBytes(input.dataBase64);
  const now = ws.now().toISOString();
  return tx(ws.db, () => {
    checkLimits(heldBy(ws.db, { draftId: input.draftId }), page.data.length);
    const id = newId();
    insertPage(
      ws.db,
      { id, sha256: page.sha256, draftId: input.draftId, caseId: null, materialId: input.materialId, width: page.width, height: page.height, colour: input.colour, takenAt: now, staffNo: clerk.staffNo, reusedFromCaseId: null },
      { data: page.data, contentType: page.contentType },
      now,
    );
    return pageView(getPage(ws.db, id)!);
  });
}

export function listPages(db: Db, of: { draftId: string } | { caseId: string }): PageView[] {
  return ('draftId' in of ? draftPages(db, of.draftId) : casePages(db, of.caseId)).map(pageView);
}

/** The page's bytes, or `archived` once the local copy was purged (the viewer says 已归档到中心). */
export function readPage(db: Db, pageId: string): { contentType: string; dataBase64: string | null; archived: boolean } {
  const p = getPage(db, pageId);
  if (!p) throw new AppError('not_found', '找不到该扫描页');
  const data = pageData(db, p.sha256);
  return { contentType: p.contentType, dataBase64: data ? data.toString('base64') : null, archived: !data };
}

export function removePage(db: Db, pageId: string): void {
  tx(db, () => {
    if (deleteDraftPage(db, pageId)) return;
    if (getPage(db, pageId)) throw new AppError('precondition_failed', '该扫描页已随办件保存，不能删除');
    throw new AppError('not_found', '找不到该扫描页');
  });
}

export const discardDraft = (db: Db, draftId: string): number => tx(db, () => deleteDraft(db, draftId));

/**
 * Inside the caller's transaction: the case.pagesAttached event for the draft's pages of the
 * given materials (null when there are none), and the step that moves them once the event is
 * recorded. Pages of materials not on the case's checklist stay with the draft.
 */
export function draftAttachment(db: Db, draftId: string | undefined, caseId: string, materialIds: ReadonlySet<string>, by: { staffNo: string; at: string }, supplement = false): { event: PagesAttachedEvent | null; move: (recorded: readonly CaseEvent[]) => void } {
  const pages = draftId ? draftPages(db, draftId).filter((p) => materialIds.has(p.materialId)) : [];
  if (!pages.length) return { event: null, move: () => {} };
  const held = heldBy(db, { caseId });
  if (held.pages + pages.length > MAX_PAGES_PER_CASE) throw new AppError('precondition_failed', `每个办件最多 ${MAX_PAGES_PER_CASE} 页扫描件`);
  if (held.bytes + pages.reduce((n, p) => n + p.bytes, 0) > MAX_CASE_BYTES) throw new AppError('precondition_failed', `每个办件的扫描件合计不能超过 ${MAX_CASE_BYTES / 1024 / 1024} MB`);
  return {
    event: { caseId, type: 'case.pagesAttached', staffNo: by.staffNo, at: by.at, payload: { pages: pages.map(toPageRef), ...(supplement ? { supplement: true } : {}) } },
    // Once the event is recorded: the pages are the case's, and queued for upload behind it.
    move: (recorded) => {
      attachPages(db, pages.map((p) => p.id), caseId);
      const event = recorded.find((e) => e.type === 'case.pagesAttached');
      if (!event) throw new Error('draftAttachment: the case.pagesAttached event was not recorded');
      queuePageUploads(db, caseId, event.id, pages, by.at);
    },
  };
}

/**
 * Pages taken after the decision join the case now. As the supplement of an open 需补正
 * (`supplement`), only pages of the failed materials are taken, and each of them needs one.
 */
export function attachDraftToCase(ws: Deps, caseId: string, draftId: string, supplement = false, names?: (materialId: string) => string): number {
  const clerk = clerkOf(ws);
  return tx(ws.db, () => {
    const s: CaseState | null = loadCaseState(ws.db, caseId);
    if (!s) throw new AppError('not_found', '找不到该办件');
    let materialIds = new Set(draftPages(ws.db, draftId).map((p) => p.materialId));
    if (supplement && s.reviewStatus === 'needsSupplement') {
      const problem = supplementPagesProblem(s, materialIds, names);
      if (problem) throw new AppError('precondition_failed', problem);
      const failed = s.supplementRequest?.materials ?? [];
      // An older 需补正 named no material: then every page of the draft is its supplement.
      if (failed.length) materialIds = new Set(failed.map((m) => m.materialId));
    }
    const { event, move } = draftAttachment(ws.db, draftId, caseId, materialIds, { staffNo: clerk.staffNo, at: ws.now().toISOString() }, supplement);
    if (!event) return 0;
    const recorded: CaseEvent[] = [];
    recordEvents(ws.db, s, [event], undefined, recorded);
    move(recorded);
    return event.payload.pages.length;
  });
}
