// Secrets the server hands out are random and stored only as hashes.
import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

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

const N = 16384, R = 8, P = 1;
/** Format shared with the workstation's offline sign-in: scrypt$N$r$p$salt$hash (base64). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, 64, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}
export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const got = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { N: +n, r: +r, p: +p });
  return timingSafeEqual(expected, got);
}
