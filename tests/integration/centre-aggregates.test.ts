// The centre dashboard's fast path (per-day aggregates kept by triggers, server migration 008,
// summed by server/backoffice/centreStats.ts) against the definition (shared/stats/centre.ts
// centreDashboard over the very case states), on random cases written, rewritten and removed
// in batches, for random periods, groupings, scopes and moments — on PGlite and on PostgreSQL.
// The two must be identical to the last bit and key (JSON text compared).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OFFICE_A, OFFICE_B, catalogueFixture, openTestDb, seedOffices } from './server-harness';
import { publishCatalogue, CatalogueStore } from '../../server/catalogue/catalogue';
import { centreStats } from '../../server/backoffice/centreStats';
import { staffScope } from '../../server/staff/scope';
import type { Db } from '../../server/db/db';
import { centreDashboard, GROUP_BYS, type CentreCase } from '../../shared/stats/centre';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { DECISIONS } from '../../shared/domain/checklist';
import { IMMEDIATE_TIERS, TIER_MINUTES } from '../../shared/domain/catalogue';
import { RATING_LEVELS } from '../../shared/domain/caseEvents';
import { chinaDay } from '../../shared/time';
import { DAY_FIGURES } from '../../server/db/migrations/008-case-day-figures';

const ITEMS = [{ code: '112101000000000001', dept: 'SCJG' }, { code: '112101000000000002', dept: 'JTJ' }, { code: '112101000000000003', dept: 'SCJG' }];
const DEVICE = '01900000-0000-7000-8000-00000000a9a9';
const BASE = Date.parse('2026-03-04T09:00:00+08:00');
const MIN = 60_000;
const DAY = 86_400_000;
const day = (t: number) => chinaDay(new Date(t));
const at = (t: number) => new Date(t).toISOString();

// Durations around every limit the figures test (a tier's minutes exactly and a millisecond over).
const duration = fc.oneof({ arbitrary: fc.constantFrom(30 * MIN, 30 * MIN + 1, 60 * MIN, 60 * MIN + 1, 120 * MIN, 120 * MIN + 1, 0, -5), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 3 * DAY }), weight: 1 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

