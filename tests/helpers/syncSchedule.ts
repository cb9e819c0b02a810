// Random schedules for the "nothing is lost" property: devices accept cases through the real
// `decide`, sync through a fault proxy, go offline, crash (file closed mid-round, reopened,
// in-memory state gone), the server restarts on the same data, the back office decides.
// Afterwards the link heals and everything must converge; `checkConvergence` says how not.
import fc from 'fast-check';
import { complete } from '../../electron/services/intake';
import { outboxSize } from '../../electron/store/outbox';
import { loadCaseState } from '../../electron/store/caseLog';
import { canonicalJson } from '../../shared/sync/chain';
import { OFFICE_A, OFFICE_B, type Backend } from '../integration/server-harness';
import { startFaultProxy, type FaultProxy } from './faultProxy';
import { acceptCase, enrolDevice, openDevice, setReviewStatus, startSyncServer, type Device, type SyncServer } from './syncWorld';
import { fromStoredState } from '../../server/sync/storedState';

export type Action =
  | { t: 'accept'; d: number; n: number }
  | { t: 'complete'; d: number }
  | { t: 'sync'; d: number }
  | { t: 'crash'; d: number; afterMs: number }
  | { t: 'offline'; on: boolean }
  | { t: 'faults'; rate: number }
  | { t: 'restart' }
  | { t: 'review'; pick: number; status: 'reviewing' | 'approved' | 'rejected' | 'needsSupplement' | 'readyForPickup' };

const DEVICES = 3;
export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('accept' as const), d: fc.nat(DEVICES - 1), n: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('complete' as const), d: fc.nat(DEVICES - 1) }) },
  { weight: 8, arbitrary: fc.record({ t: fc.constant('sync' as const), d: fc.nat(DEVICES - 1) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('crash' as const), d: fc.nat(DEVICES - 1), afterMs: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('faults' as const), rate: fc.constantFrom(0, 0.3, 0.6, 0.9) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('review' as const),
      pick: fc.nat(1000),
      status: fc.constantFrom('reviewing' as const, 'approved' as const, 'rejected' as const, 'needsSupplement' as const, 'readyForPickup' as const),
    }),
  },
);

export interface World {
  server: SyncServer;
  proxy: FaultProxy;
  devices: Device[];
  restarts: number;
}

/** Two devices of office A and one of office B, enrolled through the (still clean) proxy. */
export async function makeWorld(kind: Backend, seed: number, faultRate = 0.5): Promise<World> {
  const server = await startSyncServer(kind);
  const proxy = await startFaultProxy(server.url, { seed, faultRate: 0, maxDelayMs: 60 });
  const devices: Device[] = [];
  for (const [i, office] of [OFFICE_A, OFFICE_A, OFFICE_B].entries()) devices.push(await enrolDevice(server, proxy.url, office, `D${i}`, 2_000));
  proxy.faultRate = faultRate;
  return { server, proxy, devices, restarts: 0 };
}

function reopen(d: Device): void {
  if (d.ws.db.open) d.ws.close();
  Object.assign(d, openDevice(d.dbPath, d.office, 2_000));
}

export async function runAction(w: World, a: Action): Promise<void> {
  const d = 'd' in a ? w.devices[a.d] : null;
  switch (a.t) {
    case 'accept':
      for (let i = 0; i < a.n; i++) acceptCase(d!);
      return;
    case 'complete': {
      // The oldest case the window may finish: one waiting for a 补正 is refused (办结 waits), as a clerk would see.
      const rows = d!.ws.db.prepare("SELECT id FROM cases WHERE status = 'accepted' ORDER BY accepted_at").all() as { id: string }[];
      for (const row of rows) {
        try {
          complete(d!.ws, row.id);
          return;
        } catch (e) {
          if ((e as { code?: string }).code !== 'precondition_failed') throw e;
        }
      }
      return;
    }
    case 'sync':
      await d!.client.syncRound();
      return;
    case 'crash': {
      // The process dies while a round is on the wire: the file is closed under it.
      const round = d!.client.syncRound();
      await new Promise((r) => setTimeout(r, a.afterMs));
      d!.ws.close();
      await round;
      reopen(d!);
      return;
    }
    case 'offline':
      w.proxy.offline = a.on;
      return;
    case 'faults':
      w.proxy.faultRate = a.rate;
      return;
    case 'restart':
      if (w.restarts >= 2) return;
      w.restarts++;
      await w.server.stop();
      await w.server.start();
      w.proxy.target = w.server.url;
      return;
    case 'review': {
      const { rows } = await w.server.db.query<{ id: string }>(
        "SELECT id FROM cases WHERE status IN ('accepted','awaitingSupplement','completed','delivered') ORDER BY id",
      );
      if (!rows.length) return;
      const reason = a.status === 'rejected' || a.status === 'needsSupplement' ? '材料与登记信息不一致' : undefined;
      const r = await setReviewStatus(w.server, rows[a.pick % rows.length].id, a.status, reason);
      // A decision the rules refuse (准予/不予许可 are final; 待取件 only after one) is the back office working, not a fault.
      if (r.status !== 200 && !(r.status === 409 && (r.json as { code?: string }).code === 'conflict')) throw new Error(`back office refused: ${r.status} ${JSON.stringify(r.json)}`);
      return;
    }
  }
}

