// Offline-first sync as the clerk sees it: a supervisor enrols the window with the central
// server (PGlite in a temp data folder) through the 中心服务器登记 dialog; the server stops;
// two cases are accepted at the window and the header says 离线：2 件办件待上传; the server
// starts again on the same data and the header goes to 已同步 (the device keeps its
// enrolment); the 公安 reviewer (demo account 3011) claims one case in the console, approves it
// with its 证照 and marks it 待取件; the window's 今日办件 shows the badge and the highlighted
// row within seconds, the case view the 证照 and 备注, and the result is handed over (出件).
// Requires `npm run build` first (renderer and dist/console).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/index';
import { demoEnrolCode, seedDemo } from '../../server/demo';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { REVIEW_STATUS_LABEL } from '../../shared/sync/protocol';
import { idCardCheckChar } from '../../shared/validate/idcard';
import { readSyncState } from '../../electron/store/syncState';
import { stmt } from '../../electron/store/statements';
import type { Answers } from '../../shared/domain/checklist';
import { DEMO_PASSWORD, nextApplicant, signIn, startHarness, type Harness } from './harness';
import { answer, closeNotice, confirmDecision, demoItem, fillPerson, markMaterials, openDecision, openItem, openSyncDetails, poll, settled, waitForNotice, type PersonData } from './flows';

const DEVICE = { officeCode: '210100', windowCode: '01' };
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
const APPLICANTS: PersonData[] = [
  { name: '孙立新', idNumber: withCheck('21010219880412301'), phone: '13812340001' },
  { name: '周婷', idNumber: withCheck('21010319920817402'), phone: '13812340002' },
];

