// One projection of a case's events into its state, run the same on the workstation (to
// write the `cases` row) and on the central server (push and back-office decisions), and the
// rules that read that state: what may follow, which notices exist. Pure.
import { z } from 'zod';
import { Decision } from './checklist';
import { ImmediateTier, TIER_MINUTES } from './catalogue';
import { RectificationFacts } from './rectification';
import { DeliveredPayload, REVIEW_STATUSES, ReviewResult, StoredAgent, StoredAnswers, StoredApplicant, StoredMarks, unhandled, type CaseEvent } from './caseEvents';
import type { NoticeKind } from '../notice/model';
import { chinaDay } from '../time';
import { MAX_CASE_BYTES, MAX_PAGES_PER_CASE } from '../scans/page';
import type { WorkCalendar } from '../calendar/holidays';
import { workingDaysBetween } from '../calendar/workdays';
import { endPause, supplementWait } from './supplementClock';

/** Intake state: `opened` until the decision is recorded, then one of the decision's outcomes. */
export const INTAKE_STATUSES = [
  'opened',
  'accepted', // 已受理 (承诺件 waiting for the back office, or 即办件 being done)
  'awaitingSupplement', // 待补正 (容缺受理)
  'completed', // 已办结
  'notified', // 已一次性告知
  'refused', // 不予受理
  'redirected', // 已引导至分中心
  'terminated', // 已终止 (容缺 not supplied in time)
  'delivered', // 已出件
] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
export type DecidedStatus = Exclude<IntakeStatus, 'opened'>;

export const STATUS_AFTER_DECISION: Record<Decision, DecidedStatus> = {
  accept: 'accepted',
  acceptWithDeferral: 'awaitingSupplement',
  notifyMissing: 'notified',
  refuse: 'refused',
  redirect: 'redirected',
};

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A case as its events leave it. Written by applyEvent only; stored by the server as cases.state. */
export const CaseStateSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  itemCode: z.string(),
  itemName: z.string().nullable(),
  catalogueVersion: z.number().int(),
  officeCode: z.string(),
  windowCode: z.string(),
  applicant: StoredApplicant,
  agent: StoredAgent.nullable(),
  answers: StoredAnswers,
  marks: StoredMarks,
  /** When the clerk began the intake (device time of case.opened). */
  openedAt: z.string(),
  status: z.enum(INTAKE_STATUSES),
  decision: Decision.nullable(),
  /** The decision's time: acceptance time for accepted cases. */
  decidedAt: z.string().nullable(),
  /** Clerk who recorded the decision. */
  staffNo: z.string().nullable(),
  tier: ImmediateTier.nullable(),
  /** 立等可取 deadline: decidedAt + the tier's minutes. */
  dueAt: z.string().nullable(),
  promisedDate: z.string().nullable(),
  supplementDeadline: z.string().nullable(),
  supplementedMaterialIds: z.array(z.string()),
  completedAt: z.string().nullable(),
  elapsedSeconds: z.number().nullable(),
  terminatedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  delivery: DeliveredPayload.nullable(),
  rating: z.string().nullable(),
  ratedAt: z.string().nullable(),
  reviewStatus: z.enum(REVIEW_STATUSES).nullable(),
  /** decidedAt of the review status in effect (a late-arriving older one does not replace it). */
  reviewDecidedAt: z.string().nullable(),
  /** The status event in effect (a correction names it), its reason, 备注 and who decided. */
  reviewStatusEventId: z.string().nullable(),
  reviewReason: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reviewDecidedBy: z.string().nullable(),
  /** 准予: the 证照 issued. */
  reviewResult: ReviewResult.nullable(),
  /** 延期 approved so far (working days) and the latest one, for the 延长办理期限通知书. */
  extendedDays: z.number().int(),
  extension: z.object({ days: z.number().int(), reason: z.string(), previousPromisedDate: z.string(), promisedDate: z.string(), approvedBy: z.string(), at: z.string() }).nullable(),
  /** 挂起 in effect: the clock stands still from `since` until resumed, at most until `until`. */
  suspension: z.object({ since: z.string(), until: z.string(), reason: z.string(), promisedDateAtLimit: z.string(), by: z.string() }).nullable(),
  /** Working days suspended so far (counted against the item's limit). */
  suspendedWorkdays: z.number().int(),
  /** The reviewer's per-material verdicts in effect (a decision without any keeps the earlier ones). */
  reviewMaterials: z.array(z.object({ materialId: z.string(), verdict: z.enum(['passed', 'failed']), reason: z.string().nullable() })).nullable().default(null),
  /** The latest 需补正: exactly the failed materials and when the window recorded their supplement (kept once settled, for reprints). */
  supplementRequest: z.object({
    at: z.string(), reason: z.string().nullable(),
    materials: z.array(z.object({ materialId: z.string(), reason: z.string().nullable() })),
    supplementedAt: z.string().nullable(),
  }).nullable().default(null),
  /** The 立等可取 clock stands still since (需补正 waiting for the applicant; supplementClock.ts). */
  clockPausedAt: z.string().nullable().default(null),
  /** Seconds it stood still in pauses that ended (already added to dueAt). */
  pausedSeconds: z.number().int().default(0),
  /** Scanned pages of the case, in the order they joined it (states stored before pages existed have none). */
  pages: z.array(z.object({
    pageId: z.string(), materialId: z.string(), sha256: z.string(), bytes: z.number().int(),
    /** Brought as a 补正 (the reviewer sees which pages are new). */
    supplement: z.boolean().optional(),
  })).default([]),
  /** 差评整改 of this visit's 差评, as the centre last reported it (null: none; older stored states lack it). */
  rectification: RectificationFacts.nullable().default(null),
});
export type CaseState = z.output<typeof CaseStateSchema>;

