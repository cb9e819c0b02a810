// The centre's figures (console, admins and heads within their scope), as pure functions over
// cases as their events leave them (CaseState) plus the department the server routes them by.
// The window's figures (figures.ts) are reused; every definition is in docs/statistics.md
// ("The centre's dashboard"). The server and the workstation compute them with this code.
import type { CaseState } from '../domain/caseState';
import { reviewClock } from '../domain/caseState';
import { applicantIdentifier, type Applicant } from '../domain/applicant';

import type { WorkCalendar } from '../calendar/holidays';
import { workingDaysBetween } from '../calendar/workdays';
import { chinaDay } from '../time';
import { decidedIn, decisionCounts, immediateFigures, ratingFigures, type DecisionCounts, type Period, type RatingFigures, type TierFigures } from './figures';
import type { ImmediateTier } from '../domain/catalogue';

/** What a centre figure reads: the projection plus the item's department (server routing). */
export type CentreCase = Pick<
  CaseState,
  | 'id' | 'caseNumber' | 'itemCode' | 'officeCode' | 'windowCode' | 'staffNo' | 'status' | 'decision' | 'openedAt' | 'decidedAt' | 'tier' | 'completedAt'
  | 'rating' | 'promisedDate' | 'reviewStatus' | 'reviewDecidedAt' | 'deliveredAt' | 'suspension' | 'applicant' | 'marks'
> & { departmentCode: string | null };

