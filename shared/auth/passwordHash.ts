// Clerk password hashes, one format for both sides: the server writes them (`clerk add`) and
// sends them to windows, the workstation verifies them offline and writes its demo accounts.
// Format: scrypt$N$r$p$<salt base64>$<key base64>. The parameters are read from the stored
// hash, so older hashes keep verifying after the cost goes up. The scrypt call itself is
// injected by each side (node:crypto is not allowed here).
import { AppError } from '../errors';

/** OWASP Password Storage Cheat Sheet, scrypt: N=2^17, r=8, p=1 (128 MiB, ~0.3 s). */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
/** node's scrypt refuses more than 32 MiB unless told; 128·N·r = 128 MiB needs headroom. */
export const SCRYPT_MAXMEM = 256 * 1024 * 1024;
export const MIN_PASSWORD_LENGTH = 8;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export interface PasswordKdf {
  scrypt(password: string, salt: Uint8Array, keyLength: number, opts: ScryptParams & { maxmem: number }): Uint8Array;
  randomBytes(n: number): Uint8Array;
}
export interface ParsedHash extends ScryptParams {
  salt: Uint8Array;
  key: Uint8Array;
}

/** Wire check of the format (the sync protocol validates downloaded accounts with it). */
export const PASSWORD_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

// What a stored hash may ask of the verifier: from the oldest hashes written here (N=2^14) up
// to no more memory than today's parameters and at most 4× their work, so a corrupt or
// hostile hash can neither crash the process nor hold it for minutes.
const MIN_N = 2 ** 14;
const MAX_MEMORY = 128 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r;
const MAX_WORK = 4 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r * SCRYPT_PARAMS.p;
const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function acceptable({ N, r, p }: ScryptParams): boolean {
  return [N, r, p].every((v) => Number.isSafeInteger(v) && v >= 1) && N >= MIN_N && Number.isInteger(Math.log2(N))
    && 128 * N * r <= MAX_MEMORY && N * r * p <= MAX_WORK;
}

const toB64 = (b: Uint8Array) => btoa(Array.from(b, (c) => String.fromCharCode(c)).join(''));
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export function formatPasswordHash(h: ParsedHash): string {
  return `scrypt$${h.N}$${h.r}$${h.p}$${toB64(h.salt)}$${toB64(h.key)}`;
}

/** The stored hash, or null when it is malformed or asks for parameters out of bounds. */
export function parsePasswordHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt' || !parts.slice(1, 4).every((x) => /^\d{1,10}$/.test(x))) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!acceptable({ N, r, p }) || !B64.test(parts[4]) || !B64.test(parts[5])) return null;
  const salt = fromB64(parts[4]), key = fromB64(parts[5]);
  if (salt.length < 8 || salt.length > 64 || key.length < 16 || key.length > 64) return null;
  return { N, r, p, salt, key };
}

/** Chinese reason a new password is refused, or null. Counted in characters, not bytes. */
export function passwordProblem(password: string): string | null {
  return [...password].length < MIN_PASSWORD_LENGTH ? `密码至少 ${MIN_PASSWORD_LENGTH} 位` : null;
}

/** A new hash at today's parameters; refuses passwords that are too short. */
export function hashPassword(kdf: PasswordKdf, password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('invalid_input', problem);
  const salt = kdf.randomBytes(SALT_BYTES);
  const key = kdf.scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...SCRYPT_PARAMS, maxmem: SCRYPT_MAXMEM });
  return formatPasswordHash({ ...SCRYPT_PARAMS, salt, key });
}

/** Constant-time check against a stored hash; false (never a throw) for anything unusable. */
export function verifyPassword(kdf: PasswordKdf, password: string, stored: string): boolean {
  const h = parsePasswordHash(stored);
  if (!h) return false;
  try {
    return sameKey(kdf.scrypt(password.normalize('NFC'), h.salt, h.key.length, { N: h.N, r: h.r, p: h.p, maxmem: SCRYPT_MAXMEM }), h.key);
  } catch {
    return false;
  }
}

/** scrypt off the calling thread (node's thread pool), so a sign-in never blocks the app. */
export interface AsyncPasswordKdf {
  scryptAsync(password: string, salt: Uint8Array, keyLength: number, opts: ScryptParams & { maxmem: number }): Promise<Uint8Array>;
}

/** verifyPassword, with the hashing done asynchronously. */
export async function verifyPasswordAsync(kdf: AsyncPasswordKdf, password: string, stored: string): Promise<boolean> {
  const h = parsePasswordHash(stored);
  if (!h) return false;
  try {
    return sameKey(await kdf.scryptAsync(password.normalize('NFC'), h.salt, h.key.length, { N: h.N, r: h.r, p: h.p, maxmem: SCRYPT_MAXMEM }), h.key);
  } catch {
    return false;
  }
}

function sameKey(got: Uint8Array, key: Uint8Array): boolean {
  let diff = got.length ^ key.length;
  for (let i = 0; i < key.length; i++) diff |= got[i] ^ key[i];
  return diff === 0;
}