/** A case as its events could leave it (only what the figures read), 办结 and 出件 with their times as the projection keeps them. */
const caseArb = fc.record({
  office: fc.constantFrom(OFFICE_A, OFFICE_B), item: fc.constantFrom(...ITEMS), dept: fc.constantFrom<string | null>('SCJG', 'JTJ', null),
  window: fc.constantFrom('01', '02'), staffNo: fc.constantFrom<string | null>('1001', '1002', null),
  opened: fc.integer({ min: -8 * DAY, max: 8 * DAY }), decideAfter: maybe(fc.integer({ min: 0, max: 20 * MIN })),
  decision: fc.oneof({ arbitrary: fc.constant('accept' as const), weight: 3 }, { arbitrary: fc.constantFrom(...DECISIONS), weight: 2 }), tier: maybe(fc.constantFrom(...IMMEDIATE_TIERS)),
  completeAfter: maybe(fc.oneof(fc.constantFrom('limit' as const, 'limit+1' as const), duration)), deliverAfter: maybe(duration), promisedIn: maybe(fc.integer({ min: -3, max: 5 })),
  status: fc.constantFrom('accepted', 'awaitingSupplement', 'completed', 'completed', 'delivered', 'notified', 'refused', 'redirected', 'terminated', 'delivered'),
  review: maybe(fc.constantFrom('reviewing', 'approved', 'rejected', 'needsSupplement', 'readyForPickup')), reviewAfter: maybe(duration),
  rating: maybe(fc.constantFrom(...RATING_LEVELS)),
  applicant: fc.constantFrom('visitor', 'A1', 'a1', 'B2', ''),
  marks: fc.dictionary(fc.constantFrom('m1', 'm2', 'm3'), fc.constantFrom('verified', 'missing', 'defective', 'deferred', 'eCert')),
  suspended: maybe(fc.record({ limitIn: fc.integer({ min: -5, max: 5 }), untilIn: fc.integer({ min: -3, max: 3 }) })),
});
type Gen = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function stateOf(id: string, n: number, g: Gen, office: string, item: string) {
  const opened = BASE + g.opened;
  const decided = g.decideAfter === null ? null : opened + g.decideAfter;
  // 'limit': exactly the tier's minutes (on time), 'limit+1': a millisecond over (late).
  const limit = TIER_MINUTES[g.tier ?? 'within30'] * MIN;
  const complete = g.completeAfter === 'limit' ? limit : g.completeAfter === 'limit+1' ? limit + 1 : g.completeAfter;
  let completedAt = complete === null ? null : at(opened + complete);
  let deliveredAt = g.deliverAfter === null ? null : at(opened + g.deliverAfter);
  if (g.status === 'completed' && !completedAt) completedAt = at(opened + 10 * MIN);
  if (g.status === 'delivered' && !deliveredAt) deliveredAt = at(opened + DAY);
  const open = g.status === 'accepted' || g.status === 'awaitingSupplement';
  return {
    id, caseNumber: `N${n}`, itemCode: item, officeCode: office, windowCode: g.window, staffNo: g.staffNo,
    status: decided === null ? 'opened' : g.status, decision: decided === null ? null : g.decision,
    openedAt: at(opened), decidedAt: decided === null ? null : at(decided), tier: g.tier,
    completedAt: open ? null : completedAt, deliveredAt: open ? null : deliveredAt,
    promisedDate: g.promisedIn === null ? null : day(opened + g.promisedIn * DAY),
    reviewStatus: g.review, reviewDecidedAt: g.reviewAfter === null ? null : at(opened + g.reviewAfter), rating: g.rating,
    applicant: g.applicant === 'visitor' ? { kind: 'visitor' } : { kind: 'person', name: '张三', idNumber: g.applicant, phone: '13800138000' },
    marks: Object.fromEntries(Object.entries(g.marks).map(([k, mark]) => [k, { mark }])),
    suspension: g.suspended && { since: day(opened), until: day(BASE + g.suspended.untilIn * DAY), reason: '等待鉴定', promisedDateAtLimit: day(BASE + g.suspended.limitIn * DAY), by: '2001' },
  };
}

const queryArb = fc.record({
  fromIn: fc.integer({ min: -9, max: 9 }), days: fc.integer({ min: 0, max: 12 }), groupBy: fc.constantFrom(...GROUP_BYS),
  head: maybe(fc.record({ departments: fc.subarray(['SCJG', 'JTJ'], { minLength: 1 }), offices: fc.subarray([OFFICE_A, OFFICE_B], { minLength: 1 }) })),
  officeCode: maybe(fc.constantFrom(OFFICE_A, OFFICE_B)), departmentCode: maybe(fc.constantFrom('SCJG', 'JTJ')),
  nowIn: fc.integer({ min: -2 * DAY, max: 12 * DAY }),
});

