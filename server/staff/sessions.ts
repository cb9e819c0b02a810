// Staff sign-in and sessions, all in PostgreSQL so any server instance answers the same:
// the session row (only the sha256 of the cookie), the idle time-out measured by the
// database's clock, the failed-attempt counter and lock-out on the account row (one atomic
// UPDATE, so attempts spread over two servers still count once each).
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/errors';
import { DEMO_PASSWORD_HASH } from '../../shared/demo/password';
import type { StaffMember } from '../../shared/sync/staff';
import { newSecret, sha256, verifyPasswordAsync, hashPasswordAsync } from '../crypto';
import { audit, recordAudit, type Actor } from '../backoffice/audit';
import { findStaff, memberFromRow, type StaffRow } from './accounts';

export interface SessionOptions {
  /** Minutes without a request after which the session ends (default 30). */
  idleMinutes: number;
  /** Hours after sign-in after which the session ends whatever happens (default 12). */
  maxHours: number;
  /** Failed sign-ins in a row that lock the account (default 5) … */
  lockAfter: number;
  /** … for this many minutes (default 15). */
  lockMinutes: number;
}
export const DEFAULT_SESSION_OPTIONS: SessionOptions = { idleMinutes: 30, maxHours: 12, lockAfter: 5, lockMinutes: 15 };

export interface SignedIn {
  staff: StaffMember & { mustChangePassword: boolean };
  tokenHash: string;
  csrfToken: string;
}

/** Where a request came from, for the audit log. */
export interface Origin {
  ip: string;
  userAgent: string;
}
export const actorOf = (s: SignedIn | null, o: Origin, staffNo: string | null = s?.staff.staffNo ?? null): Actor =>
  ({ staffNo, name: s?.staff.name ?? null, ip: o.ip, userAgent: o.userAgent });

const BAD = () => new HttpError(401, 'bad_credentials', '工号或密码错误');
const minutesLeft = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export async function signIn(db: Db, input: { staffNo: string; password: string }, from: Origin, opts: SessionOptions): Promise<{ token: string; session: SignedIn }> {
  const row = await findStaff(db, input.staffNo);
  const now = (await db.query<{ now: Date }>('SELECT now() AS now')).rows[0].now;
  const who: Actor = { staffNo: input.staffNo, name: row?.name ?? null, ip: from.ip, userAgent: from.userAgent };
  if (row?.active && row.locked_until && row.locked_until > now) {
    await audit(db, who, 'signIn.failed', { detail: { reason: 'locked' } });
    const wait = minutesLeft(row.locked_until, now);
    throw new HttpError(423, 'account_locked', `连续多次密码错误，账号已锁定，请 ${wait} 分钟后再试或联系中心管理员`, { retryAfter: wait * 60 });
  }
  // An unknown or disabled account costs the same scrypt as a real one: no timing tells them apart.
  const ok = await verifyPasswordAsync(input.password, row?.active ? row.password_hash : DEMO_PASSWORD_HASH);
  if (!row?.active || !ok) {
    if (!row?.active) {
      await audit(db, who, 'signIn.failed', { detail: { reason: row ? 'disabled' : 'unknownStaffNo' } });
      throw BAD();
    }
    const locked = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ failed_attempts: number; locked_until: Date | null }>(
        `UPDATE staff SET failed_attempts = failed_attempts + 1,
           locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE staff_no = $1 RETURNING failed_attempts, locked_until`, [row.staff_no, opts.lockAfter, opts.lockMinutes]);
      const r = rows[0];
      await recordAudit(tx, who, 'signIn.failed', { detail: { reason: 'password', attempts: r.failed_attempts } });
      const nowLocked = r.failed_attempts >= opts.lockAfter;
      if (nowLocked) await recordAudit(tx, who, 'signIn.locked', { detail: { minutes: opts.lockMinutes, attempts: r.failed_attempts } });
      return nowLocked;
    });
    if (locked) throw new HttpError(423, 'account_locked', `连续 ${opts.lockAfter} 次密码错误，账号已锁定 ${opts.lockMinutes} 分钟`, { retryAfter: opts.lockMinutes * 60 });
    throw BAD();
  }
  const token = newSecret();
  const csrfToken = newSecret();
  await db.transaction(async (tx) => {
    await tx.query('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE staff_no = $1', [row.staff_no]);
    await tx.query(
      `INSERT INTO staff_sessions (token_hash, csrf_token, staff_no, expires_at, ip, user_agent) VALUES ($1,$2,$3, now() + make_interval(hours => $4), $5, $6)`,
      [sha256(token), csrfToken, row.staff_no, opts.maxHours, from.ip.slice(0, 100), from.userAgent.slice(0, 300)]);
    await recordAudit(tx, { staffNo: row.staff_no, name: row.name, ...from }, 'signIn', { detail: { role: row.role } });
  });
  return { token, session: { staff: { ...memberFromRow(row), mustChangePassword: row.must_change_password }, tokenHash: sha256(token), csrfToken } };
}

