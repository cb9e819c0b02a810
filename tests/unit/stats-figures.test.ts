// The figures (shared/stats) as docs/statistics.md defines them: properties over random cases —
// bucket totals equal the case count, every case in exactly one decision bucket, every 立等可取
// case in exactly one outcome, rates within 0..1 — and the edges of "on time".
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decidedIn, decisionCounts, immediateFigures, immediateOutcome, ratingFigures, type StatsCase } from '../../shared/stats/figures';
import { handoverLines, windowDashboard, windowPeriod, type WindowCase } from '../../shared/stats/window';
import { DECISIONS } from '../../shared/domain/checklist';
import { IMMEDIATE_TIERS } from '../../shared/domain/catalogue';
import { RATING_LEVELS } from '../../shared/domain/caseEvents';
import { STATUS_AFTER_DECISION } from '../../shared/domain/caseState';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const caseArb: fc.Arbitrary<WindowCase> = fc
  .record({
    n: fc.nat(9999),
    decision: fc.option(fc.constantFrom(...DECISIONS), { freq: 8 }),
    tier: fc.option(fc.constantFrom(...IMMEDIATE_TIERS)),
    openedMin: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    intakeMin: fc.integer({ min: 0, max: 60 }),
    doneMin: fc.option(fc.integer({ min: 0, max: 300 })),
    rating: fc.option(fc.constantFrom(...RATING_LEVELS)),
    deadlineDays: fc.option(fc.integer({ min: -5, max: 10 })),
  })
  .map((r) => {
    const opened = T0 + r.openedMin * 60_000;
    const decided = r.decision ? opened + r.intakeMin * 60_000 : null;
    const accept = r.decision === 'accept';
    const completedAt = accept && r.doneMin !== null ? iso(decided! + r.doneMin * 60_000) : null;
    const status = !r.decision ? 'opened' : completedAt ? 'completed' : STATUS_AFTER_DECISION[r.decision];
    return {
      id: `c${r.n}`, caseNumber: `210100-01-20261201-${String(r.n).padStart(4, '0')}-X`, itemCode: 'I1', officeCode: '210100', windowCode: '01', staffNo: '1001',
      status, decision: r.decision, openedAt: iso(opened), decidedAt: decided === null ? null : iso(decided), tier: accept ? r.tier : null, completedAt,
      rating: r.decision ? r.rating : null, promisedDate: null,
      supplementDeadline: r.decision === 'acceptWithDeferral' && r.deadlineDays !== null ? iso(T0 + r.deadlineDays * 86_400_000).slice(0, 10) : null,
      reviewStatus: null, itemName: '测试事项', applicantName: '张三',
    } as WindowCase;
  });

describe('figures', () => {
  it('every decided case is in exactly one decision bucket, every 立等可取 case in one outcome, every rate within 0..1', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 60 }), fc.integer({ min: 0, max: 20 * 24 * 60 }), (cases, nowMin) => {
        const now = new Date(T0 + nowMin * 60_000);
        const period = { from: iso(T0), to: iso(T0 + 30 * 86_400_000) };
        const decided = decidedIn(cases, period);
        expect(decided.length).toBe(cases.filter((c) => c.decision).length);
        const d = decisionCounts(decided);
        expect(Object.values(d.byDecision).reduce((a, b) => a + b, 0)).toBe(d.total);
        const imm = immediateFigures(decided, now);
        for (const t of IMMEDIATE_TIERS) {
          const f = imm[t];
          expect(f.onTime + f.late + f.open).toBe(f.cases);
          expect(f.cases).toBe(decided.filter((c) => c.decision === 'accept' && c.tier === t).length);
          if (f.onTimeRate !== null) expect(f.onTimeRate).toBeGreaterThanOrEqual(0), expect(f.onTimeRate).toBeLessThanOrEqual(1);
        }
        const r = ratingFigures(decided);
        expect(r.byClass.good + r.byClass.neutral + r.byClass.bad).toBe(r.rated);
        expect(Object.values(r.byLevel).reduce((a, b) => a + b, 0)).toBe(r.rated);
        for (const x of [d.notifyRate, d.deferralRate, r.goodRate]) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
        const dash = windowDashboard(cases, 'week', now);
        expect(dash.supplementsDue.length).toBe(cases.filter((c) => c.status === 'awaitingSupplement' && c.supplementDeadline).length);
        for (const l of handoverLines(cases, now)) expect(['已受理', '待补正', '已办结']).toContain(l.status);
      }),
      { numRuns: 300 },
    );
  });

  it('立等可取 is on time up to the tier\'s minutes from the opening, late after, open while time is left', () => {
    const c = (openedAt: string, completedAt: string | null) => ({ tier: 'within30' as const, openedAt, completedAt });
    const now = new Date('2026-12-01T02:00:00Z');
    expect(immediateOutcome(c('2026-12-01T01:00:00Z', '2026-12-01T01:30:00Z'), now)).toEqual({ outcome: 'onTime', seconds: 1800 });
    expect(immediateOutcome(c('2026-12-01T01:00:00Z', '2026-12-01T01:30:01Z'), now)).toEqual({ outcome: 'late', seconds: 1801 });
    expect(immediateOutcome(c('2026-12-01T01:00:00Z', null), now).outcome).toBe('late'); // 60 min and not finished
    expect(immediateOutcome(c('2026-12-01T01:45:00Z', null), now).outcome).toBe('open');
  });

  it('today starts at 00:00 and this week on Monday 00:00, China time', () => {
    const now = new Date('2026-12-03T01:30:00Z'); // Thursday 09:30 in Shenyang
    expect(windowPeriod('today', now).from).toBe('2026-12-02T16:00:00.000Z');
    expect(windowPeriod('week', now).from).toBe('2026-11-29T16:00:00.000Z'); // Monday 30 Nov 00:00
    const sunday = new Date('2026-12-06T15:00:00Z'); // Sunday 23:00
    expect(windowPeriod('week', sunday).from).toBe('2026-11-29T16:00:00.000Z');
  });

  it('a case counts in the period of its decision only', () => {
    const base = { id: 'a', caseNumber: 'n', itemCode: 'I', officeCode: 'o', windowCode: 'w', staffNo: 's', status: 'accepted', decision: 'accept', tier: null, completedAt: null, rating: null } as const;
    const cases: StatsCase[] = [
      { ...base, openedAt: '2026-11-30T15:50:00Z', decidedAt: '2026-11-30T15:59:59Z' },
      { ...base, id: 'b', openedAt: '2026-11-30T15:55:00Z', decidedAt: '2026-11-30T16:00:00Z' },
    ];
    expect(decidedIn(cases, { from: '2026-11-30T16:00:00Z', to: '2026-12-01T16:00:00Z' }).map((c) => c.id)).toEqual(['b']);
  });
});
