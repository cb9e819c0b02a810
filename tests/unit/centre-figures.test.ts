// The centre's figures (shared/stats/centre.ts) over random cases: every decided case is in
// exactly one decision bucket and one group, the groups add up to the total, every rate lies
// in 0..1, 承诺件 are on time, late or open, and a repeat visit is a 一次性告知 followed by the
// same applicant and item within 30 days.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centreDashboard, GROUP_BYS, repeatVisits, type CentreCase } from '../../shared/stats/centre';
import { DECISIONS } from '../../shared/domain/checklist';
import { RATING_LEVELS } from '../../shared/domain/caseEvents';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { NO_REVIEW } from '../../shared/domain/caseState';

const T0 = Date.parse('2026-11-01T00:00:00+08:00');
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const IDS = ['11010519491231002X', '210102198506150013', '210103199002021228'];

const caseArb = fc.record({
  n: fc.nat(1_000_000),
  decision: fc.option(fc.constantFrom(...DECISIONS), { nil: null }),
  dayOffset: fc.integer({ min: -5, max: 60 }),
  minutes: fc.integer({ min: 0, max: 600 }),
  tier: fc.option(fc.constantFrom('within30', 'within60', 'within120' as const), { nil: null }),
  doneAfter: fc.option(fc.integer({ min: 1, max: 40 * DAY / 60_000 }), { nil: null }),
  promisedIn: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  review: fc.option(fc.constantFrom('reviewing', 'approved', 'rejected', 'needsSupplement', 'readyForPickup' as const), { nil: null }),
  rating: fc.option(fc.constantFrom(...RATING_LEVELS), { nil: null }),
  office: fc.constantFrom('210102', '210103'),
  window: fc.constantFrom('01', '02'),
  clerk: fc.constantFrom('1001', '1002', '2001'),
  dept: fc.option(fc.constantFrom('SCJG', 'JTJ'), { nil: null }),
  item: fc.constantFrom('ITEM1', 'ITEM2', 'ITEM3'),
  who: fc.constantFrom(...IDS),
  marks: fc.dictionary(fc.constantFrom('M1', 'M2', 'M3'), fc.record({ mark: fc.constantFrom('verified', 'missing', 'deferred', 'eCert', 'defective' as const) })),
});
type Gen = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
function toCase(x: Gen, i: number): CentreCase {
  const decidedAt = x.decision ? iso(T0 + x.dayOffset * DAY + x.minutes * 60_000) : null;
  const accepted = x.decision === 'accept';
  const tier = accepted ? x.tier : null;
  const promisedDate = accepted && !tier && x.promisedIn !== null ? new Date(T0 + (x.dayOffset + x.promisedIn) * DAY + 8 * 3600_000).toISOString().slice(0, 10) : null;
  const doneAt = decidedAt && x.doneAfter !== null ? iso(Date.parse(decidedAt) + x.doneAfter * 60_000) : null;
  return {
    ...NO_REVIEW,
    id: `c${i}`, caseNumber: `N${String(i).padStart(5, '0')}`, itemCode: x.item, officeCode: x.office, windowCode: x.window, staffNo: x.clerk,
    status: !x.decision ? 'opened' : accepted ? (doneAt && tier ? 'completed' : 'accepted') : x.decision === 'acceptWithDeferral' ? 'awaitingSupplement' : x.decision === 'notifyMissing' ? 'notified' : x.decision === 'refuse' ? 'refused' : 'redirected',
    decision: x.decision, openedAt: iso(T0 + x.dayOffset * DAY), decidedAt, tier, completedAt: tier ? doneAt : null, rating: x.decision ? x.rating : null,
    promisedDate, reviewStatus: promisedDate ? x.review : null, reviewDecidedAt: promisedDate && x.review ? doneAt ?? decidedAt : null, deliveredAt: null, suspension: null,
    applicant: { kind: 'person', name: '张三', idNumber: x.who, phone: '13800138000' }, marks: x.marks, departmentCode: x.dept,
  } as CentreCase;
}
const within01 = (r: number | null) => r === null || (r >= 0 && r <= 1);

