// The review's decisions and what moves its clock, each one transaction: the rule from
// caseState.ts, the status event (pulled by the windows, projected on cases.state) and the
// audit record commit together. The one who acts is the signed-in person, never a request field.
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  correctionBlocker, extendBlocker, resumeBlocker, reviewDecisionBlocker, suspendBlocker,
} from '../../shared/domain/caseState';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { addWorkingDays, workingDaysBetween } from '../../shared/calendar/workdays';
import type { StatusEvent } from '../../shared/sync/protocol';
import { CorrectionRequest, ExtensionDecisionInput, ExtensionRequestInput, SetStatusRequest, SuspendInput, type ExtensionRequestView } from '../../shared/sync/review';
import { HttpError } from '../http/errors';
import { issueStatusEvent, lockStatusEvents } from '../sync/status';
import { recordAudit } from './audit';
import { blocked, lockCase, requireOwnClaim, readClaim, suspendLimit, type ReviewContext } from './reviewContext';
import { iso } from '../time';

const by = (ctx: ReviewContext) => ({ staffNo: ctx.staff.staffNo, name: ctx.staff.name });
const headOnly = (ctx: ReviewContext, what: string) => {
  if (ctx.staff.role !== 'head') throw new HttpError(403, 'forbidden', `只有科室负责人可以${what}`);
};

/** 受理审查中 / 需补正 / 准予 / 不予许可 / 待取件, by the holder of the claim. */
export async function decide(ctx: ReviewContext, caseId: string, input: z.input<typeof SetStatusRequest>): Promise<StatusEvent> {
  const req = SetStatusRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    await lockStatusEvents(tx);
    const c = await lockCase(tx, ctx, caseId);
    await requireOwnClaim(tx, ctx, caseId);
    const b = reviewDecisionBlocker(c.state, req.status);
    if (b) throw blocked(b);
    const event = await issueStatusEvent(tx, c, {
      type: 'review.status',
      payload: {
        status: req.status, reason: req.reason ?? null, note: req.note ?? null, ...(req.result ? { result: req.result } : {}),
        ...(req.materials ? { materials: req.materials.map((m) => ({ materialId: m.materialId, verdict: m.verdict, reason: m.reason ?? null })) } : {}),
      },
    }, by(ctx));
    await recordAudit(tx, ctx.actor, 'case.decide', { caseId, detail: { status: req.status, reason: req.reason, note: req.note, result: req.result, materials: req.materials, statusEventId: event.id } });
    return event;
  });
}

/** A head replaces a final decision by another, with the reason for the correction. */
export async function correct(ctx: ReviewContext, caseId: string, input: z.input<typeof CorrectionRequest>): Promise<StatusEvent> {
  headOnly(ctx, '更正已作出的决定');
  const req = CorrectionRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    await lockStatusEvents(tx);
    const c = await lockCase(tx, ctx, caseId);
    const b = correctionBlocker(c.state, req.status);
    if (b) throw blocked(b);
    const of = c.state.reviewStatusEventId ?? '';
    const event = await issueStatusEvent(tx, c, {
      type: 'review.status',
      payload: {
        status: req.status, reason: req.reason ?? null, note: req.note ?? null, ...(req.result ? { result: req.result } : {}),
        correction: { of, reason: req.correctionReason },
      },
    }, by(ctx));
    await recordAudit(tx, ctx.actor, 'case.correct', {
      caseId, detail: { from: c.state.reviewStatus, to: req.status, correctionReason: req.correctionReason, reason: req.reason, result: req.result, corrects: of, statusEventId: event.id },
    });
    return event;
  });
}

type RequestRow = {
  id: string; case_id: string; case_number: string | null; days: number; reason: string; requested_by: string; requested_by_name: string; requested_at: Date;
  decided_by: string | null; decided_at: Date | null; approved: boolean | null; decision_note: string | null;
};
export const requestView = (r: RequestRow): ExtensionRequestView => ({
  id: r.id, caseId: r.case_id, caseNumber: r.case_number, days: r.days, reason: r.reason, requestedBy: r.requested_by, requestedByName: r.requested_by_name,
  requestedAt: iso(r.requested_at), decidedBy: r.decided_by, decidedAt: r.decided_at ? iso(r.decided_at) : null, approved: r.approved, decisionNote: r.decision_note,
});
export const REQUEST_SELECT = `SELECT x.*, c.case_number, s.name AS requested_by_name FROM extension_requests x JOIN cases c ON c.id = x.case_id JOIN staff s ON s.staff_no = x.requested_by`;

/** 延期 asked by the claim holder: days and a reason; a head decides. */
export async function requestExtension(ctx: ReviewContext, caseId: string, input: z.input<typeof ExtensionRequestInput>): Promise<ExtensionRequestView> {
  const req = ExtensionRequestInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId);
    await requireOwnClaim(tx, ctx, caseId);
    const b = extendBlocker(c.state);
    if (b) throw blocked(b);
    const open = await tx.query('SELECT 1 FROM extension_requests WHERE case_id = $1 AND decided_at IS NULL', [caseId]);
    if (open.rows.length) throw new HttpError(409, 'conflict', '该办件已有待科室负责人审批的延期申请');
    const id = uuidv7();
    await tx.query('INSERT INTO extension_requests (id, case_id, days, reason, requested_by) VALUES ($1,$2,$3,$4,$5)', [id, caseId, req.days, req.reason, ctx.staff.staffNo]);
    await recordAudit(tx, ctx.actor, 'extension.request', { caseId, detail: { days: req.days, reason: req.reason, requestId: id } });
    return requestView((await tx.query<RequestRow>(`${REQUEST_SELECT} WHERE x.id = $1`, [id])).rows[0]);
  });
}

