// Practice mode on the workstation: scenarios from the built-in and imported packs, attempts
// scored from the case the trainee actually decided in the practice database, results and
// class sessions for the trainer. Everything here refuses to run on the real workstation.
import type { Workstation } from './workstation';
import { tx, type Db } from '../store/db';
import { audit } from '../store/audit';
import { catalogueMeta, exportCatalogue, getItem, listOffices, listWindows } from '../store/catalogue';
import { getCaseRow } from '../store/cases';
import { printedKinds } from '../store/noticePrints';
import { scoredNotice } from '../../shared/practice/expected';
import { newId } from '../store/ids';
import { setSetting } from '../store/settings';
import * as store from '../store/practice';
import { AppError } from '../../shared/errors';
import type { Catalogue, Item, Level } from '../../shared/domain/catalogue';
import type { Clerk } from '../../shared/domain/clerk';
import { AgentRecord, ApplicantRecord } from '../../shared/domain/applicant';
import { Answers, DECISION_LABEL, Marks, type Decision } from '../../shared/domain/checklist';
import { builtinPack } from '../../shared/practice/builtinPack';
import { parsePack, REFERENCE_DAY, ScenarioPack, scenarioErrors, type Scenario } from '../../shared/practice/scenario';
import { scoreAttempt, ScoreResult, type Attempt } from '../../shared/practice/scoring';
import { aggregateResults, ClassSession, sessionErrors, type AttemptRecord, type TraineeResult } from '../../shared/practice/results';
import { resultsCsv } from '../../shared/practice/csv';
import { BUILTIN_PACK_ID, type AttemptView, type CurrentAttemptOutput, type FinishOutput, type PackSummary, type ScenarioSummary, type SessionView } from '../../shared/practice/api';
import { inspectCard, personaSummary } from '../../shared/practice/desk';
import { traineeView } from '../../shared/practice/scenarioCheck';
import { validateCreditCode } from '../../shared/validate/creditCode';
import { validateIdCard } from '../../shared/validate/idcard';
import { chinaDay } from '../../shared/time';

/** What trainer and trainee actions use of the workstation: its file, clock, mode and signed-in clerk. */
export type PracticeDeps = Pick<Workstation, 'db' | 'now' | 'practice' | 'session'>;
/** The same without the clock, for what only reads. */
export type PracticeReadDeps = Pick<Workstation, 'db' | 'practice' | 'session'>;
/** An attempt also seats the practice window at the scenario's level. */
export type AttemptDeps = PracticeDeps & Pick<Workstation, 'office' | 'placementChanged'>;

// ── Guards ──────────────────────────────────────────────────────────────────

export function requirePractice(ws: Pick<Workstation, 'practice'>): void {
  if (!ws.practice) throw new AppError('precondition_failed', '练习功能只能在练习模式中使用，请先进入练习模式');
}

function signedIn(ws: Pick<Workstation, 'session'>): Clerk {
  if (!ws.session.clerk) throw new AppError('unauthenticated', '请先登录');
  return ws.session.clerk;
}

/** Packs, sessions and results are the trainer's (the contract declares it; the dispatcher enforces it). */
export function requireTrainer(ws: Pick<Workstation, 'practice' | 'session'>): Clerk {
  requirePractice(ws);
  return signedIn(ws);
}

// ── Packs and scenarios ─────────────────────────────────────────────────────

export const builtin: ScenarioPack = ScenarioPack.parse(builtinPack);

/** The catalogue in use, exported once per catalogue version of each file (packs are checked against it). */
const catalogueCache = new WeakMap<Db, { key: string; catalogue: Catalogue }>();
export function catalogueInUse(ws: Pick<Workstation, 'db'>): Catalogue {
  const meta = catalogueMeta(ws.db);
  const key = `${meta?.version}/${meta?.publishedAt}`;
  const hit = catalogueCache.get(ws.db);
  if (hit?.key === key) return hit.catalogue;
  const catalogue = exportCatalogue(ws.db);
  catalogueCache.set(ws.db, { key, catalogue });
  return catalogue;
}

interface LoadedPack {
  pack: ScenarioPack;
  builtin: boolean;
  /** Scenarios that fit the catalogue in use; a catalogue update can retire some. */
  usable: Scenario[];
}

