// Practice mode on the real workstation screens, in headless Chromium against the real host:
// a trainer enters practice and imports a pack (a broken one first: located errors, nothing
// changes), builds a class session; a trainee runs one scenario right (full score, with the
// invalid ID caught and the notice printed with its 练习 · 无效 watermark) and one with a
// deliberate mistake that the feedback names, and retries, signs out mid-attempt and finds
// it again on signing in; the trainer reads the results, exports the CSV and prints;
// leaving practice leaves the real case tables empty.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinPack } from '../../shared/practice/builtinPack';
import { Scenario } from '../../shared/practice/scenario';
import { modelAttempt } from '../../shared/practice/scoring';
import { NOTICE_FOR_DECISION } from '../../shared/practice/expected';
import { deskCards } from '../../shared/practice/desk';
import type { Marks, Mark } from '../../shared/domain/checklist';
import { signIn, startHarness, type Harness } from './harness';
import { answer, closeNotice, confirmDecision, demoItem, fillPerson, markMaterials, openDecision, openItem, printNotice, waitForNotice } from './flows';

const BANNER = '练习模式 · 所有办件均为练习，不具效力';
const scenario = (id: string) => Scenario.parse(builtinPack.scenarios.find((s) => s.id === id));
const PACK = { ...builtinPack, id: 'class-a', title: '一班练习', scenarios: builtinPack.scenarios.filter((s) => ['lx-01', 'lx-12', 'lx-13'].includes(s.id)) };

/** The model answer's marks in the shape flows.markMaterials takes. */
const marksOf = (marks: Marks): Record<string, { mark: Mark; note?: string }> =>
  Object.fromEntries(Object.entries(marks).map(([id, m]) => [id, { mark: m.mark, note: m.note }]));

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^退\s?出$/ }).click();
  await page.getByTestId('signin-submit').waitFor();
}

async function practiceAuth(page: Page, staffNo: string, password: string): Promise<void> {
  await page.getByTestId('practice-auth-staffno').fill(staffNo);
  await page.getByTestId('practice-auth-password').fill(password);
  await page.getByTestId('practice-auth-submit').click();
}

