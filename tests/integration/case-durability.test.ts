// Case numbers under concurrent writers and a SIGKILL mid-stream: never reused, never
// skipped silently, and every case that committed has its events, waiting for upload.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tempDbPath } from '../helpers/workstation';
import { outboxSize } from '../../electron/store/outbox';

const writer = path.resolve('tests/helpers/caseWriter.ts');

function startWriter(db: string, count: number): { child: ChildProcess; lines: string[]; ready: Promise<void>; done: Promise<number | null> } {
  // node itself (not the tsx wrapper) so SIGKILL hits the process that writes
  const child = spawn(process.execPath, ['--import', 'tsx', writer, db, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buf = '';
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    for (const p of parts) p === 'ready' ? onReady() : lines.push(p);
  });
  const done = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, lines, ready, done };
}

function check(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  const cases = db.prepare('SELECT id, case_number AS n FROM cases').all() as { id: string; n: string }[];
  const seq = cases.map((c) => Number(c.n.split('-')[3])).sort((a, b) => a - b);
  const last = seq.length ? seq[seq.length - 1] : 0;
  const events = (db.prepare('SELECT count(*) AS n FROM case_events').get() as { n: number }).n;
  const outbox = outboxSize(db); // staged into the outbox or past the staging cursor
  const orphans = (db.prepare('SELECT count(*) AS n FROM cases c WHERE (SELECT count(*) FROM case_events e WHERE e.case_id = c.id) <> 2').get() as { n: number }).n;
  db.close();
  return { cases, seq, last, events, outbox, orphans };
}

describe('case numbers and durability', () => {
  it('two processes writing at once never share or skip a number', async () => {
    const db = tempDbPath('yc-conc-');
    const first = startWriter(db, 150);
    await first.ready;
    const second = startWriter(db, 150);
    expect(await first.done).toBe(0);
    expect(await second.done).toBe(0);
    const r = check(db);
    expect(r.cases).toHaveLength(300);
    expect(r.seq).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(new Set([...first.lines, ...second.lines]).size).toBe(300);
    expect(r.events).toBe(600);
    expect(r.outbox).toBe(600);
  });

  it('a writer killed with SIGKILL mid-stream loses no committed case and reuses no number after restart', async () => {
    const db = tempDbPath('yc-kill-');
    const w = startWriter(db, 5000);
    await w.ready;
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (w.lines.length >= 40) {
          clearInterval(t);
          resolve();
        }
      }, 5);
    });
    w.child.kill('SIGKILL');
    // (if it finished all 5000 first, the restart check below still holds)
    await w.done;
    const afterKill = check(db);
    // Everything the writer reported as committed is in the file, whole.
    const stored = new Set(afterKill.cases.map((c) => c.n));
    for (const n of w.lines) expect(stored.has(n)).toBe(true);
    expect(afterKill.orphans).toBe(0);
    expect(afterKill.seq).toEqual(Array.from({ length: afterKill.cases.length }, (_, i) => i + 1));
    expect(afterKill.last).toBe(afterKill.cases.length);
    expect(afterKill.outbox).toBe(afterKill.events);

    const again = startWriter(db, 5);
    expect(await again.done).toBe(0);
    const final = check(db);
    expect(final.seq).toEqual(Array.from({ length: afterKill.cases.length + 5 }, (_, i) => i + 1));
  });
});