function loadPacks(ws: Pick<Workstation, 'db'>): LoadedPack[] {
  const catalogue = catalogueInUse(ws);
  const packs = [{ pack: builtin, builtin: true }, ...store.listPackRows(ws.db).map((r) => ({ pack: ScenarioPack.parse(JSON.parse(r.json)), builtin: false }))];
  return packs.map((p) => ({ ...p, usable: p.pack.scenarios.filter((s) => scenarioErrors(s, catalogue).length === 0) }));
}

function findPack(ws: Pick<Workstation, 'db'>, packId: string): LoadedPack {
  const found = loadPacks(ws).find((p) => p.pack.id === packId);
  if (!found) throw new AppError('not_found', `没有编号为 ${packId} 的场景包`);
  return found;
}

function findScenario(ws: Pick<Workstation, 'db'>, packId: string, scenarioId: string): { pack: ScenarioPack; scenario: Scenario; item: Item } {
  const { pack, usable } = findPack(ws, packId);
  const scenario = usable.find((s) => s.id === scenarioId);
  if (!scenario) throw new AppError('not_found', `场景包「${pack.title}」中没有可用的场景 ${scenarioId}`);
  const item = getItem(ws.db, scenario.itemCode);
  if (!item) throw new AppError('not_found', `事项 ${scenario.itemCode} 不在本机目录中`);
  return { pack, scenario, item };
}

export function listScenarios(ws: Pick<Workstation, 'db' | 'practice'>): { packs: PackSummary[]; scenarios: ScenarioSummary[] } {
  requirePractice(ws);
  const packs = loadPacks(ws);
  return {
    packs: packs.map((p) => ({ id: p.pack.id, title: p.pack.title, version: p.pack.version, builtin: p.builtin, scenarioCount: p.usable.length })),
    scenarios: packs.flatMap((p) =>
      p.usable.map((s) => ({
        packId: p.pack.id,
        id: s.id,
        title: s.title,
        level: s.level,
        officeLevel: s.officeLevel,
        personaSummary: personaSummary(s),
        timeTargetSeconds: s.expected.timeTargetSeconds,
      })),
    ),
  };
}

export function importPack(ws: PracticeDeps, json: string): { packId: string; title: string; version: number; scenarioCount: number; replaced: boolean } {
  const trainer = requireTrainer(ws);
  const parsed = parsePack(json, catalogueInUse(ws));
  if (!parsed.ok) {
    throw new AppError(
      'invalid_input',
      `场景包有 ${parsed.errors.length} 处错误，未导入，现有场景包保持不变。`,
      parsed.errors.map((e) => ({ path: e.scenario === undefined ? `场景包 · ${e.field}` : `场景 ${e.scenario} · ${e.field}`, message: e.reason })),
    );
  }
  const pack = parsed.pack;
  if (pack.id === BUILTIN_PACK_ID) {
    throw new AppError('invalid_input', `场景包编号 ${BUILTIN_PACK_ID} 留给内置场景包，请改用其他编号后导入`, [{ path: '场景包 · 编号', message: '编号已被内置场景包使用' }]);
  }
  const at = ws.now().toISOString();
  const replaced = tx(ws.db, () => {
    const r = store.savePack(ws.db, { id: pack.id, title: pack.title, version: pack.version, json: JSON.stringify(pack, null, 2), importedAt: at, importedBy: trainer.staffNo });
    audit(ws.db, 'practice.importPack', trainer.staffNo, { packId: pack.id, version: pack.version, replaced: r }, at);
    return r;
  });
  return { packId: pack.id, title: pack.title, version: pack.version, scenarioCount: pack.scenarios.length, replaced };
}

export function exportPack(ws: PracticeReadDeps, packId: string): { json: string; fileName: string } {
  requireTrainer(ws);
  const row = store.listPackRows(ws.db).find((r) => r.id === packId);
  const json = packId === BUILTIN_PACK_ID ? JSON.stringify(builtin, null, 2) : row?.json;
  if (json === undefined) throw new AppError('not_found', `没有编号为 ${packId} 的场景包`);
  return { json, fileName: `练习场景包-${packId}.json` };
}

