// Staff accounts (staff table): add, change, disable/enable, reset a password. Used by the admin
// CLI (`staff add|disable|reset`) and the console's admin pages; every change is audited in
// the same transaction, and ends the person's open sessions when it takes rights away.
import type { Db, Queryable } from '../db/db';
import { AppError } from '../../shared/errors';
import { StaffInput, StaffUpdate, type StaffAccount, type StaffMember, type StaffRole } from '../../shared/sync/staff';
import { hashPasswordAsync } from '../crypto';
import { recordAudit, type Actor } from '../backoffice/audit';
import { iso } from '../time';

export type StaffRow = {
  staff_no: string; name: string; role: StaffRole; department_codes: string[]; office_codes: string[]; password_hash: string;
  must_change_password: boolean; active: boolean; failed_attempts: number; locked_until: Date | null; updated_at: Date;
};
export const memberFromRow = (r: StaffRow): StaffMember => ({
  staffNo: r.staff_no, name: r.name, role: r.role, departmentCodes: r.department_codes ?? [], officeCodes: r.office_codes ?? [],
});
const accountFromRow = (r: StaffRow): StaffAccount => ({
  ...memberFromRow(r), active: r.active, mustChangePassword: r.must_change_password, lockedUntil: r.locked_until ? iso(r.locked_until) : null, updatedAt: iso(r.updated_at),
});

export async function findStaff(db: Queryable, staffNo: string): Promise<StaffRow | null> {
  return (await db.query<StaffRow>('SELECT * FROM staff WHERE staff_no = $1', [staffNo])).rows[0] ?? null;
}

export async function listStaff(db: Queryable): Promise<StaffAccount[]> {
  return (await db.query<StaffRow>('SELECT * FROM staff ORDER BY staff_no')).rows.map(accountFromRow);
}

/** The account's departments and offices must exist: a typo would hide every case from its owner. */
async function checkPlaces(db: Queryable, m: Pick<StaffMember, 'departmentCodes' | 'officeCodes'>, departments: ReadonlySet<string> | null) {
  const details = [];
  if (m.officeCodes.length) {
    const { rows } = await db.query<{ code: string }>('SELECT code FROM offices WHERE code = ANY($1::text[])', [m.officeCodes]);
    const known = new Set(rows.map((r) => r.code));
    for (const [i, c] of m.officeCodes.entries()) if (!known.has(c)) details.push({ path: `officeCodes[${i}]`, message: `中心 ${c} 不存在` });
  }
  if (departments) for (const [i, c] of m.departmentCodes.entries()) if (!departments.has(c)) details.push({ path: `departmentCodes[${i}]`, message: `部门 ${c} 不在事项目录中` });
  if (details.length) throw new AppError('invalid_input', '账号的部门或中心有误', details);
}

/** Adds an account; a 工号 already used is refused (change it with updateStaff). */
export async function addStaff(db: Db, actor: Actor, input: unknown, departments: ReadonlySet<string> | null, opts: { passwordHash?: string; mustChangePassword?: boolean } = {}): Promise<StaffAccount> {
  const s = StaffInput.parse(input);
  await checkPlaces(db, s, departments);
  const hash = opts.passwordHash ?? (await hashPasswordAsync(s.password));
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<StaffRow>(
      `INSERT INTO staff (staff_no, name, role, department_codes, office_codes, password_hash, must_change_password)
       VALUES ($1,$2,$3,$4::text[],$5::text[],$6,$7) ON CONFLICT (staff_no) DO NOTHING RETURNING *`,
      [s.staffNo, s.name, s.role, s.role === 'admin' ? [] : s.departmentCodes, s.role === 'admin' ? [] : s.officeCodes, hash, opts.mustChangePassword ?? false],
    );
    if (!rows[0]) throw new AppError('conflict', `工号 ${s.staffNo} 已被使用`);
    await recordAudit(tx, actor, 'staff.add', { detail: { staffNo: s.staffNo, name: s.name, role: s.role, departmentCodes: s.departmentCodes, officeCodes: s.officeCodes } });
    return accountFromRow(rows[0]);
  });
}