describe('sync in the app: offline intake, catch-up, back-office decision back at the window', () => {
  let h: Harness;
  let dataDir: string;
  let server: RunningServer | null = null;
  let port = 0;
  const numbers: string[] = [];
  /** Applicants whose case.opened the server fails on (a server fault only that entry triggers). */
  const poisoned = new Set<string>();

  const pushHook = (e: { seq: number }) => {
    const name = (e as { payload?: { applicant?: { name?: string } } }).payload?.applicant?.name;
    if (name && poisoned.has(name)) throw new Error('simulated server fault on this entry');
  };
  /** The central server on the temp data folder; the same port again when it is free. */
  const start = async () => {
    try {
      server = await startServer({ db: { dataDir }, port, rateLimit: false, consoleDir: path.resolve('dist/console'), pushHook });
    } catch {
      // Port taken meanwhile: another one, and the window pointed at it as embeddedSync does.
      server = await startServer({ db: { dataDir }, port: 0, rateLimit: false, consoleDir: path.resolve('dist/console'), pushHook });
      stmt(h.ws.db, 'UPDATE sync_state SET server_url = ? WHERE id = 1').run(server.url);
    }
    port = server.port;
  };
  const stop = async () => {
    await server?.close();
    server = null;
  };
  const message = (page: Page) => page.getByTestId('sync-message').textContent();
  const queueRow = (n: string) => h.page.locator(`tr[data-case-number="${n}"]`);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-srv-'));
    h = await startHarness({ sync: { intervalMs: 1_000, backoffBaseMs: 300, backoffCapMs: 1_500 } });
    await start();
    await seedDemo(server!.db, DEVICE);
  });
  afterAll(async () => {
    await h?.close();
    await stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a supervisor enrols the window through 中心服务器登记; a clerk has no such button', async () => {
    const { page } = h;
    await signIn(page, '1002');
    await poll(() => message(page)).toBe('未登记到中心服务器');
    await openSyncDetails(page);
    await page.getByTestId('sync-enrol-open').click();
    await page.getByTestId('sync-enrol-url').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sync-enrol-url');
    await settled(page);

    // A wrong code is refused in plain Chinese; the right one enrols.
    await page.getByTestId('sync-enrol-url').fill(server!.url);
    await page.getByTestId('sync-enrol-code').fill('AAAA-BBBB-CCCC');
    await page.getByTestId('sync-enrol-submit').click();
    await poll(() => page.getByTestId('sync-enrol-error').textContent()).toMatch(/^登记失败：/);
    await page.getByTestId('sync-enrol-code').fill(await demoEnrolCode(server!.db, DEVICE));
    await page.getByTestId('sync-enrol-submit').click();
    await page.getByTestId('sync-enrol').waitFor({ state: 'detached' });
    await poll(() => message(page)).toBe('已同步');
    expect(readSyncState(h.ws.db)?.serverUrl).toBe(server!.url);

    await page.getByRole('button', { name: /^退\s?出$/ }).click();
    await page.getByTestId('signin-submit').waitFor();
    await signIn(page, '1001');
    await openSyncDetails(page);
    expect(await page.getByTestId('sync-enrol-open').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('sync-details').waitFor({ state: 'hidden' });
  });

  test('with the server stopped, two accepted cases wait: 离线：2 件办件待上传', async () => {
    const { page } = h;
    const enrolment = readSyncState(h.ws.db)!;
    await stop();
    const item = demoItem(DEMO_ITEMS.promised);
    const answers: Answers = { local: 'yes' };
    for (const person of APPLICANTS) {
      await nextApplicant(page);
      await openItem(page, item);
      await answer(page, item, answers);
      await markMaterials(page, item, answers);
      await fillPerson(page, 'applicant', person);
      await openDecision(page, 'accept');
      numbers.push(await confirmDecision(page));
      await waitForNotice(page, 'acceptance');
      await closeNotice(page);
    }
    // The reason and the next try (or the try out now) are in the line itself.
    await poll(() => message(page)).toMatch(/^离线（网络未连通），(\d\d:\d\d:\d\d 再试|正在重试)：2 件办件待上传$/);
    expect(await page.getByTestId('sync-status').getAttribute('data-state')).toBe('offline');

    // The details say why, in Chinese, and that nothing is lost.
    await openSyncDetails(page);
    await page.getByTestId('sync-error').waitFor();
    expect(await page.getByTestId('sync-details').textContent()).toContain('2 件办件（');
    expect(await page.getByTestId('sync-error').textContent()).toContain('无法连接中心服务器');
    await h.shot('sync-offline');
    await page.keyboard.press('Escape');
    await page.getByTestId('sync-details').waitFor({ state: 'hidden' });
    // The device keeps its enrolment while offline.
    expect(readSyncState(h.ws.db)?.deviceId).toBe(enrolment.deviceId);
  });

  test('the server starts again on the same data: the header goes to 已同步, each case there once', async () => {
    const { page } = h;
    const deviceId = readSyncState(h.ws.db)!.deviceId;
    await start();
    await page.getByTestId('nav-queue').click();
    for (const n of numbers) await queueRow(n).waitFor();
    await poll(() => message(page)).toBe('已同步');
    expect(await page.getByTestId('sync-since').textContent()).toBe('上次同步 刚刚');
    expect(readSyncState(h.ws.db)?.deviceId).toBe(deviceId);
    const { rows } = await server!.db.query<{ case_number: string }>('SELECT case_number FROM cases WHERE device_id = $1 ORDER BY case_number', [deviceId]);
    expect(rows.map((r) => r.case_number)).toEqual([...numbers].sort());
    await h.shot('sync-online');
  });

  test('approved with its 证照 and marked 待取件 in the back-office console, the window shows a badge and the highlighted case, and hands it over', async () => {
    const { page } = h;
    const [ready, other] = numbers;
    const consolePage = await h.browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const consoleErrors: string[] = [];
    consolePage.on('pageerror', (e) => consoleErrors.push(e.message));
    await consolePage.goto(`${server!.url}/console/`);
    await consolePage.getByTestId('signin-staff-no').fill('3011'); // 公安 reviewer (demo account)
    await consolePage.getByTestId('signin-password').fill(DEMO_PASSWORD);
    await consolePage.getByTestId('signin-submit').click();
    await consolePage.locator(`tr[data-case-number="${ready}"]`).click();
    await consolePage.getByTestId('claim').click();
    const form = consolePage.getByTestId('review-form');
    await form.getByText('准予', { exact: true }).click();
    await consolePage.getByTestId('result-name').fill('保安员证');
    await consolePage.getByTestId('result-number').fill('辽公保证字 2026-000123');
    await consolePage.getByTestId('result-from').click();
    await consolePage.keyboard.type('2026-12-01');
    await consolePage.keyboard.press('Enter');
    await consolePage.getByTestId('result-unlimited').check();
    await consolePage.getByTestId('review-submit').click();
    await consolePage.getByTestId('review-confirm').click();
    await poll(() => consolePage.getByTestId('case-review-status').textContent()).toBe(REVIEW_STATUS_LABEL.approved);
    await form.getByText('待取件', { exact: true }).click();
    await consolePage.getByTestId('review-note').fill('证照已送达综合窗口，请通知申请人领取');
    await consolePage.getByTestId('review-submit').click();
    await poll(() => consolePage.getByTestId('case-review-status').textContent()).toBe(REVIEW_STATUS_LABEL.readyForPickup);
    await consolePage.close();
    expect(consoleErrors).toEqual([]);

    // The open queue refreshes after the next sync: no click needed. The badge and the row say it is new.
    await poll(() => queueRow(ready).textContent()).toContain('待取件');
    await poll(() => page.getByTestId('queue-alerts').textContent()).toBe('1');
    expect(await queueRow(ready).getAttribute('data-attention')).toBe('readyForPickup');
    expect(await queueRow(other).textContent()).not.toContain('待取件');
    expect(await page.getByTestId('queue-fresh').textContent()).toContain('1 件后台需补正或待取件');
    await h.shot('sync-ready-for-pickup');

    await queueRow(ready).click();
    await page.getByTestId('case-view').waitFor();
    expect(await page.getByTestId('review-info').textContent()).toContain('保安员证（编号 辽公保证字 2026-000123');
    expect(await page.getByTestId('review-note').textContent()).toBe('证照已送达综合窗口，请通知申请人领取');
    await poll(() => page.getByTestId('queue-alerts').count()).toBe(0); // opened: seen
    await h.shot('case-view-review');
    await page.getByTestId('action-deliver').click();
    await page.getByTestId('deliver-id').fill(APPLICANTS[0].idNumber);
    await page.getByTestId('deliver-confirm').click();
    await page.getByTestId('deliver-done').waitFor();
    // The hand-over goes up too.
    await poll(async () => (await server!.db.query<{ status: string }>('SELECT status FROM cases WHERE case_number = $1', [ready])).rows[0]?.status).toBe('delivered');
    await poll(() => message(page)).toBe('已同步');
    expect(h.errors).toEqual([]);
  });

  test('a catalogue published at the centre reaches the open window with 立即同步 (or the five-minute pull), without a restart', async () => {
    const { page } = h;
    const before = await h.ws.dispatch('app.context', {});
    if (!before.ok) throw new Error(before.error.message);
    const published = await publishCatalogue(server!.db, { ...demoCatalogue, items: demoCatalogue.items.slice(0, -1) });
    expect(published.version).toBeGreaterThan((before.value as { catalogueVersion: number }).catalogueVersion);
    await page.getByTestId('deliver-dialog').getByRole('button', { name: /关\s*闭/ }).last().click();
    await page.getByTestId('nav-intake').click();
    await page.getByRole('button', { name: /下一位/ }).click(); // the last applicant's done screen → the empty desk
    await page.getByTestId('sync-now').click();
    await poll(() => page.getByTestId('workbench-catalogue').textContent()).toBe(`目录版本 ${published.version} · 共 ${published.itemCount} 项事项`);
    expect(h.errors).toEqual([]);
  });

  test('an upload the server keeps failing on is held and shown; the next case still goes up; 值班长 re-queues it after the fix', async () => {
    const { page } = h;
    const stuck: PersonData = { name: '吴晓', idNumber: withCheck('21010219900101503'), phone: '13812340003' };
    const fine: PersonData = { name: '郑成', idNumber: withCheck('21010219910202604'), phone: '13812340004' };
    poisoned.add(stuck.name);
    await page.getByRole('button', { name: /^退\s?出$/ }).click();
    await signIn(page, '1002');
    const item = demoItem(DEMO_ITEMS.promised);
    const answers: Answers = { local: 'yes' };
    const taken: string[] = [];
    for (const person of [stuck, fine]) {
      await nextApplicant(page);
      await openItem(page, item);
      await answer(page, item, answers);
      await markMaterials(page, item, answers);
      await fillPerson(page, 'applicant', person);
      await openDecision(page, 'accept');
      taken.push(await confirmDecision(page));
      await waitForNotice(page, 'acceptance');
      await closeNotice(page);
    }
    const onServer = async (n: string) => (await server!.db.query('SELECT 1 FROM cases WHERE case_number = $1', [n])).rows.length;
    await expect.poll(() => onServer(taken[1]), { timeout: 30_000, interval: 100 }).toBe(1); // the next case was not held up
    expect(await onServer(taken[0])).toBe(0);
    await openSyncDetails(page);
    const held = page.getByTestId('sync-held');
    await expect.poll(() => held.textContent(), { timeout: 15_000, interval: 100 }).toContain('2 条上传被搁置');
    await expect.poll(() => held.textContent()).toContain(taken[0]); // the held records' list follows the count
    // Between rounds (one a second here); during one it reads 正在同步.
    await poll(() => message(page)).toBe('在线：2 条上传被搁置');
    await h.shot('sync-held');

    poisoned.clear(); // the administrator fixed the server
    await page.getByTestId('sync-retry-held').click();
    await held.waitFor({ state: 'detached' });
    expect(await page.getByTestId('sync-notice').count()).toBe(0);
    await expect.poll(() => onServer(taken[0]), { timeout: 30_000, interval: 100 }).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => message(page)).toBe('已同步');
    expect(h.errors).toEqual([]);
  });
});
