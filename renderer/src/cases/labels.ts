// How a case's state reads in the queue and the case view.
import type { CaseStatus } from '../../../shared/domain/case';
import { REVIEW_STATUS_LABEL } from '../../../shared/sync/protocol';
import type { Decision } from '../../../shared/domain/checklist';

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

export { MAIN_NOTICE } from '../../../shared/domain/caseState';

/** 一次性告知 and 引导 issue a 告知单 rather than open a case for processing. */
export const numberLabel = (d: Decision): string => (d === 'notifyMissing' || d === 'redirect' ? '告知单号' : '办件编号');

/** '2026-11-28T02:03:04Z' → '11月28日 10:03' in China time. */
export function cnTime(iso: string, withDate = true): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return withDate ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}` : hm;
}