export type Applied = { ok: true; state: CaseState } | { ok: false; problem: string };

/** The back-office part of a state before any back-office event (also what older stored states are filled with). */
export const NO_REVIEW = {
  reviewStatus: null, reviewDecidedAt: null, reviewStatusEventId: null, reviewReason: null, reviewNote: null, reviewDecidedBy: null,
  reviewResult: null, extendedDays: 0, extension: null, suspension: null, suspendedWorkdays: 0, rectification: null,
} as const satisfies Partial<CaseState>;

const refuse = (problem: string): Applied => ({ ok: false, problem });

/**
 * The state after `e`, or why `e` cannot follow the state (the window never records such an
 * event; the server refuses it from anyone who sends one). Structural rules only: whether a
 * result may be handed over before the back office decided is a window rule (deliverBlocker).
 */
export function applyEvent(s: CaseState | null, e: CaseEvent): Applied {
  if (e.type === 'case.opened') {
    if (s) return refuse('该办件已登记过，不能再次开始受理');
    const p = e.payload;
    return {
      ok: true,
      state: {
        id: e.caseId, caseNumber: p.caseNumber, itemCode: p.itemCode, itemName: p.itemName ?? null, catalogueVersion: p.catalogueVersion,
        officeCode: p.officeCode, windowCode: p.windowCode, applicant: p.applicant, agent: p.agent, answers: p.answers, marks: p.marks,
        openedAt: e.at, status: 'opened', decision: null, decidedAt: null, staffNo: e.staffNo, tier: null, dueAt: null, promisedDate: null,
        supplementDeadline: null, supplementedMaterialIds: [], completedAt: null, elapsedSeconds: null, terminatedAt: null,
        deliveredAt: null, delivery: null, rating: null, ratedAt: null, ...NO_REVIEW, pages: [], reviewMaterials: null,
        supplementRequest: null, clockPausedAt: null, pausedSeconds: 0,
      },
    };
  }
  if (!s) return refuse('服务器上没有该办件（其“办件开始”事件未收到或已被拒收）');
  const next = (patch: Partial<CaseState>): Applied => ({ ok: true, state: { ...s, ...patch } });
  switch (e.type) {
    case 'case.decided': {
      if (s.status !== 'opened') return refuse('该办件已作出受理决定，不能再次决定');
      const p = e.payload;
      const tier = p.decision === 'accept' ? p.tier : null;
      return next({
        status: STATUS_AFTER_DECISION[p.decision], decision: p.decision, decidedAt: e.at, staffNo: e.staffNo, caseNumber: p.caseNumber,
        tier, dueAt: tier ? new Date(Date.parse(e.at) + TIER_MINUTES[tier] * 60_000).toISOString() : null,
        promisedDate: p.promisedDate, supplementDeadline: p.supplementDeadline ?? null,
      });
    }
    case 'case.supplemented': {
      if (s.status !== 'awaitingSupplement') return refuse('该办件不在待补正状态');
      const marks = { ...s.marks };
      for (const id of e.payload.materialIds) if (marks[id]) marks[id] = { ...marks[id], mark: 'verified' };
      return next({ status: 'accepted', marks, supplementedMaterialIds: [...s.supplementedMaterialIds, ...e.payload.materialIds] });
    }
    case 'case.completed':
      if (s.status !== 'accepted') return refuse('只有已受理的办件可以办结');
      return next({ status: 'completed', completedAt: e.at, elapsedSeconds: e.payload.elapsedSeconds });
    case 'case.terminated':
      if (s.status !== 'awaitingSupplement') return refuse('只有待补正的办件可以终止');
      return next({ status: 'terminated', terminatedAt: e.at });
    case 'case.delivered':
      if (s.status !== 'accepted' && s.status !== 'completed') return refuse(s.status === 'delivered' ? '该办件已出件，不能重复出件' : '该办件没有可出件的办理结果');
      return next({ status: 'delivered', deliveredAt: e.at, delivery: e.payload });
    case 'case.rated':
      if (s.status === 'opened') return refuse('办件尚未作出决定，不能评价');
      if (s.rating) return refuse('本次办事已评价，每次办事只能评价一次');
      {
        const dated = ratingDateProblem(s, e.at, e.payload.formDate);
        if (dated) return refuse(dated);
      }
      return next({ rating: e.payload.level, ratedAt: e.at });
    case 'case.pagesAttached': {
      if (s.status === 'terminated' || s.status === 'delivered') return refuse('该办件已终止或已出件，不能再添加扫描件');
      const have = s.pages ?? [];
      const known = new Set(have.map((p) => p.pageId));
      if (e.payload.pages.some((p) => known.has(p.pageId))) return refuse('该扫描页已属于本办件');
      if (have.length + e.payload.pages.length > MAX_PAGES_PER_CASE) return refuse(`每个办件最多 ${MAX_PAGES_PER_CASE} 页扫描件`);
      const bytes = [...have, ...e.payload.pages].reduce((n, p) => n + p.bytes, 0);
      if (bytes > MAX_CASE_BYTES) return refuse(`每个办件的扫描件合计不能超过 ${MAX_CASE_BYTES / 1024 / 1024} MB`);
      const mark = e.payload.supplement ? { supplement: true } : {};
      const pages = [...have, ...e.payload.pages.map((p) => ({ pageId: p.pageId, materialId: p.materialId, sha256: p.sha256, bytes: p.bytes, ...mark }))];
      // The supplement of an open 需补正 is recorded: the clock runs again, the reviewer goes on.
      if (e.payload.supplement && supplementWait(s) === 'applicant') {
        return next({ pages, ...endPause(clockOf(s), e.at), supplementRequest: s.supplementRequest ? { ...s.supplementRequest, supplementedAt: e.at } : null });
      }
      return next({ pages });
    }
    // The centre's events are never refused here (the centre is their authority; the server
    // checks its rules with the blockers below before it issues one).
    case 'review.status': {
      // Never back in time: a decision older than the one in effect only joins the history.
      const at = new Date(e.at).toISOString();
      if (s.reviewDecidedAt && at < s.reviewDecidedAt) return next({});
      const p = e.payload;
      // 需补正 stops the 立等可取 clock (unless it stands still already); any other decision
      // settles an open 需补正 and lets it run (supplementClock.ts).
      const asked = p.status === 'needsSupplement';
      const clock = asked
        ? { clockPausedAt: s.clockPausedAt ?? at }
        : endPause(clockOf(s), at);
      return next({
        ...clock,
        supplementRequest: asked
          ? { at, reason: p.reason, materials: (p.materials ?? s.reviewMaterials ?? []).filter((m) => m.verdict === 'failed').map((m) => ({ materialId: m.materialId, reason: m.reason })), supplementedAt: null }
          : (s.supplementRequest ?? null),
        reviewStatus: p.status, reviewDecidedAt: at, reviewStatusEventId: p.statusEventId, reviewReason: p.reason, reviewNote: p.note,
        reviewDecidedBy: p.decidedBy,
        reviewMaterials: p.materials ? p.materials.map((m) => ({ materialId: m.materialId, verdict: m.verdict, reason: m.reason })) : (s.reviewMaterials ?? null),
        // 待取件 keeps the result of the 准予 before it; a correction or a new 准予 replaces it.
        reviewResult: p.result ?? (p.status === 'readyForPickup' ? s.reviewResult : null),
      });
    }
    case 'review.extended': {
      const p = e.payload;
      return next({
        promisedDate: p.promisedDate, extendedDays: (s.extendedDays ?? 0) + p.days,
        extension: { days: p.days, reason: p.reason, previousPromisedDate: p.previousPromisedDate, promisedDate: p.promisedDate, approvedBy: p.decidedBy, at: new Date(e.at).toISOString() },
      });
    }
    case 'review.suspended': {
      const p = e.payload;
      return next({ suspension: { since: p.since, until: p.until, reason: p.reason, promisedDateAtLimit: p.promisedDateAtLimit, by: p.decidedBy } });
    }
    case 'review.rectification': {
      const { decidedBy: _by, staffNo: _no, statusEventId: _id, serverSeq: _seq, ...facts } = e.payload;
      return next({ rectification: facts });
    }
    case 'review.resumed':
      return next({ suspension: null, promisedDate: e.payload.promisedDate, suspendedWorkdays: (s.suspendedWorkdays ?? 0) + e.payload.suspendedWorkdays });
    default:
      return unhandled(e);
  }
}

