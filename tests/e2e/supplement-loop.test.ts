// The 补正 loop end to end (issue 10 §5–6), in headless Chromium against the real handlers, a
// real SQLite file and a real central server (PGlite) serving the console: a 立等可取 case taken
// with a scanned page; the 公安 reviewer (demo 3011) marks the application 未通过 with a reason
// and asks 需补正; the window shows 需补正, its countdown stands still and 办结 waits; the
// 补正告知书 is printed (the PDF lists exactly the failed material and its reason); the
// applicant returns, a new scan is recorded as the supplement; the reviewer sees the new page,
// passes it and grants 准予 with the 证照; the window hands the result over (出件).
// Requires `npm run build` first (renderer and dist/console).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/index';
import { demoEnrolCode, seedDemo } from '../../server/demo';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { idCardCheckChar } from '../../shared/validate/idcard';
import { syncOf } from '../../electron/services/handlers/sync';
import { noisyPng, pngBytes } from '../helpers/images';
import { DEMO_PASSWORD, signIn, startHarness, type Harness } from './harness';
import { poll, printNotice, waitForNotice } from './flows';

const DEVICE = { officeCode: '210100', windowCode: '01' };
const APPLICANT = { kind: 'person' as const, name: '韩补正', idNumber: '21010219850301402' + idCardCheckChar('21010219850301402'), phone: '13812340021' };
const FAILED_REASON = '申请表未签名，请本人签名后重新提交';