export const GROUP_BYS = ['office', 'window', 'clerk', 'department', 'item'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const GROUP_BY_LABEL: Record<GroupBy, string> = { office: '中心', window: '窗口', clerk: '窗口人员', department: '部门', item: '事项' };

/** The key of a case in a grouping (a window is only unique inside its office). */
export const groupKey = (c: CentreCase, by: GroupBy): string =>
  by === 'office' ? c.officeCode : by === 'window' ? `${c.officeCode}:${c.windowCode}` : by === 'clerk' ? (c.staffNo ?? '—') : by === 'department' ? (c.departmentCode ?? '—') : c.itemCode;

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const FINAL_REVIEW = new Set(['approved', 'rejected', 'readyForPickup']);

/** 承诺件: accepted, with a promised date and no 立等可取 tier. */
export const isPromised = (c: Pick<CentreCase, 'decision' | 'promisedDate' | 'tier'>) => c.decision === 'accept' && c.promisedDate !== null && c.tier === null;

/** When a 承诺件 was finished: the back office's decision, else the window's 办结 or 出件 (null: not yet). */
export function finishedAt(c: Pick<CentreCase, 'reviewStatus' | 'reviewDecidedAt' | 'completedAt' | 'deliveredAt'>): string | null {
  if (c.reviewStatus && FINAL_REVIEW.has(c.reviewStatus) && c.reviewDecidedAt) return c.reviewDecidedAt;
  return c.completedAt ?? c.deliveredAt ?? null;
}

export interface PromisedFigures {
  /** 承诺件 decided in the period. */
  cases: number;
  /** Finished on or before the promised date (China day). */
  onTime: number;
  /** Finished after it. */
  late: number;
  open: number;
  onTimeRate: number | null;
}

export function promisedFigures(decided: readonly CentreCase[]): PromisedFigures {
  const out = { cases: 0, onTime: 0, late: 0, open: 0 };
  for (const c of decided) {
    if (!isPromised(c)) continue;
    out.cases++;
    const at = finishedAt(c);
    if (!at) out.open++;
    else if (chinaDay(new Date(at)) <= c.promisedDate!) out.onTime++;
    else out.late++;
  }
  return { ...out, onTimeRate: rate(out.onTime, out.onTime + out.late) };
}

/** Materials that failed at intake: missing, defective or deferred (容缺) marks. */
const FAILED_MARKS = new Set(['missing', 'defective', 'deferred']);

export interface SupplementLine {
  key: string;
  /** Cases counted (decided in the period). */
  cases: number;
  /** Cases that needed 补正: 一次性告知, 容缺受理, or 需补正 from the back office. */
  supplements: number;
  rate: number | null;
}
/** A case needed 补正 when the window told the applicant what was missing (一次性告知), accepted with a deferral (容缺), or the back office asked for it (需补正). */
export const neededSupplement = (c: Pick<CentreCase, 'decision' | 'reviewStatus'>) =>
  c.decision === 'notifyMissing' || c.decision === 'acceptWithDeferral' || c.reviewStatus === 'needsSupplement';

export function supplementByItem(decided: readonly CentreCase[]): SupplementLine[] {
  const by = new Map<string, { cases: number; supplements: number }>();
  for (const c of decided) {
    const x = by.get(c.itemCode) ?? { cases: 0, supplements: 0 };
    x.cases++;
    if (neededSupplement(c)) x.supplements++;
    by.set(c.itemCode, x);
  }
  return [...by].map(([key, x]) => ({ key, ...x, rate: rate(x.supplements, x.cases) })).sort((a, b) => b.supplements - a.supplements || a.key.localeCompare(b.key));
}

export interface MaterialLine {
  itemCode: string;
  materialId: string;
  /** Cases of the item whose checklist held the material. */
  cases: number;
  /** Of those, how many had it missing, defective or deferred. */
  failed: number;
  rate: number | null;
}
/** Which materials fail most: per item and material, the share of cases whose mark was missing, defective or deferred. */
export function failingMaterials(decided: readonly CentreCase[]): MaterialLine[] {
  const by = new Map<string, MaterialLine>();
  for (const c of decided) {
    for (const [materialId, m] of Object.entries(c.marks)) {
      const k = `${c.itemCode}\u0000${materialId}`;
      const x = by.get(k) ?? { itemCode: c.itemCode, materialId, cases: 0, failed: 0, rate: null };
      x.cases++;
      if (FAILED_MARKS.has(m.mark)) x.failed++;
      by.set(k, x);
    }
  }
  return [...by.values()].map((x) => ({ ...x, rate: rate(x.failed, x.cases) })).sort((a, b) => b.failed - a.failed || a.itemCode.localeCompare(b.itemCode) || a.materialId.localeCompare(b.materialId));
}

export const REPEAT_DAYS = 30;
const DAY_MS = 86_400_000;
export interface RepeatFigures {
  /** 一次性告知 decided in the period. */
  notified: number;
  /** Of those, followed by another case of the same applicant and item within 30 days (跑两次). */
  repeated: number;
  rate: number | null;
}
/**
 * Repeat visits: a 一次性告知 case is repeated when the same applicant (ID number or credit
 * code) comes back for the same item within 30 days after its decision (any later decided case).
 * `all` is every decided case that may be the return visit (also after the period).
 */
export function repeatVisits(decided: readonly CentreCase[], all: readonly CentreCase[]): RepeatFigures {
  const visits = new Map<string, number[]>();
  for (const c of all) {
    const who = c.decidedAt ? applicantKey(c) : null;
    if (!who) continue;
    const k = `${who}\u0000${c.itemCode}`;
    (visits.get(k) ?? visits.set(k, []).get(k)!).push(Date.parse(c.decidedAt!));
  }
  let notified = 0;
  let repeated = 0;
  for (const c of decided) {
    if (c.decision !== 'notifyMissing') continue;
    notified++;
    const who = applicantKey(c);
    if (!who) continue;
    const t = Date.parse(c.decidedAt!);
    if ((visits.get(`${who}\u0000${c.itemCode}`) ?? []).some((v) => v > t && v - t <= REPEAT_DAYS * DAY_MS)) repeated++;
  }
  return { notified, repeated, rate: rate(repeated, notified) };
}
function applicantKey(c: Pick<CentreCase, 'applicant'>): string | null {
  if (c.applicant.kind === 'visitor') return null;
  const id = applicantIdentifier(c.applicant as Applicant);
  return id ? id.toUpperCase() : null;
}

export interface OverdueLine {
  caseId: string;
  caseNumber: string;
  itemCode: string;
  officeCode: string;
  departmentCode: string | null;
  promisedDate: string;
  /** Working days past the promised date (the due date at the suspension limit when suspended). */
  daysOverdue: number;
}
/** 承诺件 not finished (no final back-office decision, 办结 or 出件) past their promised date, most overdue first (the same clock as the queues). */
export function overdueCases(cases: readonly CentreCase[], today: string, cal: WorkCalendar): OverdueLine[] {
  const out: OverdueLine[] = [];
  for (const c of cases) {
    if (!c.decision || finishedAt(c) !== null) continue;
    // Only a due date before today can be overdue (the clock's working-day count is the costly part).
    const due = c.suspension ? c.suspension.promisedDateAtLimit : c.promisedDate;
    if (!due || due >= today) continue;
    const clock = reviewClock(c, today, cal);
    if (clock.band !== 'overdue' || !clock.due) continue;
    out.push({ caseId: c.id, caseNumber: c.caseNumber, itemCode: c.itemCode, officeCode: c.officeCode, departmentCode: c.departmentCode, promisedDate: clock.due, daysOverdue: workingDaysBetween(clock.due, today, cal) });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.caseNumber.localeCompare(b.caseNumber));
}

export interface GroupFigures {
  key: string;
  decisions: DecisionCounts;
  immediate: Record<ImmediateTier, TierFigures>;
  promised: PromisedFigures;
  ratings: RatingFigures;
  supplementRate: number | null;
}

export interface CentreDashboard {
  period: Period;
  groupBy: GroupBy;
  total: GroupFigures;
  groups: GroupFigures[];
  repeat: RepeatFigures;
  supplementByItem: SupplementLine[];
  failingMaterials: MaterialLine[];
  overdue: OverdueLine[];
  /** Cases decided per China day of the period (trend). */
  daily: { day: string; decided: number; good: number; bad: number }[];
}

function figuresOf(key: string, cs: readonly CentreCase[], now: Date): GroupFigures {
  return {
    key, decisions: decisionCounts(cs), immediate: immediateFigures(cs, now), promised: promisedFigures(cs), ratings: ratingFigures(cs),
    supplementRate: rate(cs.filter(neededSupplement).length, cs.length),
  };
}

/** The month's (or any period's) dashboard: `cases` are the candidates in scope (decided in or after the period, and open ones). */
export function centreDashboard(cases: readonly CentreCase[], period: Period, groupBy: GroupBy, now: Date, cal: WorkCalendar): CentreDashboard {
  const decided = decidedIn(cases, period);
  const groups = new Map<string, CentreCase[]>();
  for (const c of decided) {
    const k = groupKey(c, groupBy);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(c);
  }
  const daily = new Map<string, { decided: number; good: number; bad: number }>();
  for (const c of decided) {
    const d = chinaDay(new Date(c.decidedAt!));
    const x = daily.get(d) ?? { decided: 0, good: 0, bad: 0 };
    x.decided++;
    if (c.rating === 'verySatisfied' || c.rating === 'satisfied') x.good++;
    if (c.rating === 'dissatisfied' || c.rating === 'veryDissatisfied') x.bad++;
    daily.set(d, x);
  }
  return {
    period, groupBy, total: figuresOf('total', decided, now),
    groups: [...groups].map(([k, cs]) => figuresOf(k, cs, now)).sort((a, b) => b.decisions.total - a.decisions.total || a.key.localeCompare(b.key)),
    repeat: repeatVisits(decided, cases), supplementByItem: supplementByItem(decided), failingMaterials: failingMaterials(decided),
    overdue: overdueCases(cases, chinaDay(now), cal),
    daily: [...daily].map(([day, x]) => ({ day, ...x })).sort((a, b) => a.day.localeCompare(b.day)),
  };
}