const clockOf = (s: CaseState) => ({ tier: s.tier, dueAt: s.dueAt, clockPausedAt: s.clockPausedAt ?? null, pausedSeconds: s.pausedSeconds ?? 0 });

/**
 * A rating is never dated before the service it rates: neither its own time nor a paper
 * form's date may precede the decision (the visit), and a paper form cannot be dated after
 * the day it was entered. Null when the dates are possible.
 */
export function ratingDateProblem(s: View<'decidedAt'>, at: string, formDate?: string): string | null {
  if (!s.decidedAt) return '办件尚未作出决定，不能评价';
  if (Date.parse(at) < Date.parse(s.decidedAt)) return '评价时间早于所评价的服务（受理决定时间），不能记录';
  if (formDate !== undefined) {
    if (formDate < chinaDay(new Date(s.decidedAt))) return `纸质评价表的日期 ${formDate} 早于办事日期 ${chinaDay(new Date(s.decidedAt))}`;
    if (formDate > chinaDay(new Date(at))) return `纸质评价表的日期 ${formDate} 晚于录入日期，请核对`;
  }
  return null;
}

/** The state of a whole history, or the first event that cannot follow. */
export function projectCase(events: readonly CaseEvent[]): Applied {
  let s: CaseState | null = null;
  for (const e of events) {
    const r = applyEvent(s, e);
    if (!r.ok) return r;
    s = r.state;
  }
  return s ? { ok: true, state: s } : refuse('办件没有任何事件');
}

