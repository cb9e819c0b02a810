// Practice mode end to end through the host's dispatch, on the demo catalogue: a trainee runs
// built-in scenarios on the ordinary intake channels and is scored from the case they
// decided; the trainer imports packs, builds class sessions and reads results; the real
// database never sees any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, chromiumPdfRenderer } from '../helpers/chromium';
import type { NoticeKind } from '../../shared/notice/model';
import path from 'node:path';
import { createHost, type Host } from '../../electron/services/host';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { builtinPack } from '../../shared/practice/builtinPack';
import { Scenario } from '../../shared/practice/scenario';
import { modelAttempt } from '../../shared/practice/scoring';
import { NOTICE_FOR_DECISION } from '../../shared/practice/expected';
import type { AttemptView, FinishOutput, SessionView } from '../../shared/practice/api';
import type { Marks } from '../../shared/domain/checklist';
import type { Envelope } from '../../shared/errors';
import { tempDbPath, testClock } from '../helpers/workstation';
import type { Db } from '../../electron/store/db';

const CASE_TABLES = ['cases', 'case_events', 'outbox', 'outbox_cursor'];
const PRACTICE_TABLES = ['practice_packs', 'practice_sessions', 'practice_attempts'];
const dump = (db: Db, tables: string[]) => JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

const scenario = (id: string) => Scenario.parse(builtinPack.scenarios.find((s) => s.id === id));
const itemOf = (s: Scenario) => demoCatalogue.items.find((i) => i.code === s.itemCode)!;

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

// Prints are real: the notice's PDF rendered by headless Chromium and archived by the print handler.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

function setup() {
  const dbPath = tempDbPath('yc-practice-');
  const clock = testClock();
  const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), now: clock.now, printing: { pdf: chromiumPdfRenderer(browser) } });
  return { host, clock };
}

/** 打印 on the ordinary print channel, as the notice screen does. */
async function print(host: Host, caseId: string, kind: NoticeKind): Promise<void> {
  expect((await ok<{ archivedPath: string }>(host.dispatch('notice.print', { caseId, kind, layout: null }))).archivedPath).toMatch(/\.pdf$/);
}

const signIn = (host: Host, staffNo: string) => ok(host.dispatch('session.signIn', { staffNo, password: '12345678' }));

/** Decides the scenario's case on the ordinary intake channel, as the model answer would (or with changes). */
async function decide(host: Host, s: Scenario, opts: { idNumber?: string; decision?: string; marks?: Marks } = {}) {
  const model = modelAttempt(s, itemOf(s));
  return host.dispatch('case.decide', {
    itemCode: s.itemCode,
    answers: model.answers,
    marks: opts.marks ?? model.marks,
    applicant: { kind: 'person', name: s.persona.name, idNumber: opts.idNumber ?? s.persona.idNumber, phone: s.persona.phone },
    agent: null,
    decision: opts.decision ?? model.decision,
    startedAt: '2026-11-27T01:00:00.000Z',
  });
}

async function enterPractice() {
  const { host, clock } = setup();
  await signIn(host, '1001');
  await ok(host.dispatch('practice.enter', { staffNo: '9001', password: '12345678' }));
  return { host, clock };
}

