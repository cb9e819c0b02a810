// 练习管理 outside practice mode, and scenarios written in the app: a trainer signed in at the
// real window manages packs from the practice file (the real file never sees a pack, and the
// trainee's channels stay refused); a scenario is checked field by field in Chinese, previewed as
// the trainee will see it (no expected outcome), saved into an own pack, reopened and edited.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { createHost, type Host } from '../../electron/services/host';
import { builtinPack } from '../../shared/practice/builtinPack';
import type { TraineeView } from '../../shared/practice/api';
import type { Envelope } from '../../shared/errors';
import { tempDbPath, testClock } from '../helpers/workstation';
import type { Db } from '../../electron/store/db';

const REAL_TABLES = ['cases', 'case_events', 'outbox', 'outbox_cursor', 'practice_packs', 'practice_sessions', 'practice_attempts'];
const dump = (db: Db) => JSON.stringify(REAL_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

async function ok<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.details ?? [])}`);
  return r.value as T;
}
async function fails(p: Promise<Envelope<unknown>>) {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

function setup() {
  const dbPath = tempDbPath('yc-editor-');
  const practiceDbPath = path.join(path.dirname(dbPath), 'practice.db');
  const host = createHost({ dbPath, practiceDbPath, now: testClock().now });
  return { host, dbPath, practiceDbPath };
}
const signIn = (host: Host, staffNo: string) => ok(host.dispatch('session.signIn', { staffNo, password: '12345678' }));

const base = () => structuredClone(builtinPack.scenarios.find((s) => s.id === 'lx-01')!);

describe('练习管理 outside practice mode', () => {
  it('answers a trainer from the practice file; clerks and the trainee channels stay refused; the real file is untouched', async () => {
    const { host, practiceDbPath } = setup();
    await signIn(host, '1001');
    expect((await fails(host.dispatch('practice.scenarios', {}))).code).toBe('precondition_failed');
    expect((await fails(host.dispatch('practice.saveScenario', { packId: 'class-a', packTitle: '一班', scenario: base() }))).code).toBe('precondition_failed');

    await signIn(host, '9001');
    const before = dump(host.real.db);
    expect((await ok<{ practice: boolean }>(host.dispatch('app.context', {}))).practice).toBe(false);
    const list = await ok<{ packs: { id: string }[] }>(host.dispatch('practice.scenarios', {}));
    expect(list.packs.map((p) => p.id)).toEqual(['builtin']);
    await ok(host.dispatch('practice.importPack', { json: JSON.stringify({ ...builtinPack, id: 'class-a', title: '一班', scenarios: builtinPack.scenarios.slice(0, 2) }) }));
    await ok(host.dispatch('practice.saveScenario', { packId: 'class-b', packTitle: '二班', scenario: { ...base(), id: 'own-1' } }));
    // A catalogue update at the real window reaches the desk (scenarios are judged against it).
    const { replaceCatalogue, exportCatalogue } = await import('../../electron/store/catalogue');
    const current = exportCatalogue(host.real.db);
    replaceCatalogue(host.real.db, { ...current, version: current.version + 1 });
    await ok(host.dispatch('practice.scenarios', {}));
    expect(exportCatalogue(host.practiceDesk()!.db).version).toBe(current.version + 1);
    // Running a scenario is practice mode's alone, even for a trainer.
    expect((await fails(host.dispatch('practice.start', { packId: 'builtin', scenarioId: 'lx-01' }))).code).toBe('precondition_failed');
    expect((await ok<{ practice: boolean }>(host.dispatch('app.context', {}))).practice).toBe(false);
    expect(dump(host.real.db)).toBe(before);

    // What was managed outside is there inside practice mode (one practice file), and the wall holds there.
    await ok(host.dispatch('practice.enter', { staffNo: '9001', password: '12345678' }));
    const inside = await ok<{ packs: { id: string }[] }>(host.dispatch('practice.scenarios', {}));
    expect(inside.packs.map((p) => p.id)).toEqual(['builtin', 'class-a', 'class-b']);
    expect(host.practice()!.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    await ok(host.dispatch('practice.leave', { staffNo: '9001', password: '12345678' }));
    expect(dump(host.real.db)).toBe(before);
    host.close();
    expect(practiceDbPath).not.toBe('');
  });
});

describe('scenarios written in the app', () => {
  it('checks a scenario with Chinese messages by field, previews what the trainee sees, saves, reopens and edits it', async () => {
    const { host } = setup();
    await signIn(host, '9001');

    const broken = { ...base(), id: 'own 1', title: '', itemCode: '99999', expected: { ...base().expected, timeTargetSeconds: 5 } };
    const checked = await ok<{ errors: { field: string; message: string }[]; preview: TraineeView | null }>(host.dispatch('practice.previewScenario', { scenario: broken }));
    expect(checked.preview).toBeNull();
    const fields = checked.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['编号', '标题', '预期结果.目标用时（秒）']));
    for (const e of checked.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(checked.errors.find((e) => e.field === '标题')!.message).toBe('不能为空');
    expect(checked.errors.find((e) => e.field === '预期结果.目标用时（秒）')!.message).toBe('不能小于 30');
    // Schema-valid but not in the catalogue: the cross-check names the item.
    const noItem = await ok<{ errors: { field: string; message: string }[] }>(host.dispatch('practice.previewScenario', { scenario: { ...base(), itemCode: '99999' } }));
    expect(noItem.errors).toEqual([{ field: '事项编码', message: expect.stringContaining('99999') }]);

    const err = await fails(host.dispatch('practice.saveScenario', { packId: 'own', packTitle: '自编', scenario: broken }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('未保存');
    expect((await ok<{ packs: { id: string }[] }>(host.dispatch('practice.scenarios', {}))).packs.map((p) => p.id)).toEqual(['builtin']);

    const good = { ...base(), id: 'own-1', title: '自编：个体户设立' };
    const preview = await ok<{ errors: unknown[]; preview: TraineeView }>(host.dispatch('practice.previewScenario', { scenario: good }));
    expect(preview.errors).toEqual([]);
    expect(preview.preview.persona.name).toBe(good.persona.name);
    expect(preview.preview.request).toBe(good.request);
    expect(preview.preview.cards.length).toBeGreaterThan(0);
    expect(JSON.stringify(preview.preview)).not.toContain('expected');

    expect((await fails(host.dispatch('practice.saveScenario', { packId: 'builtin', scenario: good }))).message).toContain('内置场景包不能修改');
    expect((await fails(host.dispatch('practice.saveScenario', { packId: 'own', scenario: good }))).message).toContain('须填写名称');
    expect(await ok(host.dispatch('practice.saveScenario', { packId: 'own', packTitle: '自编', scenario: good }))).toEqual({ packId: 'own', packTitle: '自编', scenarioId: 'own-1', version: 1, created: true });
    await ok(host.dispatch('practice.saveScenario', { packId: 'own', scenario: { ...base(), id: 'own-2', title: '第二个' } }));

    // Reopen, rename and edit: the pack keeps its order, gets a new version, the old id is gone.
    const opened = await ok<{ packTitle: string; scenario: typeof good }>(host.dispatch('practice.scenario', { packId: 'own', scenarioId: 'own-1' }));
    expect(opened.packTitle).toBe('自编');
    expect(opened.scenario.title).toBe('自编：个体户设立');
    const edited = { ...opened.scenario, id: 'own-1b', request: '我想开个小卖部' };
    expect(await ok(host.dispatch('practice.saveScenario', { packId: 'own', scenario: edited, replaces: 'own-1' }))).toMatchObject({ version: 3, created: false });
    const exported = JSON.parse((await ok<{ json: string }>(host.dispatch('practice.exportPack', { packId: 'own' }))).json);
    expect(exported.scenarios.map((s: { id: string }) => s.id)).toEqual(['own-1b', 'own-2']);
    expect(exported.scenarios[0].request).toBe('我想开个小卖部');
    const trail = host.practiceDesk()!.db.prepare("SELECT action FROM audit_log WHERE action = 'practice.saveScenario'").all();
    expect(trail).toHaveLength(3);
    // A built-in scenario opens as a starting point.
    expect((await ok<{ packTitle: string }>(host.dispatch('practice.scenario', { packId: 'builtin', scenarioId: 'lx-02' }))).packTitle).toContain('内置');
    host.close();
  });
});

describe('deleting a scenario (练习管理)', () => {
  it('deletes from an own pack in one new version with its audit line; refuses the built-in pack, the last scenario and one a class runs', async () => {
    const { host } = setup();
    await signIn(host, '9001');
    await ok(host.dispatch('practice.saveScenario', { packId: 'own', packTitle: '自编', scenario: { ...base(), id: 'own-1' } }));
    await ok(host.dispatch('practice.saveScenario', { packId: 'own', scenario: { ...base(), id: 'own-2' } }));
    await ok(host.dispatch('practice.saveScenario', { packId: 'own', scenario: { ...base(), id: 'own-3' } }));
    expect((await fails(host.dispatch('practice.deleteScenario', { packId: 'builtin', scenarioId: 'lx-01' }))).code).toBe('forbidden');
    expect((await fails(host.dispatch('practice.deleteScenario', { packId: 'own', scenarioId: 'nope' }))).code).toBe('not_found');
    await ok(host.dispatch('practice.createSession', { title: '一班', packId: 'own', scenarioIds: ['own-3'] }));
    const used = await fails(host.dispatch('practice.deleteScenario', { packId: 'own', scenarioId: 'own-3' }));
    expect(used).toMatchObject({ code: 'conflict', message: expect.stringContaining('课程「一班」') });

    expect(await ok(host.dispatch('practice.deleteScenario', { packId: 'own', scenarioId: 'own-1' }))).toEqual({ packId: 'own', version: 4 });
    const list = await ok<{ scenarios: { packId: string; id: string }[] }>(host.dispatch('practice.scenarios', {}));
    expect(list.scenarios.filter((s) => s.packId === 'own').map((s) => s.id)).toEqual(['own-2', 'own-3']);
    const desk = host.practiceDesk()!.db;
    expect(desk.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'practice.deleteScenario'").get()).toEqual({ n: 1 });
    await ok(host.dispatch('practice.deleteScenario', { packId: 'own', scenarioId: 'own-2' }));
    expect((await fails(host.dispatch('practice.deleteScenario', { packId: 'own', scenarioId: 'own-3' }))).message).toContain('只剩这一个场景');
    host.close();
  });
});
