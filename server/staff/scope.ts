// What a signed-in staff member may see: the cases of their departments' items at their
// offices. One predicate, used by every back-office query (lists, counts, case detail,
// scans, catalogue look-ups) and reusable by statistics: a case outside it answers exactly
// like a case that does not exist.
import type { Queryable } from '../db/db';
import { CASE_ROLES, type StaffMember } from '../../shared/sync/staff';
import { HttpError } from '../http/errors';

export interface Scope {
  readonly departmentCodes: readonly string[];
  readonly officeCodes: readonly string[];
  /**
   * SQL predicate over a `cases` alias, its parameters appended to `params`:
   * `WHERE ${scope.where('c', params)}`. An admin (no case rights) gets FALSE.
   */
  where(alias: string, params: unknown[]): string;
  /** Whether an item's department is in scope (catalogue look-ups). */
  hasDepartment(code: string | null): boolean;
}

export function staffScope(m: Pick<StaffMember, 'role' | 'departmentCodes' | 'officeCodes'>): Scope {
  const caseRights = CASE_ROLES.includes(m.role);
  const departmentCodes = caseRights ? [...m.departmentCodes] : [];
  const officeCodes = caseRights ? [...m.officeCodes] : [];
  return {
    departmentCodes,
    officeCodes,
    where(alias, params) {
      if (!departmentCodes.length || !officeCodes.length) return 'FALSE';
      params.push(departmentCodes, officeCodes);
      return `(${alias}.department_code = ANY($${params.length - 1}::text[]) AND ${alias}.office_code = ANY($${params.length}::text[]))`;
    },
    hasDepartment: (code) => code !== null && departmentCodes.includes(code),
  };
}

/** The one answer for a case that is not there or not the caller's to see. */
export const caseNotFound = () => new HttpError(404, 'not_found', '没有找到该办件');

/** Throws 404 unless the case exists and is in scope (for routes about one case, e.g. its scans). */
export async function requireCaseInScope(db: Queryable, scope: Scope, caseId: string): Promise<void> {
  const params: unknown[] = [caseId];
  const { rows } = await db.query(`SELECT 1 FROM cases c WHERE c.id = $1 AND ${scope.where('c', params)}`, params);
  if (!rows.length) throw caseNotFound();
}
