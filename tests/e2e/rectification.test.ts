// 差评整改 in the console, in headless Chromium against a real central server (PGlite): a
// window uploads three 差评; the admin sets the centre's deadline; the 市场监管 head starts
// and finishes one (measures, 回访) and asks that another be declared 无效, which the admin
// decides; the server's clock then moves past the deadline and the untouched one shows
// 整改超期 with the working days overdue. Screenshots at 1280×720.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/index';
import { addOffice, addWindow, issueEnrolCode } from '../../server/admin/directory';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { formatCaseNumber } from '../../shared/caseNumber';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { addWorkingDays } from '../../shared/calendar/workdays';
import { chinaDay } from '../../shared/time';
import type { EnrolResponse, PushEntry } from '../../shared/sync/protocol';
import { addTestStaff, STAFF_PASSWORD } from '../helpers/staffClient';
import { launchE2eChromium } from '../helpers/chromium';
import { catalogueFixture } from '../integration/server-harness';

const OFFICE = '210102';
const FOOD = '11210100MB0000001A';
const SHOTS = path.resolve('docs/screenshots');
const STAFF = [
  { staffNo: '3101', name: '赵科长', role: 'head' as const, departmentCodes: ['SCJG'], officeCodes: [OFFICE] },
  { staffNo: '3901', name: '周管理', role: 'admin' as const, departmentCodes: [], officeCodes: [] },
];

