// A hung link: the server (real, on PostgreSQL) sits behind the fault proxy, which accepts the
// connection and reads the request but never answers. The window must read 离线 with the
// reason and the time of the next try — never 正在同步 while it waits — retry with a cheap
// probe only, on a short backoff, and notice the link coming back on its own; the case saved
// meanwhile reaches the server exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase, enrolDevice, startSyncServer, type SyncServer } from '../helpers/syncWorld';
import { startFaultProxy, type FaultProxy } from '../helpers/faultProxy';
import { OFFICE_A } from './server-harness';
import { SyncClient } from '../../electron/sync/client';
import { SyncLoop, type SyncStatus } from '../../electron/sync/loop';
import { syncMessage } from '../../shared/sync/clientStatus';

let srv: SyncServer;
let proxy: FaultProxy;
beforeAll(async () => {
  srv = await startSyncServer('postgres');
  proxy = await startFaultProxy(srv.url, { seed: 12, faultRate: 0 });
});
afterAll(async () => {
  await proxy.close();
  await srv.destroy();
});

const CAP_MS = 10_000; // the loop's default retry cap

describe('a server that accepts the connection and never answers', () => {
  it('reads 离线（服务器无响应） with the next try, probes cheaply, and catches up when it answers again', async () => {
    const d = await enrolDevice(srv, proxy.url, OFFICE_A, 'hung-1');
    // Short request timeouts keep the test quick; the schedule (base, cap) is the loop's default.
    const client = new SyncClient({ db: d.ws.db, timeoutMs: 1_500, probeTimeoutMs: 500, retryDelayMs: 0 });
    const seen: SyncStatus[] = [];
    const loop = new SyncLoop(client, { intervalMs: 200, random: () => 0.5, onStatus: (s) => seen.push(s) });
    try {
      loop.start();
      await expect.poll(() => loop.status().state).toBe('online');

      proxy.hung = true;
      const caseId = acceptCase(d);
      loop.nudge();
      await expect.poll(() => loop.status().nextRetryAt, { timeout: 30_000 }).not.toBeNull();
      const s = loop.status();
      expect(s).toMatchObject({ state: 'offline', reason: '服务器无响应', retrying: false, pendingCases: 1 });
      expect(s.lastError).toContain('超时');
      const message = syncMessage({ ...s, practice: false });
      expect(message).toMatch(/^离线（服务器无响应），\d\d:\d\d:\d\d 再试：1 件办件待上传$/);
      // The next try is never further away than the cap.
      expect(Date.parse(s.nextRetryAt!) - Date.now()).toBeLessThanOrEqual(CAP_MS);

      // Two more tries while it stays hung: each is one small probe, never a batch upload.
      const before = proxy.hungRequests.length;
      await expect.poll(() => proxy.hungRequests.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(before + 2);
      expect(proxy.hungRequests.slice(1)).toEqual(proxy.hungRequests.slice(1).map(() => 'GET /sync/v1/device'));
      const firstFailure = seen.findIndex((x) => x.state === 'offline');
      expect(firstFailure).toBeGreaterThan(-1);
      // From the first timeout on, every status the loop reported says 离线 (retrying or waiting).
      expect(seen.slice(firstFailure).map((x) => x.state)).toEqual(seen.slice(firstFailure).map(() => 'offline'));
      expect(seen.slice(firstFailure).some((x) => x.retrying)).toBe(true);

      proxy.hung = false;
      await expect.poll(() => loop.status(), { timeout: 60_000 }).toMatchObject({ state: 'online', pending: 0, lastError: null, reason: null, nextRetryAt: null });
      const { rows } = await srv.db.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE id = $1', [caseId]);
      expect(Number(rows[0].n)).toBe(1);
    } finally {
      await loop.stop();
      d.ws.close();
    }
  }, 120_000);

  it('hanging while online: a probe finds the silent server within seconds, long before the request timeout', async () => {
    proxy.hung = false;
    const d = await enrolDevice(srv, proxy.url, OFFICE_A, 'hung-2');
    // A request timeout no test waits for: only the stall probe can end the hung round.
    const client = new SyncClient({ db: d.ws.db, timeoutMs: 120_000, probeTimeoutMs: 500, retryDelayMs: 0 });
    const loop = new SyncLoop(client, { intervalMs: 200, stallMs: 300, random: () => 0.5 });
    try {
      loop.start();
      await expect.poll(() => loop.status().state).toBe('online');
      proxy.hung = true;
      const caseId = acceptCase(d);
      loop.nudge();
      await expect.poll(() => loop.status().nextRetryAt, { timeout: 20_000 }).not.toBeNull();
      expect(loop.status()).toMatchObject({ state: 'offline', reason: '服务器无响应', retrying: false, pendingCases: 1 });
      expect(syncMessage({ ...loop.status(), practice: false })).toMatch(/^离线（服务器无响应），\d\d:\d\d:\d\d 再试：1 件办件待上传$/);
      proxy.hung = false;
      await expect.poll(() => loop.status(), { timeout: 60_000 }).toMatchObject({ state: 'online', pending: 0, reason: null });
      const { rows } = await srv.db.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE id = $1', [caseId]);
      expect(Number(rows[0].n)).toBe(1);
    } finally {
      proxy.hung = false;
      await loop.stop();
      d.ws.close();
    }
  }, 120_000);

  it('a revoked token is not retried every few seconds: only link failures keep the short cap', () => {
    const loop = new SyncLoop({ db: { open: false } } as unknown as SyncClient, { random: () => 0.999 });
    for (let n = 1; n < 30; n++) expect(loop.backoffDelay(n)).toBeLessThanOrEqual(CAP_MS);
    expect(loop.backoffDelay(20, true)).toBeGreaterThan(60_000);
  });
});