// ── Attempts ────────────────────────────────────────────────────────────────

/** Seats the practice window at an office of the scenario's level, so tiers and levels are judged where the trainee "sits". */
function seatAt(ws: Pick<Workstation, 'db' | 'office' | 'placementChanged'>, level: Level): { code: string; name: string } {
  const current = ws.office();
  if (current.level === level) return { code: current.code, name: current.name };
  const office = listOffices(ws.db).find((o) => o.level === level && listWindows(ws.db).some((w) => w.officeCode === o.code));
  if (!office) return { code: current.code, name: current.name };
  const windows = listWindows(ws.db).filter((w) => w.officeCode === office.code);
  const window = windows.find((w) => w.kind === 'general') ?? windows[0];
  setSetting(ws.db, 'device.officeCode', office.code);
  setSetting(ws.db, 'device.windowCode', window.code);
  ws.placementChanged();
  return { code: office.code, name: office.name };
}

export function startAttempt(ws: AttemptDeps, packId: string, scenarioId: string): AttemptView {
  requirePractice(ws);
  const trainee = signedIn(ws);
  const { pack, scenario: s } = findScenario(ws, packId, scenarioId);
  const startedAt = ws.now().toISOString();
  const attemptId = newId();
  const office = tx(ws.db, () => {
    store.insertAttempt(ws.db, { id: attemptId, staffNo: trainee.staffNo, traineeName: trainee.name, packId: pack.id, packVersion: pack.version, scenarioId: s.id, scenarioTitle: s.title, startedAt });
    return seatAt(ws, s.officeLevel);
  });
  return attemptView(pack, s, attemptId, startedAt, office);
}

/** What the trainee sees of an attempt: the applicant and the desk, never the expected outcome. */
function attemptView(pack: ScenarioPack, s: Scenario, attemptId: string, startedAt: string, office: { code: string; name: string }): AttemptView {
  return {
    attemptId,
    startedAt,
    scenario: { packId: pack.id, id: s.id, title: s.title, level: s.level, officeLevel: s.officeLevel, timeTargetSeconds: s.expected.timeTargetSeconds },
    office,
    ...traineeView(s),
  };
}

/**
 * The signed-in trainee's latest attempt when it is still open, with what the practice
 * database kept of it, so signing out and in (or a restart) does not lose it. An attempt
 * already scored is not resumed; an older open one superseded by a newer start is left alone.
 */
export function currentAttempt(ws: AttemptDeps): CurrentAttemptOutput {
  requirePractice(ws);
  const trainee = signedIn(ws);
  const row = store.latestAttemptRow(ws.db, trainee.staffNo);
  if (!row || row.finishedAt) return { current: null, unavailable: null };
  let found: ReturnType<typeof findScenario>;
  try {
    found = findScenario(ws, row.packId, row.scenarioId);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'not_found') throw e;
    return { current: null, unavailable: `上次未完成的练习「${row.scenarioTitle}」的场景已不可用（场景包或事项目录已更新），请重新选择场景` };
  }
  const { pack, scenario } = found;
  // Sit where the attempt is judged: another trainee's scenario may have moved the practice window since.
  const office = tx(ws.db, () => seatAt(ws, scenario.officeLevel));
  const elapsedSeconds = Math.max(0, Math.round((ws.now().getTime() - Date.parse(row.startedAt)) / 1000));
  const inspected = (JSON.parse(row.inspected) as string[]).flatMap((cardId) => {
    const text = inspectCard(scenario, cardId);
    return text === null ? [] : [{ cardId, text }];
  });
  const decided = store.casesDecidedSince(ws.db, row.staffNo, row.startedAt).find((c) => c.countedBy === null) ?? null;
  return {
    current: {
      view: attemptView(pack, scenario, row.id, row.startedAt, office),
      elapsedSeconds,
      inspected,
      decided: decided && { caseId: decided.id, caseNumber: decided.caseNumber, decision: decided.decision as Decision },
    },
    unavailable: null,
  };
}

