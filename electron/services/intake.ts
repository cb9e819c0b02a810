// The five intake decisions and what follows them (补正, 办结, 终止). Each user action is one
// SQLite transaction: the case's events (which queue them for upload), its projected row and
// the daily case number commit together or not at all — and a decision commits only if the
// notice it issues can be produced.
import type { Workstation } from './workstation';
import { tx } from '../store/db';
import { newId } from '../store/ids';
import { saveSnapshot, nextCaseSequence } from '../store/cases';
import { loadCaseState, recordEvents } from '../store/caseLog';
import { deleteDraft } from '../store/drafts';
import { evaluateIntake } from './intakeTerms';
import { draftAttachment } from './pages';
import { draftPages } from '../store/pages';
import { noticeModel } from './notices';
import type { CaseEvent } from '../../shared/domain/caseEvents';
import { caseNumberDayPrefix, formatCaseNumber, formatPracticeCaseNumber, MAX_DAILY_SEQUENCE } from '../../shared/caseNumber';
import type { DecideParsed } from '../../shared/domain/case';
import { completeBlocker, MAIN_NOTICE, supplementBlocker, terminateBlocker, type Blocker, type CaseState } from '../../shared/domain/caseState';
import { runningSeconds } from '../../shared/domain/supplementClock';
import { DECISION_LABEL } from '../../shared/domain/checklist';
import { AppError, zodDetails } from '../../shared/errors';
import { chinaDay } from '../../shared/time';
import { z } from 'zod';

export interface DecideResult {
  caseId: string;
  caseNumber: string;
}

/** What the intake services use of the workstation. */
export type IntakeDeps = Pick<Workstation, 'db' | 'session' | 'now' | 'practice' | 'itemFor' | 'office' | 'window' | 'calendar' | 'catalogueVersion' | 'noteItemUse' | 'departmentName' | 'subCenters' | 'offices'>;

function requireClerk(ws: Pick<Workstation, 'session'>) {
  if (!ws.session.clerk) throw new AppError('unauthenticated', '请先登录');
  return ws.session.clerk;
}

export function decide(ws: IntakeDeps, input: DecideParsed): DecideResult {
  const clerk = requireClerk(ws);
  const { item, checklist, terms } = evaluateIntake(ws, input);
  const found = ws.itemFor(item.code)!;
  const office = ws.office();
  const window = ws.window();
  const label = DECISION_LABEL[input.decision];
  if (!terms.allowedDecisions.includes(input.decision)) throw new AppError('precondition_failed', `当前材料情况不能作出「${label}」决定`);
  const blocked = terms.blockers[input.decision];
  if (blocked.length) throw new AppError('invalid_input', blocked[0]);
  // DecideInput already refuses this; kept here because decide() is also called with parsed input directly.
  if (input.decision !== 'redirect' && input.applicant.kind === 'visitor') throw new AppError('invalid_input', '该决定须填写完整的申请人身份信息');
  if (input.decision !== 'redirect' && terms.needsAgent && !input.agent) throw new AppError('invalid_input', '本情形由代理人办理，请填写代理人信息');
  if (input.decision === 'refuse' && !input.refusal) throw new AppError('invalid_input', '请填写不予受理的理由');
  const accepted = input.decision === 'accept' || input.decision === 'acceptWithDeferral';
  if (input.decision === 'acceptWithDeferral') {
    if (!input.deferral) throw new AppError('invalid_input', '容缺受理须填写申请人承诺和补正期限');
    if (input.deferral.supplementDeadline < terms.today) throw new AppError('invalid_input', '补正期限不能早于今天');
    if (input.deferral.supplementDeadline > terms.latestSupplementDeadline) {
      throw new AppError('invalid_input', terms.onTheSpot ? `补正期限不能晚于 ${terms.latestSupplementDeadline}` : `补正期限不能晚于承诺办结日期 ${terms.latestSupplementDeadline}`);
    }
  }
  const tier = input.decision === 'accept' && terms.eligibility.eligible ? terms.eligibility.tier : null;
  const subCenter = input.decision === 'redirect' ? (ws.subCenters().find((s) => s.code === item.subCenterCode) ?? null) : null;
  // 本级不办理: the place the applicant is guided to is recorded with the decision (the notice reprints it).
  const levelTarget = input.decision === 'redirect' && terms.levelRedirect
    ? { name: terms.levelRedirect.name, address: terms.levelRedirect.address, phone: terms.levelRedirect.phone, places: terms.levelRedirect.places }
    : null;
  const catalogueVersion = ws.catalogueVersion();
  const now = ws.now();
  const at = now.toISOString();
  const day = chinaDay(now);

  const result = tx(ws.db, () => {
    const place = { officeCode: office.code, windowCode: window.code, date: day };
    const sequence = nextCaseSequence(ws.db, caseNumberDayPrefix(place, ws.practice));
    if (sequence > MAX_DAILY_SEQUENCE) throw new AppError('precondition_failed', `本窗口今日的办件编号已用完（每日最多 ${MAX_DAILY_SEQUENCE} 件），请改用其他窗口受理或联系管理员`);
    const parts = { ...place, sequence };
    const caseNumber = ws.practice ? formatPracticeCaseNumber(parts) : formatCaseNumber(parts);
    const caseId = newId();
    const snapshotId = found.snapshotStored ? found.snapshotId : saveSnapshot(ws.db, found.json, found.snapshotId);
    const by = { caseId, staffNo: clerk.staffNo };
    const events: CaseEvent[] = [];
    // Pages taken for this intake join the case in this transaction (those of materials the
    // answers took off the checklist stay with the draft).
    const pages = draftAttachment(ws.db, input.draftId, caseId, new Set(checklist.lines.map((l) => l.material.id)), { staffNo: clerk.staffNo, at });
    const state = recordEvents(
      ws.db,
      null,
      [
        {
          ...by,
          type: 'case.opened',
          at: input.startedAt,
          payload: {
            itemCode: item.code, itemName: item.name, catalogueVersion, caseNumber, officeCode: office.code, windowCode: window.code,
            applicant: input.applicant, agent: input.agent, answers: input.answers, marks: input.marks,
          },
        },
        {
          ...by,
          type: 'case.decided',
          at,
          payload: {
            decision: input.decision,
            caseNumber,
            tier,
            promisedDate: accepted ? terms.promisedDate : null,
            missing: checklist.outstanding.map((l) => ({ materialId: l.material.id, status: l.status as 'missing', note: l.mark?.note ?? null })),
            ...(input.refusal ? { reason: input.refusal.reasons, applyTo: input.refusal.applyTo } : {}),
            ...(input.deferral ? { commitment: input.deferral.commitment, supplementDeadline: input.deferral.supplementDeadline } : {}),
            ...(subCenter ? { subCenterCode: subCenter.code } : {}),
            ...(levelTarget ? { redirectTo: levelTarget } : {}),
          },
        },
        ...(pages.event ? [pages.event] : []),
      ],
      { snapshotId, itemName: item.name },
      events,
    );
    pages.move(events);
    // From memory, not the file: the same builder the printed notice uses.
    assertNoticeProducible(() =>
      noticeModel(ws, MAIN_NOTICE[input.decision], { state, item, events, clerk, departmentName: ws.departmentName(item.departmentCode), subCenter, redirectTo: levelTarget }),
    );
    // The intake is decided: its draft goes in the same transaction (a crash keeps both or neither).
    deleteDraft(ws.db, { windowCode: window.code, staffNo: clerk.staffNo });
    return { caseId, caseNumber };
  });
  found.snapshotStored = true;
  ws.noteItemUse(item.code);
  return result;
}