describe('practice mode: running scenarios', () => {
  it('scores a run that follows the model answer 100, with the tier the practice case really got', async () => {
    const { host, clock } = await enterPractice();
    const s = scenario('lx-01');
    const view = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-01' }));
    // The trainee meets the applicant, not the answer.
    expect(view.persona.name).toBe(s.persona.name);
    expect(view.request).toBe(s.request);
    expect(view.scenario.timeTargetSeconds).toBe(300);
    expect(JSON.stringify(view)).not.toMatch(/expected|within30|accept|itemCode/);
    // Seated at a district (county) centre, as the scenario says.
    const context = await ok<{ office: { level: string; code: string } }>(host.dispatch('app.context', {}));
    expect(context.office.level).toBe('county');
    expect(view.office.code).toBe(context.office.code);

    clock.advance(200_000);
    const decided = await ok<{ caseId: string; caseNumber: string }>(decide(host, s));
    expect(decided.caseNumber).toMatch(/^LX-/);
    // 打印文书 counts what the print handler recorded: a preview is not a print.
    await ok(host.dispatch('notice.render', { caseId: decided.caseId, kind: 'acceptance', layout: 'A4' }));
    await print(host, decided.caseId, 'acceptance');
    const done = await ok<FinishOutput>(
      host.dispatch('practice.finish', { attemptId: view.attemptId, caseId: decided.caseId, flaggedInvalidId: false }),
    );
    expect(done.elapsedSeconds).toBe(200);
    expect(done.result.score).toBe(100);
    expect(done.result.passed).toBe(true);
    expect(done.result.points.every((p) => p.feedback === null)).toBe(true);
    expect(done.explanation).toContain('极速办');
    // A finished attempt is closed; its case cannot count twice.
    expect((await fails(host.dispatch('practice.finish', { attemptId: view.attemptId, caseId: null, flaggedInvalidId: false }))).code).toBe('conflict');
    host.close();
  });

  it('names a deliberate mistake, and a retry is a new attempt: both are kept', async () => {
    const { host, clock } = await enterPractice();
    const s = scenario('lx-12');
    const first = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-12' }));
    const card = first.cards.find((c) => c.cardText === '居民身份证')!;
    expect(card.cardText).not.toContain('过期'); // the defect shows only on inspection
    expect((await ok<{ text: string }>(host.dispatch('practice.inspect', { attemptId: first.attemptId, cardId: card.cardId }))).text).toContain('已过期');

    // Mistake: the expired ID is taken as verified and the case accepted.
    clock.advance(100_000);
    const wrong = await ok<{ caseId: string }>(decide(host, s, { decision: 'accept', marks: { 'resident-id': { mark: 'verified' } } }));
    await print(host, wrong.caseId, 'acceptance');
    const bad = await ok<FinishOutput>(host.dispatch('practice.finish', { attemptId: first.attemptId, caseId: wrong.caseId, flaggedInvalidId: false }));
    const feedback = bad.result.points.map((p) => p.feedback).filter(Boolean);
    expect(feedback).toContain('决定错误：应为一次性告知，实际为受理');
    expect(feedback).toContain('错误接收了不符合法定形式的材料：申请人居民身份证（已过期）');
    expect(bad.result.passed).toBe(false);

    // Retry, done right this time.
    const second = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-12' }));
    expect(second.attemptId).not.toBe(first.attemptId);
    clock.advance(120_000);
    const right = await ok<{ caseId: string }>(decide(host, s));
    await print(host, right.caseId, NOTICE_FOR_DECISION.notifyMissing);
    const good = await ok<FinishOutput>(
      host.dispatch('practice.finish', { attemptId: second.attemptId, caseId: right.caseId, flaggedInvalidId: false }),
    );
    expect(good.result.score).toBe(100);

    const attempts = host.practice()!.db.prepare('SELECT scenario_id AS s, score, inspected FROM practice_attempts ORDER BY started_at, id').all();
    expect(attempts).toEqual([
      { s: 'lx-12', score: bad.result.score, inspected: JSON.stringify([card.cardId]) },
      { s: 'lx-12', score: 100, inspected: '[]' },
    ]);

    await signIn(host, '9001');
    const { rows } = await ok<{ rows: { scenarioId: string; attempts: number; bestScore: number; latestScore: number; trainee: { staffNo: string } }[] }>(
      host.dispatch('practice.results', {}),
    );
    expect(rows).toEqual([expect.objectContaining({ scenarioId: 'builtin/lx-12', attempts: 2, bestScore: 100, latestScore: 100, trainee: { staffNo: '1001', name: '张敏' } })]);
    const { csv } = await ok<{ csv: string }>(host.dispatch('practice.resultsCsv', {}));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('张敏,1001,身份证过期了还来开纳税记录,2,100,100,通过');
    host.close();
  });

  it('an invalid ID number: the intake refuses it, the ID card shows the right one, the trainee flags it', async () => {
    const { host, clock } = await enterPractice();
    const s = scenario('lx-13');
    const view = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-13' }));
    expect(view.persona.idNumber).toBe(s.persona.idNumber); // as the applicant wrote it
    const refused = await fails(decide(host, s));
    expect(JSON.stringify(refused)).toContain('校验位错误');

    const idCard = await ok<{ text: string }>(host.dispatch('practice.inspect', { attemptId: view.attemptId, cardId: 'id-applicant' }));
    const onCard = /公民身份号码：(\S+)/.exec(idCard.text)![1];
    expect(onCard).not.toBe(s.persona.idNumber);
    expect(onCard.slice(0, 17)).toBe(s.persona.idNumber.slice(0, 17));

    clock.advance(300_000);
    const decided = await ok<{ caseId: string }>(decide(host, s, { idNumber: onCard }));
    await print(host, decided.caseId, 'missingMaterials');
    const flagged = await ok<FinishOutput>(
      host.dispatch('practice.finish', { attemptId: view.attemptId, caseId: decided.caseId, flaggedInvalidId: true }),
    );
    expect(flagged.result.score).toBe(100);

    // Not flagging it costs the identity point and says why.
    const again = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-13' }));
    const decided2 = await ok<{ caseId: string }>(decide(host, s, { idNumber: onCard }));
    await print(host, decided2.caseId, 'missingMaterials');
    const missed = await ok<FinishOutput>(
      host.dispatch('practice.finish', { attemptId: again.attemptId, caseId: decided2.caseId, flaggedInvalidId: false }),
    );
    expect(missed.result.points.find((p) => p.key === 'identity')!.feedback).toBe('未发现身份证号校验位错误');
    host.close();
  });

  it('打印文书 scores only a notice the print handler produced: neither a preview nor a claim of the renderer counts', async () => {
    const { host, clock } = await enterPractice();
    const s = scenario('lx-01');
    const view = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-01' }));
    clock.advance(60_000);
    const decided = await ok<{ caseId: string }>(decide(host, s));
    await ok(host.dispatch('notice.render', { caseId: decided.caseId, kind: 'acceptance', layout: 'A4' }));
    // The renderer can no longer claim a print.
    expect((await fails(host.dispatch('practice.finish', { attemptId: view.attemptId, caseId: decided.caseId, flaggedInvalidId: false, noticeKind: 'acceptance' }))).code).toBe('invalid_input');
    const done = await ok<FinishOutput>(host.dispatch('practice.finish', { attemptId: view.attemptId, caseId: decided.caseId, flaggedInvalidId: false }));
    expect(done.result.points.find((p) => p.key === 'notice')!.feedback).toBe('未打印文书：应打印受理通知书');
    expect(done.result.score).toBeLessThan(100);
    host.close();
  });

  it('stopping without a case scores the decision as not made', async () => {
    const { host } = await enterPractice();
    const view = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-01' }));
    const done = await ok<FinishOutput>(host.dispatch('practice.finish', { attemptId: view.attemptId, caseId: null, flaggedInvalidId: false }));
    expect(done.result.points[0].feedback).toBe('未作出决定：应为受理');
    host.close();
  });
});

