// The page queue under the event sync's random schedules (tests/helpers/syncSchedule.ts): three
// devices of two offices take cases with scanned pages while the fault proxy drops, delays,
// duplicates, replays, truncates and resets requests, answers 5xx, goes offline, windows
// crash mid-round and the server restarts. After the link heals: every page of every device on
// the server exactly once and byte-identical, nothing left half-uploaded or refused, and the
// event invariants of the sync property still hold. On PGlite and on real PostgreSQL (a fresh
// schema per run); runs stay few: each one is a world of three devices with pages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionArb, checkConvergence, closeWorld, heal, makeWorld, runAction, type Action, type World } from '../helpers/syncSchedule';
import { acceptWithPages, sha256 } from '../helpers/scanCases';
import { pageQueue } from '../../electron/store/pageUploads';
import type { Backend } from './server-harness';

// PGlite starts a fresh database folder per run (slow); PostgreSQL a fresh schema (fast).
const RUNS: Record<Backend, number> = { pglite: 3, postgres: 3 };

type PageAction = Action | { t: 'acceptPages'; d: number; pages: number };
const pageActionArb: fc.Arbitrary<PageAction> = fc.oneof(
  { weight: 4, arbitrary: actionArb },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('acceptPages' as const), d: fc.nat(2), pages: fc.integer({ min: 1, max: 3 }) }) },
);

async function checkPages(w: World, taken: Map<string, Buffer>): Promise<string[]> {
  const problems: string[] = [];
  for (const d of w.devices) {
    for (let i = 0; i < 20 && pageQueue(d.ws.db).pages > 0; i++) await d.client.syncRound();
    const q = pageQueue(d.ws.db);
    if (q.pages || q.failed) problems.push(`${d.name}: ${q.pages} pages waiting, ${q.failed} failed`);
  }
  const { rows } = await w.server.db.query<{ sha256: string; n: unknown }>('SELECT sha256, count(*) AS n FROM page_blobs GROUP BY sha256');
  const onServer = new Map(rows.map((r) => [r.sha256, Number(r.n)]));
  for (const [sha, data] of taken) {
    if (onServer.get(sha) !== 1) problems.push(`page ${sha.slice(0, 8)} on the server ${onServer.get(sha) ?? 0} times`);
    const file = path.join(w.server.blobDir, sha.slice(0, 2), sha);
    if (!fs.existsSync(file) || !fs.readFileSync(file).equals(data)) problems.push(`page ${sha.slice(0, 8)} not byte-identical on the server`);
  }
  if (onServer.size !== taken.size) problems.push(`server holds ${onServer.size} pages, the devices took ${taken.size}`);
  return problems;
}

describe.each(['pglite', 'postgres'] as const)('page uploads under faults (%s)', (kind) => {
  it('every page reaches the server exactly once, byte-identical', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(0.3, 0.6), fc.array(pageActionArb, { minLength: 10, maxLength: 30 }), async (seed, faultRate, actions) => {
        const w = await makeWorld(kind, seed, faultRate);
        const taken = new Map<string, Buffer>();
        try {
          for (const a of actions) {
            if (a.t === 'acceptPages') {
              for (const p of acceptWithPages(w.devices[a.d].ws, a.pages, 12_000).pages) taken.set(sha256(p), p);
            } else await runAction(w, a);
          }
          await heal(w);
          expect([...(await checkPages(w, taken)), ...(await checkConvergence(w))]).toEqual([]);
        } finally {
          await closeWorld(w);
        }
      }),
      { numRuns: RUNS[kind], endOnFailure: true },
    );
  }, 300_000);
});
