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
import { builtin, catalogueInUse, requireTrainer } from './practice';

function ownPack(ws: Workstation, packId: string): ScenarioPack | null {
  const row = store.listPackRows(ws.db).find((r) => r.id === packId);
  return row ? ScenarioPack.parse(JSON.parse(row.json)) : null;
}

/** A scenario as stored, for the editor; unusable ones too (they may be opened to be fixed). */
export function getScenario(ws: Workstation, packId: string, scenarioId: string): { packTitle: string; scenario: Scenario } {
  requireTrainer(ws);
  const pack = packId === BUILTIN_PACK_ID ? builtin : ownPack(ws, packId);
  if (!pack) throw new AppError('not_found', `没有编号为 ${packId} 的场景包`);
  const scenario = pack.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new AppError('not_found', `场景包「${pack.title}」中没有场景 ${scenarioId}`);
  return { packTitle: pack.title, scenario };
}

export function previewScenario(ws: Workstation, data: unknown): { errors: ScenarioIssue[]; preview: TraineeView | null } {
  requireTrainer(ws);
  const checked = checkScenario(data, catalogueInUse(ws));
  return checked.ok ? { errors: [], preview: traineeView(checked.scenario) } : { errors: checked.errors, preview: null };
}

export interface SaveScenarioInput {
  packId: string;
  /** Title for a pack created by this save; an existing pack keeps its own. */
  packTitle?: string;
  scenario: unknown;
  /** The id the scenario had when opened, when the trainer renamed it. */
  replaces?: string;
}

export function saveScenario(ws: Workstation, input: SaveScenarioInput): { packId: string; packTitle: string; scenarioId: string; version: number; created: boolean } {
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
