// 差评整改: every 差评 a window records opens a rectification at the centre, with a deadline
// in working days the centre sets (5, 7 or 15 — the values places use). It moves 待整改 →
// 整改中 → 已整改; unfinished past its deadline it stands as 整改超期. A head records the
// 整改措施 and the 回访 (the call back to the applicant); a head may ask that a 差评 be
// declared 无效 (malicious, unrelated to the service …) and an admin decides. Pure: the server
// checks these rules in its transactions, the console shows exactly the buttons they allow,
// and the window shows how its 差评 stand from the same state (the review.rectification event).
import { z } from 'zod';
import { Day, SomeText, Text } from './storable';

export const RECTIFICATION_DEADLINE_DAYS = [5, 7, 15] as const;
export type RectificationDeadlineDays = (typeof RECTIFICATION_DEADLINE_DAYS)[number];
export const DEFAULT_RECTIFICATION_DAYS: RectificationDeadlineDays = 5;

/** Stored statuses; 整改超期 is not stored but read from the deadline and the day (rectificationStanding). */
export const RECTIFICATION_STATUSES = ['pending', 'inProgress', 'done', 'invalid'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export type RectificationStanding = RectificationStatus | 'overdue';
export const RECTIFICATION_LABEL: Record<RectificationStanding, string> = {
  pending: '待整改',
  inProgress: '整改中',
  done: '已整改',
  overdue: '整改超期',
  invalid: '无效差评',
};

export const REVISIT_METHODS = ['phone', 'sms', 'visit'] as const;
export const REVISIT_METHOD_LABEL: Record<(typeof REVISIT_METHODS)[number], string> = { phone: '电话回访', sms: '短信回访', visit: '上门回访' };

/** 回访: how the applicant was reached, whether they are satisfied now, what they said. */
export const Revisit = z.looseObject({
  method: z.enum(REVISIT_METHODS),
  satisfied: z.boolean(),
  note: Text(500),
  at: z.string().max(40),
  by: Text(60),
});
export type Revisit = z.output<typeof Revisit>;

/** 无效差评 review: asked by a head with a reason, decided by an admin. */
export const InvalidReview = z.looseObject({
  state: z.enum(['requested', 'approved', 'rejected']),
  reason: SomeText(500),
  requestedBy: Text(60),
  decidedBy: Text(60).nullable(),
  note: Text(500).nullable(),
});
export type InvalidReview = z.output<typeof InvalidReview>;

/** A rectification as the centre holds it and as the window records it (review.rectification). */
export const RectificationFacts = z.looseObject({
  /** The 差评's case.rated event. */
  ratingEventId: z.string().min(1).max(64),
  status: z.enum(RECTIFICATION_STATUSES),
  /** The China day it was opened (the 差评 reached the centre) and its last day, counted in
   * working days from the rating's own day (rectificationStartDay). */
  openedOn: Day,
  deadline: Day,
  deadlineDays: z.number().int().min(1).max(60),
  /** 整改措施 (已整改), and the day it was done. */
  measures: Text(2000).nullable(),
  doneOn: Day.nullable(),
  revisit: Revisit.nullable(),
  invalid: InvalidReview.nullable(),
});
export type RectificationFacts = z.output<typeof RectificationFacts>;

/**
 * The day a rectification's deadline counts from: the day the applicant rated the service
 * (a paper form's own date, else the China day of the rating at the window) — not the day the
 * 差评 reached the centre, which for a village point offline for days is much later. Never
 * after `today` (the server's business day): a window's clock running ahead must not give more
 * time than the centre's calendar allows.
 */
export function rectificationStartDay(rating: { formDate?: string | null; ratedOn: string }, today: string): string {
  const day = rating.formDate ?? rating.ratedOn;
  return day < today ? day : today;
}

/** How it stands on `today` (China day): an unfinished one past its deadline is 整改超期. */
export function rectificationStanding(r: Pick<RectificationFacts, 'status' | 'deadline'>, today: string): RectificationStanding {
  if ((r.status === 'pending' || r.status === 'inProgress') && today > r.deadline) return 'overdue';
  return r.status;
}

/** Done after its deadline (shown as 已整改（超期）). */
export const doneLate = (r: Pick<RectificationFacts, 'status' | 'doneOn' | 'deadline'>): boolean => r.status === 'done' && !!r.doneOn && r.doneOn > r.deadline;

export const RECTIFICATION_ACTIONS = ['start', 'complete', 'revisit', 'requestInvalid', 'decideInvalid'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

type Facts = Pick<RectificationFacts, 'status' | 'revisit' | 'invalid'>;
const open = (r: Facts) => r.status === 'pending' || r.status === 'inProgress';
const pendingInvalid = (r: Facts) => r.invalid?.state === 'requested';

/** Why `action` cannot be taken now by this role (null: it can). Heads work rectifications, admins decide 无效. */
export function rectificationBlocker(r: Facts, action: RectificationAction, role: 'reviewer' | 'head' | 'admin'): string | null {
  if (action === 'decideInvalid') {
    if (role !== 'admin') return '无效差评由中心管理员审核';
    return open(r) && pendingInvalid(r) ? null : '没有待审核的无效差评申请';
  }
  if (role !== 'head') return '差评整改由科室负责人办理';
  switch (action) {
    case 'start':
      if (r.status !== 'pending') return r.status === 'invalid' ? '已认定为无效差评，无需整改' : '该差评已开始整改';
      return pendingInvalid(r) ? '无效差评申请审核中，审核后再办理' : null;
    case 'complete':
      if (!open(r)) return r.status === 'done' ? '该差评已整改' : '已认定为无效差评，无需整改';
      return pendingInvalid(r) ? '无效差评申请审核中，审核后再办理' : null;
    case 'revisit':
      if (r.status !== 'done') return '整改完成后再回访';
      return r.revisit ? '已回访' : null;
    case 'requestInvalid':
      if (!open(r)) return '只有未整改的差评可以申请认定为无效';
      if (pendingInvalid(r)) return '无效差评申请审核中';
      return r.invalid?.state === 'rejected' ? '无效差评申请已被驳回，请整改' : null;
  }
}

/** The actions the role may take now, for the console's buttons. */
export const rectificationActions = (r: Facts, role: 'reviewer' | 'head' | 'admin'): RectificationAction[] =>
  RECTIFICATION_ACTIONS.filter((a) => rectificationBlocker(r, a, role) === null);
