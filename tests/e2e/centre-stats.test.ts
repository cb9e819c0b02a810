// 中心统计 in the console, in headless Chromium against a real central server (PGlite): two
// windows upload a month's mix of cases (立等可取 on time and late, 承诺件, 一次性告知 and the
// applicant's return visit, 容缺, ratings); the 市场监管 head sees only their department, the
// admin every centre, by office and by window; the charts draw; an overdue 承诺件 shows its
// working days overdue. Screenshots at 1280×900.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/index';
import { addOffice, addWindow, issueEnrolCode } from '../../server/admin/directory';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { addWorkingDays } from '../../shared/calendar/workdays';
import { chinaDay } from '../../shared/time';
import type { EnrolResponse, PushEntry } from '../../shared/sync/protocol';
import { addTestStaff, STAFF_PASSWORD } from '../helpers/staffClient';
import { launchE2eChromium } from '../helpers/chromium';
import { catalogueFixture } from '../integration/server-harness';

const OFFICES = [{ code: '210102', name: '和平区政务服务中心' }, { code: '210103', name: '沈河区政务服务中心' }];
const FOOD = '11210100MB0000001A';
const ROAD = '11210100MB0000002B';
const SHOTS = path.resolve('docs/screenshots');
const STAFF = [
  { staffNo: '3101', name: '赵科长', role: 'head' as const, departmentCodes: ['SCJG'], officeCodes: OFFICES.map((o) => o.code) },
  { staffNo: '3901', name: '周管理', role: 'admin' as const, departmentCodes: [], officeCodes: [] },
];
const MIN = 60_000;