describe('practice mode: the trainer', () => {
  it('imports a pack only when it is whole and only as a trainer; sessions and export', async () => {
    const { host } = await enterPractice();
    const pack = { ...builtinPack, id: 'class-a', title: '一班练习', scenarios: builtinPack.scenarios.slice(0, 3) };

    // The trainee at the window cannot manage packs, sessions or results.
    for (const [channel, input] of [
      ['practice.importPack', { json: JSON.stringify(pack) }],
      ['practice.exportPack', { packId: 'builtin' }],
      ['practice.results', {}],
      ['practice.createSession', { title: '一班', packId: 'builtin', scenarioIds: ['lx-01'] }],
    ] as const) {
      expect((await fails(host.dispatch(channel, input))).code).toBe('forbidden');
    }

    await signIn(host, '9001');
    const before = await ok<{ packs: unknown[]; scenarios: unknown[] }>(host.dispatch('practice.scenarios', {}));
    expect(before.packs).toEqual([{ id: 'builtin', title: '一窗受理练习（内置）', version: 1, builtin: true, scenarioCount: 26 }]);

    const broken = structuredClone(pack);
    broken.scenarios[0].itemCode = '99999999999999999999';
    broken.scenarios[1].expected = { ...broken.scenarios[1].expected, decision: 'redirect' };
    const err = await fails(host.dispatch('practice.importPack', { json: JSON.stringify(broken) }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('未导入');
    expect(err.details).toEqual(
      expect.arrayContaining([
        { path: '场景 lx-01 · 事项编码', message: expect.stringContaining('99999999999999999999') },
        expect.objectContaining({ path: '场景 lx-02 · 预期结果.决定' }),
      ]),
    );
    expect((await fails(host.dispatch('practice.importPack', { json: '{"schemaVersion":1,' }))).details![0].path).toBe('场景包 · (文件)');
    expect((await fails(host.dispatch('practice.importPack', { json: JSON.stringify({ ...pack, id: 'builtin' }) }))).code).toBe('invalid_input');
    expect(await ok(host.dispatch('practice.scenarios', {}))).toEqual(before);

    expect(await ok(host.dispatch('practice.importPack', { json: JSON.stringify(pack) }))).toEqual({
      packId: 'class-a',
      title: '一班练习',
      version: 1,
      scenarioCount: 3,
      replaced: false,
    });
    const after = await ok<{ scenarios: { packId: string; id: string; personaSummary: string }[] }>(host.dispatch('practice.scenarios', {}));
    expect(after.scenarios.filter((x) => x.packId === 'class-a').map((x) => x.id)).toEqual(['lx-01', 'lx-02', 'lx-03']);
    expect(after.scenarios[0].personaSummary).toContain('李明轩');
    const exported = await ok<{ json: string }>(host.dispatch('practice.exportPack', { packId: 'class-a' }));
    expect(JSON.parse(exported.json).scenarios).toHaveLength(3);
    expect((await ok<{ replaced: boolean }>(host.dispatch('practice.importPack', { json: exported.json }))).replaced).toBe(true);

    // Class sessions: ordered scenario ids of one pack, checked against it.
    const bad = await fails(host.dispatch('practice.createSession', { title: '一班', packId: 'class-a', scenarioIds: ['lx-01', 'lx-09'] }));
    expect(bad.message).toContain('场景包中没有场景 lx-09');
    const session = await ok<SessionView>(host.dispatch('practice.createSession', { title: '一班 第一课', packId: 'class-a', scenarioIds: ['lx-03', 'lx-01'] }));
    expect(session).toMatchObject({ scenarioIds: ['lx-03', 'lx-01'], trainer: { staffNo: '9001', name: '王老师' } });
    expect((await ok<{ sessions: SessionView[] }>(host.dispatch('practice.sessions', {}))).sessions).toEqual([session]);
    expect(await ok(host.dispatch('practice.results', { sessionId: session.id }))).toEqual({ rows: [] });
    await ok(host.dispatch('practice.deleteSession', { id: session.id }));
    expect((await ok<{ sessions: SessionView[] }>(host.dispatch('practice.sessions', {}))).sessions).toEqual([]);
    host.close();
  });
});

describe('practice mode: the wall', () => {
  it('the real workstation refuses practice channels, and a practice session leaves the real tables unchanged', async () => {
    const { host, clock } = setup();
    await signIn(host, '1001');
    const err = await fails(host.dispatch('practice.scenarios', {}));
    expect(err).toMatchObject({ code: 'precondition_failed', message: expect.stringContaining('练习模式') });
    expect((await fails(host.dispatch('practice.start', { scenarioId: 'lx-01' }))).code).toBe('precondition_failed');
    expect((await fails(host.dispatch('practice.importPack', { json: JSON.stringify(builtinPack) }))).code).toBe('precondition_failed');
    // A trainer manages packs outside practice (from the practice file, see practice-editor.test.ts) but runs nothing.
    await signIn(host, '9001');
    expect((await fails(host.dispatch('practice.start', { scenarioId: 'lx-01' }))).code).toBe('precondition_failed');

    await signIn(host, '1001');
    const before = dump(host.real.db, [...CASE_TABLES, ...PRACTICE_TABLES, 'settings']);
    await ok(host.dispatch('practice.enter', { staffNo: '9001', password: '12345678' }));
    const s = scenario('lx-01');
    const view = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-01' }));
    clock.advance(60_000);
    const decided = await ok<{ caseId: string }>(decide(host, s));
    await print(host, decided.caseId, 'acceptance');
    await ok(host.dispatch('practice.finish', { attemptId: view.attemptId, caseId: decided.caseId, flaggedInvalidId: false }));
    await ok(host.dispatch('practice.leave', { staffNo: '1001', password: '12345678' }));

    expect(dump(host.real.db, [...CASE_TABLES, ...PRACTICE_TABLES, 'settings'])).toBe(before);
    expect((await fails(host.dispatch('practice.results', {}))).code).toBe('precondition_failed');
    host.close();
  });
});
