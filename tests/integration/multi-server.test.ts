// More than one server: two server processes on one PostgreSQL database, devices and staff
// sent to either at random (the fault proxy picks a server per request; a reviewer's session
// made on one is used on both). The sync property's exactly-once and convergence checks hold,
// and claims stay exclusive, sessions and lock-outs are one for both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionArb, checkConvergence, closeWorld, heal, runAction, type World } from '../helpers/syncSchedule';
import { acceptCase, enrolDevice, startSyncServer, SYNC_REVIEWERS, type Device, type SyncServer } from '../helpers/syncWorld';
import { seeded, startFaultProxy } from '../helpers/faultProxy';
import { schemaOf, startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { signedIn, StaffClient } from '../helpers/staffClient';
import { OFFICE_A, OFFICE_B } from './server-harness';

/** The world of the sync property, served by two processes; 'restart' restarts one of them. */
async function twoServerWorld(seed: number, faultRate: number): Promise<World & { procs: ServerProcess[] }> {
  const base = await startSyncServer('postgres');
  const schema = await schemaOf(base.db);
  const procs = await Promise.all([startServerProcess(schema), startServerProcess(schema)]);
  const urls = procs.map((p) => p.url);
  const rand = seeded(seed ^ 0x5eed);
  const server: SyncServer = {
    db: base.db,
    blobDir: base.blobDir,
    running: true,
    // Every back-office call goes to either server.
    get url() { return urls[Math.floor(rand() * urls.length)]; },
    async stop() {
      const i = Math.floor(rand() * procs.length);
      await procs[i].stop();
      procs[i] = await startServerProcess(schema);
      urls[i] = procs[i].url;
    },
    async start() {},
    async restart() { await server.stop(); },
    async destroy() {
      await Promise.all(procs.map((p) => p.stop()));
      await base.destroy();
    },
  };
  const proxy = await startFaultProxy(urls[0], { seed, faultRate: 0, maxDelayMs: 60 });
  proxy.targets = urls; // the same array: a restarted process's new URL is used at once
  const devices: Device[] = [];
  for (const [i, office] of [OFFICE_A, OFFICE_A, OFFICE_B].entries()) devices.push(await enrolDevice(server, proxy.url, office, `D${i}`, 2_000));
  proxy.faultRate = faultRate;
  return { server, proxy, devices, restarts: 0, procs };
}

describe('two server processes on one PostgreSQL', () => {
  it('property: every accepted case reaches the database exactly once and every device converges, with requests spread over both', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(0.3, 0.6), fc.array(actionArb, { minLength: 20, maxLength: 40 }), async (seed, faultRate, actions) => {
        const w = await twoServerWorld(seed, faultRate);
        try {
          for (const a of actions) await runAction(w, a);
          await heal(w);
          expect(await checkConvergence(w)).toEqual([]);
        } finally {
          await closeWorld(w);
        }
      }),
      { numRuns: 5, endOnFailure: true },
    );
  }, 240_000);

  describe('claims, sessions and lock-outs', () => {
    let base: SyncServer;
    let a: ServerProcess, b: ServerProcess;
    beforeAll(async () => {
      base = await startSyncServer('postgres');
      const schema = await schemaOf(base.db);
      [a, b] = await Promise.all([startServerProcess(schema), startServerProcess(schema)]);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await base?.destroy();
    });

    it('two reviewers, one on each server, race for twenty cases: exactly one claim per case, the other told who holds it', async () => {
      const d = await enrolDevice(base, base.url, OFFICE_A, 'M1');
      const ids = Array.from({ length: 20 }, () => acceptCase(d));
      expect((await d.client.syncRound()).ok).toBe(true);
      const [r1, r2] = [await signedIn(a.url, SYNC_REVIEWERS[0].staffNo), await signedIn(b.url, SYNC_REVIEWERS[1].staffNo)];
      const results = await Promise.all(ids.flatMap((id) => [r1.post(`/cases/${id}/claim`), r2.post(`/cases/${id}/claim`), r1.post(`/cases/${id}/claim`), r2.post(`/cases/${id}/claim`)]));
      for (const [i, id] of ids.entries()) {
        const four = results.slice(i * 4, i * 4 + 4);
        const winners = new Set(four.filter((r) => r.status === 200).map((r) => r.json.staffNo));
        expect([id, winners.size]).toEqual([id, 1]);
        for (const r of four.filter((x) => x.status !== 200)) expect([r.status, r.json.code]).toEqual([409, 'claimed_by_other']);
      }
      const { rows } = await base.db.query<{ n: unknown }>('SELECT count(*) AS n FROM case_claims WHERE case_id = ANY($1::uuid[])', [ids]);
      expect(Number(rows[0].n)).toBe(20);
      // Whoever holds a case decides it on either server; the other cannot on either.
      const claims = (await base.db.query<{ case_id: string; staff_no: string }>('SELECT case_id, staff_no FROM case_claims WHERE case_id = $1', [ids[0]])).rows[0];
      const [holder, other] = claims.staff_no === r1.session!.staff.staffNo ? [r1, r2] : [r2, r1];
      for (const url of [a.url, b.url]) {
        other.url = url;
        expect((await other.post(`/cases/${ids[0]}/status`, { status: 'reviewing' })).json.code).toBe('claimed_by_other');
      }
      holder.url = holder.url === a.url ? b.url : a.url;
      expect((await holder.post(`/cases/${ids[0]}/status`, { status: 'reviewing' })).status).toBe(200);
      d.ws.close();
    });

    it('a session made on one server works on the other and ends on both; failed sign-ins count across both', async () => {
      const c = await signedIn(a.url, SYNC_REVIEWERS[0].staffNo);
      c.url = b.url;
      expect((await c.get('/queues')).status).toBe(200);
      expect((await c.post('/session/sign-out')).status).toBe(200);
      c.url = a.url;
      expect((await c.get('/queues')).json.code).toBe('session_expired');
      // Five wrong passwords spread over both servers lock the account on both.
      const tries = [];
      for (let i = 0; i < 5; i++) tries.push(await new StaffClient(i % 2 ? a.url : b.url).signIn(SYNC_REVIEWERS[1].staffNo, `wrong-${i}-password`));
      expect(tries.map((r) => r.status)).toEqual([401, 401, 401, 401, 423]);
      for (const url of [a.url, b.url]) expect((await new StaffClient(url).signIn(SYNC_REVIEWERS[1].staffNo)).json.code).toBe('account_locked');
    });
  });
});
