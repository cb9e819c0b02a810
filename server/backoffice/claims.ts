// 认领: a reviewer takes a case before deciding; until the claim expires nobody else can
// decide it. One row per case in case_claims and one conditional upsert make a race between
// two reviewers (on one server or two) have exactly one winner. A head may reassign.
import { reviewBlocker, type CaseState } from '../../shared/domain/caseState';
import type { ClaimView } from '../../shared/sync/review';
import { CASE_ROLES } from '../../shared/sync/staff';
import { HttpError } from '../http/errors';
import { staffScope } from '../staff/scope';
import { findStaff, memberFromRow } from '../staff/accounts';
import { recordAudit } from './audit';
import { blocked, claimView, heldBy, lockCase, readClaim, type ReviewContext } from './reviewContext';

/** Claimable while something is left to do (after 准予/不予许可: setting 待取件). */
function claimable(state: CaseState) {
  const b = reviewBlocker(state);
  if (b) throw blocked(b);
  if (state.reviewStatus === 'readyForPickup') throw new HttpError(409, 'conflict', '该办件的审批已经结束，无需认领');
}

export async function claimCase(ctx: ReviewContext, caseId: string): Promise<ClaimView> {
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId);
    claimable(c.state);
    const { rows } = await tx.query<{ staff_no: string }>(
      `INSERT INTO case_claims (case_id, staff_no, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))
       ON CONFLICT (case_id) DO UPDATE SET staff_no = EXCLUDED.staff_no, claimed_at = now(), expires_at = EXCLUDED.expires_at, assigned_by = NULL
       WHERE case_claims.expires_at <= now() OR case_claims.staff_no = EXCLUDED.staff_no
       RETURNING staff_no`, [caseId, ctx.staff.staffNo, ctx.claimMinutes]);
    const claim = await readClaim(tx, caseId);
    if (!rows[0]) throw heldBy(claim!);
    await recordAudit(tx, ctx.actor, 'case.claim', { caseId, detail: { expiresAt: claim!.expires_at.toISOString() } });
    return claimView(claim, ctx.staff.staffNo)!;
  });
}

export async function releaseClaim(ctx: ReviewContext, caseId: string): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    await lockCase(tx, ctx, caseId);
    const r = await tx.query('DELETE FROM case_claims WHERE case_id = $1 AND staff_no = $2 AND expires_at > now()', [caseId, ctx.staff.staffNo]);
    if (!r.rowCount) throw new HttpError(409, 'conflict', '你没有认领该办件');
    await recordAudit(tx, ctx.actor, 'case.release', { caseId });
    return { ok: true as const };
  });
}

/** A head gives the case to a reviewer (or head) whose scope holds it. */
export async function assignCase(ctx: ReviewContext, caseId: string, staffNo: string): Promise<ClaimView> {
  if (ctx.staff.role !== 'head') throw new HttpError(403, 'forbidden', '只有科室负责人可以改派办件');
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId);
    claimable(c.state);
    const target = await findStaff(tx, staffNo);
    const theirs = target && target.active && CASE_ROLES.includes(target.role) ? staffScope(memberFromRow(target)) : null;
    if (!theirs || !theirs.departmentCodes.includes(c.department_code ?? '') || !theirs.officeCodes.includes(c.office_code)) {
      throw new HttpError(400, 'invalid_input', `工号 ${staffNo} 不是负责该办件部门和中心的在岗审批人员`, { details: [{ path: 'staffNo', message: '请选择负责该办件的审批人员' }] });
    }
    const before = await readClaim(tx, caseId, true);
    await tx.query(
      `INSERT INTO case_claims (case_id, staff_no, expires_at, assigned_by) VALUES ($1, $2, now() + make_interval(mins => $3), $4)
       ON CONFLICT (case_id) DO UPDATE SET staff_no = EXCLUDED.staff_no, claimed_at = now(), expires_at = EXCLUDED.expires_at, assigned_by = EXCLUDED.assigned_by`,
      [caseId, staffNo, ctx.claimMinutes, ctx.staff.staffNo]);
    await recordAudit(tx, ctx.actor, 'case.assign', { caseId, detail: { from: before?.live ? before.staff_no : null, to: staffNo } });
    return claimView(await readClaim(tx, caseId), ctx.staff.staffNo)!;
  });
}
