// What the signed-in person may do with a case now: the rules of caseState.ts plus the
// claim and the role. The console shows exactly these buttons; the action routes check the
// same rules again in their transaction.
import {
  correctionBlocker, extendBlocker, resumeBlocker, reviewBlocker, reviewDecisionBlocker, reviewFinished, suspendBlocker, type CaseState,
} from '../../shared/domain/caseState';
import { REVIEW_STATUSES } from '../../shared/domain/caseEvents';
import type { ReviewActions } from '../../shared/sync/backoffice';
import type { ClaimView } from '../../shared/sync/review';
import { CASE_ROLES, type StaffMember } from '../../shared/sync/staff';

const hhmm = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(11, 16);

export function reviewActions(state: CaseState, claim: ClaimView | null, me: Pick<StaffMember, 'role'>, openExtension: boolean, suspendLimitDays: number): ReviewActions {
  const works = CASE_ROLES.includes(me.role);
  const head = me.role === 'head';
  const mine = !!claim?.mine;
  const other = !!claim && !claim.mine;
  const reviewable = works && reviewBlocker(state) === null;
  const finished = reviewFinished(state);
  const decide = mine ? REVIEW_STATUSES.filter((s) => reviewDecisionBlocker(state, s) === null) : [];
  const actor = mine || (head && reviewable);
  let note: string | null = null;
  if (!works) note = '中心管理员不审批办件';
  else if (reviewBlocker(state)) note = reviewBlocker(state)!.message;
  else if (state.suspension) note = `办件已挂起（${state.suspension.reason}），恢复办理后才能作出审批决定`;
  else if (other) note = `已由 ${claim!.name}（工号 ${claim!.staffNo}）认领，至 ${hhmm(claim!.expiresAt)}`;
  else if (!mine && !finished) note = '认领后才能审批';
  else if (finished && !decide.length) note = '审批已结束';
  return {
    reviewable: reviewBlocker(state) === null,
    claim: reviewable && state.reviewStatus !== 'readyForPickup' && !claim,
    release: mine,
    assign: head && reviewable && !finished,
    decide,
    correct: head && (correctionBlocker(state, 'approved') === null || correctionBlocker(state, 'rejected') === null),
    requestExtension: mine && extendBlocker(state) === null && !openExtension,
    decideExtension: head && openExtension,
    suspend: actor && suspendBlocker(state, suspendLimitDays) === null,
    resume: actor && resumeBlocker(state) === null,
    note,
  };
}
