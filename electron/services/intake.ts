// The five intake decisions and what follows them (补正, 办结, 终止). Each user action is one
// SQLite transaction: the case row, its events (which queues them for upload) and the daily
// case number commit together or not at all.
import type { Workstation } from './workstation';
import { tx } from '../store/db';
import { appendEvent, getCaseRow, insertCase, newId, saveSnapshot, nextCaseSequence, updateCase, type CaseRow } from '../store/cases';
import { listSubCenters } from '../store/catalogue';
import { evaluateChecklist } from '../../shared/engine/checklist';
import { evaluateEligibility } from '../../shared/engine/eligibility';
import { addWorkingDays } from '../../shared/calendar/workdays';
import { caseNumberDayPrefix, formatCaseNumber, formatPracticeCaseNumber, MAX_DAILY_SEQUENCE } from '../../shared/caseNumber';
import { STATUS_AFTER_DECISION, type DecideParsed } from '../../shared/domain/case';
import { DECISION_LABEL } from '../../shared/domain/checklist';
import { TIER_MINUTES } from '../../shared/domain/catalogue';
import { AppError } from '../../shared/errors';
import { chinaDay } from '../../shared/time';

export interface DecideResult {
  caseId: string;
  caseNumber: string;
}

function requireClerk(ws: Workstation) {
  if (!ws.session.clerk) throw new AppError('unauthenticated', '请先登录');
  return ws.session.clerk;
}

export function decide(ws: Workstation, input: DecideParsed): DecideResult {
  const clerk = requireClerk(ws);
  const found = ws.itemFor(input.itemCode);
  if (!found) throw new AppError('not_found', `事项 ${input.itemCode} 不在本机目录中`);
  const { item } = found;
  const office = ws.office();
  const window = ws.window();
  const checklist = evaluateChecklist(item, input.answers, input.marks);
  const label = DECISION_LABEL[input.decision];
  if (!checklist.allowedDecisions.includes(input.decision)) {
    throw new AppError('precondition_failed', `当前材料情况不能作出「${label}」决定`);
  }
  // DecideInput already refuses this; kept here because decide() is also called with parsed input directly.
  if (input.decision !== 'redirect' && input.applicant.kind === 'visitor') throw new AppError('invalid_input', '该决定须填写完整的申请人身份信息');
  if (input.decision !== 'redirect' && checklist.agent && !input.agent) throw new AppError('invalid_input', '本情形由代理人办理，请填写代理人信息');
  if (input.decision === 'refuse' && !input.refusal) throw new AppError('invalid_input', '请填写不予受理的理由');
  if (input.decision === 'notifyMissing') {
    const unexplained = checklist.outstanding.filter((l) => l.status === 'defective' && !l.mark?.note);
    if (unexplained.length) throw new AppError('invalid_input', `请说明材料不符合法定形式的原因：${unexplained.map((l) => l.material.name).join('、')}`);
  }

  const now = ws.now();
  const at = now.toISOString();
  const day = chinaDay(now);
  const calendar = ws.calendar();
  const promisedDate = input.decision === 'accept' || input.decision === 'acceptWithDeferral' ? addWorkingDays(day, item.promisedDays, calendar) : null;
  if (input.decision === 'acceptWithDeferral') {
    if (!input.deferral) throw new AppError('invalid_input', '容缺受理须填写申请人承诺和补正期限');
    if (input.deferral.supplementDeadline < day) throw new AppError('invalid_input', '补正期限不能早于今天');
    if (promisedDate && item.promisedDays > 0 && input.deferral.supplementDeadline > promisedDate) {
      throw new AppError('invalid_input', `补正期限不能晚于承诺办结日期 ${promisedDate}`);
    }
  }
  const eligibility = evaluateEligibility(item, input.answers, input.marks, { officeLevel: office.level });
  const tier = input.decision === 'accept' && eligibility.eligible ? eligibility.tier : null;
  const subCenter = input.decision === 'redirect' ? (listSubCenters(ws.db).find((s) => s.code === item.subCenterCode) ?? null) : null;
  const catalogueVersion = ws.catalogueVersion();

  const result = tx(ws.db, () => {
    const place = { officeCode: office.code, windowCode: window.code, date: day };
    const sequence = nextCaseSequence(ws.db, caseNumberDayPrefix(place, ws.practice));
    if (sequence > MAX_DAILY_SEQUENCE) throw new AppError('precondition_failed', `本窗口今日的办件编号已用完（每日最多 ${MAX_DAILY_SEQUENCE} 件），请改用其他窗口受理或联系管理员`);
    const parts = { ...place, sequence };
    const caseNumber = ws.practice ? formatPracticeCaseNumber(parts) : formatCaseNumber(parts);
    const id = newId();
    const row: CaseRow = {
      id,
      caseNumber,
      itemCode: item.code,
      itemName: item.name,
      catalogueVersion,
      snapshotId: found.snapshotStored ? found.snapshotId : saveSnapshot(ws.db, found.json, found.snapshotId),
      applicant: JSON.stringify(input.applicant),
      agent: input.agent ? JSON.stringify(input.agent) : null,
      answers: JSON.stringify(input.answers),
      marks: JSON.stringify(input.marks),
      decision: input.decision,
      status: STATUS_AFTER_DECISION[input.decision],
      reviewStatus: null,
      tier,
      acceptedAt: at,
      dueAt: tier ? new Date(now.getTime() + TIER_MINUTES[tier] * 60_000).toISOString() : null,
      promisedDate,
      supplementDeadline: input.deferral?.supplementDeadline ?? null,
      completedAt: null,
      elapsedSeconds: null,
      deliveredAt: null,
      rating: null,
      staffNo: clerk.staffNo,
      officeCode: office.code,
      windowCode: window.code,
      day,
    };
    insertCase(ws.db, row);
    appendEvent(ws.db, {
      caseId: id,
      type: 'case.opened',
      staffNo: clerk.staffNo,
      at: input.startedAt,
      payload: {
        itemCode: item.code,
        itemName: item.name,
        catalogueVersion,
        caseNumber,
        officeCode: office.code,
        windowCode: window.code,
        applicant: input.applicant,
        agent: input.agent,
        answers: input.answers,
        marks: input.marks,
      },
    });
    appendEvent(ws.db, {
      caseId: id,
      type: 'case.decided',
      staffNo: clerk.staffNo,
      at,
      payload: {
        decision: input.decision,
        caseNumber,
        tier,
        promisedDate,
        missing: checklist.outstanding.map((l) => ({ materialId: l.material.id, status: l.status, note: l.mark?.note ?? null })),
        ...(input.refusal ? { reason: input.refusal.reasons, applyTo: input.refusal.applyTo } : {}),
        ...(input.deferral ? { commitment: input.deferral.commitment, supplementDeadline: input.deferral.supplementDeadline } : {}),
        ...(subCenter ? { subCenterCode: subCenter.code } : {}),
      },
    });
    return { caseId: id, caseNumber };
  });
  found.snapshotStored = true;
  ws.noteItemUse(item.code);
  return result;
}