describe('the 补正 loop: 未通过 in the console → 补正告知书 → new scan → 准予 → 出件', () => {
  let h: Harness;
  let server: RunningServer;
  let consolePage: Page;
  let dataDir: string;
  let caseId = '';
  let caseNumber = '';
  const consoleErrors: string[] = [];

  const dispatch = async <T,>(channel: string, input: unknown): Promise<T> => {
    const r = await h.host.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  /** The case again in the console, as the reviewer reopens it (pages are read when it opens). */
  const reopenInConsole = async () => {
    await consolePage.reload();
    await consolePage.getByTestId('review-form').waitFor();
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-loop-'));
    server = await startServer({ db: { dataDir }, port: 0, rateLimit: false, consoleDir: path.resolve('dist/console') });
    await seedDemo(server.db, DEVICE);
    h = await startHarness({ sync: { intervalMs: 500, backoffBaseMs: 300, backoffCapMs: 1_500 } });
    await syncOf(h.ws)!.client.enrol(server.url, await demoEnrolCode(server.db, DEVICE));
    await signIn(h.page, '1001');
    consolePage = await h.browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    consolePage.on('pageerror', (e) => consoleErrors.push(e.message));
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the reviewer fails the application: the window shows 需补正, the clock stands still, the 补正告知书 names it', async () => {
    // A 极速办 case taken with one scanned page of the application (the ID card is an 电子证照).
    const draftId = 'loop-intake';
    await dispatch('pages.add', { draftId, materialId: 'application', colour: 'grey', dataBase64: pngBytes(620, 877, 3).toString('base64') });
    ({ caseId, caseNumber } = await dispatch<{ caseId: string; caseNumber: string }>('case.decide', {
      agent: null, startedAt: h.ws.now().toISOString(), itemCode: DEMO_ITEMS.immediate30, answers: { applicant: 'self', household: 'local', frequent: 'no' },
      marks: { application: { mark: 'verified' }, 'resident-id': { mark: 'eCert' } }, applicant: APPLICANT, decision: 'accept', draftId,
    }));
    await poll(async () => (await server.db.query("SELECT count(*)::int AS n FROM page_blobs")).rows[0].n).toBe(1);

    await consolePage.goto(`${server.url}/console/`);
    await consolePage.getByTestId('signin-staff-no').fill('3011');
    await consolePage.getByTestId('signin-password').fill(DEMO_PASSWORD);
    await consolePage.getByTestId('signin-submit').click();
    await consolePage.locator(`tr[data-case-number="${caseNumber}"]`).click();
    await consolePage.getByTestId('claim').click();
    await poll(() => consolePage.getByTestId('review-material-application').getByTestId('review-thumb').count()).toBe(1);
    await consolePage.getByTestId('verdict-application').getByText('未通过').click();
    await consolePage.getByTestId('verdict-reason-application').fill(FAILED_REASON);
    await consolePage.getByTestId('verdict-resident-id').getByText('通过', { exact: true }).click();
    await consolePage.getByTestId('review-form').getByText('需补正', { exact: true }).click();
    await consolePage.getByTestId('review-reason').fill('申请材料需补正');
    await consolePage.getByTestId('review-submit').click();
    await poll(() => consolePage.getByTestId('case-review-status').textContent()).toBe('需补正');

    // At the window: 需补正, exactly the failed material, the countdown standing still, 办结 waiting.
    const { page } = h;
    await page.getByTestId('nav-queue').click();
    const row = page.locator(`tr[data-case-number="${caseNumber}"]`);
    await poll(() => row.textContent()).toContain('需补正');
    await row.click();
    await page.getByTestId('case-view').waitFor();
    expect(await page.getByTestId('review-failed-materials').textContent()).toBe(`无犯罪记录证明申请表：${FAILED_REASON}`);
    expect(await page.getByTestId('countdown').getAttribute('data-tone')).toBe('paused');
    const frozen = await page.getByTestId('countdown').locator('.countdown-text').textContent();
    await page.waitForTimeout(1_500); // a running countdown would have ticked
    expect(await page.getByTestId('countdown').locator('.countdown-text').textContent()).toBe(frozen);
    expect(await page.getByTestId('action-complete').count()).toBe(0);
    expect(await page.getByTestId('complete-waits').textContent()).toContain('请先记录申请人补正的材料');
    await h.shot('supplement-needed');

    await page.getByTestId('print-supplement').click();
    await waitForNotice(page, 'supplementRequest');
    await h.shot('supplement-notice');
    const { text } = await printNotice(page);
    expect(text).toContain('补正告知书');
    expect(text).toContain(caseNumber);
    expect(text).toContain('需补正材料（共1项）');
    expect(text).toContain('无犯罪记录证明申请表');
    expect(text).toContain(FAILED_REASON.replace(/\s/g, ''));
    expect(text).toContain('审核未通过');
    expect(text).not.toContain('申请人居民身份证'); // the passed material is not asked for
    await page.locator('.ant-modal-wrap').filter({ has: page.getByTestId('notice-print') }).getByRole('button', { name: '关闭' }).first().click();
  });

  test('the applicant returns: a new scan is the supplement; the reviewer sees it, passes it and grants 准予; 出件', async () => {
    const { page } = h;
    const file = path.join(os.tmpdir(), `yc-loop-${process.pid}.png`);
    fs.writeFileSync(file, noisyPng(30_000, 77));
    const scans = page.getByTestId('supplement-scans');
    await scans.getByTestId('file-application').setInputFiles(file);
    await poll(() => scans.getByTestId('page-count').textContent()).toBe('已扫描 1 页');
    await scans.getByTestId('supplement-record').click();
    await page.getByTestId('supplement-recorded').waitFor();
    await scans.waitFor({ state: 'detached' });
    expect(await page.getByTestId('complete-waits').textContent()).toContain('等待后台审核');
    expect(await page.getByTestId('countdown').getAttribute('data-tone')).not.toBe('paused');
    fs.rmSync(file, { force: true });

    // The reviewer sees the new page once uploaded, passes the material and grants 准予.
    await poll(async () => (await server.db.query('SELECT count(*)::int AS n FROM page_blobs')).rows[0].n).toBe(2);
    await reopenInConsole();
    await poll(() => consolePage.getByTestId('review-material-application').getByTestId('review-thumb').count()).toBe(2);
    expect(await consolePage.getByTestId('review-material-application').getByTestId('supplement-pages').textContent()).toBe('补正 1 页');
    await consolePage.getByTestId('material-pages').scrollIntoViewIfNeeded();
    await consolePage.getByTestId('material-pages').screenshot({ path: path.resolve('docs/screenshots/console-supplement-pages.png'), animations: 'disabled' });
    const form = consolePage.getByTestId('review-form');
    await consolePage.getByTestId('verdict-application').getByText('通过', { exact: true }).click();
    await consolePage.getByTestId('verdict-resident-id').getByText('通过', { exact: true }).click();
    await form.getByText('准予', { exact: true }).click();
    await consolePage.getByTestId('result-name').fill('无犯罪记录证明');
    await consolePage.getByTestId('result-number').fill('辽公无犯 2026-000777');
    await consolePage.getByTestId('result-from').click();
    await consolePage.keyboard.type('2026-12-01');
    await consolePage.keyboard.press('Enter');
    await consolePage.getByTestId('result-unlimited').check();
    await consolePage.getByTestId('review-submit').click();
    await consolePage.getByTestId('review-confirm').click();
    await poll(() => consolePage.getByTestId('case-review-status').textContent()).toBe('准予');
    expect(consoleErrors).toEqual([]);

    // Back at the window: 准予 arrives, 出件 hands the result over.
    await page.getByTestId('case-back').click();
    const row = page.locator(`tr[data-case-number="${caseNumber}"]`);
    await poll(() => row.textContent()).toContain('准予');
    await row.click();
    await page.getByTestId('action-deliver').click();
    await page.getByTestId('deliver-id').fill(APPLICANT.idNumber);
    await page.getByTestId('deliver-confirm').click();
    await page.getByTestId('deliver-done').waitFor();
    await poll(async () => (await server.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId])).rows[0]?.status).toBe('delivered');
    expect(h.errors).toEqual([]);
  });
});