type SessionRow = StaffRow & { token_hash: string; csrf_token: string; last_seen_at: Date; expires_at: Date; ended_at: Date | null; db_now: Date };

const EXPIRED = (why: string) => new HttpError(401, 'session_expired', why);

/** The session of a cookie value, or a precise 401; refreshes its idle clock. */
export async function authenticateSession(db: Db, token: string | undefined, from: Origin, opts: SessionOptions): Promise<SignedIn> {
  if (!token) throw new HttpError(401, 'unauthenticated', '请先登录后台（工号和密码）');
  const tokenHash = sha256(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT st.*, s.token_hash, s.csrf_token, s.last_seen_at, s.expires_at, s.ended_at, now() AS db_now
     FROM staff_sessions s JOIN staff st ON st.staff_no = s.staff_no WHERE s.token_hash = $1`, [tokenHash]);
  const r = rows[0];
  if (!r) throw new HttpError(401, 'unauthenticated', '登录已失效，请重新登录');
  if (r.ended_at) throw EXPIRED('已退出登录或登录已失效，请重新登录');
  const idle = r.db_now.getTime() - r.last_seen_at.getTime() > opts.idleMinutes * 60_000;
  const why = !r.active ? 'disabled' : idle ? 'idle' : r.expires_at <= r.db_now ? 'maxAge' : null;
  if (why) {
    await db.transaction(async (tx) => {
      const ended = await tx.query('UPDATE staff_sessions SET ended_at = now(), end_reason = $2 WHERE token_hash = $1 AND ended_at IS NULL', [tokenHash, why]);
      if (ended.rowCount) await recordAudit(tx, { staffNo: r.staff_no, name: r.name, ...from }, 'session.expired', { detail: { reason: why } });
    });
    throw EXPIRED(why === 'disabled' ? '账号已停用，请联系中心管理员' : why === 'idle' ? `超过 ${opts.idleMinutes} 分钟未操作，登录已超时，请重新登录` : '登录时间已满，请重新登录');
  }
  // The idle clock moves at most every 15 s (a quarter of a shorter time-out): a busy console does not write on every request.
  if (r.db_now.getTime() - r.last_seen_at.getTime() > Math.min(15_000, (opts.idleMinutes * 60_000) / 4)) await db.query('UPDATE staff_sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
  return { staff: { ...memberFromRow(r), mustChangePassword: r.must_change_password }, tokenHash, csrfToken: r.csrf_token };
}

export async function signOut(db: Db, s: SignedIn, from: Origin): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE staff_sessions SET ended_at = now(), end_reason = 'signOut' WHERE token_hash = $1 AND ended_at IS NULL`, [s.tokenHash]);
    await recordAudit(tx, actorOf(s, from), 'signOut');
  });
}

/** Own password change: the current one is checked; other sessions of the person end. */
export async function changePassword(db: Db, s: SignedIn, input: { current: string; next: string }, from: Origin): Promise<void> {
  const row = await findStaff(db, s.staff.staffNo);
  if (!row || !(await verifyPasswordAsync(input.current, row.password_hash))) {
    throw new HttpError(400, 'invalid_input', '当前密码不正确', { details: [{ path: 'current', message: '当前密码不正确' }] });
  }
  if (input.next === input.current) throw new HttpError(400, 'invalid_input', '新密码不能与当前密码相同', { details: [{ path: 'next', message: '新密码不能与当前密码相同' }] });
  const hash = await hashPasswordAsync(input.next);
  await db.transaction(async (tx: Queryable) => {
    await tx.query('UPDATE staff SET password_hash = $2, must_change_password = false, password_changed_at = now(), updated_at = now() WHERE staff_no = $1', [row.staff_no, hash]);
    await tx.query(`UPDATE staff_sessions SET ended_at = now(), end_reason = 'passwordChanged' WHERE staff_no = $1 AND token_hash <> $2 AND ended_at IS NULL`, [row.staff_no, s.tokenHash]);
    await recordAudit(tx, actorOf(s, from), 'password.change');
  });
}