/** Inside the decision's transaction: the notice it issues must build, or nothing is saved. */
function assertNoticeProducible(build: () => unknown) {
  try {
    build();
  } catch (err) {
    const detail = err instanceof z.ZodError ? zodDetails(err).map((d) => `${d.path}：${d.message}`).join('；') : (err as Error).message;
    throw new AppError('invalid_input', `该决定的通知书无法生成，本次未保存，请修改后重试（${detail}）`);
  }
}

/** Loads a case and checks the action may follow its state. */
export function openCase(ws: Pick<Workstation, 'db'>, caseId: string, blocker: (s: CaseState) => Blocker): CaseState {
  const state = loadCaseState(ws.db, caseId);
  if (!state) throw new AppError('not_found', '找不到该办件');
  const why = blocker(state);
  if (why) throw new AppError(why.code, why.message);
  return state;
}

/** 办结: the matter is finished (即办件 on the spot). Records elapsed time for 立等可取 cases. */
export function complete(ws: Pick<Workstation, 'db' | 'session' | 'now'>, caseId: string): CaseState {
  const clerk = requireClerk(ws);
  return tx(ws.db, () => {
    const s = openCase(ws, caseId, completeBlocker);
    const now = ws.now();
    // The time a 需补正 kept the applicant away is not the window's (supplementClock.ts).
    const elapsedSeconds = runningSeconds({ decidedAt: s.decidedAt!, clockPausedAt: s.clockPausedAt, pausedSeconds: s.pausedSeconds }, now);
    return recordEvents(ws.db, s, [{ caseId, type: 'case.completed', staffNo: clerk.staffNo, at: now.toISOString(), payload: { elapsedSeconds, tier: s.tier } }]);
  });
}

/** 补正: the deferred materials arrived; the case continues as an ordinary accepted case. */
export function supplement(ws: Pick<Workstation, 'db' | 'session' | 'now'>, caseId: string, note: string, draftId?: string): CaseState {
  const clerk = requireClerk(ws);
  return tx(ws.db, () => {
    const s = openCase(ws, caseId, supplementBlocker);
    const supplied = Object.entries(s.marks).filter(([, m]) => m.mark === 'deferred').map(([id]) => id);
    const at = ws.now().toISOString();
    // The supplement's new scans join the case with it.
    const pages = draftAttachment(ws.db, draftId, caseId, new Set(draftId ? draftPages(ws.db, draftId).map((p) => p.materialId) : []), { staffNo: clerk.staffNo, at }, true);
    const recorded: CaseEvent[] = [];
    const state = recordEvents(ws.db, s, [{ caseId, type: 'case.supplemented', staffNo: clerk.staffNo, at, payload: { materialIds: supplied, note } }, ...(pages.event ? [pages.event] : [])], undefined, recorded);
    pages.move(recorded);
    return state;
  });
}

/** 终止: a 容缺 case whose supplement deadline passed. */
export function terminate(ws: Pick<Workstation, 'db' | 'session' | 'now'>, caseId: string, reason: string): CaseState {
  const clerk = requireClerk(ws);
  return tx(ws.db, () => {
    const s = openCase(ws, caseId, (st) => terminateBlocker(st, chinaDay(ws.now())));
    return recordEvents(ws.db, s, [{ caseId, type: 'case.terminated', staffNo: clerk.staffNo, at: ws.now().toISOString(), payload: { reason } }]);
  });
}
