// Offices, windows, clerks, enrolment codes and devices: what the admin CLI manages.
import type { Queryable } from '../db/db';
import { Office, Window } from '../../shared/domain/catalogue';
import { Clerk } from '../../shared/domain/clerk';
import { hashPassword, newEnrolCode, normalizeEnrolCode, sha256 } from '../crypto';
import { iso } from '../time';

type OfficeRow = { code: string; name: string; level: Office['level']; address: string; phone: string; parent_code: string | null };
type WindowRow = { office_code: string; code: string; name: string; kind: Window['kind']; department_codes: string[]; settings: Record<string, unknown> };

export const officeFromRow = (r: OfficeRow): Office =>
  ({ code: r.code, name: r.name, level: r.level, address: r.address, phone: r.phone, parentCode: r.parent_code });
export const windowFromRow = (r: WindowRow): Window =>
  ({ code: r.code, officeCode: r.office_code, name: r.name, kind: r.kind, departmentCodes: r.department_codes });

export async function addOffice(db: Queryable, input: unknown): Promise<Office> {
  const o = Office.parse(input);
  await db.query(
    `INSERT INTO offices (code, name, level, address, phone, parent_code) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (code) DO UPDATE SET name=$2, level=$3, address=$4, phone=$5, parent_code=$6`,
    [o.code, o.name, o.level, o.address, o.phone, o.parentCode],
  );
  return o;
}

export async function addWindow(db: Queryable, input: unknown, settings: Record<string, unknown> = {}): Promise<Window> {
  const w = Window.parse(input);
  await db.query(
    `INSERT INTO windows (office_code, code, name, kind, department_codes, settings) VALUES ($1,$2,$3,$4,$5::jsonb,$6::jsonb)
     ON CONFLICT (office_code, code) DO UPDATE SET name=$3, kind=$4, department_codes=$5::jsonb, settings=$6::jsonb`,
    [w.officeCode, w.code, w.name, w.kind, JSON.stringify(w.departmentCodes), JSON.stringify(settings)],
  );
  return w;
}

/** Adds or updates a clerk with a new password (at least 8 characters, AppError otherwise). */
export async function addClerk(db: Queryable, input: unknown, password: string): Promise<void> {
  const c = Clerk.parse(input);
  await saveClerk(db, c, hashPassword(password));
}

/** Same with a ready hash (the demo accounts' precomputed one). */
export async function saveClerk(db: Queryable, input: unknown, passwordHash: string): Promise<void> {
  const c = Clerk.parse(input);
  await db.query(
    `INSERT INTO clerks (staff_no, name, role, office_code, window_code, password_hash, active, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,true,now())
     ON CONFLICT (staff_no) DO UPDATE SET name=$2, role=$3, office_code=$4, window_code=$5, password_hash=$6, active=true, updated_at=now()`,
    [c.staffNo, c.name, c.role, c.officeCode, c.windowCode, passwordHash],
  );
}

export async function deactivateClerk(db: Queryable, staffNo: string): Promise<boolean> {
  const r = await db.query('UPDATE clerks SET active=false, updated_at=now() WHERE staff_no=$1', [staffNo]);
  return r.rowCount > 0;
}

export async function loadOfficeWindow(db: Queryable, officeCode: string, windowCode: string) {
  const o = await db.query<OfficeRow>('SELECT * FROM offices WHERE code=$1', [officeCode]);
  const w = await db.query<WindowRow>('SELECT * FROM windows WHERE office_code=$1 AND code=$2', [officeCode, windowCode]);
  if (!o.rows[0] || !w.rows[0]) return null;
  return { office: officeFromRow(o.rows[0]), window: windowFromRow(w.rows[0]), settings: w.rows[0].settings };
}

/** Issues a one-time code; only its hash is stored. */
export async function issueEnrolCode(db: Queryable, officeCode: string, windowCode: string, validHours = 72, now = new Date()) {
  if (!(await loadOfficeWindow(db, officeCode, windowCode))) throw new Error(`窗口 ${officeCode}/${windowCode} 不存在，请先添加中心和窗口`);
  const code = newEnrolCode();
  const expiresAt = new Date(now.getTime() + validHours * 3600_000);
  await db.query('INSERT INTO enrolment_codes (code_hash, office_code, window_code, expires_at) VALUES ($1,$2,$3,$4)', [
    sha256(normalizeEnrolCode(code)), officeCode, windowCode, expiresAt,
  ]);
  return { code, expiresAt: iso(expiresAt) };
}

export async function revokeDevice(db: Queryable, deviceId: string): Promise<boolean> {
  const r = await db.query('UPDATE devices SET revoked_at = now() WHERE id::text = $1 AND revoked_at IS NULL', [deviceId]);
  return r.rowCount > 0;
}

export async function listDevices(db: Queryable) {
  const { rows } = await db.query<{ id: string; office_code: string; window_code: string; name: string; enrolled_at: Date; last_seen_at: Date | null; revoked_at: Date | null; last_applied_seq: string | null }>(
    `SELECT d.*, c.last_applied_seq FROM devices d LEFT JOIN device_cursors c ON c.device_id = d.id ORDER BY d.enrolled_at`,
  );
  return rows.map((r) => ({
    id: r.id, officeCode: r.office_code, windowCode: r.window_code, name: r.name, enrolledAt: iso(r.enrolled_at),
    lastSeenAt: r.last_seen_at ? iso(r.last_seen_at) : null, revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
    appliedThrough: Number(r.last_applied_seq ?? 0),
  }));
}

export async function serverId(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM server_meta WHERE key='server_id'`);
  return rows[0].value;
}