describe('centre figures', () => {
  it('property: buckets and groups add up, every rate is within 0..1, 承诺件 and 立等可取 outcomes partition their cases', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 80 }), fc.constantFrom(...GROUP_BYS), (xs, groupBy) => {
        const cases = xs.map(toCase);
        const period = { from: iso(T0), to: iso(T0 + 30 * DAY) };
        const d = centreDashboard(cases, period, groupBy, new Date(T0 + 45 * DAY), BUILTIN_CALENDAR);
        const decided = cases.filter((c) => c.decidedAt && Date.parse(c.decidedAt) >= T0 && Date.parse(c.decidedAt) < T0 + 30 * DAY);
        expect(d.total.decisions.total).toBe(decided.length);
        expect(Object.values(d.total.decisions.byDecision).reduce((a, b) => a + b, 0)).toBe(decided.length);
        expect(d.groups.reduce((a, g) => a + g.decisions.total, 0)).toBe(decided.length);
        for (const dec of DECISIONS) expect(d.groups.reduce((a, g) => a + g.decisions.byDecision[dec], 0)).toBe(d.total.decisions.byDecision[dec]);
        expect(d.daily.reduce((a, x) => a + x.decided, 0)).toBe(decided.length);
        for (const g of [d.total, ...d.groups]) {
          for (const r of [g.decisions.notifyRate, g.decisions.deferralRate, g.promised.onTimeRate, g.ratings.goodRate, g.supplementRate]) expect(within01(r)).toBe(true);
          expect(g.promised.onTime + g.promised.late + g.promised.open).toBe(g.promised.cases);
          for (const t of Object.values(g.immediate)) {
            expect(t.onTime + t.late + t.open).toBe(t.cases);
            expect(within01(t.onTimeRate)).toBe(true);
          }
          expect(g.ratings.byClass.good + g.ratings.byClass.neutral + g.ratings.byClass.bad).toBe(g.ratings.rated);
        }
        expect(d.repeat.repeated).toBeLessThanOrEqual(d.repeat.notified);
        expect(d.repeat.notified).toBe(d.total.decisions.byDecision.notifyMissing);
        expect(within01(d.repeat.rate)).toBe(true);
        for (const m of d.failingMaterials) expect(m.failed <= m.cases && within01(m.rate)).toBe(true);
        for (const s of d.supplementByItem) expect(s.supplements <= s.cases && within01(s.rate)).toBe(true);
        for (const o of d.overdue) expect(o.daysOverdue).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a repeat visit is the same applicant and item within 30 days after the 一次性告知', () => {
    const base = toCase({ n: 0, decision: 'notifyMissing', dayOffset: 0, minutes: 0, tier: null, doneAfter: null, promisedIn: null, review: null, rating: null, office: '210102', window: '01', clerk: '1001', dept: 'SCJG', item: 'ITEM1', who: IDS[0], marks: {} }, 0);
    const again = (days: number, patch: Partial<CentreCase> = {}) => ({ ...base, id: `r${days}`, decision: 'accept' as const, decidedAt: iso(Date.parse(base.decidedAt!) + days * DAY), ...patch });
    expect(repeatVisits([base], [base, again(29)])).toEqual({ notified: 1, repeated: 1, rate: 1 });
    expect(repeatVisits([base], [base, again(31)]).repeated).toBe(0);
    expect(repeatVisits([base], [base, again(5, { itemCode: 'ITEM2' })]).repeated).toBe(0);
    expect(repeatVisits([base], [base, again(5, { applicant: { kind: 'person', name: '李四', idNumber: IDS[1], phone: '1' } })]).repeated).toBe(0);
    expect(repeatVisits([base], [base, again(-1)]).repeated).toBe(0);
  });
});
