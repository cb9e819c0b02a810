// Local clerk accounts for offline sign-in. The hash format, its parameters and the
// constant-time check are shared with the server (shared/auth/passwordHash.ts); this file
// only supplies node's scrypt.
import { stmt } from './statements';
import crypto from 'node:crypto';
import type { Db } from './db';
import type { Clerk, Role } from '../../shared/domain/clerk';
import { hashPassword as hashWith, verifyPassword as verifyWith, verifyPasswordAsync as verifyAsyncWith, type AsyncPasswordKdf, type PasswordKdf } from '../../shared/auth/passwordHash';

const kdf: PasswordKdf = { scrypt: (pw, salt, len, opts) => crypto.scryptSync(pw, salt, len, opts), randomBytes: crypto.randomBytes };

export const hashPassword = (password: string): string => hashWith(kdf, password);
export const verifyPassword = (password: string, stored: string): boolean => verifyWith(kdf, password, stored);
const asyncKdf: AsyncPasswordKdf = {
  scryptAsync: (pw, salt, len, opts) => new Promise((resolve, reject) => crypto.scrypt(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key)))),
};
/** The check a sign-in makes: hashing on node's thread pool, so the app's main process keeps responding (~0.3 s at today's cost). */
export const verifyPasswordAsync = (password: string, stored: string): Promise<boolean> => verifyAsyncWith(asyncKdf, password, stored);

export interface ClerkRecord extends Clerk {
  passwordHash: string;
}

export function upsertClerk(db: Db, clerk: Clerk, passwordHash: string, at = new Date().toISOString()): void {
  stmt(db, 
    `INSERT INTO clerks (staff_no, name, role, office_code, window_code, password_hash, updated_at)
     VALUES (@staffNo, @name, @role, @officeCode, @windowCode, @passwordHash, @at)
     ON CONFLICT (staff_no) DO UPDATE SET name = excluded.name, role = excluded.role, office_code = excluded.office_code,
       window_code = excluded.window_code, password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
  ).run({ ...clerk, passwordHash, at });
}

export function findClerk(db: Db, staffNo: string): ClerkRecord | null {
  const row = db
    .prepare(
      `SELECT staff_no AS staffNo, name, role, office_code AS officeCode, window_code AS windowCode, password_hash AS passwordHash
       FROM clerks WHERE staff_no = ?`,
    )
    .get(staffNo) as (ClerkRecord & { role: Role }) | undefined;
  return row ?? null;
}

export function clerkCount(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM clerks').get() as { n: number }).n;
}

/** Every cached account with its hash (the practice workstation copies them). */
export function listClerkRecords(db: Db): ClerkRecord[] {
  return db.prepare('SELECT staff_no AS staffNo, name, role, office_code AS officeCode, window_code AS windowCode, password_hash AS passwordHash FROM clerks').all() as ClerkRecord[];
}

/** The office's accounts from the centre replace the offline sign-in cache (absent ones are removed). */
export function replaceClerks(db: Db, accounts: Array<{ clerk: Clerk; passwordHash: string; updatedAt: string }>): void {
  const keep = new Set(accounts.map((a) => a.clerk.staffNo));
  for (const { s } of db.prepare('SELECT staff_no AS s FROM clerks').all() as { s: string }[]) {
    if (!keep.has(s)) stmt(db, 'DELETE FROM clerks WHERE staff_no = ?').run(s);
  }
  for (const a of accounts) upsertClerk(db, a.clerk, a.passwordHash, a.updatedAt);
}
