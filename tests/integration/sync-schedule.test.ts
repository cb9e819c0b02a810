// The sync schedule: jittered backoff stays within its ceiling, batch sizes stay within
// 1…500 and follow the link, and rounds never overlap however often the clerk nudges.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { SyncLoop } from '../../electron/sync/loop';
import { AdaptiveBatchSize } from '../../electron/sync/batchSize';
import { migrate } from '../../electron/store/migrate';
import type { SyncClient, RoundResult } from '../../electron/sync/client';

function fakeClient(round: () => Promise<RoundResult>) {
  const db = new Database(':memory:');
  migrate(db);
  return { db, state: () => null, syncRound: round } as unknown as SyncClient;
}

describe('sync schedule', () => {
  it('backoff with full jitter never exceeds min(cap, base·2^(n-1))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const loop = new SyncLoop(fakeClient(async () => ({ ok: true, pushed: 0, statuses: 0, error: null })), { backoffBaseMs: 2000, backoffCapMs: 300_000, random: () => r });
        const d = loop.backoffDelay(n);
        return d >= 0 && d <= Math.min(300_000, 2000 * 2 ** (n - 1));
      }),
    );
  });

  it('batch size follows the link and stays within 1…500', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 20_000 })), { maxLength: 60 }), (events) => {
        const b = new AdaptiveBatchSize();
        for (const ms of events) {
          const before = b.current;
          if (ms < 0) b.failed();
          else b.replied(b.current, ms);
          if (ms < 0 || ms > 8000) expect(b.current).toBeLessThanOrEqual(before);
          if (ms >= 0 && ms < 1000) expect(b.current).toBeGreaterThanOrEqual(before);
          expect(b.current).toBeGreaterThanOrEqual(1);
          expect(b.current).toBeLessThanOrEqual(500);
        }
      }),
    );
  });

  it('nudges and 立即同步 during a round never start a second one at the same time', async () => {
    let active = 0;
    let maxActive = 0;
    let rounds = 0;
    const loop = new SyncLoop(
      fakeClient(async () => {
        active++;
        rounds++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        return { ok: true, pushed: 0, statuses: 0, error: null };
      }),
      { intervalMs: 60_000 },
    );
    loop.start();
    await new Promise((r) => setTimeout(r, 1));
    for (let i = 0; i < 10; i++) loop.nudge();
    await Promise.all([loop.syncNow(), loop.syncNow()]);
    await new Promise((r) => setTimeout(r, 30));
    await loop.stop();
    expect(maxActive).toBe(1);
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(rounds).toBeLessThanOrEqual(5);
  });
});
