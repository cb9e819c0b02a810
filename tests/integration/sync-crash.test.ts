// The sync client in its own process, killed with SIGKILL while pushing (between commits,
// mid-request, with the server's transaction still running), then restarted: in the end
// every event is on the server exactly once and the outbox is empty.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { acceptCase, enrolDevice, openDevice, startSyncServer, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A } from './server-harness';
import { outboxSize } from '../../electron/store/outbox';

const ROOT = path.resolve(__dirname, '../..');
const PUSHER = path.join(ROOT, 'tests/helpers/syncPusher.ts');

let srv: SyncServer;
beforeAll(async () => {
  // A little work per entry inside the server's transaction, so kills land mid-request too.
  srv = await startSyncServer('pglite', { pushHook: () => new Promise((r) => setTimeout(r, 1)) });
});
afterAll(async () => {
  await srv.destroy();
});

/** Runs the pusher; kills it with SIGKILL after `killAfterAcks` acknowledged batches (never if null). */
function runPusher(dbPath: string, killAfterAcks: number | null): Promise<{ signal: NodeJS.Signals | null; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PUSHER, dbPath, OFFICE_A], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let acks = 0;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      acks = (out.match(/^acked /gm) ?? []).length;
      if (killAfterAcks !== null && acks >= killAfterAcks && !child.killed) {
        // Let the next request get on the wire, then kill.
        setTimeout(() => child.kill('SIGKILL'), acks % 3);
      }
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code && code !== 0 ? reject(new Error(err)) : resolve({ code, signal, out })));
  });
}

it('converges after SIGKILLs while pushing: nothing lost, nothing doubled', async () => {
  const d = await enrolDevice(srv, srv.url, OFFICE_A, 'crash');
  for (let i = 0; i < 150; i++) acceptCase(d);
  const total = outboxSize(d.ws.db);
  d.ws.close();

  let killed = 0;
  for (const after of [1, 3, 2, 5]) {
    const r = await runPusher(d.dbPath, after);
    if (r.signal === 'SIGKILL') killed++;
  }
  expect(killed).toBeGreaterThanOrEqual(3);
  const last = await runPusher(d.dbPath, null);
  expect(last.out).toMatch(/done/);

  const { ws } = openDevice(d.dbPath, OFFICE_A);
  expect(outboxSize(ws.db)).toBe(0);
  const local = (ws.db.prepare("SELECT id FROM case_events WHERE type LIKE 'case.%' ORDER BY id").all() as { id: string }[]).map((e) => e.id);
  expect(local.length).toBe(total);
  const remote = (await srv.db.query<{ id: string }>('SELECT id FROM case_events WHERE device_id = $1 ORDER BY id', [d.deviceId])).rows.map((e) => e.id);
  expect(remote).toEqual(local);
  const cases = (await srv.db.query<{ n: unknown }>('SELECT count(*) AS n FROM cases WHERE device_id = $1', [d.deviceId])).rows[0].n;
  expect(Number(cases)).toBe(150);
  const cursor = (await srv.db.query<{ s: unknown }>('SELECT last_applied_seq AS s FROM device_cursors WHERE device_id = $1', [d.deviceId])).rows[0].s;
  expect(Number(cursor)).toBe(total);
  ws.close();
}, 120_000);
