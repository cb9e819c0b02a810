// Starts tests/helpers/server-process.ts as a child process on a PostgreSQL schema.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PG_URL } from '../integration/server-harness';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface ServerProcess {
  url: string;
  /** Its process id (the benchmarks read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

export async function startServerProcess(schema: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'server-process.ts'), PG_URL, schema], { cwd: path.join(here, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^(http:\/\/\S+)\n/m.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server process exited ${code}`)));
  });
  return { url, pid: child.pid!, stop: () => new Promise<void>((r) => { if (child.exitCode !== null) return r(); child.once('exit', () => r()); child.kill('SIGTERM'); }) };
}

export const schemaOf = async (db: { query<T>(sql: string): Promise<{ rows: T[] }> }) => (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
