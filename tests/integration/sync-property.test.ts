// Proof that nothing is lost: random schedules of offline/online, proxy faults (drop,
// delay, duplicate, reorder, truncate, reset, 5xx), client crashes and server restarts over
// three devices of two offices; then exactly-once on the server and convergence everywhere.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionArb, checkConvergence, closeWorld, heal, makeWorld, runAction } from '../helpers/syncSchedule';
import type { Backend } from './server-harness';

// PGlite starts a fresh database folder per run (slow); PostgreSQL uses a fresh schema (fast).
const RUNS: Record<Backend, number> = { pglite: 4, postgres: 20 };

describe.each(['pglite', 'postgres'] as const)('sync under faults (%s)', (kind) => {
  it('every accepted case reaches the server exactly once and every device converges', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(0.3, 0.6, 0.9),
        fc.array(actionArb, { minLength: 20, maxLength: 50 }),
        async (seed, faultRate, actions) => {
        const w = await makeWorld(kind, seed, faultRate);
        try {
          for (const a of actions) await runAction(w, a);
          await heal(w);
          expect(await checkConvergence(w)).toEqual([]);
        } finally {
          await closeWorld(w);
        }
      }),
      { numRuns: RUNS[kind], endOnFailure: true },
    );
  }, 120_000);
});