/** A head approves (the new promised date: that many working days later, holiday calendar) or refuses. */
export async function decideExtension(ctx: ReviewContext, requestId: string, input: z.input<typeof ExtensionDecisionInput>): Promise<ExtensionRequestView> {
  headOnly(ctx, '审批延期申请');
  const req = ExtensionDecisionInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const params: unknown[] = [requestId];
    // Out of the head's scope answers exactly like a request that does not exist.
    const found = await tx.query<{ case_id: string }>(`SELECT x.case_id FROM extension_requests x JOIN cases c ON c.id = x.case_id WHERE x.id = $1 AND ${ctx.scope.where('c', params)}`, params);
    if (!found.rows[0]) throw new HttpError(404, 'not_found', '没有找到该延期申请');
    const caseId = found.rows[0].case_id;
    if (req.approve) await lockStatusEvents(tx);
    const c = await lockCase(tx, ctx, caseId);
    const x = (await tx.query<RequestRow>(`${REQUEST_SELECT} WHERE x.id = $1 FOR UPDATE OF x`, [requestId])).rows[0];
    if (x.decided_at) throw new HttpError(409, 'conflict', '该延期申请已审批');
    let statusEventId: string | null = null;
    if (req.approve) {
      const b = extendBlocker(c.state);
      if (b) throw blocked(b);
      const previous = c.state.promisedDate!;
      const promisedDate = addWorkingDays(previous, x.days, BUILTIN_CALENDAR);
      const ev = await issueStatusEvent(tx, c, {
        type: 'review.extended',
        payload: { days: x.days, reason: x.reason, previousPromisedDate: previous, promisedDate, requestedBy: x.requested_by_name },
      }, by(ctx));
      statusEventId = ev.id;
    }
    await tx.query('UPDATE extension_requests SET decided_by = $2, decided_at = now(), approved = $3, decision_note = $4 WHERE id = $1', [requestId, ctx.staff.staffNo, req.approve, req.note ?? null]);
    await recordAudit(tx, ctx.actor, req.approve ? 'extension.approve' : 'extension.deny', { caseId, detail: { requestId, days: x.days, note: req.note, statusEventId } });
    return requestView((await tx.query<RequestRow>(`${REQUEST_SELECT} WHERE x.id = $1`, [requestId])).rows[0]);
  });
}

/** The claim holder, or a head of the case's scope. */
async function holderOrHead(tx: Parameters<typeof readClaim>[0], ctx: ReviewContext, caseId: string) {
  if (ctx.staff.role === 'head') return;
  await requireOwnClaim(tx, ctx, caseId);
}

/** 挂起: the clock stops (at most until the item's limit of suspended working days is used up). */
export async function suspend(ctx: ReviewContext, caseId: string, input: z.input<typeof SuspendInput>): Promise<StatusEvent> {
  const req = SuspendInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    await lockStatusEvents(tx);
    const c = await lockCase(tx, ctx, caseId);
    await holderOrHead(tx, ctx, caseId);
    const limit = await suspendLimit(ctx, c);
    const b = suspendBlocker(c.state, limit);
    if (b) throw blocked(b);
    const left = limit - (c.state.suspendedWorkdays ?? 0);
    const event = await issueStatusEvent(tx, c, {
      type: 'review.suspended',
      payload: {
        reason: req.reason, since: ctx.today, until: addWorkingDays(ctx.today, left, BUILTIN_CALENDAR),
        promisedDateAtLimit: addWorkingDays(c.state.promisedDate!, left, BUILTIN_CALENDAR),
      },
    }, by(ctx));
    await recordAudit(tx, ctx.actor, 'case.suspend', { caseId, detail: { reason: req.reason, limitDays: limit, usedDays: c.state.suspendedWorkdays ?? 0, statusEventId: event.id } });
    return event;
  });
}

/** 恢复: the promised date moves by the working days the clock stood still (within the limit). */
export async function resume(ctx: ReviewContext, caseId: string): Promise<StatusEvent> {
  return ctx.db.transaction(async (tx) => {
    await lockStatusEvents(tx);
    const c = await lockCase(tx, ctx, caseId);
    await holderOrHead(tx, ctx, caseId);
    const b = resumeBlocker(c.state);
    if (b) throw blocked(b);
    const limit = await suspendLimit(ctx, c);
    const stood = Math.max(0, Math.min(limit - (c.state.suspendedWorkdays ?? 0), workingDaysBetween(c.state.suspension!.since, ctx.today, BUILTIN_CALENDAR)));
    const event = await issueStatusEvent(tx, c, {
      type: 'review.resumed',
      payload: { suspendedWorkdays: stood, promisedDate: addWorkingDays(c.state.promisedDate!, stood, BUILTIN_CALENDAR) },
    }, by(ctx));
    await recordAudit(tx, ctx.actor, 'case.resume', { caseId, detail: { suspendedWorkdays: stood, statusEventId: event.id } });
    return event;
  });
}

