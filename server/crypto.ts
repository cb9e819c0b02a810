// Secrets the server hands out are random and stored only as hashes.
import { createHash, randomBytes, randomInt, scryptSync } from 'node:crypto';
import { hashPassword as hashWith, verifyPassword as verifyWith, type PasswordKdf } from '../shared/auth/passwordHash';

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Device bearer token: 32 random bytes, base64url, with a recognisable prefix. */
export const newDeviceToken = () => `yc1_${randomBytes(32).toString('base64url')}`;

// No 0/O, 1/I/L: codes are read aloud and typed by clerks.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** One-time enrolment code shown as XXXX-XXXX-XXXX. */
export function newEnrolCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
export const normalizeEnrolCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

// Format, parameters and bounds live in shared/auth/passwordHash.ts; this is node's scrypt.
const kdf: PasswordKdf = { scrypt: (pw, salt, len, opts) => scryptSync(pw, salt, len, opts), randomBytes };
/** scrypt$N$r$p$salt$key, as the workstation verifies it offline; refuses short passwords. */
export const hashPassword = (password: string): string => hashWith(kdf, password);
export const verifyPassword = (password: string, stored: string): boolean => verifyWith(kdf, password, stored);
