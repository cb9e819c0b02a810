import { AppError } from '../../../shared/errors';
import { parseCaseNumber } from '../../../shared/caseNumber';
import { AgentRecord, ApplicantRecord } from '../../../shared/domain/applicant';
import { caseEvents, findCaseRowByNumber, getCaseRow, listQueue, toSummary } from '../../store/cases';
import { chinaDay } from '../../../shared/time';
import { describeEvent } from '../caseTimeline';
import { caseMaterials } from '../caseMaterials';
import { complete, decide, supplement, terminate } from '../intake';
import { deliver, rate } from '../delivery';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

type CaseChannels =
  | 'case.decide'
  | 'case.queue'
  | 'case.get'
  | 'case.lookup'
  | 'case.complete'
  | 'case.supplement'
  | 'case.terminate'
  | 'case.deliver'
  | 'case.rate';

export function caseHandlers(ws: Workstation): Pick<HandlerTable, CaseChannels> {
  return {
    'case.decide': (input) => decide(ws, input),
    'case.queue': () => {
      const now = ws.now();
      return { cases: listQueue(ws.db, chinaDay(now)).map(toSummary), now: now.toISOString() };
    },
    'case.get': ({ caseId }) => {
      const row = getCaseRow(ws.db, caseId);
      if (!row) throw new AppError('not_found', '找不到该办件');
      const events = caseEvents(ws.db, caseId);
      return {
        summary: toSummary(row),
        applicant: ApplicantRecord.parse(JSON.parse(row.applicant)),
        agent: row.agent ? AgentRecord.parse(JSON.parse(row.agent)) : null,
        answers: JSON.parse(row.answers),
        marks: JSON.parse(row.marks),
        catalogueVersion: row.catalogueVersion,
        materials: caseMaterials(ws.db, row, events),
        events: events.map(describeEvent),
      };
    },
    'case.lookup': ({ caseNumber }) => {
      const parsed = parseCaseNumber(caseNumber, { practice: ws.practice });
      if (!parsed.ok) throw new AppError('invalid_input', parsed.message);
      const office = ws.office();
      if (parsed.parts.officeCode !== office.code) {
        throw new AppError('not_found', `编号 ${parsed.value} 属于其他中心（${parsed.parts.officeCode}）的办件，请到受理中心查询`);
      }
      const row = findCaseRowByNumber(ws.db, parsed.value);
      if (!row) throw new AppError('not_found', `本机没有编号为 ${parsed.value} 的办件`);
      return { caseId: row.id };
    },
    'case.complete': ({ caseId }) => toSummary(complete(ws, caseId)),
    'case.supplement': ({ caseId, note }) => toSummary(supplement(ws, caseId, note)),
    'case.terminate': ({ caseId, reason }) => toSummary(terminate(ws, caseId, reason)),
    'case.deliver': (input) => toSummary(deliver(ws, input)),
    'case.rate': ({ caseId, level, reasonCategory, source, comment }) => toSummary(rate(ws, caseId, level, reasonCategory, source, comment)),
  };
}