/** Idempotent seed of an account with a ready hash (the demo accounts); changes nothing that exists. */
export async function seedStaff(db: Queryable, m: StaffMember, passwordHash: string): Promise<void> {
  await db.query(
    `INSERT INTO staff (staff_no, name, role, department_codes, office_codes, password_hash) VALUES ($1,$2,$3,$4::text[],$5::text[],$6)
     ON CONFLICT (staff_no) DO NOTHING`,
    [m.staffNo, m.name, m.role, m.departmentCodes, m.officeCodes, passwordHash],
  );
}

async function endSessions(tx: Queryable, staffNo: string, reason: string) {
  await tx.query(`UPDATE staff_sessions SET ended_at = now(), end_reason = $2 WHERE staff_no = $1 AND ended_at IS NULL`, [staffNo, reason]);
}

export async function updateStaff(db: Db, actor: Actor, staffNo: string, input: unknown, departments: ReadonlySet<string> | null): Promise<StaffAccount> {
  const u = StaffUpdate.parse(input);
  await checkPlaces(db, u, departments);
  return db.transaction(async (tx) => {
    const before = await findStaff(tx, staffNo);
    if (!before) throw new AppError('not_found', `没有工号为 ${staffNo} 的账号`);
    if (actor.staffNo === staffNo && u.role !== before.role) throw new AppError('conflict', '不能修改自己的角色');
    const { rows } = await tx.query<StaffRow>(
      `UPDATE staff SET name=$2, role=$3, department_codes=$4::text[], office_codes=$5::text[], updated_at=now() WHERE staff_no=$1 RETURNING *`,
      [staffNo, u.name, u.role, u.role === 'admin' ? [] : u.departmentCodes, u.role === 'admin' ? [] : u.officeCodes],
    );
    // New rights take effect at the next request anyway (sessions read the account each time).
    await recordAudit(tx, actor, 'staff.update', { detail: { staffNo, from: { role: before.role, departmentCodes: before.department_codes, officeCodes: before.office_codes }, to: u } });
    return accountFromRow(rows[0]);
  });
}

export async function setStaffActive(db: Db, actor: Actor, staffNo: string, active: boolean): Promise<StaffAccount> {
  if (!active && actor.staffNo === staffNo) throw new AppError('conflict', '不能停用自己的账号');
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<StaffRow>(
      `UPDATE staff SET active=$2, failed_attempts=0, locked_until=NULL, updated_at=now() WHERE staff_no=$1 RETURNING *`, [staffNo, active]);
    if (!rows[0]) throw new AppError('not_found', `没有工号为 ${staffNo} 的账号`);
    if (!active) {
      await endSessions(tx, staffNo, 'disabled');
      // A disabled reviewer's claims go back to the queue.
      await tx.query('DELETE FROM case_claims WHERE staff_no = $1', [staffNo]);
    }
    await recordAudit(tx, actor, active ? 'staff.enable' : 'staff.disable', { detail: { staffNo } });
    return accountFromRow(rows[0]);
  });
}

/** Sets a new password (the person must change it at the next sign-in unless it is their own change) and ends their sessions. */
export async function resetStaffPassword(db: Db, actor: Actor, staffNo: string, password: string): Promise<StaffAccount> {
  const hash = await hashPasswordAsync(password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<StaffRow>(
      `UPDATE staff SET password_hash=$2, must_change_password=true, failed_attempts=0, locked_until=NULL, password_changed_at=now(), updated_at=now()
       WHERE staff_no=$1 RETURNING *`, [staffNo, hash]);
    if (!rows[0]) throw new AppError('not_found', `没有工号为 ${staffNo} 的账号`);
    await endSessions(tx, staffNo, 'passwordReset');
    await recordAudit(tx, actor, 'staff.resetPassword', { detail: { staffNo } });
    return accountFromRow(rows[0]);
  });
}