// ---- rules that read the state: a blocker is null (allowed) or the reason in Chinese -----

export const STATUS_LABEL: Record<IntakeStatus, string> = {
  opened: '受理中',
  accepted: '已受理',
  awaitingSupplement: '待补正',
  completed: '已办结',
  notified: '已一次性告知',
  refused: '不予受理',
  redirected: '已引导',
  terminated: '已终止',
  delivered: '已出件',
};

/** Back-office outcomes after which the window hands the result over. */
const RESULT_READY: ReadonlySet<ReviewStatus> = new Set(['approved', 'rejected', 'readyForPickup']);

/** Why an action may not follow: `conflict` (the case is past it) or `precondition_failed` (not yet). */
export type Blocker = { code: 'conflict' | 'precondition_failed'; message: string } | null;
const conflict = (message: string): Blocker => ({ code: 'conflict', message });
const notYet = (message: string): Blocker => ({ code: 'precondition_failed', message });
type View<K extends keyof CaseState> = Readonly<Pick<CaseState, K>>;

export function completeBlocker(s: View<'status' | 'reviewStatus'> & Partial<View<'supplementRequest'>>): Blocker {
  if (s.status !== 'accepted') return conflict(`办件当前状态为「${STATUS_LABEL[s.status]}」，不能办结`);
  // 需补正 is open: the matter waits for the applicant's supplement, then for the reviewer.
  const wait = supplementWait(s);
  if (wait === 'applicant') {
    const n = s.supplementRequest?.materials.length ?? 0;
    return notYet(`后台要求补正${n ? ` ${n} 项` : ''}材料，请先记录申请人补正的材料；补正并经后台审核前不能办结`);
  }
  if (wait === 'department') return notYet('补正材料已记录，正等待后台审核；后台审核后才能办结');
  return null;
}
export function supplementBlocker(s: View<'status'>): Blocker {
  return s.status === 'awaitingSupplement' ? null : conflict('该办件不在待补正状态');
}
/** 终止 only once the supplement deadline has passed (today is China's calendar day). */
export function terminateBlocker(s: View<'status' | 'supplementDeadline'>, today: string): Blocker {
  if (s.status !== 'awaitingSupplement') return conflict('只有待补正的办件可以终止');
  if (s.supplementDeadline && s.supplementDeadline >= today) return notYet(`补正期限 ${s.supplementDeadline} 尚未届满，不能终止`);
  return null;
}
export function deliverBlocker(s: View<'status' | 'reviewStatus' | 'caseNumber' | 'deliveredAt'>): Blocker {
  if (s.status === 'delivered') return conflict(`办件 ${s.caseNumber} 已于 ${s.deliveredAt} 出件，不能重复出件`);
  const ready = s.status === 'completed' || (s.status === 'accepted' && s.reviewStatus !== null && RESULT_READY.has(s.reviewStatus));
  return ready ? null : notYet('该办件尚未办结，暂不能出件');
}
export function rateBlocker(s: View<'status' | 'rating'>): Blocker {
  if (s.status === 'opened') return notYet('办件尚未作出决定，不能评价');
  return s.rating ? conflict('本次办事已评价，每次办事只能评价一次') : null;
}
/** The back office reviews accepted cases only (not 一次性告知, 不予受理, 引导). */
export function reviewBlocker(s: View<'status'>): Blocker {
  return (['accepted', 'awaitingSupplement', 'completed', 'delivered'] as IntakeStatus[]).includes(s.status)
    ? null
    : conflict('该办件未被受理（一次性告知、不予受理或引导分中心），不能审批');
}

