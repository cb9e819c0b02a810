// Secrets the server hands out are random and stored only as hashes.
import { hash, randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import {
  formatPasswordHash, hashPassword as hashWith, parsePasswordHash, passwordProblem, SCRYPT_MAXMEM, SCRYPT_PARAMS, verifyPassword as verifyWith, type PasswordKdf,
} from '../shared/auth/passwordHash';
import { AppError } from '../shared/errors';

// One-shot hash (no Hash object per call): the push hashes every chain link it receives.
export const sha256 = (s: string) => hash('sha256', s, 'hex');

/** Device bearer token: 32 random bytes, base64url, with a recognisable prefix. */
export const newDeviceToken = () => `yc1_${randomBytes(32).toString('base64url')}`;
/** A random secret of 32 bytes (session cookies, CSRF tokens). */
export const newSecret = () => randomBytes(32).toString('base64url');

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

// Staff sign-in runs on the server's event loop: the async scrypt keeps other requests
// (devices syncing) flowing during its ~0.3 s. Same format and bounds as above.
const scryptAsync = (pw: string, salt: Uint8Array, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));

export async function hashPasswordAsync(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('invalid_input', problem);
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFC'), salt, 64, { ...SCRYPT_PARAMS, maxmem: SCRYPT_MAXMEM });
  return formatPasswordHash({ ...SCRYPT_PARAMS, salt, key });
}

export async function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const h = parsePasswordHash(stored);
  if (!h) return false;
  try {
    const got = await scryptAsync(password.normalize('NFC'), h.salt, h.key.length, { N: h.N, r: h.r, p: h.p, maxmem: SCRYPT_MAXMEM });
    return timingSafeEqual(got, h.key);
  } catch {
    return false;
  }
}
