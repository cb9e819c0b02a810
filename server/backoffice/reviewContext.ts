// What every review action needs: the signed-in person, their scope, where the request came
// from (audit), the business day (the server's clock, China calendar), the claim time, and
// the case as the action found it (locked in the action's transaction).
import { fromStoredState } from '../sync/storedState';
import type { Db, Queryable } from '../db/db';
import type { CatalogueStore } from '../catalogue/catalogue';
import { DEFAULT_SUSPEND_LIMIT_DAYS } from '../../shared/domain/catalogue';
import type { CaseState } from '../../shared/domain/caseState';
import type { ClaimView } from '../../shared/sync/review';
import { HttpError } from '../http/errors';
import { caseNotFound, type Scope } from '../staff/scope';
import type { SignedIn } from '../staff/sessions';
import type { Actor } from './audit';
import type { LockedCase } from '../sync/status';
import { iso } from '../time';

export interface ReviewContext {
  db: Db;
  catalogue: CatalogueStore;
  staff: SignedIn['staff'];
  scope: Scope;
  actor: Actor;
  /** China day of the server's clock. */
  today: string;
  claimMinutes: number;
}

export type ActionCase = LockedCase & {
  status: string; review_status: string | null; item_code: string; department_code: string | null; catalogue_version: number | null; state: CaseState | null;
};

/** The case in scope, row-locked for the action (404 exactly as for a case that does not exist). */
export async function lockCase(tx: Queryable, ctx: ReviewContext, caseId: string): Promise<ActionCase & { state: CaseState }> {
  const params: unknown[] = [caseId];
  const { rows } = await tx.query<ActionCase>(
    `SELECT c.id, c.office_code, c.case_number, c.status, c.review_status, c.item_code, c.department_code, c.catalogue_version, c.state
     FROM cases c WHERE c.id = $1 AND ${ctx.scope.where('c', params)} FOR UPDATE OF c`, params);
  const c = rows[0];
  if (!c) throw caseNotFound();
  c.state = fromStoredState(c.state);
  if (!c.state) throw new HttpError(409, 'conflict', '该办件的历史记录无法解读，不能审批，请联系管理员');
  return c as ActionCase & { state: CaseState };
}

export type ClaimRow = { case_id: string; staff_no: string; name: string; claimed_at: Date; expires_at: Date; assigned_by: string | null; live: boolean };

/** The claim on a case (live or expired), optionally row-locked so a reassignment waits for the action. */
export async function readClaim(tx: Queryable, caseId: string, lock = false): Promise<ClaimRow | null> {
  const { rows } = await tx.query<ClaimRow>(
    `SELECT cl.*, s.name, cl.expires_at > now() AS live FROM case_claims cl JOIN staff s ON s.staff_no = cl.staff_no WHERE cl.case_id = $1${lock ? ' FOR UPDATE OF cl' : ''}`, [caseId]);
  return rows[0] ?? null;
}

export const claimView = (r: ClaimRow | null, me: string): ClaimView | null =>
  r && r.live ? { staffNo: r.staff_no, name: r.name, claimedAt: iso(r.claimed_at), expiresAt: iso(r.expires_at), assignedBy: r.assigned_by, mine: r.staff_no === me } : null;

const hhmm = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
export const heldBy = (r: ClaimRow) => new HttpError(409, 'claimed_by_other', `该办件已由 ${r.name}（工号 ${r.staff_no}）认领（至 ${hhmm(r.expires_at)}），只有认领人可以办理`);

/** The action needs the caller's live claim. */
export async function requireOwnClaim(tx: Queryable, ctx: ReviewContext, caseId: string): Promise<ClaimRow> {
  const claim = await readClaim(tx, caseId, true);
  if (claim?.live && claim.staff_no === ctx.staff.staffNo) return claim;
  if (claim?.live) throw heldBy(claim);
  throw new HttpError(409, 'claim_required', claim ? '你的认领已过期，请重新认领后再办理' : '请先认领该办件再办理');
}

/** The item's suspension limit (working days), from the catalogue version the case was opened under. */
export async function suspendLimit(ctx: Pick<ReviewContext, 'catalogue'>, c: Pick<ActionCase, 'item_code' | 'catalogue_version'>): Promise<number> {
  const hit = await ctx.catalogue.item(c.item_code, c.catalogue_version ?? undefined);
  return hit?.item.suspendLimitDays ?? DEFAULT_SUSPEND_LIMIT_DAYS;
}

export const blocked = (b: { code: 'conflict' | 'precondition_failed'; message: string }) => new HttpError(409, 'conflict', b.message);
