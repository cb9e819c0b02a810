import { AppError } from '../../../shared/errors';
import { parseCaseNumber } from '../../../shared/caseNumber';
import { AgentRecord, ApplicantRecord } from '../../../shared/domain/applicant';
import { findCaseRowByNumber, getCaseRow, listQueue, toSummary } from '../../store/cases';
import { markReviewSeen, unseenReviewAlerts } from '../../store/reviewAlerts';
import { loadCaseState } from '../../store/caseLog';
import type { CaseReview } from '../../../shared/domain/case';
import { completeBlocker } from '../../../shared/domain/caseState';
import { caseEvents } from '../../store/caseEvents';
import { evaluateIntake, type TermsDeps } from '../intakeTerms';
import { chinaDay } from '../../../shared/time';
import { describeEvent } from '../caseTimeline';
import { caseMaterials } from '../caseMaterials';
import { casePageUploads } from '../../store/pageUploads';
import { complete, decide, supplement, terminate, type IntakeDeps } from '../intake';
import { deliver, rate } from '../delivery';
import type { Workstation } from '../workstation';
import { windowDeadlinesOf, type DeadlineDeps } from '../deadlines';
import { findCases } from '../../store/caseFind';
import { classifyCaseQuery } from '../../../shared/search/caseQuery';
import type { HandlerTable } from '../dispatch';

type CaseChannels =
  | 'case.decide'
  | 'case.terms'
  | 'case.queue'
  | 'case.get'
  | 'case.lookup'
  | 'case.complete'
  | 'case.supplement'
  | 'case.terminate'
  | 'case.deliver'
  | 'case.rate'
  | 'case.alerts'
  | 'case.deadlines'
  | 'case.find';

export type QueueDeps = Pick<Workstation, 'db' | 'now'>;

/** 今日办件: today's cases and every open one from earlier days (the screen and its export). */
export function todayQueue(ws: QueueDeps) {
  const now = ws.now();
  const day = chinaDay(now);
  const attention = new Map(unseenReviewAlerts(ws.db).map((a) => [a.caseId, a.reviewStatus as 'needsSupplement' | 'readyForPickup']));
  return { cases: listQueue(ws.db, day).map((r) => toSummary(r, day, attention)), now: now.toISOString() };
}

/** Deciding needs the most (intake.ts); the other case channels use parts of the same. */
type CaseDeps = IntakeDeps & TermsDeps & DeadlineDeps & QueueDeps;

export function caseHandlers(ws: CaseDeps): Pick<HandlerTable, CaseChannels> {
  const today = () => chinaDay(ws.now());
  /** The case's list line after an action (read back from its projected row). */
  const summary = (caseId: string) => toSummary(getCaseRow(ws.db, caseId)!, today());
  /** The case with this number at this centre, or a plain refusal (mistyped, practice, other centre, not here). */
  const lookupNumber = (caseNumber: string) => {
    const parsed = parseCaseNumber(caseNumber, { practice: ws.practice });
    if (!parsed.ok) throw new AppError('invalid_input', parsed.message);
    const office = ws.office();
    if (parsed.parts.officeCode !== office.code) {
      throw new AppError('not_found', `编号 ${parsed.value} 属于其他中心（${parsed.parts.officeCode}）的办件，请到受理中心查询`);
    }
    const row = findCaseRowByNumber(ws.db, parsed.value);
    if (!row) throw new AppError('not_found', `本机没有编号为 ${parsed.value} 的办件`);
    return row;
  };
  return {
    'case.decide': (input) => decide(ws, input),
    'case.terms': (input) => evaluateIntake(ws, input).terms,
    'case.queue': () => todayQueue(ws),
    'case.alerts': () => {
      const alerts = unseenReviewAlerts(ws.db);
      return { count: alerts.length, cases: alerts.map((a) => ({ caseId: a.caseId, caseNumber: a.caseNumber, reviewStatus: a.reviewStatus as 'needsSupplement' | 'readyForPickup' })) };
    },
    'case.deadlines': () => windowDeadlinesOf(ws),
    'case.get': ({ caseId }) => {
      const row = getCaseRow(ws.db, caseId);
      if (!row) throw new AppError('not_found', '找不到该办件');
      const events = caseEvents(ws.db, caseId);
      // Opening the case is seeing what the back office sent (recorded, and the badge clears).
      const attention = unseenReviewAlerts(ws.db).find((a) => a.caseId === caseId);
      if (attention && ws.session.clerk) markReviewSeen(ws.db, caseId, ws.session.clerk.staffNo, ws.now().toISOString());
      const state = loadCaseState(ws.db, caseId);
      const materials = caseMaterials(ws.db, row, events);
      const nameOf = (id: string) => materials?.find((m) => m.id === id)?.name ?? id;
      const review: CaseReview | null = state && (state.reviewStatus || state.extension || state.suspension)
        ? {
            status: state.reviewStatus, reason: state.reviewReason, note: state.reviewNote, decidedBy: state.reviewDecidedBy, result: state.reviewResult,
            extension: state.extension, suspension: state.suspension,
            // Exactly what the 需补正 in effect failed (the same list its 补正告知书 prints).
            failedMaterials: state.reviewStatus === 'needsSupplement'
              ? (state.supplementRequest?.materials ?? (state.reviewMaterials ?? []).filter((m) => m.verdict === 'failed'))
                .map((m) => ({ materialId: m.materialId, name: nameOf(m.materialId), reason: m.reason }))
              : [],
            supplementedAt: state.reviewStatus === 'needsSupplement' ? (state.supplementRequest?.supplementedAt ?? null) : null,
            completeWaits: state.status === 'accepted' ? (completeBlocker(state)?.message ?? null) : null,
          }
        : null;
      return {
        summary: toSummary(row, today(), new Map(attention ? [[caseId, attention.reviewStatus as 'needsSupplement' | 'readyForPickup']] : [])),
        review,
        applicant: ApplicantRecord.parse(JSON.parse(row.applicant)),
        agent: row.agent ? AgentRecord.parse(JSON.parse(row.agent)) : null,
        answers: JSON.parse(row.answers),
        marks: JSON.parse(row.marks),
        catalogueVersion: row.catalogueVersion,
        materials,
        events: events.map(describeEvent),
        pageUploads: ws.practice ? null : casePageUploads(ws.db, caseId),
      };
    },
    'case.find': ({ query }) => {
      const q = classifyCaseQuery(query, { practice: ws.practice, now: ws.now() });
      if (q.kind === 'invalid') throw new AppError('invalid_input', q.message);
      const day = today();
      // A case number names one case: the same answer as 办件编号 lookup (other centre, not here).
      if (q.kind === 'caseNumber') return { kind: q.kind, cases: [toSummary(lookupNumber(q.value), day)], truncated: false };
      const found = findCases(ws.db, q);
      return { kind: q.kind, cases: found.rows.map((r) => toSummary(r, day)), truncated: found.truncated };
    },
    'case.lookup': ({ caseNumber }) => ({ caseId: lookupNumber(caseNumber).id }),
    'case.complete': ({ caseId }) => summary(complete(ws, caseId).id),
    'case.supplement': ({ caseId, note, draftId }) => summary(supplement(ws, caseId, note, draftId).id),
    'case.terminate': ({ caseId, reason }) => summary(terminate(ws, caseId, reason).id),
    'case.deliver': (input) => summary(deliver(ws, input).id),
    'case.rate': (input) => summary(rate(ws, input).id),
  };
}
