// The window's own dashboard (today, this week) and its 交接班 list: what the 值班长 and the
// clerk see offline, computed from the window's cases by the shared figures.
import { z } from 'zod';
import { DECISIONS } from '../domain/checklist';
import { IMMEDIATE_TIERS } from '../domain/catalogue';
import { RATING_LEVELS } from '../domain/caseEvents';
import { STATUS_LABEL, isOnTheSpot, type CaseState } from '../domain/caseState';
import { chinaDay } from '../time';
import { decidedIn, decisionCounts, immediateFigures, immediateOutcome, intakeSeconds, ratingFigures, type Period, type StatsCase } from './figures';

export const WINDOW_PERIODS = ['today', 'week'] as const;
export type WindowPeriod = (typeof WINDOW_PERIODS)[number];
export const WINDOW_PERIOD_LABEL: Record<WindowPeriod, string> = { today: '今日', week: '本周' };
/** The window's tables that export to Excel (export.xlsx): 今日办件, 交接班, 窗口统计 (all its tables). */
export const WINDOW_EXPORTS = ['queue', 'handover', 'windowStats'] as const;
export type WindowExport = (typeof WINDOW_EXPORTS)[number];
export const WINDOW_EXPORT_LABEL: Record<WindowExport, string> = { queue: '今日办件', handover: '交接班清单', windowStats: '窗口统计' };

const CHINA_MS = 8 * 3600_000;
/** Today from 00:00, or this week from Monday 00:00, China time, to now. */
export function windowPeriod(kind: WindowPeriod, now: Date): Period {
  const day = chinaDay(now);
  let start = Date.parse(`${day}T00:00:00Z`) - CHINA_MS;
  if (kind === 'week') start -= ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) * 86_400_000;
  return { from: new Date(start).toISOString(), to: new Date(now.getTime() + 1).toISOString() };
}

/** What the window keeps of each case for its figures and its hand-over list. */
export type WindowCase = StatsCase &
  Pick<CaseState, 'promisedDate' | 'supplementDeadline' | 'reviewStatus'> & { itemName: string; applicantName: string };

const rateOf = z.number().min(0).max(1).nullable();
const tierFigures = z.object({ cases: z.number().int(), onTime: z.number().int(), late: z.number().int(), open: z.number().int(), onTimeRate: rateOf, avgSeconds: z.number().nullable() });
export const WindowDashboard = z.object({
  period: z.enum(WINDOW_PERIODS),
  from: z.string(),
  to: z.string(),
  decisions: z.object({ total: z.number().int(), byDecision: z.record(z.enum(DECISIONS), z.number().int()), notifyRate: rateOf, deferralRate: rateOf }),
  immediate: z.record(z.enum(IMMEDIATE_TIERS), tierFigures),
  intakeSeconds: z.number().nullable(),
  ratings: z.object({ byLevel: z.record(z.enum(RATING_LEVELS), z.number().int()), byClass: z.object({ good: z.number().int(), neutral: z.number().int(), bad: z.number().int() }), rated: z.number().int(), goodRate: rateOf }),
  /** 容缺 cases waiting for their supplement, soonest deadline first. */
  supplementsDue: z.array(z.object({ caseId: z.string(), caseNumber: z.string(), itemName: z.string(), applicantName: z.string(), deadline: z.string(), overdue: z.boolean(), dueSoon: z.boolean() })),
});
export type WindowDashboard = z.infer<typeof WindowDashboard>;

/** Supplements due within this many days are 即将到期. */
export const DUE_SOON_DAYS = 3;
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function windowDashboard(cases: readonly WindowCase[], kind: WindowPeriod, now: Date): WindowDashboard {
  const period = windowPeriod(kind, now);
  const decided = decidedIn(cases, period);
  const today = chinaDay(now);
  const soon = plusDays(today, DUE_SOON_DAYS);
  return {
    period: kind,
    ...period,
    decisions: decisionCounts(decided),
    immediate: immediateFigures(decided, now),
    intakeSeconds: intakeSeconds(decided),
    ratings: ratingFigures(decided),
    supplementsDue: cases
      .filter((c) => c.status === 'awaitingSupplement' && c.supplementDeadline)
      .sort((a, b) => a.supplementDeadline!.localeCompare(b.supplementDeadline!))
      .map((c) => ({
        caseId: c.id, caseNumber: c.caseNumber, itemName: c.itemName, applicantName: c.applicantName, deadline: c.supplementDeadline!,
        overdue: c.supplementDeadline! < today, dueSoon: c.supplementDeadline! <= soon,
      })),
  };
}

export const HandoverLine = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  status: z.string(),
  /** What the case waits for, in the clerk's words. */
  waitingFor: z.string(),
  /** The date or time it is due, when there is one. */
  due: z.string().nullable(),
  urgent: z.boolean(),
});
export type HandoverLine = z.infer<typeof HandoverLine>;

const OPEN: ReadonlySet<CaseState['status']> = new Set(['accepted', 'awaitingSupplement', 'completed']);

/** 交接班: the window's open cases with what each waits for, most urgent first. */
export function handoverLines(cases: readonly WindowCase[], now: Date): HandoverLine[] {
  const today = chinaDay(now);
  const line = (c: WindowCase): HandoverLine => {
    const base = { caseId: c.id, caseNumber: c.caseNumber, itemName: c.itemName, applicantName: c.applicantName, status: STATUS_LABEL[c.status] };
    if (c.status === 'completed') return { ...base, waitingFor: '已办结，待出件', due: null, urgent: false };
    if (c.status === 'awaitingSupplement') {
      const over = !!c.supplementDeadline && c.supplementDeadline < today;
      return { ...base, waitingFor: over ? '补正期限已过，未补正：可终止' : '等待申请人补正容缺材料', due: c.supplementDeadline, urgent: over || c.supplementDeadline === today };
    }
    if (isOnTheSpot({ status: c.status, tier: c.tier, promisedDate: c.promisedDate, decidedAt: c.decidedAt })) {
      if (!c.tier) return { ...base, waitingFor: '即办件，待办结', due: c.promisedDate, urgent: false };
      const late = immediateOutcome(c, now).outcome === 'late';
      return { ...base, waitingFor: late ? '立等可取已超时，尽快办结' : '立等可取，待办结', due: null, urgent: late };
    }
    if (c.reviewStatus === 'needsSupplement') return { ...base, waitingFor: '后台要求补正，待申请人补交', due: c.promisedDate, urgent: false };
    if (c.reviewStatus === 'approved' || c.reviewStatus === 'rejected' || c.reviewStatus === 'readyForPickup') return { ...base, waitingFor: '审批完成，待出件', due: null, urgent: false };
    const over = !!c.promisedDate && c.promisedDate < today;
    return { ...base, waitingFor: over ? '后台审批已超过承诺日期' : '后台审批中', due: c.promisedDate, urgent: over };
  };
  return cases
    .filter((c) => OPEN.has(c.status))
    .map(line)
    .sort((a, b) => Number(b.urgent) - Number(a.urgent) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.caseNumber.localeCompare(b.caseNumber));
}
