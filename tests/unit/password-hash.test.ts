// Clerk password hashes (shared/auth/passwordHash.ts) with node's real scrypt on both sides:
// today's cost (OWASP: N=2^17, r=8, p=1), older N=2^14 hashes still verify, absurd stored
// parameters are refused at once instead of crashing or stalling, short passwords are refused.
import { describe, expect, it } from 'vitest';
import { randomBytes, scryptSync } from 'node:crypto';
import { MIN_PASSWORD_LENGTH, SCRYPT_PARAMS, formatPasswordHash, parsePasswordHash } from '../../shared/auth/passwordHash';
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from '../../shared/demo/password';
import * as server from '../../server/crypto';
import * as workstation from '../../electron/store/clerks';
import { AppError } from '../../shared/errors';

/** A hash as the code before this change wrote it (server: 64-byte key, workstation: 32). */
function oldHash(password: string, keyLength: number) {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, keyLength, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

describe('password hashes', () => {
  it('new hashes use the OWASP parameters and verify on the other side', () => {
    const fromServer = server.hashPassword('窗口密码-2024');
    expect(parsePasswordHash(fromServer)).toMatchObject({ ...SCRYPT_PARAMS, salt: expect.any(Uint8Array) });
    expect(fromServer.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(workstation.verifyPassword('窗口密码-2024', fromServer)).toBe(true);
    expect(workstation.verifyPassword('窗口密码-2025', fromServer)).toBe(false);
    const fromWindow = workstation.hashPassword('another-pass');
    expect(server.verifyPassword('another-pass', fromWindow)).toBe(true);
  });

  it('hashes written with N=2^14 (server and workstation formats) still verify', () => {
    expect(server.verifyPassword('123456', oldHash('123456', 64))).toBe(true);
    expect(workstation.verifyPassword('123456', oldHash('123456', 32))).toBe(true);
    expect(workstation.verifyPassword('654321', oldHash('123456', 32))).toBe(false);
  });

  it('absurd or malformed stored hashes are refused quickly, never thrown', () => {
    const good = parsePasswordHash(oldHash('x', 32))!;
    const withParams = (N: number, r: number, p: number) => formatPasswordHash({ ...good, N, r, p });
    const bad = [
      withParams(2 ** 30, 8, 1), // 128 GiB
      withParams(2 ** 17, 1_000_000, 1), // memory via r
      withParams(2 ** 17, 8, 1_000_000), // minutes of work via p
      withParams(2 ** 17, 8, 5), // over 4× today's work
      withParams(3, 8, 1), // not a power of two
      withParams(1024, 8, 1), // weaker than anything ever written here
      'scrypt$0$8$1$AAAA$AAAA',
      'scrypt$-16384$8$1$AAAA$AAAA',
      'scrypt$16384$8$1$$',
      'scrypt$16384$8$1$not base64!$AAAA',
      `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(4).toString('base64')}`, // 4-byte key
      'scrypt$16384$8$1$a$b$c',
      'bcrypt$2b$10$abc',
      '',
    ];
    const t0 = performance.now();
    for (const stored of bad) {
      expect(parsePasswordHash(stored)).toBeNull();
      expect(workstation.verifyPassword('x', stored)).toBe(false);
      expect(server.verifyPassword('x', stored)).toBe(false);
    }
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it(`new passwords need ${MIN_PASSWORD_LENGTH} characters (counted as characters)`, () => {
    for (const hash of [server.hashPassword, workstation.hashPassword]) {
      const err = (() => { try { hash('1234567'); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toBe('密码至少 8 位');
    }
    expect(workstation.verifyPassword('一窗受理综合窗口', server.hashPassword('一窗受理综合窗口'))).toBe(true);
  });

  it('the precomputed demo hash is the demo password at today\'s parameters', () => {
    expect(DEMO_PASSWORD).toBe('12345678');
    expect(parsePasswordHash(DEMO_PASSWORD_HASH)).toMatchObject(SCRYPT_PARAMS);
    expect(server.verifyPassword(DEMO_PASSWORD, DEMO_PASSWORD_HASH)).toBe(true);
  });
});

describe('asynchronous check (sign-in off the main thread)', () => {
  it('agrees with the synchronous check for the right, a wrong and a malformed hash', async () => {
    const { verifyPassword: verifySync, verifyPasswordAsync } = await import('../../electron/store/clerks');
    const { DEMO_PASSWORD_HASH } = await import('../../shared/demo/password');
    for (const [pw, stored] of [['12345678', DEMO_PASSWORD_HASH], ['1234567x', DEMO_PASSWORD_HASH], ['12345678', 'scrypt$1$1$1$AA==$AA==']] as const) {
      expect(await verifyPasswordAsync(pw, stored)).toBe(verifySync(pw, stored));
    }
    expect(await verifyPasswordAsync('12345678', DEMO_PASSWORD_HASH)).toBe(true);
  });
});
