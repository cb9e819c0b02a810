// 超时预警 at the window: which of this window's open cases are near or past the time it
// promised the applicant, and which 容缺 supplements fall due in the next days. Pure rules; the
// workstation's handler runs them with its clock and holiday calendar (case.deadlines), the
// renderer only shows the answer.
//
// - 立等可取 (a tier): due at acceptance + the tier's minutes (`dueAt`); 即将超时 from
//   IMMEDIATE_WARN_MINUTES before it, 已超时 after it, until 办结; no warning while a 需补正
//   stops the clock (supplementClock.ts), whose end moves `dueAt` by the time it stood still.
// - 承诺件: due on the promised date (moved by a 延期); 即将超时 with one working day or less
//   left, 已超时 after it, while it is 受理/待补正 and the back office has not finished it;
//   paused while 挂起 (reviewClock in caseState.ts, the back office's own rule).
// - 容缺 supplements: listed while 待补正 when the deadline is within SUPPLEMENT_WARN_WORKDAYS
//   working days or past.
import { z } from 'zod';
import type { WorkCalendar } from '../calendar/holidays';
import { workingDaysBetween } from '../calendar/workdays';
import { chinaDay } from '../time';
import { reviewClock, type CaseState } from './caseState';
import { immediateClock } from './supplementClock';
import type { CaseStatus } from './case';
import type { ImmediateTier } from './catalogue';

export const IMMEDIATE_WARN_MINUTES = 10;
export const SUPPLEMENT_WARN_WORKDAYS = 3;

export const DEADLINE_BANDS = ['dueSoon', 'overdue'] as const;
export type DeadlineBand = (typeof DEADLINE_BANDS)[number];
export const DEADLINE_BAND_LABEL: Record<DeadlineBand, string> = { dueSoon: '即将超时', overdue: '已超时' };

export const DeadlineAlert = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  kind: z.enum(['immediate', 'promised']),
  band: z.enum(DEADLINE_BANDS),
  /** ISO instant (立等可取) or YYYY-MM-DD (承诺件). */
  due: z.string(),
  /** 立等可取: whole minutes left, rounded toward zero (negative: late; 0 with band overdue: under a minute late). */
  minutesLeft: z.number().int().nullable(),
  /** 承诺件: working days left (negative: late). */
  workingDaysLeft: z.number().int().nullable(),
});
export type DeadlineAlert = z.infer<typeof DeadlineAlert>;

export const SupplementDue = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  deadline: z.string(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
});
export type SupplementDue = z.infer<typeof SupplementDue>;

export const WindowDeadlines = z.object({
  now: z.string(),
  overdue: z.number().int().min(0),
  dueSoon: z.number().int().min(0),
  /** Most urgent first. */
  alerts: z.array(DeadlineAlert),
  /** Soonest deadline first. */
  supplements: z.array(SupplementDue),
});
export type WindowDeadlines = z.infer<typeof WindowDeadlines>;

/** What the rules read of a case (the cases row plus, for 承诺件, the projected suspension). */
export interface DeadlineCase {
  caseId: string;
  caseNumber: string;
  itemName: string;
  applicantName: string;
  status: CaseStatus;
  reviewStatus: CaseState['reviewStatus'];
  tier: ImmediateTier | null;
  dueAt: string | null;
  /** The 立等可取 clock stands still since (需补正 waiting for the applicant): no warning meanwhile. */
  clockPausedAt?: string | null;
  promisedDate: string | null;
  supplementDeadline: string | null;
  suspension: CaseState['suspension'];
}

const OPEN: ReadonlySet<CaseStatus> = new Set(['accepted', 'awaitingSupplement']);

/** The case's alert now, or null when it is on time (or has no clock at the window). */
export function caseDeadline(c: DeadlineCase, now: Date, cal: WorkCalendar): DeadlineAlert | null {
  if (!OPEN.has(c.status)) return null;
  const head = { caseId: c.caseId, caseNumber: c.caseNumber, itemName: c.itemName, applicantName: c.applicantName };
  if (c.tier && c.dueAt) {
    if (c.status !== 'accepted') return null;
    const clock = immediateClock({ tier: c.tier, dueAt: c.dueAt, clockPausedAt: c.clockPausedAt ?? null }, now)!;
    // The clock stands still while the applicant fetches a 需补正's materials: nothing to warn of.
    if (clock.paused) return null;
    const ms = clock.remainingMs;
    // Whole minutes, rounded toward zero both ways, like the countdown's mm:ss (2:59 late is 2).
    const minutesLeft = Math.trunc(ms / 60_000) || 0;
    const band: DeadlineBand | null = ms < 0 ? 'overdue' : ms <= IMMEDIATE_WARN_MINUTES * 60_000 ? 'dueSoon' : null;
    return band ? { ...head, kind: 'immediate', band, due: c.dueAt, minutesLeft, workingDaysLeft: null } : null;
  }
  if (!c.promisedDate) return null;
  const clock = reviewClock({ status: c.status, reviewStatus: c.reviewStatus, promisedDate: c.promisedDate, suspension: c.suspension }, chinaDay(now), cal);
  if (clock.band !== 'dueSoon' && clock.band !== 'overdue') return null;
  return { ...head, kind: 'promised', band: clock.band, due: clock.due!, minutesLeft: null, workingDaysLeft: clock.workingDaysLeft };
}

/** 容缺 supplement falling due within SUPPLEMENT_WARN_WORKDAYS working days, or past. */
export function supplementDue(c: DeadlineCase, now: Date, cal: WorkCalendar): SupplementDue | null {
  if (c.status !== 'awaitingSupplement' || !c.supplementDeadline) return null;
  const today = chinaDay(now);
  const left = workingDaysBetween(today, c.supplementDeadline, cal);
  const overdue = c.supplementDeadline < today;
  if (!overdue && left > SUPPLEMENT_WARN_WORKDAYS) return null;
  return { caseId: c.caseId, caseNumber: c.caseNumber, itemName: c.itemName, applicantName: c.applicantName, deadline: c.supplementDeadline, workingDaysLeft: left, overdue };
}

const urgency = (a: DeadlineAlert): number => (a.band === 'overdue' ? 0 : 1);
const dueMs = (a: DeadlineAlert): number => (a.kind === 'immediate' ? Date.parse(a.due) : Date.parse(`${a.due}T16:00:00Z`)); // a day ends 24:00 China time

export function windowDeadlines(cases: readonly DeadlineCase[], now: Date, cal: WorkCalendar): WindowDeadlines {
  const alerts = cases.map((c) => caseDeadline(c, now, cal)).filter((a): a is DeadlineAlert => a !== null);
  alerts.sort((a, b) => urgency(a) - urgency(b) || dueMs(a) - dueMs(b) || a.caseNumber.localeCompare(b.caseNumber));
  const supplements = cases.map((c) => supplementDue(c, now, cal)).filter((s): s is SupplementDue => s !== null);
  supplements.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.caseNumber.localeCompare(b.caseNumber));
  return {
    now: now.toISOString(),
    overdue: alerts.filter((a) => a.band === 'overdue').length,
    dueSoon: alerts.filter((a) => a.band === 'dueSoon').length,
    alerts,
    supplements,
  };
}
