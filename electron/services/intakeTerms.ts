// What a decision taken now would record, and what still blocks each decision: the one
// source for the decision dialog (channel case.terms) and for decide() itself, so a default
// the dialog offers is always one the handler accepts (same calendar, same clock).
import type { Workstation } from './workstation';
import { evaluateChecklist, type ChecklistResult } from '../../shared/engine/checklist';
import { evaluateEligibility } from '../../shared/engine/eligibility';
import { addWorkingDays, isWorkingDay } from '../../shared/calendar/workdays';
import { levelRedirect } from '../../shared/engine/levelRedirect';
import { DECISIONS, type Answers, type Decision, type Marks } from '../../shared/domain/checklist';
import type { IntakeTerms } from '../../shared/domain/intakeTerms';
import type { Item } from '../../shared/domain/catalogue';
import { AppError } from '../../shared/errors';
import { chinaDay } from '../../shared/time';

export type TermsDeps = Pick<Workstation, 'now' | 'itemFor' | 'office' | 'calendar' | 'subCenters' | 'offices'>;

/** Calendar days a 即办件's supplement deadline may run (no promised date bounds it). */
export const DEFERRAL_DAYS_WITHOUT_PROMISE = 30;

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface Evaluated {
  item: Item;
  checklist: ChecklistResult;
  terms: IntakeTerms;
}

export function evaluateIntake(deps: TermsDeps, input: { itemCode: string; answers: Answers; marks: Marks }): Evaluated {
  const found = deps.itemFor(input.itemCode);
  if (!found) throw new AppError('not_found', `事项 ${input.itemCode} 不在本机目录中`);
  const { item } = found;
  const checklist = evaluateChecklist(item, input.answers, input.marks);
  const today = chinaDay(deps.now());
  const promisedDate = addWorkingDays(today, item.promisedDays, deps.calendar());
  const eligibility = evaluateEligibility(item, input.answers, input.marks, { officeLevel: deps.office().level, subCenters: deps.subCenters() });

  // 本级不办理: guide the applicant to the level that handles it (or refuse); nothing else.
  const elsewhere = levelRedirect(item, deps.office(), deps.offices());
  const allowedDecisions: Decision[] = elsewhere ? ['redirect', 'refuse'] : checklist.allowedDecisions;
  const blockers = {} as Record<Decision, string[]>;
  for (const d of DECISIONS) {
    const list: string[] = [];
    if (elsewhere && !allowedDecisions.includes(d)) list.push(`${elsewhere.reason}，请引导申请人到${elsewhere.places.length === 1 ? elsewhere.name : elsewhere.name.replace(/^申请人/, '')}办理`);
    else if (!allowedDecisions.includes(d)) list.push(`当前材料情况不能作出该决定`);
    if (d === 'notifyMissing') {
      const unexplained = checklist.outstanding.filter((l) => l.status === 'defective' && !l.mark?.note);
      if (unexplained.length) list.push(`请先写明不符合法定形式的原因：${unexplained.map((l) => l.material.name).join('、')}`);
    }
    blockers[d] = list;
  }
  const onTheSpot = item.promisedDays === 0;
  const latestSupplementDeadline = onTheSpot ? plusDays(today, DEFERRAL_DAYS_WITHOUT_PROMISE) : promisedDate;
  const nonWorkingDays: string[] = [];
  // Bounded: a promised date is at most a few months away.
  for (let d = today, n = 0; d <= latestSupplementDeadline && n < 400; d = plusDays(d, 1), n++) if (!isWorkingDay(d, deps.calendar())) nonWorkingDays.push(d);
  return {
    item,
    checklist,
    terms: {
      today,
      allowedDecisions,
      blockers,
      needsAgent: checklist.agent && !checklist.redirect,
      eligibility,
      onTheSpot,
      promisedDays: item.promisedDays,
      promisedDate,
      latestSupplementDeadline,
      nonWorkingDays,
      levelRedirect: elsewhere,
    },
  };
}
