// One projection of a case's events into its state, run the same on the workstation (to
// write the `cases` row) and on the central server (push and back-office decisions), and the
// rules that read that state: what may follow, which notices exist. Pure.
import { z } from 'zod';
import { Decision } from './checklist';
import { ImmediateTier, TIER_MINUTES } from './catalogue';
import { DeliveredPayload, REVIEW_STATUSES, StoredAgent, StoredAnswers, StoredApplicant, StoredMarks, unhandled, type CaseEvent } from './caseEvents';
import type { NoticeKind } from '../notice/model';
import { chinaDay } from '../time';

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
});
export type CaseState = z.output<typeof CaseStateSchema>;

export type Applied = { ok: true; state: CaseState } | { ok: false; problem: string };

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
        deliveredAt: null, delivery: null, rating: null, ratedAt: null, reviewStatus: null, reviewDecidedAt: null,
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
      return next({ rating: e.payload.level, ratedAt: e.at });
    case 'review.status': {
      // Never back in time: a decision older than the one in effect only joins the history.
      const at = new Date(e.at).toISOString();
      if (s.reviewDecidedAt && at < s.reviewDecidedAt) return next({});
      return next({ reviewStatus: e.payload.status, reviewDecidedAt: at });
    }
    default:
      return unhandled(e);
  }
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

export function completeBlocker(s: View<'status'>): Blocker {
  return s.status === 'accepted' ? null : conflict(`办件当前状态为「${STATUS_LABEL[s.status]}」，不能办结`);
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

/** Notices a case may print: its decision's, the 材料接收凭证 of an accepted case, the 出件回执 once delivered. */
export function noticeKinds(s: View<'decision' | 'status'>): NoticeKind[] {
  if (!s.decision) return [];
  const kinds: NoticeKind[] = [MAIN_NOTICE[s.decision]];
  if (s.decision === 'accept' || s.decision === 'acceptWithDeferral') kinds.push('materialReceipt');
  if (s.status === 'delivered') kinds.push('deliveryReceipt');
  return kinds;
}