/** The link heals; every device syncs until nothing is waiting (bounded). */
export async function heal(w: World): Promise<void> {
  w.proxy.offline = false;
  w.proxy.faultRate = 0;
  for (const d of w.devices) {
    for (let i = 0; i < 20; i++) {
      const r = await d.client.syncRound();
      if (r.ok && outboxSize(d.ws.db) === 0) break;
    }
  }
}

/** Problems found; empty when every invariant holds. */
export async function checkConvergence(w: World): Promise<string[]> {
  const problems: string[] = [];
  const db = w.server.db;
  let localTotal = 0;
  for (const d of w.devices) {
    const ldb = d.ws.db;
    const localCases = ldb.prepare('SELECT id, review_status AS rs FROM cases ORDER BY id').all() as { id: string; rs: string | null }[];
    localTotal += localCases.length;
    const remote = (await db.query<{ id: string; review_status: string | null }>('SELECT id, review_status FROM cases WHERE device_id = $1 ORDER BY id', [d.deviceId])).rows;
    if (JSON.stringify(localCases.map((c) => c.id)) !== JSON.stringify(remote.map((c) => c.id))) {
      problems.push(`${d.name}: ${localCases.length} cases here, ${remote.length} on the server`);
    }
    const remoteStatus = new Map(remote.map((c) => [c.id, c.review_status]));
    for (const c of localCases) if ((remoteStatus.get(c.id) ?? null) !== c.rs) problems.push(`${d.name}: case ${c.id} review ${c.rs} here, ${remoteStatus.get(c.id)} on the server`);
    // One projection on both sides: the state the window derives from its log is the server's.
    const states = new Map((await db.query<{ id: string; state: unknown }>('SELECT id, state FROM cases WHERE device_id = $1', [d.deviceId])).rows.map((c) => [c.id, canonicalJson(fromStoredState(c.state))]));
    for (const c of localCases) {
      const here = canonicalJson(loadCaseState(ldb, c.id));
      if (states.has(c.id) && states.get(c.id) !== here) problems.push(`${d.name}: case ${c.id} state differs: here ${here}, on the server ${states.get(c.id)}`);
    }
    const localEvents = (ldb.prepare("SELECT id FROM case_events WHERE type LIKE 'case.%' ORDER BY id").all() as { id: string }[]).map((e) => e.id);
    const remoteEvents = (await db.query<{ id: string }>('SELECT id FROM case_events WHERE device_id = $1 ORDER BY id', [d.deviceId])).rows.map((e) => e.id);
    if (JSON.stringify(localEvents) !== JSON.stringify(remoteEvents)) problems.push(`${d.name}: ${localEvents.length} events here, ${remoteEvents.length} on the server`);
    const cursor = Number((await db.query<{ s: unknown }>('SELECT last_applied_seq AS s FROM device_cursors WHERE device_id = $1', [d.deviceId])).rows[0]?.s ?? 0);
    if (cursor !== localEvents.length) problems.push(`${d.name}: server cursor ${cursor}, ${localEvents.length} events queued in all`);
    const left = outboxSize(ldb);
    if (left) problems.push(`${d.name}: ${left} outbox entries stuck`);
    const rejected = (ldb.prepare('SELECT count(*) AS n FROM sync_rejected').get() as { n: number }).n;
    if (rejected) problems.push(`${d.name}: ${rejected} uploads refused`);
    const notice = d.client.state()?.notice;
    if (notice) problems.push(`${d.name}: notice ${notice}`);
  }
  const total = Number((await db.query<{ n: unknown }>('SELECT count(*) AS n FROM cases')).rows[0].n);
  if (total !== localTotal) problems.push(`server holds ${total} cases, the devices ${localTotal}`);
  const dup = (await db.query('SELECT case_id FROM case_events WHERE type = $1 GROUP BY case_id HAVING count(*) > 1', ['case.opened'])).rows;
  if (dup.length) problems.push(`${dup.length} cases opened twice on the server`);
  return problems;
}

export async function closeWorld(w: World): Promise<void> {
  for (const d of w.devices) if (d.ws.db.open) d.ws.close();
  await w.proxy.close();
  await w.server.destroy();
}