describe('中心统计: scope, groupings, charts, overdue', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const today = chinaDay(new Date());
  const devices: Record<string, { dev: EnrolResponse; seq: number; n: number }> = {};

  const push = async (office: string, entries: Array<{ caseId: string; type: PushEntry['type']; payload: Record<string, unknown>; at: number }>) => {
    const d = devices[office];
    const batch = entries.map((e) => ({ caseId: e.caseId, type: e.type, payload: e.payload, seq: ++d.seq, id: uuidv7(), deviceTime: new Date(e.at).toISOString(), staffNo: office === '210102' ? '1001' : '2001' }));
    const r = await fetch(`${server.url}/sync/v1/push`, {
      method: 'POST', headers: { authorization: `Bearer ${d.dev.deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: d.dev.deviceId, batch }),
    });
    expect((await r.json()).rejected).toEqual([]);
  };
  /** One case: opened `ago` minutes before now, decided 5 minutes later, then its follow-ups. */
  const upload = async (office: string, item: string, decision: string, o: { ago?: number; tier?: string; doneAfter?: number; promised?: string; rating?: string; idNumber?: string; marks?: Record<string, unknown> } = {}) => {
    const d = devices[office];
    const caseId = uuidv7();
    const caseNumber = `${office}-01-${today.replace(/-/g, '')}-${String(++d.n).padStart(4, '0')}`;
    const opened = Date.now() - (o.ago ?? 60) * MIN;
    const decided = opened + 5 * MIN;
    const entries: Array<{ caseId: string; type: PushEntry['type']; payload: Record<string, unknown>; at: number }> = [
      { caseId, type: 'case.opened', at: opened, payload: { itemCode: item, catalogueVersion: 1, caseNumber, officeCode: office, windowCode: '01', agent: null, answers: {}, marks: o.marks ?? { M1: { mark: 'verified' } }, applicant: { kind: 'person', name: '王小明', idNumber: o.idNumber ?? '11010519491231002X', phone: '13800138000' } } },
      { caseId, type: 'case.decided', at: decided, payload: { decision, caseNumber, tier: o.tier ?? null, promisedDate: o.promised ?? null, missing: [], ...(decision === 'acceptWithDeferral' ? { commitment: '承诺补交', supplementDeadline: addWorkingDays(today, 5, BUILTIN_CALENDAR) } : {}), ...(decision === 'refuse' ? { reason: '不属于受理范围' } : {}) } },
    ];
    if (o.doneAfter !== undefined) entries.push({ caseId, type: 'case.completed', at: opened + o.doneAfter * MIN, payload: { elapsedSeconds: o.doneAfter * 60, tier: o.tier ?? null } });
    if (o.rating) entries.push({ caseId, type: 'case.rated', at: Math.max(decided, opened + (o.doneAfter ?? 5) * MIN) + MIN, payload: { level: o.rating, reasonCategory: null, source: 'screen', comment: '', reasons: o.rating.includes('issatisfied') ? [{ code: 'C03', text: '多头跑窗口和部门' }] : [] } });
    await push(office, entries);
  };
  const shot = async (name: string) => {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear, .ant-fade-enter, .ant-fade-appear'));
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
  };
  const signIn = async (staffNo: string) => {
    await page.goto(`${server.url}/console/#/stats`);
    await page.getByTestId('signin-staff-no').fill(staffNo);
    await page.getByTestId('signin-password').fill(STAFF_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('console-nav').getByText('中心统计').click();
    await page.getByTestId('centre-cards').waitFor();
  };
  const card = (id: string) => page.getByTestId(id).locator('.stats-card-value').textContent();
  /** The labels an antd Select offers (opened and closed again). */
  const options = async (id: string) => {
    await page.getByTestId(id).click();
    const list = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await list.first().waitFor();
    const labels = await list.allTextContents();
    await page.keyboard.press('Escape');
    // Closed before the next select opens: otherwise its options would be read with this one's.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    return labels;
  };
  const choose = async (id: string, label: string) => {
    await page.getByTestId(id).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText(label, { exact: true }).click();
  };
  const downloaded = async (button: ReturnType<Page['getByTestId']>, name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = path.join(dir, name);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-console-'));
    await build({ configFile: 'server/console/vite.config.ts', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
    server = await startServer({ rateLimit: false, consoleDir: dir });
    for (const o of OFFICES) {
      await addOffice(server.db, { code: o.code, name: o.name, level: 'county', address: '沈阳市', phone: '', parentCode: null });
      await addWindow(server.db, { officeCode: o.code, code: '01', name: '无差别综合窗口 1 号', kind: 'general' });
    }
    const cat = catalogueFixture([{ code: FOOD, name: '食品经营许可（新办）' }, { code: ROAD, name: '道路运输经营许可', dept: 'JTJ' }]);
    await publishCatalogue(server.db, { ...cat, offices: OFFICES.map((o) => ({ ...o, level: 'county' as const, address: '沈阳市', phone: '', parentCode: null })), windows: OFFICES.map((o) => ({ code: '01', officeCode: o.code, name: '无差别综合窗口 1 号', kind: 'general' as const, departmentCodes: [] })) });
    await addTestStaff(server.db, ...STAFF);
    for (const o of OFFICES) {
      const { code } = await issueEnrolCode(server.db, o.code, '01');
      const dev = await (await fetch(`${server.url}/sync/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: '窗口机' }) })).json();
      devices[o.code] = { dev, seq: 0, n: 0 };
    }
    const [a, b] = OFFICES.map((o) => o.code);
    await upload(a, FOOD, 'accept', { tier: 'within30', doneAfter: 20, rating: 'verySatisfied' });
    await upload(a, FOOD, 'accept', { tier: 'within30', doneAfter: 45, rating: 'dissatisfied' });
    await upload(a, FOOD, 'notifyMissing', { ago: 300, idNumber: '210102198506150013', marks: { M1: { mark: 'missing' } } });
    await upload(a, FOOD, 'accept', { ago: 120, idNumber: '210102198506150013', promised: addWorkingDays(today, 10, BUILTIN_CALENDAR), rating: 'satisfied' });
    // A 承诺件 of 20 days ago, promised 10 days ago and not decided by the back office: overdue.
    await upload(a, FOOD, 'accept', { ago: 60 * 24 * 20, promised: chinaDay(new Date(Date.now() - 10 * 86_400_000)) });
    await upload(b, FOOD, 'acceptWithDeferral', { marks: { M1: { mark: 'deferred' } }, rating: 'basicallySatisfied' });
    await upload(b, ROAD, 'accept', { tier: 'within60', doneAfter: 50, rating: 'satisfied' });
    await upload(b, ROAD, 'refuse');
    browser = await launchE2eChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the 市场监管 head: only their department’s cases, by office; the charts draw', async () => {
    await signIn('3101');
    await expect.poll(() => card('card-total')).toMatch(/^\d+ 件$/);
    const total = Number((await card('card-total'))!.replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(5); // food cases only: 道路运输 is another department
    expect(await page.getByTestId('groups-table').textContent()).not.toContain('道路运输');
    expect(await card('card-repeat')).toBe('100.0%'); // the 一次性告知 applicant came back for the same item
    await page.getByTestId('chart-tiers').locator('canvas').waitFor();
    await page.getByTestId('chart-trend').locator('canvas').waitFor();
    await shot('console-centre-stats');
    await page.getByTestId('stats-group-by').getByText('按事项').click();
    await expect.poll(() => page.getByTestId('groups-table').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('materials-table').textContent()).toContain('申请书');
    await page.getByTestId('stats-group-by').getByText('按中心').click();
  });

  it('the head’s 中心 and 部门 filters offer only their scope; choosing a centre narrows every figure', async () => {
    expect(await options('stats-department')).toEqual(['全部部门', '市场监督管理局']); // not 交通运输局
    expect(await options('stats-office')).toEqual(['全部中心', '和平区政务服务中心', '沈河区政务服务中心']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await choose('stats-office', '沈河区政务服务中心');
    await expect.poll(() => card('card-total')).toBe('1 件'); // the one 容缺 food case at 沈河
    expect(await page.getByTestId('groups-table').locator('tbody tr').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('console-centre-stats-filtered');
    await choose('stats-office', '全部中心');
  });

  it('a back-office queue exports to .xlsx with the list’s rows', async () => {
    await page.goto(`${server.url}/console/#/queue/all`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const shown = await rows.count();
    const wb = await downloaded(page.getByTestId('queue-export'), 'queue.xlsx');
    const ws = wb.getWorksheet('全部办件')!;
    expect(ws.rowCount - 1).toBe(shown);
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['受理编号', '事项', '部门', '审批状态', '时限']));
    expect(new Set((ws.getColumn(3).values as unknown[]).slice(2))).toEqual(new Set(['市场监督管理局'])); // the head's department only
    expect((ws.getColumn(8).values as unknown[]).some((v) => /^已超时 \d+ 个工作日$/.test(String(v)))).toBe(true); // the overdue 承诺件
    await page.getByTestId('sign-out').click();
  });

  it('the admin: every centre, by office', async () => {
    await signIn('3901');
    await expect.poll(() => page.getByTestId('groups-table').locator('tbody tr').count()).toBe(2);
    const rows = await page.getByTestId('groups-table').locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('和平区政务服务中心');
    expect(rows[1]).toContain('沈河区政务服务中心');
    await page.getByTestId('stats-group-by').getByText('按部门').click();
    await expect.poll(() => page.getByTestId('groups-table').textContent()).toContain('交通运输局');
    expect(await page.getByTestId('overdue-table').textContent()).toMatch(/\d+ 个工作日/);
    await shot('console-centre-stats-admin');
  });

  it('every table exports to .xlsx: the downloaded workbook reads back with the figures shown', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^centre-stats-.*\.xlsx$|^中心统计/);
    const file = path.join(dir, 'stats.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按部门', '各事项补正率', '问题材料', '超期办件']);
    const summary = wb.getWorksheet('汇总')!;
    const shownTotal = Number((await card('card-total'))!.replace(/\D/g, ''));
    expect(summary.getRow(3).values).toEqual([undefined, '办件', shownTotal]);
    const groups = wb.getWorksheet('按部门')!;
    expect(groups.getRow(1).getCell(1).value).toBe('部门');
    const depts = [2, 3].map((r) => groups.getRow(r).getCell(1).value);
    expect(depts).toEqual(expect.arrayContaining(['市场监督管理局', '交通运输局']));
    expect(wb.getWorksheet('超期办件')!.getRow(2).getCell(5).value).toBeGreaterThan(0);
  });

  it('评价原因: the admin edits the lists per class; problems are shown at their row in Chinese; saving publishes them', async () => {
    await page.getByTestId('console-nav').getByText('评价原因').click();
    const editor = page.getByTestId('rating-reasons');
    await editor.waitFor();
    expect(await editor.getByTestId('reasons-source').textContent()).toBe('全国通用清单');
    const bad = editor.getByTestId('reasons-bad');
    await bad.getByTestId('reason-add-bad').click();
    const added = bad.locator('tbody tr').last();
    await added.getByTestId('reason-code').fill('C01');
    await editor.getByTestId('reasons-save').click();
    await expect.poll(() => added.getByTestId('reason-problem').allTextContents()).toEqual(['评价原因编码 C01 重复', '请填写评价原因的文字']);
    await shot('console-rating-reasons-invalid');
    await added.getByTestId('reason-code').fill('C20');
    await added.getByTestId('reason-text').fill('自助终端经常故障');
    await editor.getByTestId('reasons-save').click();
    await expect.poll(() => editor.getByTestId('reasons-saved').textContent()).toContain('已随事项目录第 2 版发布');
    expect(await editor.getByTestId('reasons-source').textContent()).toBe('本中心清单');
    expect(await bad.locator('tbody tr').count()).toBe(9);
    await shot('console-rating-reasons');
    await page.getByTestId('console-nav').getByText('中心统计').click();
    await page.getByTestId('centre-cards').waitFor();
  });

  it('the month’s report prints as an A4 PDF with the centre’s figures', async () => {
    await page.getByTestId('open-report').click();
    await page.getByTestId('month-report').waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdfPath = path.join(dir, 'report.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const t of ['政务服务中心办件统计报告', '统计期间', '一、总体情况', '和平区政务服务中心', '沈河区政务服务中心', '立等可取', '超期办件']) expect(text).toContain(t);
    expect(text).not.toContain('打印 / 另存为 PDF');
    const pages = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(pages).toMatch(/Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', pdfPath, path.join(SHOTS, 'console-month-report')]);
  });

  it('no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
