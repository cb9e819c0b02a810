// The centre's figures from counts instead of cases: the server keeps per-day counts of each
// figure's parts (server migration 008, case_day_items and case_day_staff) and sums them for a period; these pure
// functions turn such sums into exactly the objects centre.ts computes from the cases (same
// fields, same order, same rounding), so the two paths can be compared with toEqual and
// JSON.stringify alike (tests/integration/centre-aggregates.test.ts). Definitions stay in
// centre.ts and figures.ts (docs/statistics.md); nothing here decides what a figure means.
import { DECISIONS, type Decision } from '../domain/checklist';
import { IMMEDIATE_TIERS, type ImmediateTier } from '../domain/catalogue';
import { RATING_LEVELS } from '../domain/caseEvents';
import { RATING_CLASS, type RatingLevel } from '../domain/ratingReasons';
import type { WorkCalendar } from '../calendar/holidays';
import { chinaDay } from '../time';
import { meanSeconds, type Period, type TierFigures } from './figures';
import { overdueCases, type CentreCase, type CentreDashboard, type GroupBy, type GroupFigures, type MaterialLine, type SupplementLine } from './centre';

/** The summed parts of one group's figures (decided cases only). */
export interface FigureTally {
  decided: number;
  byDecision: Record<Decision, number>;
  /** Cases that needed 补正 (neededSupplement). */
  supplements: number;
  /** Per tier: 立等可取 cases, finished on time, finished late, and the finished ones' measured milliseconds summed. */
  immediate: Record<ImmediateTier, { cases: number; onTime: number; late: number; ms: number }>;
  /** 承诺件: cases, finished on or before the promised date, finished after it. */
  promised: { cases: number; onTime: number; late: number };
  ratings: Record<RatingLevel, number>;
}

/** 立等可取 cases not yet finished whose tier's time is up at the moment asked, per tier (the only part that depends on now). */
export type LateNow = Partial<Record<ImmediateTier, number>>;

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function emptyTally(): FigureTally {
  return {
    decided: 0, byDecision: Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>, supplements: 0,
    immediate: Object.fromEntries(IMMEDIATE_TIERS.map((t) => [t, { cases: 0, onTime: 0, late: 0, ms: 0 }])) as FigureTally['immediate'],
    promised: { cases: 0, onTime: 0, late: 0 }, ratings: Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>,
  };
}

/** A group's figures as centre.ts figuresOf gives them for the group's cases. */
export function figuresOfTally(key: string, t: FigureTally, lateNow: LateNow): GroupFigures {
  const immediate = {} as Record<ImmediateTier, TierFigures>;
  for (const tier of IMMEDIATE_TIERS) {
    const x = t.immediate[tier];
    const finished = x.onTime + x.late;
    const lateOpen = lateNow[tier] ?? 0;
    const late = x.late + lateOpen;
    immediate[tier] = { cases: x.cases, onTime: x.onTime, late, open: x.cases - finished - lateOpen, onTimeRate: rate(x.onTime, x.onTime + late), avgSeconds: meanSeconds(x.ms, finished) };
  }
  const byClass = { good: 0, neutral: 0, bad: 0 };
  let rated = 0;
  for (const l of RATING_LEVELS) byClass[RATING_CLASS[l]] += t.ratings[l], (rated += t.ratings[l]);
  const p = t.promised;
  return {
    key,
    decisions: {
      total: t.decided, byDecision: Object.fromEntries(DECISIONS.map((d) => [d, t.byDecision[d]])) as Record<Decision, number>,
      notifyRate: rate(t.byDecision.notifyMissing, t.decided), deferralRate: rate(t.byDecision.acceptWithDeferral, t.decided),
    },
    immediate,
    promised: { cases: p.cases, onTime: p.onTime, late: p.late, open: p.cases - p.onTime - p.late, onTimeRate: rate(p.onTime, p.onTime + p.late) },
    ratings: { byLevel: Object.fromEntries(RATING_LEVELS.map((l) => [l, t.ratings[l]])) as Record<RatingLevel, number>, byClass, rated, goodRate: rate(byClass.good, rated) },
    supplementRate: rate(t.supplements, t.decided),
  };
}

export interface TallyInput {
  period: Period;
  groupBy: GroupBy;
  total: FigureTally;
  totalLateNow: LateNow;
  groups: Array<{ key: string; tally: FigureTally; lateNow: LateNow }>;
  /** Per China day of the period: decided, 好评, 差评. */
  daily: Array<{ day: string; decided: number; good: number; bad: number }>;
  /** Per item: decided, needed 补正. */
  items: Array<{ key: string; cases: number; supplements: number }>;
  materials: Array<{ itemCode: string; materialId: string; cases: number; failed: number }>;
  repeat: { notified: number; repeated: number };
  /** Cases that may be overdue (at least every open one in scope); overdueCases picks them. */
  overdueCandidates: readonly CentreCase[];
}

/** The dashboard centreDashboard computes from the cases, from their summed counts. */
export function dashboardOfTallies(x: TallyInput, now: Date, cal: WorkCalendar): CentreDashboard {
  const groups = x.groups.filter((g) => g.tally.decided > 0).map((g) => figuresOfTally(g.key, g.tally, g.lateNow));
  const supplementByItem: SupplementLine[] = x.items.filter((i) => i.cases > 0).map((i) => ({ key: i.key, cases: i.cases, supplements: i.supplements, rate: rate(i.supplements, i.cases) }));
  const failingMaterials: MaterialLine[] = x.materials.filter((m) => m.cases > 0).map((m) => ({ itemCode: m.itemCode, materialId: m.materialId, cases: m.cases, failed: m.failed, rate: rate(m.failed, m.cases) }));
  return {
    period: x.period, groupBy: x.groupBy, total: figuresOfTally('total', x.total, x.totalLateNow),
    groups: groups.sort((a, b) => b.decisions.total - a.decisions.total || a.key.localeCompare(b.key)),
    repeat: { notified: x.repeat.notified, repeated: x.repeat.repeated, rate: rate(x.repeat.repeated, x.repeat.notified) },
    supplementByItem: supplementByItem.sort((a, b) => b.supplements - a.supplements || a.key.localeCompare(b.key)),
    failingMaterials: failingMaterials.sort((a, b) => b.failed - a.failed || a.itemCode.localeCompare(b.itemCode) || a.materialId.localeCompare(b.materialId)),
    overdue: overdueCases(x.overdueCandidates, chinaDay(now), cal),
    daily: x.daily.filter((d) => d.decided > 0).map((d) => ({ day: d.day, decided: d.decided, good: d.good, bad: d.bad })).sort((a, b) => a.day.localeCompare(b.day)),
  };
}
