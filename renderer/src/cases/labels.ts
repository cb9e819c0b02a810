// How a case's state reads in the queue and the case view.
import type { CaseSummary, CaseStatus } from '../../../shared/domain/case';
import { REVIEW_STATUS_LABEL } from '../../../shared/sync/protocol';
import type { NoticeKind } from '../../../shared/notice/model';
import type { Decision } from '../../../shared/domain/checklist';
import { chinaDay } from '../../../shared/time';

export const STATUS_COLOR: Record<CaseStatus, string> = {
  accepted: 'blue',
  awaitingSupplement: 'gold',
  completed: 'green',
  notified: 'orange',
  refused: 'red',
  redirected: 'purple',
  terminated: 'default',
  delivered: 'cyan',
};

/** Back-office status as synced (a code), shown by its label; unknown codes as they are. */
export function reviewLabel(s: string | null): string | null {
  if (!s) return null;
  return (REVIEW_STATUS_LABEL as Record<string, string>)[s] ?? s;
}

/** Review statuses after which the result can be handed over (mirrors the handler). */
const READY_REVIEW = new Set(['approved', 'rejected', 'readyForPickup']);
export const readyToDeliver = (s: CaseSummary): boolean => s.status === 'completed' || (s.status === 'accepted' && READY_REVIEW.has(s.reviewStatus ?? ''));

/** 即办件: accepted with a promised date on the day of acceptance (0 working days). */
export const isOnTheSpot = (s: CaseSummary): boolean => s.status === 'accepted' && (s.tier !== null || s.promisedDate === chinaDay(new Date(s.acceptedAt)));

export const MAIN_NOTICE: Record<Decision, NoticeKind> = {
  accept: 'acceptance',
  acceptWithDeferral: 'deferredAcceptance',
  notifyMissing: 'missingMaterials',
  refuse: 'refusal',
  redirect: 'redirect',
};

/** 一次性告知 and 引导 issue a 告知单 rather than open a case for processing. */
export const numberLabel = (d: Decision): string => (d === 'notifyMissing' || d === 'redirect' ? '告知单号' : '办件编号');

/** '2026-11-28T02:03:04Z' → '11月28日 10:03' in China time. */
export function cnTime(iso: string, withDate = true): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return withDate ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}` : hm;
}