export const REVIEW_STATUS_TEXT: Record<ReviewStatus, string> = {
  reviewing: '受理审查中', approved: '准予', rejected: '不予许可', needsSupplement: '需补正', readyForPickup: '待取件',
};
/** 准予 and 不予许可 are final: only 待取件 may follow, or a head's correction. */
export const FINAL_REVIEW_STATUSES: ReadonlySet<ReviewStatus> = new Set(['approved', 'rejected']);
/** The back office is done with the case (a final decision, or its result ready for pickup). */
export const reviewFinished = (s: View<'reviewStatus'>): boolean => s.reviewStatus !== null && (FINAL_REVIEW_STATUSES.has(s.reviewStatus) || s.reviewStatus === 'readyForPickup');

/** Whether the back office may set `status` now (claims and roles are the server's part). */
export function reviewDecisionBlocker(s: View<'status' | 'reviewStatus' | 'suspension'>, status: ReviewStatus): Blocker {
  const b = reviewBlocker(s);
  if (b) return b;
  if (s.suspension) return notYet('办件已挂起，请先恢复办理再作出审批决定');
  const cur = s.reviewStatus;
  if (cur === 'readyForPickup') return conflict('办件已待取件，审批已结束；如需更正，请科室负责人办理更正');
  if (cur && FINAL_REVIEW_STATUSES.has(cur)) {
    return status === 'readyForPickup' ? null : conflict(`已作出「${REVIEW_STATUS_TEXT[cur]}」决定，决定作出后不可更改；如需更正，请科室负责人办理更正`);
  }
  if (status === 'readyForPickup') return notYet('尚未作出准予或不予许可决定，不能设为待取件');
  return null;
}
/** A head's correction replaces a final decision by another final one. */
export function correctionBlocker(s: View<'status' | 'reviewStatus'>, status: ReviewStatus): Blocker {
  const b = reviewBlocker(s);
  if (b) return b;
  if (!reviewFinished(s)) return notYet('该办件尚未作出最终决定，无需更正，请按正常审批办理');
  if (!FINAL_REVIEW_STATUSES.has(status)) return conflict('更正只能改为准予或不予许可');
  return null;
}
/** 延期 needs a promised date and a review still running. */
export function extendBlocker(s: View<'status' | 'reviewStatus' | 'suspension' | 'promisedDate'>): Blocker {
  const b = reviewBlocker(s);
  if (b) return b;
  if (reviewFinished(s)) return conflict('该办件已作出最终决定，不能延期');
  if (s.suspension) return notYet('办件已挂起，请先恢复办理再申请延期');
  if (!s.promisedDate) return conflict('该办件没有承诺办结日期（即办件），无需延期');
  return null;
}
/** 挂起 while the review runs, within the item's limit of suspended working days. */
export function suspendBlocker(s: View<'status' | 'reviewStatus' | 'suspension' | 'promisedDate' | 'suspendedWorkdays'>, limitDays: number): Blocker {
  const b = reviewBlocker(s);
  if (b) return b;
  if (reviewFinished(s)) return conflict('该办件已作出最终决定，不能挂起');
  if (s.suspension) return conflict('该办件已挂起');
  if (!s.promisedDate) return conflict('该办件没有承诺办结日期（即办件），不能挂起');
  if ((s.suspendedWorkdays ?? 0) >= limitDays) return conflict(`本事项挂起时间累计不得超过 ${limitDays} 个工作日，已用完，不能再挂起`);
  return null;
}
export function resumeBlocker(s: View<'suspension'>): Blocker {
  return s.suspension ? null : conflict('该办件未挂起');
}

