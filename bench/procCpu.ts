// CPU time by process, read from /proc (Linux): where a benchmark's wall time goes when the
// client, the server and PostgreSQL share the machine's cores. NaN where /proc is not there.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

let tickMs: number | undefined;
/** Milliseconds per clock tick of /proc/<pid>/stat (USER_HZ, nearly always 100). */
function msPerTick(): number {
  if (tickMs === undefined) {
    try {
      tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      tickMs = 10;
    }
  }
  return tickMs;
}

/** User + system CPU of one process so far, ms; `comm` is its name as the kernel keeps it. */
function readStat(pid: string): { comm: string; ms: number } | null {
  try {
    const st = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return { comm, ms: (Number(f[11]) + Number(f[12])) * msPerTick() };
  } catch {
    return null;
  }
}

/** CPU so far of the given process and of all PostgreSQL processes (the local service), ms. */
export function cpuSnapshot(serverPid?: number): { server: number; postgres: number; client: number } {
  if (!fs.existsSync('/proc/self/stat')) return { server: NaN, postgres: NaN, client: NaN };
  let postgres = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const s = readStat(pid);
    if (s?.comm === 'postgres') postgres += s.ms;
  }
  const self = process.cpuUsage();
  return { server: serverPid ? readStat(String(serverPid))?.ms ?? NaN : 0, postgres, client: (self.user + self.system) / 1000 };
}

/** What each spent between two snapshots, ms. */
export const cpuSpent = (a: ReturnType<typeof cpuSnapshot>, b: ReturnType<typeof cpuSnapshot>) => ({
  server: b.server - a.server, postgres: b.postgres - a.postgres, client: b.client - a.client,
});
