// 'practice.current' through the host's dispatch: an unfinished attempt is found again after
// the trainee signs out and in (scenario, time run, cards inspected, the case decided in it),
// only by its own trainee, never once scored, and scored the same way as if never left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, chromiumPdfRenderer } from '../helpers/chromium';
import path from 'node:path';
import { createHost, type Host } from '../../electron/services/host';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { builtinPack } from '../../shared/practice/builtinPack';
import { Scenario } from '../../shared/practice/scenario';
import { modelAttempt } from '../../shared/practice/scoring';
import type { AttemptView, CurrentAttemptOutput, FinishOutput } from '../../shared/practice/api';
import type { Envelope } from '../../shared/errors';
import { tempDbPath, testClock } from '../helpers/workstation';

const scenario = (id: string) => Scenario.parse(builtinPack.scenarios.find((s) => s.id === id));

async function ok<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.details ?? [])}`);
  return r.value as T;
}

const signIn = (host: Host, staffNo: string) => ok(host.dispatch('session.signIn', { staffNo, password: '12345678' }));
const signOut = (host: Host) => ok(host.dispatch('session.signOut', {}));
const current = (host: Host) => ok<CurrentAttemptOutput>(host.dispatch('practice.current', {}));

async function enterPractice() {
  const dbPath = tempDbPath('yc-resume-');
  const clock = testClock();
  const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), now: clock.now, printing: { pdf: chromiumPdfRenderer(browser) } });
  await signIn(host, '1001');
  await ok(host.dispatch('practice.enter', { staffNo: '9001', password: '12345678' }));
  return { host, clock };
}

/** The scenario's case decided as the model answer would. */
function decide(host: Host, s: Scenario) {
  const model = modelAttempt(s, demoCatalogue.items.find((i) => i.code === s.itemCode)!);
  return ok<{ caseId: string; caseNumber: string }>(
    host.dispatch('case.decide', {
      itemCode: s.itemCode,
      answers: model.answers,
      marks: model.marks,
      applicant: { kind: 'person', name: s.persona.name, idNumber: s.persona.idNumber, phone: s.persona.phone },
      agent: null,
      decision: model.decision,
      startedAt: '2026-11-27T01:00:00.000Z',
    }),
  );
}

// Prints are real: the notice's PDF rendered by headless Chromium and archived by the print handler.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('practice.current: resuming an unfinished attempt', () => {
  it('after signing out and in: the same attempt, its time, the cards inspected and the case decided; scored as if never left', async () => {
    const { host, clock } = await enterPractice();
    expect(await current(host)).toEqual({ current: null, unavailable: null });
    const s = scenario('lx-01');
    const view = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-01' }));
    const card = view.cards[0];
    const { text } = await ok<{ text: string }>(host.dispatch('practice.inspect', { attemptId: view.attemptId, cardId: card.cardId }));
    clock.advance(90_000);
    const decided = await decide(host, s);
    // Printed before signing out: the print handler's record outlives the screen that printed it.
    await ok(host.dispatch('notice.print', { caseId: decided.caseId, kind: 'acceptance', layout: null }));

    await signOut(host);
    clock.advance(30_000);
    await signIn(host, '1001');
    const { current: resumed, unavailable } = await current(host);
    expect(unavailable).toBeNull();
    expect(resumed).not.toBeNull();
    expect(resumed!.view).toEqual(view); // the applicant and desk exactly as first shown
    expect(resumed!.elapsedSeconds).toBe(120);
    expect(resumed!.inspected).toEqual([{ cardId: card.cardId, text }]);
    expect(resumed!.decided).toEqual({ caseId: decided.caseId, caseNumber: decided.caseNumber, decision: modelAttempt(s, demoCatalogue.items.find((i) => i.code === s.itemCode)!).decision });

    const done = await ok<FinishOutput>(host.dispatch('practice.finish', { attemptId: view.attemptId, caseId: decided.caseId, flaggedInvalidId: false }));
    expect(done.elapsedSeconds).toBe(120);
    expect(done.result.score).toBe(100);
    // Scored: not resumed again.
    await signOut(host);
    await signIn(host, '1001');
    expect(await current(host)).toEqual({ current: null, unavailable: null });
    host.close();
  });

  it('is the trainee\'s own: another clerk signing in sees none of it; a newer start supersedes an older open attempt', async () => {
    const { host } = await enterPractice();
    const first = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-01' }));
    await signOut(host);
    await signIn(host, '1002');
    expect((await current(host)).current).toBeNull();
    await signIn(host, '1001');
    expect((await current(host)).current?.view.attemptId).toBe(first.attemptId);
    expect((await current(host)).current?.decided).toBeNull(); // nothing decided yet

    const second = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-12' }));
    expect((await current(host)).current?.view).toEqual(second);
    host.close();
  });

  it('a case already counted by an earlier attempt is not offered as this attempt\'s decision', async () => {
    const { host } = await enterPractice();
    const s = scenario('lx-01');
    const first = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-01' }));
    const decided = await decide(host, s);
    await ok(host.dispatch('practice.finish', { attemptId: first.attemptId, caseId: decided.caseId, flaggedInvalidId: false }));
    // Same clock instant: the finished attempt's case was decided "since" the retry started.
    const retry = await ok<AttemptView>(host.dispatch('practice.start', { scenarioId: 'lx-01' }));
    expect((await current(host)).current).toMatchObject({ view: { attemptId: retry.attemptId }, decided: null });
    host.close();
  });

  it('says so when the scenario of the open attempt is no longer usable (pack re-imported without it)', async () => {
    const { host } = await enterPractice();
    const pack = { ...builtinPack, id: 'class-a', title: '一班练习', scenarios: builtinPack.scenarios.filter((s) => ['lx-01', 'lx-12'].includes(s.id)) };
    await signIn(host, '9001');
    await ok(host.dispatch('practice.importPack', { json: JSON.stringify(pack) }));
    await signIn(host, '1001');
    await ok<AttemptView>(host.dispatch('practice.start', { packId: 'class-a', scenarioId: 'lx-01' }));
    await signIn(host, '9001');
    await ok(host.dispatch('practice.importPack', { json: JSON.stringify({ ...pack, version: 2, scenarios: pack.scenarios.filter((s) => s.id !== 'lx-01') }) }));
    await signIn(host, '1001');
    const out = await current(host);
    expect(out.current).toBeNull();
    expect(out.unavailable).toContain(`上次未完成的练习「${scenario('lx-01').title}」的场景已不可用`);
    host.close();
  });

  it('the real workstation refuses it', async () => {
    const dbPath = tempDbPath('yc-resume-');
    const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db') });
    await signIn(host, '1001');
    const r = await host.dispatch('practice.current', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('precondition_failed');
    host.close();
  });
});
