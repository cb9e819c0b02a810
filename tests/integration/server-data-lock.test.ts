// The data folder lock itself: held by a live process (who is named), free once released or
// once its process is killed. Linux uses an abstract socket; the socket-file variant used
// elsewhere (macOS …) is run here too, including a file left behind by a SIGKILLed process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirBusy, lockAddress, lockDataDir } from '../../server/db/data-lock';

let root: string;
beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'yc-datalock-')); });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(['linux', 'darwin'] as const)('data folder lock (%s kind)', (platform) => {
  const opts = { platform };

  it('a held folder is refused naming the holder; free again after release', async () => {
    const dir = join(root, `held-${platform}`);
    const lock = await lockDataDir(dir, 'serve', opts);
    const err = await lockDataDir(dir, 'admin', opts).catch((e) => e);
    expect(err).toBeInstanceOf(DataDirBusy);
    expect(err.holder).toEqual({ pid: process.pid, role: 'serve' });
    // Another spelling of the same folder is the same lock.
    expect(await lockDataDir(join(dir, '..', `held-${platform}`), 'admin', opts).catch((e) => e)).toBeInstanceOf(DataDirBusy);
    // Other folders are independent.
    const other = await lockDataDir(join(root, `other-${platform}`), 'admin', opts);
    await other.release();
    await lock.release();
    await (await lockDataDir(dir, 'admin', opts)).release();
  });

  it('a lock whose process was SIGKILLed is free at once', async () => {
    const dir = join(root, `killed-${platform}`);
    const { path, isFile } = lockAddress(dir, platform);
    // A bare listener on the lock's address, as a crashed holder leaves it.
    // (hex, since an abstract address starts with a NUL byte that argv cannot carry)
    const script = "require('net').createServer().listen(Buffer.from(process.argv[1], 'hex').toString(), () => console.log('ready')); setInterval(() => {}, 1000)";
    const child = spawn(process.execPath, ['-e', script, Buffer.from(path).toString('hex')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((r) => child.stdout!.once('data', r));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    if (isFile) expect(existsSync(path)).toBe(true); // stale socket file left behind
    const lock = await lockDataDir(dir, 'serve', opts);
    await lock.release();
  });

  it('something else answering on the address counts as busy (holder unknown)', async () => {
    const dir = join(root, `foreign-${platform}`);
    const foreign = createServer((s) => s.end('not a lock'));
    await new Promise<void>((r) => foreign.listen(lockAddress(dir, platform).path, r));
    try {
      const err = await lockDataDir(dir, 'admin', opts).catch((e) => e);
      expect(err).toBeInstanceOf(DataDirBusy);
      expect(err.holder).toBeNull();
    } finally {
      await new Promise((r) => foreign.close(r));
    }
  });
});

it('addresses: abstract socket on Linux, named pipe on Windows, a socket file elsewhere', () => {
  const dir = join(root, 'addr');
  expect(lockAddress(dir, 'linux').path).toMatch(/^\0yichuang-[0-9a-f]{24}$/);
  expect(lockAddress(dir, 'win32').path).toMatch(/^\\\\\?\\pipe\\yichuang-[0-9a-f]{24}$/);
  const file = lockAddress(dir, 'darwin');
  expect(file.isFile).toBe(true);
  expect(file.path.startsWith(join(tmpdir(), 'yichuang-'))).toBe(true);
  expect(file.path).toMatch(/yichuang-[0-9a-f]{24}\.sock$/);
});