/**
 * The legal clock of a case under review, from its promised date and the holiday calendar:
 * `none` (no clock: not reviewed, 即办件, or decided), `paused` (挂起 within the item's limit),
 * `ok`, `dueSoon` (one working day or less left) or `overdue`.
 */
export type ClockBand = 'none' | 'paused' | 'ok' | 'dueSoon' | 'overdue';
export interface ReviewClock {
  band: ClockBand;
  /** The day the case is due (for a suspended case: if it is not resumed before the limit). */
  due: string | null;
  /** Working days from today to the due day (negative: late). */
  workingDaysLeft: number | null;
}
export function reviewClock(s: View<'status' | 'reviewStatus' | 'promisedDate' | 'suspension'>, today: string, cal: WorkCalendar): ReviewClock {
  if (reviewBlocker(s) || reviewFinished(s)) return { band: 'none', due: null, workingDaysLeft: null };
  const due = s.suspension ? s.suspension.promisedDateAtLimit : s.promisedDate;
  if (!due) return { band: 'none', due: null, workingDaysLeft: null };
  const left = workingDaysBetween(today, due, cal);
  if (s.suspension && today <= s.suspension.until) return { band: 'paused', due, workingDaysLeft: left };
  return { band: due < today ? 'overdue' : left <= 1 ? 'dueSoon' : 'ok', due, workingDaysLeft: left };
}