describe.each(['pglite', 'postgres'] as const)('centre dashboard from per-day aggregates = from the cases (%s)', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let run = 0;
  beforeAll(async () => {
    ({ db, drop } = await openTestDb(kind));
    await seedOffices(db);
    await publishCatalogue(db, catalogueFixture(ITEMS.map((i) => ({ code: i.code, name: i.code, dept: i.dept }))));
    await db.query(`INSERT INTO devices (id, office_code, window_code, name, token_hash) VALUES ($1, $2, '01', 'property', 'property')`, [DEVICE, OFFICE_A]);
  }, 60_000);
  afterAll(async () => { await drop?.(); });

  it('property: same figures after inserts, rewrites and removals, for any period, grouping, scope and moment', async () => {
    const catalogue = new CatalogueStore(db);
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 25 }), fc.array(fc.tuple(fc.nat(), maybe(caseArb)), { maxLength: 10 }), fc.array(queryArb, { minLength: 1, maxLength: 3 }),
        async (gens, changes, queries) => {
          run++;
          // A failed run (while shrinking) leaves its rows behind: start from nothing.
          await db.exec('UPDATE cases SET state = NULL; DELETE FROM case_facts; DELETE FROM cases; DELETE FROM case_day_items; DELETE FROM case_day_staff; DELETE FROM case_day_materials');
          const cases = new Map<string, { state: ReturnType<typeof stateOf>; dept: string | null }>();
          const rows = gens.map((g, i) => {
            const id = `01900000-0000-7000-8000-${(run * 1000 + i).toString(16).padStart(12, '0')}`;
            const state = stateOf(id, i, g, g.office, g.item.code);
            cases.set(id, { state, dept: g.dept });
            return { id, office: g.office, item: g.item.code, dept: g.dept, state };
          });
          // One statement each, as a push writes a batch: the statement-level triggers see many rows at once.
          await db.query(
            `INSERT INTO cases (id, office_code, device_id, item_code, department_code, case_number, status, catalogue_version, created_device_time, state)
             SELECT (x->>'id')::uuid, x->>'office', $2, x->>'item', x->>'dept', x->'state'->>'caseNumber', x->'state'->>'status', 1, (x->'state'->>'openedAt')::timestamptz, x->'state'
             FROM jsonb_array_elements($1::jsonb) x`, [JSON.stringify(rows), DEVICE]);
          const rewrites: unknown[] = [];
          const removed: string[] = [];
          for (const [pick, g] of changes) {
            const r = rows[pick % rows.length];
            if (!cases.has(r.id) || rewrites.some((w) => (w as { id: string }).id === r.id)) continue;
            if (g === null) { removed.push(r.id); cases.delete(r.id); continue; }
            const state = stateOf(r.id, pick, g, r.office, r.item);
            cases.set(r.id, { state, dept: g.dept });
            rewrites.push({ id: r.id, dept: g.dept, state });
          }
          await db.query(`UPDATE cases c SET state = x->'state', department_code = x->>'dept' FROM jsonb_array_elements($1::jsonb) x WHERE c.id = (x->>'id')::uuid`, [JSON.stringify(rewrites)]);
          await db.query('UPDATE cases SET state = NULL WHERE id = ANY($1::uuid[])', [removed]);

          for (const q of queries) {
            const from = day(BASE + q.fromIn * DAY);
            const to = day(BASE + (q.fromIn + q.days) * DAY);
            const now = new Date(BASE + q.nowIn);
            const who = q.head
              ? { admin: false, scope: staffScope({ role: 'head', departmentCodes: q.head.departments, officeCodes: q.head.offices }) }
              : { admin: true, scope: staffScope({ role: 'admin', departmentCodes: [], officeCodes: [] }) };
            const query = { from, to, groupBy: q.groupBy, ...(q.officeCode ? { officeCode: q.officeCode } : {}), ...(q.departmentCode ? { departmentCode: q.departmentCode } : {}) };
            const fast = await centreStats(db, catalogue, who, query, now);
            const inScope = [...cases.values()].filter(({ state, dept }) =>
              (!q.head || (dept !== null && q.head.departments.includes(dept) && q.head.offices.includes(state.officeCode)))
              && (!q.officeCode || state.officeCode === q.officeCode) && (!q.departmentCode || dept === q.departmentCode));
            const naive = centreDashboard(inScope.map(({ state, dept }) => ({ ...state, departmentCode: dept }) as unknown as CentreCase), fast.period, q.groupBy, now, BUILTIN_CALENDAR);
            const { names: _names, casesRead: _read, ...figures } = fast;
            expect(JSON.stringify(figures)).toBe(JSON.stringify(naive));
          }
          // Every case removed: every count is back to zero (subtraction mirrors addition).
          await db.query('UPDATE cases SET state = NULL');
          const nonZero = DAY_FIGURES.map(([n]) => `${n} <> 0`).join(' OR ');
          const { rows: [left] } = await db.query<{ items: number; staff: number; materials: number }>(
            `SELECT (SELECT count(*)::int FROM case_day_items WHERE ${nonZero}) AS items, (SELECT count(*)::int FROM case_day_staff WHERE ${nonZero}) AS staff,
                    (SELECT count(*)::int FROM case_day_materials WHERE cases <> 0 OR failed <> 0) AS materials`);
          expect(left).toEqual({ items: 0, staff: 0, materials: 0 });
        }),
      { numRuns: kind === 'pglite' ? 30 : 30 },
    );
  }, 120_000);
});