function openAttempt(ws: Pick<Workstation, 'db' | 'session'>, attemptId: string): store.AttemptRow {
  const trainee = signedIn(ws);
  const row = store.getAttemptRow(ws.db, attemptId);
  if (!row) throw new AppError('not_found', '找不到这次练习');
  if (row.staffNo !== trainee.staffNo) throw new AppError('forbidden', '这次练习属于其他学员');
  if (row.finishedAt) throw new AppError('conflict', '这次练习已经结束，请重新开始一次练习');
  return row;
}

export function inspect(ws: PracticeReadDeps, attemptId: string, cardId: string): { cardId: string; text: string } {
  requirePractice(ws);
  const row = openAttempt(ws, attemptId);
  const { scenario } = findScenario(ws, row.packId, row.scenarioId);
  const text = inspectCard(scenario, cardId);
  if (text === null) throw new AppError('not_found', '桌上没有这份材料');
  const seen = JSON.parse(row.inspected) as string[];
  if (!seen.includes(cardId)) store.setInspected(ws.db, attemptId, [...seen, cardId]);
  return { cardId, text };
}

/** A number the scenario states can be compared with the case only if the workstation could store it. */
const storable = (n: string | undefined, check: (s: string) => { ok: boolean }) => n !== undefined && check(n).ok;

/** The Attempt as the practice database recorded it: the case's answers, marks, decision and tier. */
function attemptFromCase(ws: Pick<Workstation, 'db'>, row: store.AttemptRow, s: Scenario, caseId: string | null): { attempt: Attempt; wrongItem: string | null } {
  const base = { applicant: {}, answers: {}, marks: {}, decision: null, tier: null };
  if (caseId === null) return { attempt: { ...base, flaggedInvalidId: false, noticeKind: null, elapsedSeconds: 0 }, wrongItem: null };
  const c = getCaseRow(ws.db, caseId);
  if (!c) throw new AppError('not_found', '练习库中找不到该办件');
  if (c.staffNo !== row.staffNo || c.acceptedAt < row.startedAt) throw new AppError('invalid_input', '该办件不是在这次练习中受理的');
  const other = store.attemptForCase(ws.db, caseId);
  if (other && other !== row.id) throw new AppError('conflict', '该办件已计入另一次练习');
  if (c.itemCode !== s.itemCode) return { attempt: { ...base, flaggedInvalidId: false, noticeKind: null, elapsedSeconds: 0 }, wrongItem: c.itemName };
  const applicant = ApplicantRecord.parse(JSON.parse(c.applicant));
  const agent = c.agent ? AgentRecord.parse(JSON.parse(c.agent)) : null;
  const idCheck = (n: string) => validateIdCard(n, REFERENCE_DAY);
  return {
    attempt: {
      answers: Answers.parse(JSON.parse(c.answers)),
      marks: Marks.parse(JSON.parse(c.marks)),
      decision: c.decision,
      tier: (c.tier as Attempt['tier']) ?? null,
      applicant: {
        ...(applicant.kind === 'person' && storable(s.persona.idNumber, idCheck) ? { idNumber: applicant.idNumber } : {}),
        ...(applicant.kind === 'organisation' && storable(s.persona.company?.creditCode, validateCreditCode) ? { creditCode: applicant.creditCode } : {}),
        ...(agent && storable(s.agent?.idNumber, idCheck) ? { agentIdNumber: agent.idNumber } : {}),
      },
      flaggedInvalidId: false,
      noticeKind: null,
      elapsedSeconds: 0,
    },
    wrongItem: null,
  };
}