/** Back-office results the window must act on: tell the applicant (需补正) or hand the result over (待取件). */
export const ATTENTION_REVIEW_STATUSES: ReadonlySet<ReviewStatus> = new Set(['needsSupplement', 'readyForPickup']);
export const needsWindowAttention = (s: View<'status' | 'reviewStatus'>): boolean =>
  s.reviewStatus !== null && ATTENTION_REVIEW_STATUSES.has(s.reviewStatus) && s.status !== 'delivered' && s.status !== 'terminated';

export const CASE_ACTIONS = ['complete', 'supplement', 'terminate', 'deliver', 'rate'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
/** What the window may do next with the case, for buttons; the handler checks the same blockers. */
export function allowedActions(s: View<'status' | 'supplementDeadline' | 'reviewStatus' | 'caseNumber' | 'deliveredAt' | 'rating'>, today: string): CaseAction[] {
  const blockers: Record<CaseAction, Blocker> = {
    complete: completeBlocker(s),
    supplement: supplementBlocker(s),
    terminate: terminateBlocker(s, today),
    deliver: deliverBlocker(s),
    rate: rateBlocker(s),
  };
  return (Object.keys(blockers) as CaseAction[]).filter((a) => blockers[a] === null);
}

/** 即办件 finished at the window (立等可取, or promised for the day of acceptance); 承诺件 are finished by the back office. */
export function isOnTheSpot(s: View<'status' | 'tier' | 'promisedDate' | 'decidedAt'>): boolean {
  return s.status === 'accepted' && s.decidedAt !== null && (s.tier !== null || s.promisedDate === chinaDay(new Date(s.decidedAt)));
}

/** The notice each decision issues. */
export const MAIN_NOTICE: Record<Decision, NoticeKind> = {
  accept: 'acceptance',
  acceptWithDeferral: 'deferredAcceptance',
  notifyMissing: 'missingMaterials',
  refuse: 'refusal',
  redirect: 'redirect',
};

/** Notices a case may print: its decision's, the 材料接收凭证 of an accepted case, the 延长办理期限通知书 once extended, the 补正告知书 once 需补正 named materials, the 出件回执 once delivered. */
export function noticeKinds(s: View<'decision' | 'status'> & Partial<View<'extension' | 'supplementRequest'>>): NoticeKind[] {
  if (!s.decision) return [];
  const kinds: NoticeKind[] = [MAIN_NOTICE[s.decision]];
  if (s.decision === 'accept' || s.decision === 'acceptWithDeferral') kinds.push('materialReceipt');
  if (s.extension) kinds.push('extension');
  // The latest 需补正 that named failed materials (printable again once settled).
  if (s.supplementRequest?.materials.length) kinds.push('supplementRequest');
  if (s.status === 'delivered') kinds.push('deliveryReceipt');
  return kinds;
}
