// The figures windows and centres are assessed on, as pure functions over cases as their events
// leave them (CaseState, shared/domain/caseState.ts). The workstation and the server compute them
// with this same code; every definition is written out in docs/statistics.md.
import type { CaseState } from '../domain/caseState';
import { DECISIONS, type Decision } from '../domain/checklist';
import { IMMEDIATE_TIERS, TIER_MINUTES, type ImmediateTier } from '../domain/catalogue';
import { RATING_LEVELS } from '../domain/caseEvents';
import { RATING_CLASS, type RatingClass, type RatingLevel } from '../domain/ratingReasons';

/** What a figure reads of a case: the projection's fields (plus the department on the server). */
export type StatsCase = Pick<
  CaseState,
  'id' | 'caseNumber' | 'itemCode' | 'officeCode' | 'windowCode' | 'staffNo' | 'status' | 'decision' | 'openedAt' | 'decidedAt' | 'tier' | 'completedAt' | 'rating'
>;

/** [from, to) as ISO instants. */
export interface Period {
  from: string;
  to: string;
}

export type { RatingClass, RatingLevel } from '../domain/ratingReasons';
export { RATING_CLASS } from '../domain/ratingReasons';

const ms = (iso: string) => Date.parse(iso);
const within = (iso: string | null, p: Period) => iso !== null && ms(iso) >= ms(p.from) && ms(iso) < ms(p.to);
const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The cases a period counts: those whose decision was taken in it (the visit's moment). */
export const decidedIn = <T extends StatsCase>(cases: readonly T[], p: Period): T[] => cases.filter((c) => c.decision !== null && within(c.decidedAt, p));

export interface DecisionCounts {
  total: number;
  byDecision: Record<Decision, number>;
  /** 一次性告知 and 容缺受理 as shares of all decisions (null: no decision). */
  notifyRate: number | null;
  deferralRate: number | null;
}

/** Every decided case falls in exactly one decision bucket. */
export function decisionCounts(decided: readonly StatsCase[]): DecisionCounts {
  const byDecision = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  for (const c of decided) if (c.decision) byDecision[c.decision]++;
  return {
    total: decided.length,
    byDecision,
    notifyRate: rate(byDecision.notifyMissing, decided.length),
    deferralRate: rate(byDecision.acceptWithDeferral, decided.length),
  };
}

export type ImmediateOutcome = 'onTime' | 'late' | 'open';
export interface TierFigures {
  /** 立等可取 cases of the tier (accepted with the tier). */
  cases: number;
  onTime: number;
  late: number;
  /** Not finished and still within the tier's time: counted in neither. */
  open: number;
  /** onTime / (onTime + late); null when none is decided yet. */
  onTimeRate: number | null;
  /** Mean measured time of the finished ones, seconds. */
  avgSeconds: number | null;
}

/**
 * 立等可取 measured: from the case's opening (the clerk began the intake) to 办结. On time when
 * that is within the tier's minutes; late when it is longer, or when the case is still not
 * finished and the time is already up (at `now`).
 */
export function immediateOutcome(c: Pick<StatsCase, 'tier' | 'openedAt' | 'completedAt'>, now: Date): { outcome: ImmediateOutcome; seconds: number | null } {
  const limit = TIER_MINUTES[c.tier!] * 60;
  if (c.completedAt) {
    const seconds = measuredMs(c) / 1000;
    return { outcome: seconds <= limit ? 'onTime' : 'late', seconds };
  }
  return { outcome: (now.getTime() - ms(c.openedAt)) / 1000 > limit ? 'late' : 'open', seconds: null };
}

/** 办结 − opening in whole milliseconds (never negative): integers, so sums are exact in any order (the server's per-day aggregates add them up). */
export const measuredMs = (c: Pick<StatsCase, 'openedAt' | 'completedAt'>): number => Math.max(0, ms(c.completedAt!) - ms(c.openedAt));
/** Mean of measured times, seconds, from their exact sum (null: none). */
export const meanSeconds = (totalMs: number, n: number): number | null => (n ? totalMs / n / 1000 : null);

export function immediateFigures(decided: readonly StatsCase[], now: Date): Record<ImmediateTier, TierFigures> {
  const out = {} as Record<ImmediateTier, TierFigures>;
  for (const tier of IMMEDIATE_TIERS) {
    const mine = decided.filter((c) => c.decision === 'accept' && c.tier === tier);
    const counts = { onTime: 0, late: 0, open: 0 };
    let finished = 0;
    let totalMs = 0;
    for (const c of mine) {
      const r = immediateOutcome(c, now);
      counts[r.outcome]++;
      if (r.seconds !== null) finished++, (totalMs += measuredMs(c));
    }
    out[tier] = { cases: mine.length, ...counts, onTimeRate: rate(counts.onTime, counts.onTime + counts.late), avgSeconds: meanSeconds(totalMs, finished) };
  }
  return out;
}

/** Mean time from opening to decision (the intake at the window), seconds. */
export function intakeSeconds(decided: readonly StatsCase[]): number | null {
  return mean(decided.map((c) => Math.max(0, (ms(c.decidedAt!) - ms(c.openedAt)) / 1000)));
}

export interface RatingFigures {
  byLevel: Record<RatingLevel, number>;
  byClass: Record<RatingClass, number>;
  rated: number;
  /** 好评 / rated (null: none rated). */
  goodRate: number | null;
}

/** The ratings of the visits (cases) counted: one rating per visit at most. */
export function ratingFigures(cases: readonly StatsCase[]): RatingFigures {
  const byLevel = Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>;
  const byClass: Record<RatingClass, number> = { good: 0, neutral: 0, bad: 0 };
  let rated = 0;
  for (const c of cases) {
    if (!c.rating || !(c.rating in RATING_CLASS)) continue;
    byLevel[c.rating as RatingLevel]++;
    byClass[RATING_CLASS[c.rating as RatingLevel]]++;
    rated++;
  }
  return { byLevel, byClass, rated, goodRate: rate(byClass.good, rated) };
}