describe('差评整改 in the console: deadline, 整改, 回访, 无效差评, 整改超期 on a moved clock', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let device: EnrolResponse;
  let skewMs = 0;
  let seq = 0;
  const errors: string[] = [];
  const today = chinaDay(new Date());
  const numbers: string[] = [];

  const push = async (entries: Array<{ caseId: string; type: PushEntry['type']; payload: Record<string, unknown> }>) => {
    const batch = entries.map((e) => ({ ...e, seq: ++seq, id: uuidv7(), deviceTime: new Date().toISOString(), staffNo: '1001' }));
    const r = await fetch(`${server.url}/sync/v1/push`, {
      method: 'POST', headers: { authorization: `Bearer ${device.deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: device.deviceId, batch }),
    });
    expect((await r.json()).rejected).toEqual([]);
  };
  const badCase = async (reasons: Array<{ code: string; text: string }>, comment: string) => {
    const caseId = uuidv7();
    const caseNumber = formatCaseNumber({ officeCode: OFFICE, windowCode: '01', date: today, sequence: numbers.length + 1 });
    numbers.push(caseNumber);
    await push([
      { caseId, type: 'case.opened', payload: { itemCode: FOOD, catalogueVersion: 1, caseNumber, officeCode: OFFICE, windowCode: '01', agent: null, answers: {}, marks: {}, applicant: { kind: 'person', name: '王小明', idNumber: '11010519491231002X', phone: '13800138000' } } },
      { caseId, type: 'case.decided', payload: { decision: 'accept', caseNumber, tier: null, promisedDate: addWorkingDays(today, 10, BUILTIN_CALENDAR), missing: [] } },
      { caseId, type: 'case.rated', payload: { level: 'dissatisfied', reasonCategory: reasons[0].text, reasons, source: 'secondScreen', comment } },
    ]);
    return caseNumber;
  };
  const shot = async (name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear, .ant-fade-enter, .ant-fade-appear, .ant-message-notice'));
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
  };
  const signIn = async (staffNo: string) => {
    await page.goto(`${server.url}/console/#/rectifications`);
    await page.getByTestId('signin-staff-no').fill(staffNo);
    await page.getByTestId('signin-password').fill(STAFF_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('console-nav').getByText('差评整改').click();
    await page.getByTestId('rectifications').waitFor();
  };
  const signOut = async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-submit').waitFor();
  };
  const row = (n: string) => page.locator(`tr[data-case-number="${n}"]`);
  const tab = (label: RegExp) => page.getByTestId('rectification-tabs').getByText(label).click();
  const act = async (n: string, action: string, text: string) => {
    await row(n).getByTestId(`rectification-${action}`).click();
    const dialog = page.getByTestId('rectification-dialog');
    await dialog.getByTestId('rectification-text').fill(text);
    await dialog.getByRole('button', { name: /确\s*认/ }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-console-'));
    await build({ configFile: 'server/console/vite.config.ts', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
    server = await startServer({ rateLimit: false, consoleDir: dir, clock: () => new Date(Date.now() + skewMs) });
    await addOffice(server.db, { code: OFFICE, name: '和平区政务服务中心', level: 'county', address: '沈阳市和平区', phone: '', parentCode: null });
    await addWindow(server.db, { officeCode: OFFICE, code: '01', name: '无差别综合窗口 1 号', kind: 'general' });
    await publishCatalogue(server.db, { ...catalogueFixture([{ code: FOOD, name: '食品经营许可（新办）' }]), offices: [{ code: OFFICE, name: '和平区政务服务中心', level: 'county', address: '沈阳市和平区', phone: '', parentCode: null }] });
    await addTestStaff(server.db, ...STAFF);
    const { code } = await issueEnrolCode(server.db, OFFICE, '01');
    device = await (await fetch(`${server.url}/sync/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: '窗口机' }),
    })).json();
    browser = await launchE2eChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the admin sets the centre’s deadline to 7 working days; 差评 arriving then get it', async () => {
    await signIn('3901');
    await page.getByTestId(`deadline-${OFFICE}`).click();
    await page.locator('.ant-select-item-option').getByText('7 个工作日').click();
    await expect.poll(() => page.getByTestId('deadline-saved').textContent()).toContain('7 个工作日');
    await badCase([{ code: 'C02', text: '同样内容的证明材料被要求多次提交' }], '营业执照交了两次');
    await badCase([{ code: 'C03', text: '多头跑窗口和部门' }], '');
    await badCase([{ code: 'C05', text: '工作人员态度生硬、推诿' }], '评价器误按');
    await signOut();
  });

  it('the head starts and finishes one (measures, 回访) and asks that another be declared 无效', async () => {
    await signIn('3101');
    for (const n of numbers) await expect.poll(() => row(n).getAttribute('data-standing')).toBe('pending');
    const deadline = addWorkingDays(today, 7, BUILTIN_CALENDAR);
    expect(await row(numbers[0]).textContent()).toContain('7 个工作日');
    expect(await row(numbers[0]).textContent()).toContain('营业执照交了两次');
    await shot('console-rectifications');
    await act(numbers[0], 'start', '已约谈窗口人员');
    await tab(/^整改中/);
    await act(numbers[0], 'complete', '营业执照改为电子证照调取，不再要求纸质复印件');
    await tab(/^已整改/);
    await row(numbers[0]).getByTestId('rectification-revisit').click();
    await page.getByTestId('rectification-dialog').getByText('电话回访').click();
    await page.getByTestId('rectification-dialog').getByTestId('rectification-text').fill('申请人认可整改');
    await page.getByTestId('rectification-dialog').getByRole('button', { name: /确\s*认/ }).click();
    await expect.poll(() => row(numbers[0]).textContent()).toContain('电话回访：满意（申请人认可整改）');
    await tab(/^待整改/);
    await act(numbers[2], 'requestInvalid', '申请人来电说明误按，非对服务不满');
    await expect.poll(() => row(numbers[2]).textContent()).toContain('无效差评申请（待审核）');
    expect(deadline > today).toBe(true);
    await signOut();
  });

  it('the admin declares it 无效差评', async () => {
    await signIn('3901');
    await expect.poll(() => row(numbers[2]).count()).toBe(1);
    await row(numbers[2]).getByTestId('rectification-decideInvalid').click();
    await page.getByTestId('rectification-dialog').getByTestId('rectification-text').fill('核实来电录音，属误操作');
    await page.getByTestId('rectification-dialog').getByRole('button', { name: /确\s*认/ }).click();
    await tab(/^无效差评 \d/);
    await expect.poll(() => row(numbers[2]).getAttribute('data-standing')).toBe('invalid');
    await signOut();
  });

  it('the clock moves past the deadline: the untouched one is 整改超期 with the working days overdue', async () => {
    const deadline = addWorkingDays(today, 7, BUILTIN_CALENDAR);
    const later = addWorkingDays(deadline, 2, BUILTIN_CALENDAR);
    skewMs = Date.parse(`${later}T10:00:00+08:00`) - Date.now();
    await signIn('3101');
    await tab(/^整改超期/);
    await expect.poll(() => row(numbers[1]).getAttribute('data-standing')).toBe('overdue');
    expect(await row(numbers[1]).getByTestId('rectification-standing').textContent()).toBe('整改超期（超期 2 个工作日）');
    expect(await page.getByTestId('rectification-tabs').textContent()).toContain('整改超期 1');
    await shot('console-rectifications-overdue');
    await act(numbers[1], 'complete', '明确首问负责，窗口代为联系部门');
    await tab(/^已整改/);
    await expect.poll(() => row(numbers[1]).getByTestId('rectification-standing').textContent()).toBe('已整改（超期完成）');
    // The table as Excel: the download reads back with the rows shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-rectifications').click()]);
    const file = path.join(dir, 'rectifications.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('差评整改')!;
    expect(ws.getRow(1).getCell(1).value).toBe('受理编号');
    const lines = [2, 3].map((r) => ws.getRow(r).values as unknown[]);
    expect(lines.map((l) => l[1]).sort()).toEqual([numbers[0], numbers[1]].sort());
    expect(lines.find((l) => l[1] === numbers[1])![10]).toBe('已整改（超期完成）');
    expect(lines.find((l) => l[1] === numbers[0])![12]).toBe('满意');
  });

  it('no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
