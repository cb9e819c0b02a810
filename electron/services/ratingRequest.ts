// 评价器 (the applicant-facing second screen): the clerk asks the applicant to rate one case
// there. The request is held in memory in the sign-in session: one at a time (a new one
// replaces the old), ended when the case is rated, when the clerk cancels, and at sign-in or
// sign-out. The rating itself goes through rate(), the path of case.rate, as 'secondScreen'.
import { AppError } from '../../shared/errors';
import type { RatingLevel, RatingRequest } from '../../shared/domain/case';
import { getCaseRow } from '../store/cases';
import { findClerk } from '../store/clerks';
import { rate } from './delivery';
import type { Workstation } from './workstation';

/** The sign-in session holds the request; the file, clock and window name answer it. */
export type RatingRequestDeps = Pick<Workstation, 'db' | 'now' | 'session' | 'window'>;

export function requestRating(ws: RatingRequestDeps, caseId: string): RatingRequest {
  const clerk = ws.session.clerk;
  if (!clerk) throw new AppError('unauthenticated', '请先登录');
  const row = getCaseRow(ws.db, caseId);
  if (!row) throw new AppError('not_found', '找不到该办件');
  if (row.rating) throw new AppError('conflict', `办件 ${row.caseNumber} 已评价，每次办事只能评价一次，不能再请申请人评价`);
  ws.session.ratingRequest = { caseId, staffNo: clerk.staffNo, requestedAt: ws.now().toISOString() };
  return pendingRating(ws)!;
}

/** What the second screen should show now: the pending request, or null (idle). */
export function pendingRating(ws: Pick<Workstation, 'db' | 'session' | 'window'>): RatingRequest | null {
  const req = ws.session.ratingRequest;
  const clerk = ws.session.clerk;
  if (!req) return null;
  const row = clerk?.staffNo === req.staffNo ? getCaseRow(ws.db, req.caseId) : null;
  // Rated meanwhile on the clerk's own screen (the fallback), or another clerk: nothing to ask.
  if (!clerk || !row || row.rating) {
    ws.session.ratingRequest = null;
    return null;
  }
  // The applicant rates the clerk who took the case, whoever is signed in now (a colleague may hand it over).
  const handledBy = row.staffNo === clerk.staffNo ? clerk : findClerk(ws.db, row.staffNo);
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    itemName: row.itemName,
    clerkName: handledBy?.name ?? `工号 ${row.staffNo}`,
    staffNo: row.staffNo,
    windowName: ws.window().name,
    requestedAt: req.requestedAt,
  };
}

export function submitRating(ws: RatingRequestDeps, input: { caseId: string; level: RatingLevel; reasons: string[] }): void {
  const pending = pendingRating(ws);
  // The screen may show a request the clerk has just cancelled or replaced: never rate the wrong case.
  if (!pending || pending.caseId !== input.caseId) throw new AppError('conflict', '评价请求已取消或已更换，请按工作人员的提示重新评价');
  rate(ws, { caseId: input.caseId, level: input.level, reasons: input.reasons, source: 'secondScreen', comment: '' });
  // Only once the rating is saved: a refused one (no reason given) can be corrected and resent.
  ws.session.ratingRequest = null;
}

export function cancelRating(ws: Pick<Workstation, 'session'>, caseId?: string): void {
  if (!caseId || ws.session.ratingRequest?.caseId === caseId) ws.session.ratingRequest = null;
}