export function finishAttempt(
  ws: PracticeDeps,
  input: { attemptId: string; caseId: string | null; flaggedInvalidId: boolean },
): FinishOutput {
  requirePractice(ws);
  const row = openAttempt(ws, input.attemptId);
  const { scenario, item } = findScenario(ws, row.packId, row.scenarioId);
  const now = ws.now();
  const elapsedSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(row.startedAt)) / 1000));
  const { attempt: fromCase, wrongItem } = attemptFromCase(ws, row, scenario, input.caseId);
  // 打印文书 is what the print handler recorded for this very case, never the renderer's word.
  const noticeKind = input.caseId !== null && fromCase.decision !== null && wrongItem === null ? scoredNotice(fromCase.decision, printedKinds(ws.db, input.caseId)) : null;
  const attempt: Attempt = { ...fromCase, flaggedInvalidId: input.flaggedInvalidId, noticeKind, elapsedSeconds };
  const result = scoreAttempt(scenario, item, attempt);
  if (wrongItem !== null) {
    // The case was for another item: nothing of this applicant's matter was decided.
    const decision = result.points.find((p) => p.key === 'decision');
    if (decision) decision.feedback = `办错事项：申请人要办的是「${item.name}」，实际受理的是「${wrongItem}」（应为${DECISION_LABEL[scenario.expected.decision]}）`;
  }
  store.finishAttemptRow(ws.db, row.id, {
    finishedAt: now.toISOString(),
    caseId: input.caseId,
    attempt: JSON.stringify(attempt),
    result: JSON.stringify(result),
    score: result.score,
  });
  return { attemptId: row.id, elapsedSeconds, timeTargetSeconds: scenario.expected.timeTargetSeconds, result, explanation: scenario.expected.explanation ?? null };
}

// ── Results and class sessions ──────────────────────────────────────────────

const sessionView = (r: store.SessionRow): SessionView => ({
  id: r.id,
  title: r.title,
  packId: r.packId,
  scenarioIds: JSON.parse(r.scenarioIds) as string[],
  createdAt: r.createdAt,
  trainer: { staffNo: r.trainerStaffNo, name: r.trainerName },
});

function findSession(ws: Pick<Workstation, 'db'>, id: string): SessionView {
  const row = store.listSessionRows(ws.db).find((r) => r.id === id);
  if (!row) throw new AppError('not_found', '找不到该课程');
  return sessionView(row);
}

export function results(ws: PracticeReadDeps, sessionId?: string): TraineeResult[] {
  requireTrainer(ws);
  const session = sessionId === undefined ? null : findSession(ws, sessionId);
  const records: AttemptRecord[] = store
    .finishedAttemptRows(ws.db)
    .filter((r) => !session || (r.packId === session.packId && session.scenarioIds.includes(r.scenarioId)))
    .map((r) => ({
      trainee: { staffNo: r.staffNo, name: r.traineeName },
      scenarioId: `${r.packId}/${r.scenarioId}`,
      scenarioTitle: r.scenarioTitle,
      at: r.finishedAt!,
      result: ScoreResult.parse(JSON.parse(r.result!)),
    }));
  return aggregateResults(records);
}

export function resultsCsvFile(ws: PracticeDeps, sessionId?: string): { csv: string; fileName: string } {
  const csv = resultsCsv(results(ws, sessionId));
  return { csv, fileName: `练习成绩-${chinaDay(ws.now())}.csv` };
}

export function listSessions(ws: PracticeReadDeps): SessionView[] {
  requirePractice(ws);
  signedIn(ws);
  return store.listSessionRows(ws.db).map(sessionView);
}

export function createSession(ws: PracticeDeps, input: { title: string; packId: string; scenarioIds: string[] }): SessionView {
  const trainer = requireTrainer(ws);
  const createdAt = ws.now().toISOString();
  const session = ClassSession.parse({ ...input, id: newId(), createdAt });
  const { pack, usable } = findPack(ws, session.packId);
  const errors = sessionErrors(session, { ...pack, scenarios: usable });
  if (errors.length) throw new AppError('invalid_input', `课程设置有误：${errors.join('；')}`, errors.map((message) => ({ path: '场景', message })));
  const row: store.SessionRow = {
    id: session.id,
    title: session.title,
    packId: session.packId,
    scenarioIds: JSON.stringify(session.scenarioIds),
    trainerStaffNo: trainer.staffNo,
    trainerName: trainer.name,
    createdAt,
  };
  tx(ws.db, () => {
    store.insertSession(ws.db, row);
    audit(ws.db, 'practice.createSession', trainer.staffNo, { id: row.id, title: row.title }, createdAt);
  });
  return sessionView(row);
}

export function removeSession(ws: PracticeDeps, id: string): void {
  const trainer = requireTrainer(ws);
  tx(ws.db, () => {
    if (!store.deleteSession(ws.db, id)) throw new AppError('not_found', '找不到该课程');
    audit(ws.db, 'practice.deleteSession', trainer.staffNo, { id }, ws.now().toISOString());
  });
}
