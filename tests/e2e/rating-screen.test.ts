// 评价器: the applicant-facing second screen is the same renderer at #rating-screen, a second
// Chromium page on the same preview server (same bridge, same host and sign-in). The clerk
// finishes and delivers a case, asks for the rating on the 评价器; the applicant picks 不满意,
// must choose a reason, submits; the clerk's dialog and the case timeline show the rating.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { demoItem, poll } from './flows';
import { signIn, startHarness, type Harness } from './harness';

const WANG = { kind: 'person' as const, name: '王小明', idNumber: '11010519491231002X', phone: '13800138000' };
/** A typical small applicant-facing display. */
const SCREEN_VIEWPORT = { width: 1280, height: 800 };

describe('评价器 (second screen)', () => {
  let h: Harness;
  let screen: Page;
  const screenErrors: string[] = [];
  const state = () => screen.getByTestId('rating-screen').getAttribute('data-state');
  const decideDirect = async (): Promise<string> => {
    const r = await h.host.dispatch('case.decide', {
      itemCode: DEMO_ITEMS.immediate30,
      answers: { applicant: 'self', household: 'local', frequent: 'no' },
      marks: { application: { mark: 'verified' }, 'resident-id': { mark: 'eCert' } },
      applicant: WANG,
      agent: null,
      decision: 'accept',
      startedAt: new Date().toISOString(),
    });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { caseNumber: string }).caseNumber;
  };
  const openCase = async (caseNumber: string) => {
    // Through the intake view: the queue is loaded afresh when it opens (else every 30 s).
    await h.page.getByTestId('nav-intake').click();
    await h.page.getByTestId('nav-queue').click();
    await h.page.locator(`tr[data-case-number="${caseNumber}"]`).click();
    await poll(() => h.page.getByTestId('case-view-number').textContent()).toBe(caseNumber);
  };

  beforeAll(async () => {
    h = await startHarness();
    // Opened before anyone signs in, as when the window starts in the morning.
    screen = await h.browser.newPage({ viewport: SCREEN_VIEWPORT, locale: 'zh-CN' });
    screen.on('pageerror', (e) => screenErrors.push(e.message));
    screen.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && screenErrors.push(m.text()));
    screen.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && screenErrors.push(`${r.status()} ${r.url()}`));
    await screen.goto(h.server.url + '#rating-screen');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('idle: welcome with the window name; the clerk shows once signed in', async () => {
    const windowName = h.ws.window().name;
    await poll(state).toBe('idle');
    await poll(() => screen.getByTestId('rating-screen-welcome').textContent()).toBe(`欢迎评价 · ${windowName}`);
    await poll(() => screen.getByTestId('rating-screen').textContent()).toContain('本窗口暂无工作人员');
    expect(await screen.title()).toBe('一窗 · 评价器');

    await signIn(h.page, '1001');
    await poll(() => screen.getByTestId('rating-screen').textContent()).toContain('工作人员 张敏　工号 1001　为您服务');
    await h.shot('rating-screen-idle', screen);
  });

  test('办结 → 出件 → 请申请人在评价器上评价 → 不满意 needs a reason → the clerk sees the rating', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    const number = await decideDirect();
    await openCase(number);
    await page.getByTestId('action-complete').click();
    await page.getByTestId('complete-confirm').click();
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已办结');
    await page.getByTestId('action-deliver').click();
    await page.getByTestId('deliver-id').fill(WANG.idNumber);
    await page.getByTestId('deliver-confirm').click();
    await page.getByTestId('deliver-done').waitFor();

    const dialog = page.getByTestId('deliver-dialog');
    await dialog.getByTestId('ask-rating-send').click();
    await dialog.getByTestId('ask-rating-waiting').waitFor();
    expect(await dialog.getByTestId('ask-rating-waiting').textContent()).toContain('等待申请人评价…');

    // The applicant's screen shows the case within a poll.
    await poll(state).toBe('ask');
    expect(await screen.getByTestId('rating-screen-item').textContent()).toBe(item.name);
    expect(await screen.getByTestId('rating-screen-clerk').textContent()).toBe('张敏');
    expect(await screen.getByTestId('rating-screen').textContent()).toContain('工号 1001');
    for (const label of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) {
      expect(await screen.getByRole('radio', { name: label, exact: true }).count()).toBe(1);
    }
    expect(await screen.getByTestId('rs-submit').isDisabled()).toBe(true);

    // 不满意: the reasons appear and the rating cannot be sent without one.
    await screen.getByTestId('rs-level-dissatisfied').click();
    await screen.getByTestId('rs-reasons').waitFor();
    expect(await screen.getByTestId('rs-submit').isDisabled()).toBe(true);
    expect(await screen.getByTestId('rs-submit').textContent()).toBe('请先选择原因');
    // The 差评 list of the national 好差评 practice, coded; the 好评 ones are not offered here.
    const offered = await screen.getByTestId('rs-reasons').getByRole('button').allTextContents();
    expect(offered).toContain('同样内容的证明材料被要求多次提交');
    expect(offered).toContain('多头跑窗口和部门');
    expect(offered).not.toContain('一窗受理一次办结');
    await screen.getByTestId('rs-reason-C03').click();
    await h.shot('rating-screen-ask', screen);
    expect(await screen.getByTestId('rs-submit').isDisabled()).toBe(false);
    await screen.getByTestId('rs-submit').click();
    await screen.getByTestId('rating-screen-thanks').waitFor();
    expect(await screen.getByTestId('rating-screen').textContent()).toContain('您的评价：不满意');
    await h.shot('rating-screen-thanks', screen);

    // The clerk's dialog learns the rating; the case records it, from the 评价器, once.
    await poll(() => dialog.getByTestId('ask-rating-result').textContent()).toBe('申请人已评价：不满意，原因：多头跑窗口和部门（评价器）');
    expect(await dialog.getByTestId('deliver-rate').isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '关 闭', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('case-timeline').textContent()).toContain('好差评：不满意，原因：多头跑窗口和部门（评价器）');
    expect(await page.getByTestId('action-rate').count()).toBe(0);
    expect(await page.getByTestId('ask-rating-send').count()).toBe(0);

    // A few seconds of thanks, then the screen waits for the next applicant.
    await poll(state).toBe('idle');
  });

  test('the clerk cancels: the screen goes back to idle and the case stays unrated', async () => {
    const { page } = h;
    const number = await decideDirect();
    await openCase(number);
    const actions = page.getByTestId('case-actions');
    await actions.getByTestId('ask-rating-send').click();
    await poll(state).toBe('ask');
    await screen.getByTestId('rs-level-verySatisfied').click();
    await actions.getByTestId('ask-rating-cancel').click();
    await actions.getByTestId('ask-rating-send').waitFor();
    await poll(state).toBe('idle');
    expect(await page.getByTestId('action-rate').count()).toBe(1); // the on-screen fallback stays
    expect(await page.getByTestId('case-timeline').textContent()).not.toContain('好差评');
  });

  test('纸质评价: the printed 评价表 lists the coded reasons; the clerk enters the ticks and the form’s date', async () => {
    const { page } = h;
    const number = await decideDirect();
    await openCase(number);
    await page.getByTestId('action-rating-form').click();
    const frame = page.frameLocator('[data-testid="rating-form-frame"]');
    await poll(() => frame.locator('body').textContent()).toContain('政务服务评价表');
    const formText = (await frame.locator('body').textContent())!;
    for (const t of [number, '一窗受理一次办结', '基本满意', '同样内容的证明材料被要求多次提交', '评价人签字']) expect(formText).toContain(t);
    await h.shot('rating-paper-form');
    await page.getByTestId('rating-form-print').click();
    await poll(() => page.getByTestId('rating-form-printed').textContent()).toContain('已生成评价表 PDF 存档');
    await page.getByTestId('rating-form-dialog').getByRole('button', { name: '关 闭', exact: true }).click();

    await page.getByTestId('action-rate-paper').click();
    await page.getByTestId('rating-basicallySatisfied').click();
    // 中评: its own reasons, none required.
    expect(await page.getByTestId('rating-reasons').getAttribute('data-class')).toBe('neutral');
    expect(await page.getByTestId('rating-submit').isDisabled()).toBe(false);
    await page.getByTestId('rating-reason-Z01').click();
    await page.getByTestId('rating-form-number').fill('PJ-0001');
    await page.getByTestId('rating-form-date').fill('2000-01-01');
    await page.getByTestId('rating-submit').click();
    await poll(() => page.getByTestId('rating-error').textContent()).toContain('早于办事日期');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await page.getByTestId('rating-form-date').fill(today);
    await h.shot('rating-paper-entry');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-done').waitFor();
    await page.getByTestId('rating-close').click();
    await poll(() => page.getByTestId('case-timeline').textContent()).toContain(`好差评：基本满意，原因：等候时间较长（纸质评价补录，评价表编号 PJ-0001，评价表日期 ${today}）`);
  });

  test('another clerk asks for the rating of a case 张敏 took: the 评价器 names 张敏', async () => {
    const { page } = h;
    const number = await decideDirect(); // taken by 张敏 (1001)
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-submit').waitFor();
    await signIn(page, '1002'); // 李强 takes over the window
    await poll(() => screen.getByTestId('rating-screen').textContent()).toContain('工作人员 李强　工号 1002　为您服务');
    await openCase(number);
    await page.getByTestId('case-actions').getByTestId('ask-rating-send').click();
    await poll(state).toBe('ask');
    expect(await screen.getByTestId('rating-screen-clerk').textContent()).toBe('张敏');
    expect(await screen.getByTestId('rating-screen').textContent()).toContain('（工号 1001）');
    await page.getByTestId('case-actions').getByTestId('ask-rating-cancel').click();
    await poll(state).toBe('idle');
  });

  test('no errors on either page', () => {
    expect(h.errors).toEqual([]);
    expect(screenErrors).toEqual([]);
  });
});
