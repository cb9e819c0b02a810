// 需补正 from the back office and what it stops at the window (docs/architecture.md §13). Pure.
//
// - The request: the latest 需补正 with exactly the materials the reviewer marked 未通过 (and
//   why), kept in the case state after it is settled so its 补正告知书 can be printed again.
// - The 立等可取 clock stands still while the applicant is away fetching the supplement: from
//   the 需补正 until the window records the supplement (or the department goes on without it).
//   Time spent supplementing is the applicant's, not the window's (补正时间不计入办理时限), so
//   the pause ends when the new pages are recorded, not when the reviewer next decides; the
//   due instant then moves by the paused time and the time to 办结 leaves it out.
// - 办结 waits longer: until the supplement is recorded and the department has gone on
//   (completeBlocker in caseState.ts reads `supplementWait`).
import { TIER_MINUTES, type ImmediateTier } from './catalogue';

export interface SupplementRequest {
  /** When the back office asked (the review.status event's time). */
  at: string;
  reason: string | null;
  /** Exactly the failed materials, in the reviewer's order. */
  materials: Array<{ materialId: string; reason: string | null }>;
  /** When the window recorded the supplement with new pages (null: not yet). */
  supplementedAt: string | null;
}

/** What the clock rules read of a case. */
export interface ClockFacts {
  tier: ImmediateTier | null;
  /** Due instant with the pauses that ended already counted in. */
  dueAt: string | null;
  /** The clock stands still since (null: running). */
  clockPausedAt: string | null;
  /** Seconds the clock stood still in pauses that ended. */
  pausedSeconds: number;
}

const ms = (iso: string): number => Date.parse(iso);

/** The facts once the pause (if any) ends at `at`: the due instant moves by the paused time. Never moves back (clocks of two machines). */
export function endPause(c: ClockFacts, at: string): Pick<ClockFacts, 'clockPausedAt' | 'pausedSeconds' | 'dueAt'> {
  if (!c.clockPausedAt) return { clockPausedAt: null, pausedSeconds: c.pausedSeconds, dueAt: c.dueAt };
  const paused = Math.max(0, Math.round((ms(at) - ms(c.clockPausedAt)) / 1000));
  return {
    clockPausedAt: null,
    pausedSeconds: c.pausedSeconds + paused,
    dueAt: c.dueAt ? new Date(ms(c.dueAt) + paused * 1000).toISOString() : null,
  };
}

export interface ImmediateClock {
  /** Due instant as of `now` (while paused it runs ahead with `now`). */
  dueAt: string;
  paused: boolean;
  /** Milliseconds left (negative: late); frozen while paused. */
  remainingMs: number;
}

/** The 立等可取 clock at `now`, or null for a case without one. */
export function immediateClock(c: Pick<ClockFacts, 'tier' | 'dueAt' | 'clockPausedAt'>, now: Date): ImmediateClock | null {
  if (!c.tier || !c.dueAt) return null;
  if (c.clockPausedAt) {
    const remainingMs = ms(c.dueAt) - Math.min(ms(c.clockPausedAt), now.getTime());
    return { dueAt: new Date(now.getTime() + remainingMs).toISOString(), paused: true, remainingMs };
  }
  return { dueAt: c.dueAt, paused: false, remainingMs: ms(c.dueAt) - now.getTime() };
}

/** Seconds the case took from its decision to `now`, the clock's pauses left out (recorded with 办结). */
export function runningSeconds(c: Pick<ClockFacts, 'clockPausedAt' | 'pausedSeconds'> & { decidedAt: string }, now: Date): number {
  const until = c.clockPausedAt ? Math.min(ms(c.clockPausedAt), now.getTime()) : now.getTime();
  return Math.max(0, Math.round((until - ms(c.decidedAt)) / 1000) - c.pausedSeconds);
}

/** Whether a tier's time is kept, given the seconds it ran. */
export const withinTier = (tier: ImmediateTier, seconds: number): boolean => seconds <= TIER_MINUTES[tier] * 60;

export type SupplementWait = 'none' | 'applicant' | 'department';
/**
 * Where an open 需补正 stands: `applicant` (the supplement is not recorded yet), `department`
 * (recorded, the reviewer has not gone on) or `none` (no 需补正 in effect).
 */
export function supplementWait(s: { reviewStatus: string | null; supplementRequest?: SupplementRequest | null }): SupplementWait {
  if (s.reviewStatus !== 'needsSupplement') return 'none';
  return s.supplementRequest?.supplementedAt ? 'department' : 'applicant';
}

/**
 * Why a supplement with new pages of `materialIds` cannot be recorded now (null: it can):
 * there must be an open 需补正, and every failed material needs a new page. `names` turns ids
 * into the material names the clerk sees.
 */
export function supplementPagesProblem(
  s: { reviewStatus: string | null; supplementRequest?: SupplementRequest | null },
  materialIds: ReadonlySet<string>,
  names: (id: string) => string = (id) => id,
): string | null {
  const wait = supplementWait(s);
  if (wait === 'none') return '后台没有要求补正材料，无需记录补正';
  if (wait === 'department') return '补正材料已记录，正等待后台审核';
  const missing = s.supplementRequest!.materials.filter((m) => !materialIds.has(m.materialId));
  if (missing.length) return `请为每项需补正的材料扫描新的页面，尚缺：${missing.map((m) => names(m.materialId)).join('、')}`;
  return null;
}
