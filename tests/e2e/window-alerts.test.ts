// What the clerk must know, where they look (issue 12 §3), in headless Chromium against the
// real handlers, a real SQLite file and a real central server (PGlite) behind the fault proxy:
// - the link hangs (the server accepts the connection and never answers): the header reads
//   离线（服务器无响应） with the time of the next try, never 正在同步 for long, and goes back to
//   已同步 on its own when the server answers again; the case saved meanwhile arrives once;
// - 超时预警: a 立等可取 case near and past its tier shows on the 今日办件 tab, on the intake
//   screen and in 今日办件, with a 容缺 supplement falling due;
// - 查找办件 by name, ID number and credit code finds cases of earlier days;
// - 本级不办理: 居民身份证换领、补领 at the city centre is guided (引导) to the district centres,
//   the slip lists them and what to bring, without 查询办理进度.
// Requires `npm run build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../server/index';
import { demoEnrolCode, seedDemo } from '../../server/demo';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { applicableMaterials } from '../../shared/engine/checklist';
import { addWorkingDays } from '../../shared/calendar/workdays';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { chinaDay } from '../../shared/time';
import { idCardCheckChar } from '../../shared/validate/idcard';
import { syncOf } from '../../electron/services/handlers/sync';
import { startFaultProxy, type FaultProxy } from '../helpers/faultProxy';
import { nextApplicant, signIn, startHarness, type Harness } from './harness';
import { closeNotice, confirmDecision, demoItem, fillPerson, openDecision, openItem, openSyncDetails, poll, printNotice, settled, waitForNotice, answer } from './flows';
import { demoCatalogue } from '../../shared/demo/catalogue';

const DEVICE = { officeCode: '210100', windowCode: '01' };
const MIN = 60_000;
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
const WANG = { kind: 'person' as const, name: '王建国', idNumber: withCheck('21010219750312201'), phone: '13812340011' };
const SUN = { kind: 'person' as const, name: '孙丽', idNumber: withCheck('21010319880605402'), phone: '13812340012' };
const SHOP = { kind: 'organisation' as const, name: '沈阳市老街坊便利店有限公司', creditCode: '91350100M000100Y43', legalRepresentative: '钱多', phone: '13900139001' };