function openCase(ws: Workstation, caseId: string): CaseRow {
  const row = getCaseRow(ws.db, caseId);
  if (!row) throw new AppError('not_found', '找不到该办件');
  return row;
}

/** 办结: the matter is finished (即办件 on the spot). Records elapsed time for 立等可取 cases. */
export function complete(ws: Workstation, caseId: string): CaseRow {
  const clerk = requireClerk(ws);
  return tx(ws.db, () => {
    const row = openCase(ws, caseId);
    if (row.status !== 'accepted') throw new AppError('conflict', `办件当前状态为「${row.status === 'awaitingSupplement' ? '待补正' : '已处理'}」，不能办结`);
    const now = ws.now();
    const elapsedSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(row.acceptedAt)) / 1000));
    appendEvent(ws.db, { caseId, type: 'case.completed', staffNo: clerk.staffNo, at: now.toISOString(), payload: { elapsedSeconds, tier: row.tier } });
    updateCase(ws.db, caseId, { status: 'completed', completedAt: now.toISOString(), elapsedSeconds });
    return openCase(ws, caseId);
  });
}

/** 补正: the deferred materials arrived; the case continues as an ordinary accepted case. */
export function supplement(ws: Workstation, caseId: string, note: string): CaseRow {
  const clerk = requireClerk(ws);
  return tx(ws.db, () => {
    const row = openCase(ws, caseId);
    if (row.status !== 'awaitingSupplement') throw new AppError('conflict', '该办件不在待补正状态');
    const marks = JSON.parse(row.marks) as Record<string, { mark: string }>;
    const supplied = Object.entries(marks).filter(([, m]) => m.mark === 'deferred').map(([id]) => id);
    const at = ws.now().toISOString();
    appendEvent(ws.db, { caseId, type: 'case.supplemented', staffNo: clerk.staffNo, at, payload: { materialIds: supplied, note } });
    for (const id of supplied) marks[id] = { ...marks[id], mark: 'verified' };
    updateCase(ws.db, caseId, { status: 'accepted', marks: JSON.stringify(marks) });
    return openCase(ws, caseId);
  });
}

/** 终止: a 容缺 case whose supplement deadline passed. */
export function terminate(ws: Workstation, caseId: string, reason: string): CaseRow {
  const clerk = requireClerk(ws);
  return tx(ws.db, () => {
    const row = openCase(ws, caseId);
    if (row.status !== 'awaitingSupplement') throw new AppError('conflict', '只有待补正的办件可以终止');
    const today = chinaDay(ws.now());
    if (row.supplementDeadline && row.supplementDeadline >= today) throw new AppError('precondition_failed', `补正期限 ${row.supplementDeadline} 尚未届满，不能终止`);
    appendEvent(ws.db, { caseId, type: 'case.terminated', staffNo: clerk.staffNo, at: ws.now().toISOString(), payload: { reason } });
    updateCase(ws.db, caseId, { status: 'terminated' });
    return openCase(ws, caseId);
  });
}
