// Scenarios written in 练习管理 rather than imported as JSON: the trainer opens one (a built-in
// one as a starting point), checks it — the pack's own schema and cross-checks, errors named by
// field — sees what the trainee will see, and saves it into one of their own packs. A save is one
// transaction: the pack's new version and the audit line, or nothing.
import type { Workstation } from './workstation';
import { tx } from '../store/db';
import { audit } from '../store/audit';
import * as store from '../store/practice';
import { AppError } from '../../shared/errors';
import { BUILTIN_PACK_ID, type TraineeView } from '../../shared/practice/api';
import { PACK_SCHEMA_VERSION, ScenarioPack, type Scenario } from '../../shared/practice/scenario';
import { checkScenario, traineeView, type ScenarioIssue } from '../../shared/practice/scenarioCheck';
import { builtin, catalogueInUse, requireTrainer, type PracticeDeps, type PracticeReadDeps } from './practice';

function ownPack(ws: Pick<Workstation, 'db'>, packId: string): ScenarioPack | null {
  const row = store.listPackRows(ws.db).find((r) => r.id === packId);
  return row ? ScenarioPack.parse(JSON.parse(row.json)) : null;
}

/** A scenario as stored, for the editor; unusable ones too (they may be opened to be fixed). */
export function getScenario(ws: PracticeReadDeps, packId: string, scenarioId: string): { packTitle: string; scenario: Scenario } {
  requireTrainer(ws);
  const pack = packId === BUILTIN_PACK_ID ? builtin : ownPack(ws, packId);
  if (!pack) throw new AppError('not_found', `没有编号为 ${packId} 的场景包`);
  const scenario = pack.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new AppError('not_found', `场景包「${pack.title}」中没有场景 ${scenarioId}`);
  return { packTitle: pack.title, scenario };
}

export function previewScenario(ws: PracticeReadDeps, data: unknown): { errors: ScenarioIssue[]; preview: TraineeView | null } {
  requireTrainer(ws);
  const checked = checkScenario(data, catalogueInUse(ws));
  return checked.ok ? { errors: [], preview: traineeView(checked.scenario) } : { errors: checked.errors, preview: null };
}

/**
 * Deletes a scenario from an own pack: the pack's next version without it and the audit line,
 * in one transaction. Refused for the built-in pack, for a pack's last scenario (a pack holds
 * at least one: delete the pack's use instead) and for a scenario a class session still runs
 * (its trainees would meet a missing scenario). Attempts already made keep their results.
 */
export function deleteScenario(ws: PracticeDeps, packId: string, scenarioId: string): { packId: string; version: number } {
  const trainer = requireTrainer(ws);
  if (packId === BUILTIN_PACK_ID) throw new AppError('forbidden', '内置场景包中的场景不能删除');
  const at = ws.now().toISOString();
  return tx(ws.db, () => {
    const existing = ownPack(ws, packId);
    if (!existing) throw new AppError('not_found', `没有编号为 ${packId} 的场景包`);
    if (!existing.scenarios.some((s) => s.id === scenarioId)) throw new AppError('not_found', `场景包「${existing.title}」中没有场景 ${scenarioId}`);
    if (existing.scenarios.length === 1) throw new AppError('conflict', `场景包「${existing.title}」只剩这一个场景，不能删除`);
    const inUse = store.listSessionRows(ws.db).filter((r) => r.packId === packId && (JSON.parse(r.scenarioIds) as string[]).includes(scenarioId));
    if (inUse.length > 0) throw new AppError('conflict', `课程「${inUse.map((r) => r.title).join('」「')}」仍在使用该场景，请先修改或删除课程`);
    const pack = ScenarioPack.parse({ ...existing, version: existing.version + 1, scenarios: existing.scenarios.filter((s) => s.id !== scenarioId) });
    store.savePack(ws.db, { id: pack.id, title: pack.title, version: pack.version, json: JSON.stringify(pack, null, 2), importedAt: at, importedBy: trainer.staffNo });
    audit(ws.db, 'practice.deleteScenario', trainer.staffNo, { packId, version: pack.version, scenarioId }, at);
    return { packId, version: pack.version };
  });
}

export interface SaveScenarioInput {
  packId: string;
  /** Title for a pack created by this save; an existing pack keeps its own. */
  packTitle?: string;
  scenario: unknown;
  /** The id the scenario had when opened, when the trainer renamed it. */
  replaces?: string;
}

export function saveScenario(ws: PracticeDeps, input: SaveScenarioInput): { packId: string; packTitle: string; scenarioId: string; version: number; created: boolean } {
  const trainer = requireTrainer(ws);
  if (input.packId === BUILTIN_PACK_ID) {
    throw new AppError('invalid_input', '内置场景包不能修改，请保存到自己的场景包', [{ path: '场景包', message: '请填写自己的场景包编号' }]);
  }
  const checked = checkScenario(input.scenario, catalogueInUse(ws));
  if (!checked.ok) {
    throw new AppError('invalid_input', `场景有 ${checked.errors.length} 处错误，未保存`, checked.errors.map((e) => ({ path: e.field, message: e.message })));
  }
  const scenario = checked.scenario;
  const at = ws.now().toISOString();
  return tx(ws.db, () => {
    const existing = ownPack(ws, input.packId);
    if (!existing && !input.packTitle) throw new AppError('invalid_input', '新的场景包须填写名称', [{ path: '场景包名称', message: '请填写场景包名称' }]);
    const others = (existing?.scenarios ?? []).filter((s) => s.id !== scenario.id && s.id !== input.replaces);
    const created = !existing?.scenarios.some((s) => s.id === (input.replaces ?? scenario.id));
    const index = existing?.scenarios.findIndex((s) => s.id === (input.replaces ?? scenario.id)) ?? -1;
    const scenarios = index >= 0 ? [...others.slice(0, index), scenario, ...others.slice(index)] : [...others, scenario];
    const pack = ScenarioPack.parse({
      schemaVersion: PACK_SCHEMA_VERSION,
      id: input.packId,
      title: existing?.title ?? input.packTitle,
      version: (existing?.version ?? 0) + 1,
      scenarios,
    });
    store.savePack(ws.db, { id: pack.id, title: pack.title, version: pack.version, json: JSON.stringify(pack, null, 2), importedAt: at, importedBy: trainer.staffNo });
    audit(ws.db, 'practice.saveScenario', trainer.staffNo, { packId: pack.id, version: pack.version, scenarioId: scenario.id, created }, at);
    return { packId: pack.id, packTitle: pack.title, scenarioId: scenario.id, version: pack.version, created };
  });
}
