// case.deadlines: the 超时 warnings of this window (shared/domain/timeliness.ts) on the
// workstation's clock and holiday calendar. The cases row holds everything but a 挂起, which
// only a case the rules would flag needs: its projection is read for that one case.
import type { Workstation } from './workstation';
import { listOpenOfWindow, type CaseRow } from '../store/cases';
import { loadCaseState } from '../store/caseLog';
import { applicantDisplayName } from '../../shared/domain/applicant';
import { caseDeadline, windowDeadlines, type DeadlineCase, type WindowDeadlines } from '../../shared/domain/timeliness';
import type { CaseState } from '../../shared/domain/caseState';

function toDeadlineCase(r: CaseRow): DeadlineCase {
  return {
    caseId: r.id, caseNumber: r.caseNumber, itemName: r.itemName, applicantName: applicantDisplayName(JSON.parse(r.applicant) as { name?: string }),
    status: r.status, reviewStatus: r.reviewStatus as CaseState['reviewStatus'], tier: r.tier as DeadlineCase['tier'],
    dueAt: r.dueAt, clockPausedAt: r.clockPausedAt, promisedDate: r.promisedDate, supplementDeadline: r.supplementDeadline, suspension: null,
  };
}

/** The window's place, its open cases, the clock and the calendar. */
export type DeadlineDeps = Pick<Workstation, 'db' | 'now' | 'calendar' | 'office' | 'window'>;

export function windowDeadlinesOf(ws: DeadlineDeps): WindowDeadlines {
  const now = ws.now();
  const cal = ws.calendar();
  const cases = listOpenOfWindow(ws.db, ws.office().code, ws.window().code).map((r) => {
    const c = toDeadlineCase(r);
    const flagged = caseDeadline(c, now, cal);
    if (flagged?.kind !== 'promised') return c;
    return { ...c, suspension: loadCaseState(ws.db, c.caseId)?.suspension ?? null };
  });
  return windowDeadlines(cases, now, cal);
}