describe('what the clerk must know: hung link, 超时, 查找办件', () => {
  let h: Harness;
  let server: RunningServer;
  let proxy: FaultProxy;
  let dataDir: string;
  const message = () => h.page.getByTestId('sync-message').textContent();

  const decide = async (input: Record<string, unknown>): Promise<{ caseId: string; caseNumber: string }> => {
    const r = await h.host.dispatch('case.decide', { agent: null, startedAt: h.ws.now().toISOString(), ...input });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { caseId: string; caseNumber: string };
  };
  const immediate = (applicant: typeof WANG) =>
    decide({
      itemCode: DEMO_ITEMS.immediate30, answers: { applicant: 'self', household: 'local', frequent: 'no' },
      marks: { application: { mark: 'verified' }, 'resident-id': { mark: 'eCert' } }, applicant, decision: 'accept',
    });
  const deferredFood = () => {
    const item = demoItem(DEMO_ITEMS.deferrable);
    const answers = { action: 'new', applicant: 'self', vending: 'no' };
    const marks = Object.fromEntries(applicableMaterials(item, answers).map((m) => [m.id, { mark: m.necessity === '可容缺' ? 'deferred' : 'verified' }]));
    const deadline = addWorkingDays(chinaDay(h.ws.now()), 2, BUILTIN_CALENDAR);
    return decide({ itemCode: item.code, answers, marks, applicant: SHOP, decision: 'acceptWithDeferral', deferral: { commitment: '两个工作日内补交规章制度', supplementDeadline: deadline } });
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-hung-'));
    server = await startServer({ db: { dataDir }, port: 0, rateLimit: false });
    await seedDemo(server.db, DEVICE);
    proxy = await startFaultProxy(server.url, { seed: 7, faultRate: 0 });
    // The loop's own retry schedule (1 s base, 10 s cap): the point is what the clerk sees with it.
    h = await startHarness({ sync: { intervalMs: 1_000 } });
    await syncOf(h.ws)!.client.enrol(proxy.url, await demoEnrolCode(server.db, DEVICE));
    await syncOf(h.ws)!.syncNow();
    await signIn(h.page, '1001');
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a hung server reads 离线（服务器无响应） with the next try; the window notices it answering again', async () => {
    const { page } = h;
    await poll(message).toBe('已同步');
    proxy.hung = true;
    const { caseId } = await immediate(SUN);
    syncOf(h.ws)!.nudge();
    // One request timeout later (15 s): offline, with why and when the next try is.
    await expect.poll(message, { timeout: 60_000, interval: 100 }).toMatch(/^离线（服务器无响应），\d\d:\d\d:\d\d 再试：1 件办件待上传$/);
    expect(await page.getByTestId('sync-status').getAttribute('data-state')).toBe('offline');
    await openSyncDetails(page);
    expect(await page.getByTestId('sync-error').textContent()).toContain('超时');
    expect(await page.getByTestId('sync-next-retry').textContent()).toMatch(/^\d\d:\d\d:\d\d$|^正在重试…$/);
    await h.shot('sync-hung-link');
    await page.keyboard.press('Escape');
    await page.getByTestId('sync-details').waitFor({ state: 'hidden' });
    // While it stays hung the retries are small probes; the line never says 正在同步.
    const states = new Set<string>();
    const before = proxy.hungRequests.length;
    await expect
      .poll(async () => {
        states.add((await page.getByTestId('sync-status').getAttribute('data-state')) ?? '');
        return proxy.hungRequests.length;
      }, { timeout: 60_000, interval: 100 })
      .toBeGreaterThanOrEqual(before + 1);
    expect([...states]).toEqual(['offline']);
    expect(proxy.hungRequests.slice(1).every((r) => r === 'GET /sync/v1/device')).toBe(true);

    proxy.hung = false;
    await expect.poll(message, { timeout: 60_000, interval: 100 }).toBe('已同步');
    const { rows } = await server.db.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE id = $1', [caseId]);
    expect(Number(rows[0].n)).toBe(1);
    // From here the clock is moved forward: the server would rightly refuse events from the future.
    await syncOf(h.ws)!.stop();
  });

  test('超时预警: a 立等可取 case near and past its tier on the tab, the intake screen and 今日办件; a 容缺 supplement due', async () => {
    const { page } = h;
    const wang = await immediate(WANG);
    await deferredFood();
    h.advanceClock(22 * MIN); // 8 minutes left of 极速办; 孙丽's case (from the test before) too
    await nextApplicant(page); // the intake screen asks again when a new applicant starts
    const badge = page.getByTestId('queue-deadlines');
    await poll(() => badge.textContent()).toBe('2');
    const banner = page.getByTestId('deadline-banner');
    await poll(() => banner.textContent()).toContain('本窗口 2 件即将超时，1 件容缺补正即将到期');
    expect(await banner.textContent()).toContain('王建国');
    await h.shot('intake-deadline-banner');

    h.advanceClock(10 * MIN); // both past their 30 minutes
    await page.keyboard.press('F3');
    await page.getByTestId('queue').waitFor();
    await poll(() => page.getByTestId('queue-overdue').textContent()).toBe('，本窗口 2 件已超时');
    const rows = page.getByTestId('deadline-row');
    await poll(() => rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-band')).toBe('overdue');
    expect(await page.getByTestId('deadline-panel').textContent()).toMatch(/超时 \d+ 分钟/);
    expect(await page.getByTestId('supplement-due-row').textContent()).toContain(SHOP.name);
    expect(await page.locator(`tr[data-case-number="${wang.caseNumber}"]`).getByTestId('queue-deadline').textContent()).toBe('已超时');
    await settled(page);
    await h.shot('queue-deadlines');
    // 办结 ends the warning for that case.
    const done = await h.host.dispatch('case.complete', { caseId: wang.caseId });
    expect(done.ok).toBe(true);
    await page.keyboard.press('F2');
    await page.keyboard.press('F3');
    await poll(() => page.getByTestId('queue-overdue').textContent()).toBe('，本窗口 1 件已超时');
  });

  test('查找办件 finds cases of earlier days by name, ID number and credit code', async () => {
    const { page } = h;
    h.advanceClock(3 * 24 * 60 * MIN);
    await page.keyboard.press('F2');
    await page.keyboard.press('F3');
    const lookup = page.getByTestId('case-lookup').locator('input');
    const find = async (q: string) => {
      await lookup.fill(q);
      await lookup.press('Enter');
      await page.getByTestId('find-head').waitFor();
      await poll(() => page.getByTestId('find-head').textContent()).toContain(`查找「${q}」`);
    };
    await find('王建');
    expect(await page.getByTestId('find-head').textContent()).toContain('（按姓名或名称）：1 件办件，含以往各日');
    expect(await page.locator('tr.queue-row').first().textContent()).toContain('王建国');
    await h.shot('queue-find-by-name');
    await find(WANG.idNumber);
    expect(await page.getByTestId('find-head').textContent()).toContain('（按证件号码）：1 件办件');
    await find(SHOP.creditCode.toLowerCase());
    expect(await page.locator('tr.queue-row').first().textContent()).toContain(SHOP.name);
    await find('张三丰');
    expect(await page.getByTestId('find-head').textContent()).toContain('没有找到办件');
    await page.getByTestId('find-clear').click();
    await page.getByTestId('find-head').waitFor({ state: 'detached' });
    expect(h.errors).toEqual([]);
  });

  test('本级不办理: 身份证补领 at the city centre offers 引导 to the district centres; the slip lists them and what to bring', async () => {
    const { page } = h;
    const item = demoCatalogue.items.find((i) => i.name === '居民身份证换领、补领')!;
    await nextApplicant(page);
    await openItem(page, item);
    await answer(page, item, { action: 'reissue' });
    await poll(() => page.getByTestId('decision-redirect').count()).toBe(1);
    expect(await page.getByTestId('decision-accept').count()).toBe(0);
    expect(await page.getByTestId('decision-redirect').textContent()).toContain('引导至县(区)政务服务中心');
    await fillPerson(page, 'applicant', { name: WANG.name, idNumber: WANG.idNumber, phone: WANG.phone });
    await openDecision(page, 'redirect');
    // The dialog names where the applicant goes, not 分中心.
    expect(await page.locator('.ant-modal-title').filter({ hasText: '引导' }).textContent()).toBe(`引导至县(区)政务服务中心 · ${item.name}`);
    expect(await page.getByTestId('decision-confirm').textContent()).toBe('确认引导至县(区)政务服务中心');
    const card = page.getByTestId('decision-dialog').getByTestId('redirect-card');
    expect(await card.textContent()).toContain('本中心（市级）不办理本事项');
    expect(await card.getByTestId('redirect-places').textContent()).toContain('和平区政务服务中心');
    await h.shot('ui-redirect-level');
    await confirmDecision(page);
    await waitForNotice(page, 'redirect');
    const { text } = await printNotice(page);
    expect(text).toContain('不在本中心办理');
    expect(text).toContain('沈河区政务服务中心');
    expect(text).toContain('请携带以下材料');
    expect(text).not.toContain('查询办理进度');
    await h.shot('ui-notice-redirect-level');
    await closeNotice(page);
    expect(h.errors).toEqual([]);
  });

  test('an applicant without a mainland ID card: the clerk picks 港澳通行证 or 护照 and the number is checked by that rule', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    await nextApplicant(page);
    await openItem(page, item);
    await page.getByTestId('applicant-name').fill('陈大文');
    await page.getByTestId('applicant-id-type').click();
    await page.locator('.ant-select-item-option[title="港澳居民来往内地通行证"]').click();
    const id = page.getByTestId('applicant-id');
    await id.fill('12345678');
    await id.blur();
    await poll(() => page.getByTestId('applicant-id-error').textContent()).toContain('H 或 M 开头加 8 位数字');
    await h.shot('applicant-hk-permit-error');
    await id.fill('ｈ12345678'); // full-width and lower case, as an IME types it
    await id.blur();
    await poll(() => page.getByTestId('applicant-id-error').count()).toBe(0);
    expect(await id.inputValue()).toBe('H12345678');
    await page.getByTestId('applicant-id-type').click();
    await page.locator('.ant-select-item-option[title="外国人永久居留身份证"]').click();
    await id.fill('9118401985031200');
    await id.blur();
    await poll(() => page.getByTestId('applicant-id-error').textContent()).toContain('18 位');
    expect(h.errors).toEqual([]);
  });
});
