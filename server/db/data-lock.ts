// One process per PGlite data folder. The lock is a local socket named after the folder, so
// the OS drops it the moment its process dies (crash, SIGKILL, power cut): nothing goes stale
// and a reused pid cannot keep the folder locked, unlike a pid file.
// Linux: abstract socket; Windows: named pipe; elsewhere: a socket file in the temp folder,
// taken over when nobody answers on it (its process died).
// The holder answers each connection with its pid and role, for the refusal message.
import { createServer, connect, type Server } from 'node:net';
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type LockRole = 'serve' | 'admin';
export interface LockHolder { pid: number; role: LockRole }

export class DataDirBusy extends Error {
  constructor(readonly dataDir: string, readonly holder: LockHolder | null) {
    super(`data folder ${dataDir} is locked by ${holder ? `${holder.role} pid ${holder.pid}` : 'another process'}`);
    this.name = 'DataDirBusy';
  }
}

export interface DataLock {
  release(): Promise<void>;
}

/** The socket address for a folder; `platform` is a parameter so tests can try each kind. */
export function lockAddress(dataDir: string, platform: NodeJS.Platform = process.platform): { path: string; isFile: boolean } {
  mkdirSync(dataDir, { recursive: true });
  let real = realpathSync.native(dataDir);
  if (platform === 'win32' || platform === 'darwin') real = real.toLowerCase(); // case-insensitive file systems
  const id = `yichuang-${createHash('sha256').update(real).digest('hex').slice(0, 24)}`;
  if (platform === 'linux') return { path: `\0${id}`, isFile: false };
  if (platform === 'win32') return { path: `\\\\?\\pipe\\${id}`, isFile: false };
  return { path: join(tmpdir(), `${id}.sock`), isFile: true };
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Who holds `path`: undefined when nobody answers (its process died), null when not a lock of ours. */
function askHolder(path: string, timeoutMs = 2000): Promise<LockHolder | null | undefined> {
  return new Promise((resolve) => {
    let text = '';
    const sock = connect(path);
    const done = (v: LockHolder | null | undefined) => { sock.destroy(); resolve(v); };
    sock.setTimeout(timeoutMs, () => done(undefined));
    sock.on('data', (d) => (text += d));
    sock.on('end', () => {
      try {
        const h = JSON.parse(text) as LockHolder;
        done(Number.isInteger(h.pid) ? h : null);
      } catch {
        done(null);
      }
    });
    sock.on('error', () => done(undefined));
  });
}

export async function lockDataDir(dataDir: string, role: LockRole, opts: { platform?: NodeJS.Platform } = {}): Promise<DataLock> {
  const { path, isFile } = lockAddress(dataDir, opts.platform);
  const reply = JSON.stringify({ pid: process.pid, role } satisfies LockHolder);
  // A holder that is starting or exiting may not answer at once: a few short tries.
  for (let attempt = 0; ; attempt++) {
    const server = createServer((sock) => sock.end(reply));
    try {
      await listen(server, path);
      server.unref(); // the lock alone never keeps the process alive
      return { release: () => new Promise<void>((r) => server.close(() => r())) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      const holder = await askHolder(path);
      if (holder !== undefined || attempt >= 5) throw new DataDirBusy(dataDir, holder ?? null);
      if (isFile) rmSync(path, { force: true }); // left by a process that died
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}