/** Picks an option of an antd Select by its visible text. */
async function pick(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function startScenario(page: Page, id: string): Promise<string> {
  await page.getByTestId(`start-class-a-${id}`).click();
  const desk = page.getByTestId('practice-desk');
  await desk.waitFor();
  await expect.poll(() => page.getByTestId('practice-scenario-title').textContent()).toBe(scenario(id).title);
  return (await desk.getAttribute('data-attempt-id'))!;
}

describe('practice mode in the browser', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await signIn(h.page, '1001');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('entering needs a trainer or the clerk; the banner then shows on every screen', async () => {
    const { page } = h;
    expect(await page.getByTestId('practice-banner').count()).toBe(0);
    await page.getByTestId('practice-switch').click();
    // The 工号 field has the keyboard as the dialog opens.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('practice-auth-staffno');
    await practiceAuth(page, '9001', 'wrong-password');
    expect(await page.getByTestId('practice-auth-error').textContent()).toContain('工号或密码错误');
    await practiceAuth(page, '1002', '12345678');
    await expect.poll(() => page.getByTestId('practice-auth-error').textContent()).toContain('须由培训师');
    await practiceAuth(page, '9001', '12345678');
    await page.getByTestId('practice-banner').waitFor();
    expect(await page.getByTestId('practice-banner').textContent()).toContain(BANNER);
    // The trainee stays signed in, now at the practice window with the scenario list beside the intake.
    expect(await page.getByTestId('header-clerk').textContent()).toContain('张敏');
    await page.getByTestId('start-builtin-lx-01').waitFor();
    expect(await page.getByTestId('practice-switch').textContent()).toBe('退出练习');
    await h.shot('practice-banner');

    // Sign-in inside practice keeps the band.
    await signOut(page);
    expect(await page.getByTestId('practice-banner').textContent()).toContain(BANNER);
  });

  test('the trainer imports a pack (errors located, nothing imported), exports it and builds a class session', async () => {
    const { page } = h;
    await signIn(page, '9001');
    await page.getByTestId('practice-manage').click();
    await page.getByTestId('pack-admin').waitFor();

    const broken = structuredClone(PACK);
    broken.scenarios[0].itemCode = '99999999999999999999';
    await page.getByTestId('pack-file').setInputFiles({ name: 'class-a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const errors = page.getByTestId('pack-import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('未导入');
    expect(await errors.textContent()).toContain('场景 lx-01 · 事项编码');
    expect(await page.getByTestId('pack-export-class-a').count()).toBe(0);

    await page.getByTestId('pack-file').setInputFiles({ name: 'class-a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(PACK)) });
    await page.getByTestId('pack-import-ok').waitFor();
    expect(await page.getByTestId('pack-import-ok').textContent()).toContain('已导入场景包「一班练习」第 1 版，共 3 个场景');
    expect(await page.getByTestId('pack-import-errors').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pack-export-class-a').click()]);
    expect(download.suggestedFilename()).toBe('练习场景包-class-a.json');
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { scenarios: { id: string }[] };
    expect(exported.scenarios.map((s) => s.id)).toEqual(['lx-01', 'lx-12', 'lx-13']);

    // A class session: 13 first, then 12 (the order picked).
    await page.getByRole('tab', { name: '课程' }).click();
    await page.getByTestId('session-title').fill('一班 第一课');
    await pick(page, '场景包', '一班练习');
    await pick(page, '场景', 'lx-13');
    await pick(page, '场景', 'lx-12');
    await page.keyboard.press('Escape');
    expect((await page.getByTestId('session-order').textContent())!.replace(/[↑↓]/g, '')).toBe(`1. ${scenario('lx-13').title}2. ${scenario('lx-12').title}`);
    await page.getByTestId('session-create').click();
    await page.locator('.ant-table-row').filter({ hasText: '一班 第一课' }).waitFor();
    await page.locator('.ant-drawer-close').click();
    await signOut(page);
  });

  test('a trainee runs the class in order: the invalid ID caught and full marks, with the watermarked notice printed', async () => {
    const { page } = h;
    await signIn(page, '1001');
    await pick(page, '课程', '一班 第一课');
    const list = page.getByTestId('practice-scenarios');
    await expect.poll(() => list.locator('.practice-scenario strong').allTextContents()).toEqual([scenario('lx-13').title, scenario('lx-12').title]);

    const s = scenario('lx-13');
    const item = demoItem(s.itemCode);
    const model = modelAttempt(s, item);
    await startScenario(page, 'lx-13');
    expect(await page.getByTestId('practice-request').textContent()).toBe(s.request);
    expect(await page.getByTestId('practice-persona').textContent()).toContain(s.persona.idNumber);
    // The defect shows only on inspection.
    const form = page.getByTestId('desk-card-m1');
    expect(await form.textContent()).not.toContain('校验位');
    await form.click();
    expect(await page.getByTestId('desk-card-detail-m1').textContent()).toContain('校验位错误');

    // The ordinary intake screens; the applicant's replies appear beside the item's 情形.
    await openItem(page, item);
    await expect.poll(() => page.getByTestId('practice-replies').textContent()).toContain(s.replies.group);
    await answer(page, item, model.answers);
    await markMaterials(page, item, model.answers, marksOf(model.marks));
    // The number as the applicant states it fails its check; the ID card shows the right one.
    await fillPerson(page, 'applicant', { name: s.persona.name, idNumber: s.persona.idNumber, phone: s.persona.phone });
    await page.getByTestId('applicant-phone').focus();
    expect(await page.getByTestId('applicant-id-error').textContent()).toContain('校验');
    await page.getByTestId('desk-card-id-applicant').press('Enter');
    const onCard = /公民身份号码：(\S+)/.exec((await page.getByTestId('desk-card-detail-id-applicant').textContent())!)![1];
    expect(onCard).not.toBe(s.persona.idNumber);
    await page.getByTestId('applicant-id').fill(onCard);
    await page.getByTestId('practice-flag-invalid').click();
    await h.shot('practice-desk');

    await openDecision(page, 'notifyMissing');
    const number = await confirmDecision(page);
    expect(number).toMatch(/^LX-/);
    await waitForNotice(page, 'missingMaterials');
    await h.shot('practice-notice');
    const { text } = await printNotice(page);
    expect(text).toContain('练习·无效');
    expect(text).toContain(number);
    await closeNotice(page);
    expect(await page.getByTestId('practice-decided').textContent()).toContain(number);

    await page.getByTestId('practice-finish').click();
    const score = page.getByTestId('practice-score');
    await score.waitFor();
    expect(await score.getAttribute('data-score')).toBe('100');
    expect(await page.getByTestId('practice-points').locator('.practice-point-feedback').count()).toBe(0);
    await h.shot('practice-score');
  });

  test('a deliberate mistake is named in the feedback; 重做 starts a new attempt', async () => {
    const { page } = h;
    await page.getByRole('button', { name: '返回场景列表' }).click();
    const s = scenario('lx-12');
    const item = demoItem(s.itemCode);
    const model = modelAttempt(s, item);
    const first = await startScenario(page, 'lx-12');
    // Mistake: the expired ID card is taken as verified and the case accepted.
    await openItem(page, item);
    await answer(page, item, model.answers);
    await markMaterials(page, item, model.answers);
    await fillPerson(page, 'applicant', { name: s.persona.name, idNumber: s.persona.idNumber, phone: s.persona.phone });
    await openDecision(page, 'accept');
    await confirmDecision(page);
    await closeNotice(page);
    await page.getByTestId('practice-finish').click();
    const score = page.getByTestId('practice-score');
    await score.waitFor();
    expect(Number(await score.getAttribute('data-score'))).toBeLessThan(100);
    const feedback = await page.getByTestId('practice-points').textContent();
    expect(feedback).toContain('决定错误：应为一次性告知，实际为受理');
    expect(feedback).toContain('错误接收了不符合法定形式的材料：申请人居民身份证（已过期）');
    expect(await score.textContent()).toContain('未通过');

    await page.getByTestId('practice-retry').click();
    await expect.poll(() => page.getByTestId('practice-desk').getAttribute('data-attempt-id')).not.toBe(first);
    expect(await page.getByTestId('practice-scenario-title').textContent()).toBe(s.title);
    // The intake starts afresh for the new attempt.
    expect(await page.getByTestId('intake').count()).toBe(0);
  });

  test('an unfinished attempt survives signing out and in: scenario, time, inspected card and decided case come back; a scored one does not', async () => {
    const { page } = h;
    const s = scenario('lx-12');
    const item = demoItem(s.itemCode);
    const model = modelAttempt(s, item);
    // The retry of the previous test is open at the desk.
    const attemptId = await page.getByTestId('practice-desk').getAttribute('data-attempt-id');
    const idCard = deskCards(s).find((c) => c.cardText === '居民身份证')!.cardId;
    await page.getByTestId(`desk-card-${idCard}`).click();
    await expect.poll(() => page.getByTestId(`desk-card-detail-${idCard}`).textContent()).toContain('已过期');
    await openItem(page, item);
    await answer(page, item, model.answers);
    await markMaterials(page, item, model.answers, marksOf(model.marks));
    await fillPerson(page, 'applicant', { name: s.persona.name, idNumber: s.persona.idNumber, phone: s.persona.phone });
    await openDecision(page, model.decision!);
    const number = await confirmDecision(page);
    // Printed before leaving: the print handler's record counts, whatever the screen forgets.
    await waitForNotice(page, NOTICE_FOR_DECISION[model.decision!]);
    await printNotice(page);
    await closeNotice(page);
    expect(await page.getByTestId('practice-decided').textContent()).toContain(number);

    // The trainee leaves the window before 完成 and comes back three minutes later.
    await signOut(page);
    h.advanceClock(3 * 60_000);
    await signIn(page, '1001');
    const desk = page.getByTestId('practice-desk');
    await desk.waitFor();
    expect(await desk.getAttribute('data-attempt-id')).toBe(attemptId);
    expect(await page.getByTestId('practice-resumed').textContent()).toContain('已恢复未完成的练习');
    expect(await page.getByTestId('practice-scenario-title').textContent()).toBe(s.title);
    expect(await page.getByTestId('practice-request').textContent()).toBe(s.request);
    expect(await page.getByTestId(`desk-card-detail-${idCard}`).textContent()).toContain('已过期');
    expect(await page.getByTestId('practice-decided').textContent()).toContain(number);
    // The timer runs on from the attempt's start (workstation clock), not from zero.
    const minutes = Number(/^(\d+) 分/.exec((await page.getByTestId('practice-time').textContent())!)?.[1] ?? 0);
    expect(minutes).toBeGreaterThanOrEqual(3);
    await h.shot('practice-resume');

    // 完成 scores the resumed attempt with the case decided before signing out.
    await page.getByTestId('practice-finish').click();
    const score = page.getByTestId('practice-score');
    await score.waitFor();
    expect(await page.getByTestId('practice-points').textContent()).not.toContain('未作出决定');
    expect(await page.getByTestId('practice-points').textContent()).not.toContain('未打印文书');
    // Scored: the next sign-in shows the scenario list, not the desk.
    await signOut(page);
    await signIn(page, '1001');
    await page.getByTestId('practice-scenarios').waitFor();
    expect(await page.getByTestId('practice-desk').count()).toBe(0);
    expect(await page.getByTestId('practice-resumed').count()).toBe(0);
  });

  test('the trainer reads results by trainee and scenario, exports CSV, prints; leaving practice leaves the real books untouched', async () => {
    const { page } = h;
    await signOut(page);
    await signIn(page, '9001');
    await page.getByTestId('practice-manage').click();
    await page.getByRole('tab', { name: '成绩' }).click();
    const table = page.getByTestId('results-table');
    await table.locator('.ant-table-row').nth(1).waitFor();
    const rows = await table.locator('.ant-table-row').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes(scenario('lx-13').title))).toContain('张敏（1001）');
    expect(rows.find((r) => r.includes(scenario('lx-12').title))).toContain('决定');
    await h.shot('practice-results');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^练习成绩-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(`张敏,1001,${scenario('lx-13').title},1,100,100,通过`);

    // 打印 prints the results sheet alone.
    await page.evaluate(() => {
      const w = window as unknown as { printedSheet: string | null };
      w.printedSheet = null;
      window.print = () => {
        w.printedSheet = document.body.classList.contains('practice-printing') ? document.querySelector('.practice-print-sheet')!.textContent : null;
      };
    });
    await page.getByTestId('results-print').click();
    const printed = await page.evaluate(() => (window as unknown as { printedSheet: string | null }).printedSheet);
    expect(printed).toContain('练习成绩');
    expect(printed).toContain(scenario('lx-12').title);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.body.classList.add('practice-printing'));
    expect(await page.getByTestId('results-print-sheet').isVisible()).toBe(true);
    expect(await page.getByTestId('results-table').isVisible()).toBe(false);
    await page.evaluate(() => document.body.classList.remove('practice-printing'));
    await page.emulateMedia({ media: 'screen' });
    await page.locator('.ant-drawer-close').click();

    // Leaving: verified like entering; the clerk signed in before practice is back at the real window.
    await page.getByTestId('practice-switch').click();
    await practiceAuth(page, '9001', '12345678');
    await page.getByTestId('practice-banner').waitFor({ state: 'detached' });
    expect(await page.getByTestId('header-clerk').textContent()).toContain('张敏');
    expect(await page.getByTestId('practice-side').count()).toBe(0);
    for (const t of ['cases', 'case_events', 'outbox']) expect(h.ws.db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    expect(h.errors).toEqual([]);
  });
});
