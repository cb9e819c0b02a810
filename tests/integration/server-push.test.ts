// Up: pushed case events are applied exactly once, the cursor moves with them in one
// transaction, and a bad entry is recorded and acknowledged instead of wedging the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { BACKENDS, OFFICE_B, Outbox, call, enrolDevice, push, staff, startTestServer, type TestServer } from './server-harness';
import type { EnrolResponse } from '../../shared/sync/protocol';

const count = async (t: TestServer, sql: string, params: unknown[]) => Number((await t.db.query<{ n: unknown }>(sql, params)).rows[0].n);
const eventsOf = (t: TestServer, dev: EnrolResponse) => count(t, 'SELECT count(*) AS n FROM case_events WHERE device_id = $1', [dev.deviceId]);
const cursorOf = (t: TestServer, dev: EnrolResponse) => count(t, 'SELECT last_applied_seq AS n FROM device_cursors WHERE device_id = $1', [dev.deviceId]);

describe.each(BACKENDS)('server push on %s', (backend) => {
  let t: TestServer;
  let failAtSeq: number | null = null;
  beforeAll(async () => {
    t = await startTestServer(backend, {
      rateLimit: false,
      // A batch past the cursor waits this long for its predecessor before 409 (default 3 s).
      pushPipelineWaitMs: 200,
      pushHook: (e) => { if (e.seq === failAtSeq) throw new Error('simulated crash inside the transaction'); },
    });
  });
  afterAll(async () => { await t?.close(); });

  it('applies a batch once: the same batch again changes nothing and gets the same answer', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const c = box.open();
    box.add(c, 'case.decided', { decision: 'accept', caseNumber: '210102-01-20260101-0001' });
    box.add(c, 'case.completed', {});
    const first = await push(t, dev, box.entries);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ appliedThrough: 3, applied: 3, rejected: [] });
    const again = await push(t, dev, box.entries);
    expect(again.json).toMatchObject({ appliedThrough: 3, applied: 0, rejected: [] });
    expect(await eventsOf(t, dev)).toBe(3);
    const row = await t.db.query<{ status: string; case_number: string }>('SELECT status, case_number FROM cases WHERE id = $1', [c]);
    expect(row.rows[0]).toEqual({ status: 'completed', case_number: '210102-01-20260101-0001' });
  });

  it('skips the replayed part of an overlapping batch and applies only what is new', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const c = box.open();
    box.add(c, 'case.decided', { decision: 'acceptWithDeferral' });
    await push(t, dev, box.entries);
    box.add(c, 'case.supplemented', { materials: ['M2'] });
    const r = await push(t, dev, box.slice(1, 3));
    expect(r.json).toMatchObject({ appliedThrough: 3, applied: 1 });
    expect(await eventsOf(t, dev)).toBe(3);
  });

  it('a retry racing the original request is applied once', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    for (let i = 0; i < 20; i++) box.open();
    const replies = await Promise.all([1, 2, 3].map(() => push(t, dev, box.entries)));
    expect(replies.map((r) => r.json.appliedThrough)).toEqual([20, 20, 20]);
    expect(replies.reduce((sum, r) => sum + r.json.applied, 0)).toBe(20);
    expect(await eventsOf(t, dev)).toBe(20);
  });

  it('refuses a batch that leaves a gap, naming the number expected', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    box.open();
    box.open();
    const r = await push(t, dev, box.slice(2, 2));
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ code: 'seq_gap', expectedSeq: 1 });
    expect(await eventsOf(t, dev)).toBe(0);
  });

  it('a batch that overtakes the one before it (two in flight) waits for it and is applied after it', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    for (let i = 0; i < 6; i++) box.open();
    // The second batch is sent first; the first follows while the second waits at the cursor.
    const second = push(t, dev, box.slice(4, 6));
    await new Promise((r) => setTimeout(r, 30));
    const first = await push(t, dev, box.slice(1, 3));
    const late = await second;
    expect([first.status, late.status]).toEqual([200, 200]);
    expect(first.json.appliedThrough).toBe(3);
    expect(late.json.appliedThrough).toBe(6);
    expect(await eventsOf(t, dev)).toBe(6);
    const order = await t.db.query<{ device_seq: unknown }>('SELECT device_seq FROM case_events WHERE device_id = $1 ORDER BY server_seq', [dev.deviceId]);
    expect(order.rows.map((r) => Number(r.device_seq))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a crash inside the transaction leaves neither events, cases nor cursor behind', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    for (let i = 0; i < 5; i++) box.open();
    failAtSeq = 4;
    try {
      const r = await push(t, dev, box.entries);
      expect(r.status).toBe(500);
      expect(r.json.code).toBe('internal');
    } finally {
      failAtSeq = null;
    }
    expect(await eventsOf(t, dev)).toBe(0);
    expect(await cursorOf(t, dev)).toBe(0);
    expect(await count(t, 'SELECT count(*) AS n FROM cases WHERE device_id = $1', [dev.deviceId])).toBe(0);
    const retry = await push(t, dev, box.entries);
    expect(retry.json).toMatchObject({ appliedThrough: 5, applied: 5 });
  });

  it('records a permanently bad entry for operators, acknowledges it and goes on', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const c = box.open();
    box.add(c, 'case.decided', { decision: '随便' }); // not a decision
    box.add(c, 'case.decided', { decision: 'accept' });
    box.add(c, 'case.rated', {});
    (box.entries[3] as { type: string }).type = 'case.exploded'; // unknown event type
    box.add(c, 'case.completed', { big: 'x'.repeat(70 * 1024) }); // payload over 64 KB
    const r = await push(t, dev, box.entries);
    expect(r.status).toBe(200);
    expect(r.json.appliedThrough).toBe(5);
    expect(r.json.rejected.map((x: { seq: number; code: string }) => [x.seq, x.code])).toEqual([[2, 'invalid_event'], [4, 'invalid_event'], [5, 'invalid_event']]);
    expect(r.json.rejected[0].message).toMatch(/decision/);
    expect(await eventsOf(t, dev)).toBe(2);
    const ops = await (await staff(t, 'admin')).get('/rejected?limit=50');
    expect(ops.status).toBe(200);
    expect(ops.json.rejected.filter((x: { deviceId: string }) => x.deviceId === dev.deviceId).map((x: { seq: number }) => x.seq).sort()).toEqual([2, 4, 5]);
    // The device may resend after losing the reply: same acknowledgement, nothing doubled.
    const again = await push(t, dev, box.entries);
    expect(again.json.rejected.map((x: { seq: number }) => x.seq)).toEqual([2, 4, 5]);
    expect(await eventsOf(t, dev)).toBe(2);
  });

  it('rejects writes to another office\'s case', async () => {
    const mine = await enrolDevice(t);
    const other = await enrolDevice(t, OFFICE_B);
    const ob = new Outbox();
    const theirCase = ob.open();
    await push(t, other, ob.entries);
    const box = new Outbox();
    box.add(theirCase, 'case.decided', { decision: 'refuse' });
    box.add(theirCase, 'case.opened', { itemCode: 'X1234567' });
    const r = await push(t, mine, box.entries);
    expect(r.json.rejected.map((x: { code: string }) => x.code)).toEqual(['foreign_case', 'foreign_case']);
    const st = await t.db.query<{ status: string; office_code: string }>('SELECT status, office_code FROM cases WHERE id = $1', [theirCase]);
    expect(st.rows[0]).toEqual({ status: 'opened', office_code: OFFICE_B });
  });

  it('refuses far-future device times per entry, keeps a slow clock', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    box.open(uuidv7());
    const future = box.open(uuidv7());
    box.entries[1].deviceTime = new Date(Date.now() + 10 * 60_000).toISOString();
    const past = box.open();
    box.entries[2].deviceTime = '2020-01-01T08:00:00+08:00';
    box.add(future, 'case.decided', { decision: 'accept' });
    const r = await push(t, dev, box.entries);
    expect(r.json.appliedThrough).toBe(4);
    expect(r.json.rejected.map((x: { seq: number; code: string }) => [x.seq, x.code])).toEqual([[2, 'future_time'], [4, 'case_not_found']]);
    const t0 = await t.db.query<{ created_device_time: Date }>('SELECT created_device_time FROM cases WHERE id = $1', [past]);
    expect(new Date(t0.rows[0].created_device_time).toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('property: random batches with replays, gaps and re-queued events store every event exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ newCase: fc.boolean(), caseIx: fc.nat(), dupOf: fc.option(fc.nat(), { freq: 4 }) }), { minLength: 1, maxLength: 25 }),
        fc.array(fc.record({ back: fc.integer({ min: -2, max: 6 }), size: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 12 }),
        async (plan, schedule) => {
          const dev = await enrolDevice(t);
          const box = new Outbox();
          const cases: string[] = [];
          // Each case moves through a legal history: 受理, 办结, 出件, 评价 (the projection refuses anything else).
          const NEXT = ['case.decided', 'case.completed', 'case.delivered', 'case.rated'] as const;
          const progress = new Map<string, number>();
          const open = () => {
            const c = box.open();
            cases.push(c);
            progress.set(c, 0);
          };
          for (const p of plan) {
            if (p.newCase || !cases.length) open();
            else if (p.dupOf !== null && box.entries.length) {
              // The client re-queued an event it already queued: same id under a new number.
              const orig = box.entries[p.dupOf % box.entries.length];
              box.add(orig.caseId, orig.type, orig.payload, orig.deviceTime, orig.id);
            } else {
              const c = cases[p.caseIx % cases.length];
              const k = progress.get(c)!;
              if (k >= NEXT.length) open();
              else {
                box.add(c, NEXT[k], { level: (['verySatisfied', 'satisfied', 'basicallySatisfied'] as const)[p.caseIx % 3] });
                progress.set(c, k + 1);
              }
            }
          }
          const n = box.entries.length;
          let acked = 0;
          for (const s of schedule) {
            const from = Math.max(1, acked + 1 - s.back);
            const to = Math.min(n, from + s.size - 1);
            if (from > n) break;
            const r = await push(t, dev, box.slice(from, to));
            if (from > acked + 1) {
              expect(r.status).toBe(409);
              expect(r.json.expectedSeq).toBe(acked + 1);
              continue;
            }
            expect(r.status).toBe(200);
            expect(r.json.appliedThrough).toBe(Math.max(acked, to));
            acked = r.json.appliedThrough;
          }
          while (acked < n) acked = (await push(t, dev, box.slice(acked + 1, Math.min(n, acked + 7)))).json.appliedThrough;
          const distinct = new Set(box.entries.map((e) => e.id)).size;
          expect(await eventsOf(t, dev)).toBe(distinct);
          expect(await cursorOf(t, dev)).toBe(n);
          expect(await count(t, 'SELECT count(*) AS n FROM cases WHERE device_id = $1', [dev.deviceId])).toBe(cases.length);
          expect(await count(t, 'SELECT count(*) AS n FROM rejected_events WHERE device_id = $1', [dev.deviceId])).toBe(0);
        },
      ),
      { numRuns: backend === 'postgres' ? 25 : 15 },
    );
  });
});
