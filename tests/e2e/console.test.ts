// The back-office console (后台分类审批) in headless Chromium against a real central server
// (in-memory PGlite): a window uploads accepted cases of two departments; a 市场监管 reviewer
// and a 交通 reviewer sign in with their own accounts, each sees only their department's
// cases, claims, reviews (full ID shown, the view audited) and decides (准予 with its 证照 and
// a confirmation; 需补正; 不予许可); the server's clock moves forward and 即将超时 / 已超时
// fill; the admin's audit log shows it all. Screenshots at 1280×720.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { v7 as uuidv7 } from 'uuid';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/index';
import { addOffice, addWindow, issueEnrolCode } from '../../server/admin/directory';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { formatCaseNumber } from '../../shared/caseNumber';
import type { Catalogue } from '../../shared/domain/catalogue';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { addWorkingDays } from '../../shared/calendar/workdays';
import { chinaDay } from '../../shared/time';
import type { EnrolResponse, PullResponse, PushEntry } from '../../shared/sync/protocol';
import { addTestStaff, STAFF_PASSWORD } from '../helpers/staffClient';
import { launchE2eChromium } from '../helpers/chromium';
import { pngBytes } from '../helpers/images';
import { sha256 } from '../helpers/scanCases';

const OFFICE = '210102';
const FOOD = '11210100MB0000001A';
const ROAD = '11210100MB0000002B';
const SHOTS = path.resolve('docs/screenshots');
const VIEWPORT = { width: 1280, height: 720 };

const material = (id: string, name: string, extra: Partial<Catalogue['items'][number]['materials'][number]> = {}) => ({
  id, name, form: '原件' as const, copies: 1, medium: '纸质' as const, necessity: '必要' as const, source: '申请人' as const, ...extra,
});
const item = (code: string, name: string, departmentCode: string, materials: Catalogue['items'][number]['materials'], situations: Catalogue['items'][number]['situations'] = []) => ({
  code, name, departmentCode, type: '行政许可' as const, serveTargets: ['自然人' as const], levels: ['county' as const], legalDays: 20, promisedDays: 10,
  fee: '不收费', conditions: '', location: '', immediateTier: null, subCenterCode: null, keywords: [], situations, materials,
});

const CATALOGUE = {
  schemaVersion: 1,
  departments: [{ code: 'SCJG', name: '市场监督管理局' }, { code: 'JTJ', name: '交通运输局' }],
  subCenters: [],
  offices: [{ code: OFFICE, name: '和平区政务服务中心', level: 'county', address: '沈阳市和平区', phone: '', parentCode: null }],
  windows: [{ code: '01', officeCode: OFFICE, name: '无差别综合窗口 1 号', kind: 'general', departmentCodes: [] }],
  items: [
    item(FOOD, '食品经营许可（新办）', 'SCJG', [
      material('M1', '食品经营许可申请书'),
      material('M2', '营业执照', { form: '原件核验', medium: '纸质或电子', source: '电子证照' }),
      material('M3', '经营场所租赁合同', { form: '复印件', requiredWhen: { S1: ['rent'] } }),
      material('M4', '食品安全管理制度文本', { necessity: '可容缺' }),
    ], [{ id: 'S1', question: '经营场所是否为自有房产？', options: [{ value: 'own', label: '自有房产' }, { value: 'rent', label: '租赁' }] }]),
    item(ROAD, '道路运输经营许可', 'JTJ', [material('R1', '道路运输经营申请表')]),
  ],
};

const STAFF = [
  { staffNo: '3001', name: '王审批', role: 'reviewer' as const, departmentCodes: ['SCJG'], officeCodes: [OFFICE] },
  { staffNo: '3011', name: '刘审批', role: 'reviewer' as const, departmentCodes: ['JTJ'], officeCodes: [OFFICE] },
  { staffNo: '3101', name: '赵科长', role: 'head' as const, departmentCodes: ['SCJG'], officeCodes: [OFFICE] },
  { staffNo: '3901', name: '周管理', role: 'admin' as const, departmentCodes: [], officeCodes: [] },
];

describe('back-office console: two departments, claims, decisions, legal clocks, audit', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let device: EnrolResponse;
  let skewMs = 0;
  const errors: string[] = [];
  let seq = 0;
  let caseSeq = 0;
  const today = chinaDay(new Date());
  const cases: Record<'approve' | 'supplement' | 'waiting' | 'road', { id: string; number: string }> = {} as never;

  const push = async (entries: Array<{ caseId: string; type: PushEntry['type']; payload: Record<string, unknown> }>) => {
    const batch = entries.map((e) => ({ ...e, seq: ++seq, id: uuidv7(), deviceTime: new Date().toISOString(), staffNo: '1001' }));
    const r = await fetch(`${server.url}/sync/v1/push`, {
      method: 'POST', headers: { authorization: `Bearer ${device.deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: device.deviceId, batch }),
    });
    expect((await r.json()).rejected).toEqual([]);
  };

  /** A case as the workstation uploads it: case.opened with applicant, answers and marks, then case.decided (受理, promised date). */
  const uploadCase = async (itemCode: string, promisedDate: string, opened: Record<string, unknown>) => {
    const caseId = uuidv7();
    const caseNumber = formatCaseNumber({ officeCode: OFFICE, windowCode: '01', date: today, sequence: ++caseSeq });
    await push([
      { caseId, type: 'case.opened', payload: { itemCode, catalogueVersion: 1, caseNumber, officeCode: OFFICE, windowCode: '01', agent: null, ...opened } },
      { caseId, type: 'case.decided', payload: { decision: 'accept', caseNumber, tier: null, promisedDate, missing: [] } },
    ]);
    return { id: caseId, number: caseNumber };
  };

  const shot = async (name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear, .ant-fade-enter, .ant-fade-appear, .ant-message-notice'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
  };
  const signIn = async (staffNo: string, password = STAFF_PASSWORD) => {
    await page.getByTestId('signin-staff-no').fill(staffNo);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
  };
  const signOut = async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-submit').waitFor();
  };
  const row = (c: { number: string }) => page.locator(`tr[data-case-number="${c.number}"]`);
  const tab = (q: string) => page.getByTestId(`queue-${q}`);
  const reviewStatus = () => page.getByTestId('case-review-status').textContent();

  beforeAll(async () => {
    // A fresh build of the console sources, so the test never runs against a stale dist/.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-console-'));
    await build({ configFile: 'server/console/vite.config.ts', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
    server = await startServer({ rateLimit: false, consoleDir: dir, clock: () => new Date(Date.now() + skewMs) });
    await addOffice(server.db, { code: OFFICE, name: '和平区政务服务中心', level: 'county', address: '沈阳市和平区', phone: '', parentCode: null });
    await addWindow(server.db, { officeCode: OFFICE, code: '01', name: '无差别综合窗口 1 号', kind: 'general' });
    await publishCatalogue(server.db, CATALOGUE);
    await addTestStaff(server.db, ...STAFF);
    const { code } = await issueEnrolCode(server.db, OFFICE, '01');
    device = await (await fetch(`${server.url}/sync/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: '窗口机' }),
    })).json();

    const w = (n: number) => addWorkingDays(today, n, BUILTIN_CALENDAR);
    cases.road = await uploadCase(ROAD, w(8), {
      applicant: { kind: 'person', name: '李强', idNumber: '210102198506150013', phone: '13900001111' }, answers: {}, marks: { R1: { mark: 'verified' } },
    });
    cases.supplement = await uploadCase(FOOD, w(2), {
      applicant: { kind: 'person', name: '赵丽', idNumber: '210103199002021228', phone: '13700002222' }, answers: { S1: 'own' },
      marks: { M1: { mark: 'verified' }, M2: { mark: 'eCert' }, M4: { mark: 'verified' } },
    });
    // Its scans, as the window's page queue sends them: the event naming them, then the bytes.
    const scans = [pngBytes(620, 877, 11), pngBytes(620, 877, 12)];
    await push([{ caseId: cases.supplement.id, type: 'case.pagesAttached', payload: {
      pages: scans.map((b, i) => ({ pageId: `p${i}`, materialId: i ? 'M4' : 'M1', sha256: sha256(b), bytes: b.length, contentType: 'image/png', width: 620, height: 877, colour: 'grey', takenAt: new Date().toISOString() })),
    } }]);
    for (const b of scans) {
      const r = await fetch(`${server.url}/sync/v1/pages/${sha256(b)}?offset=0`, { method: 'POST', headers: { authorization: `Bearer ${device.deviceToken}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(b) });
      expect((await r.json()).stored).toBe(true);
    }
    cases.waiting = await uploadCase(FOOD, w(5), {
      applicant: { kind: 'person', name: '孙立新', idNumber: '210102198804123015', phone: '13812340001' }, answers: { S1: 'own' },
      marks: { M1: { mark: 'verified' }, M2: { mark: 'eCert' }, M4: { mark: 'verified' } },
    });
    cases.approve = await uploadCase(FOOD, w(10), {
      applicant: { kind: 'person', name: '王小明', idNumber: '11010519491231002X', phone: '13800138000' }, answers: { S1: 'rent' },
      marks: { M1: { mark: 'verified' }, M2: { mark: 'eCert' }, M3: { mark: 'copyReceived', copies: 1 }, M4: { mark: 'verified' } },
    });

    browser = await launchE2eChromium();
    page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console with a strict content security policy', async () => {
    const res = await fetch(`${server.url}/console/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await fetch(`${server.url}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
    expect((await fetch(`${server.url}/console/assets/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('a wrong password is refused; the 市场监管 reviewer signs in and sees only 市场监管 cases, in queues', async () => {
    await page.goto(`${server.url}/console/`);
    await signIn('3001', 'not-the-password');
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toBe('工号或密码错误');
    await shot('console-signin');
    await signIn('3001');
    await page.getByTestId('staff-name').waitFor();
    expect(await page.getByTestId('staff-name').textContent()).toBe('王审批（工号 3001）');
    expect(await page.getByTestId('staff-role').textContent()).toBe('审批人员');
    await expect.poll(() => page.locator('tr[data-case-number]').count()).toBe(3);
    expect(await row(cases.road).count()).toBe(0);
    await expect.poll(() => tab('unclaimed').textContent()).toBe('待认领 3');
    await shot('console-queues');
  });

  it('claims a case, sees the full ID (the view is audited), reviews and approves it with its 证照 after confirming', async () => {
    await row(cases.approve).click();
    await page.getByTestId('applicant-id').waitFor();
    expect(await page.getByTestId('applicant-id').textContent()).toBe('11010519491231002X');
    expect(await page.getByTestId('applicant-phone').textContent()).toBe('13800138000');
    const materials = page.getByTestId('materials');
    for (const name of ['食品经营许可申请书', '营业执照', '经营场所租赁合同', '食品安全管理制度文本']) await materials.getByText(name, { exact: true }).waitFor();
    await page.getByTestId('claim').click();
    await expect.poll(() => page.getByTestId('claim-holder').textContent()).toMatch(/^你已认领，至 /);

    const form = page.getByTestId('review-form');
    await form.getByText('受理审查中', { exact: true }).click();
    await page.getByTestId('review-note').fill('材料齐全，已进入审查');
    await page.getByTestId('review-submit').click();
    await expect.poll(reviewStatus).toBe('受理审查中');

    await form.getByText('准予', { exact: true }).click();
    await page.getByTestId('result-name').fill('食品经营许可证');
    await page.getByTestId('result-number').fill('JY22101020012345');
    await page.getByTestId('result-from').click();
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await page.getByTestId('result-unlimited').check();
    await page.getByTestId('review-note').fill('请通知申请人携带身份证原件领取');
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-confirm').waitFor();
    expect(await page.locator('.ant-modal-body').textContent()).toContain('作出后不可更改');
    await shot('console-approve-confirm');
    await page.getByTestId('review-confirm').click();
    await expect.poll(reviewStatus).toBe('准予');
    // Final: only 待取件 is offered now.
    await expect.poll(() => page.getByTestId('review-form').locator('.ant-radio-button-wrapper').allTextContents()).toEqual(['待取件']);
    expect(await page.getByTestId('timeline').textContent()).toContain('证照：食品经营许可证（编号 JY22101020012345');
    await shot('console-case');
  });

  it('asks the applicant for more (需补正) on a second case; the window receives who decided and the 备注', async () => {
    await page.getByTestId('back-to-list').click();
    await row(cases.supplement).click();
    await page.getByTestId('claim').click();
    // Each material's pages: open one large, then judge per material.
    const m1 = page.getByTestId('review-material-M1');
    await expect.poll(() => m1.getByTestId('review-thumb').count()).toBe(1);
    await m1.getByTestId('review-thumb').click();
    await expect.poll(() => page.getByTestId('review-page').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(620);
    await page.getByTestId('review-zoom-in').click();
    await page.getByTestId('review-rotate-right').click();
    await page.screenshot({ path: path.join(SHOTS, 'console-page-viewer.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
    await page.getByTestId('verdict-M1').getByText('未通过').click();
    await page.getByTestId('verdict-reason-M1').fill('申请书未签名');
    await page.getByTestId('verdict-M4').getByText('通过', { exact: true }).click();
    await page.getByTestId('material-pages').scrollIntoViewIfNeeded();
    await page.getByTestId('material-pages').screenshot({ path: path.join(SHOTS, 'console-material-pages.png'), animations: 'disabled' });
    await page.getByTestId('review-form').getByText('需补正', { exact: true }).click();
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-form').getByText('不予许可或需补正时必须填写理由').waitFor();
    await page.getByTestId('review-reason').fill('营业执照经营范围未含食品经营，请变更后提交');
    await page.getByTestId('review-submit').click();
    await expect.poll(reviewStatus).toBe('需补正');
    const pulled = (await (await fetch(`${server.url}/sync/v1/status-events?after=0`, { headers: { authorization: `Bearer ${device.deviceToken}` } })).json()) as PullResponse;
    expect(pulled.events.map((e) => [e.caseNumber, e.status, e.decidedBy, e.payload?.staffNo])).toEqual([
      [cases.approve.number, 'reviewing', '王审批', '3001'],
      [cases.approve.number, 'approved', '王审批', '3001'],
      [cases.supplement.number, 'needsSupplement', '王审批', '3001'],
    ]);
    expect(pulled.events[1].payload).toMatchObject({ note: '请通知申请人携带身份证原件领取', result: { licenceName: '食品经营许可证', validUntil: null } });
    // 需补正 carries exactly the failed material, with its reason.
    expect(pulled.events[2].payload).toMatchObject({ materials: [{ materialId: 'M1', verdict: 'failed', reason: '申请书未签名' }, { materialId: 'M4', verdict: 'passed', reason: null }] });
    await signOut();
  });

  it('the 交通 reviewer sees only the 交通 case; a 市场监管 case by its address is 没有找到; rejects after confirming', async () => {
    await signIn('3011');
    await page.getByTestId('staff-name').waitFor();
    await expect.poll(() => page.locator('tr[data-case-number]').count()).toBe(1);
    await page.evaluate((id) => { location.hash = `#/cases/${id}`; }, cases.approve.id);
    await page.getByText('没有找到该办件').waitFor();
    await page.evaluate(() => { location.hash = '#/queue/unclaimed'; });
    await row(cases.road).click();
    await page.getByTestId('claim').click();
    await page.getByTestId('review-form').getByText('不予许可', { exact: true }).click();
    await page.getByTestId('review-reason').fill('申请人不具备与其经营业务相适应并经检测合格的车辆（《道路运输条例》第二十二条）');
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-confirm').click();
    await expect.poll(reviewStatus).toBe('不予许可');
    await signOut();
  });

  it('with the server clock moved forward, 即将超时 and 已超时 fill from the promised dates and the holiday calendar', async () => {
    // Four working days on: the 需补正 case (due in 2) is late, the waiting one (due in 5) has one day left.
    const later = addWorkingDays(today, 4, BUILTIN_CALENDAR);
    skewMs = Date.parse(`${later}T12:00:00+08:00`) - Date.now();
    await signIn('3001');
    await page.getByTestId('staff-name').waitFor();
    await expect.poll(() => tab('overdue').textContent()).toBe('已超时 1');
    expect(await tab('dueSoon').textContent()).toBe('即将超时 1');
    expect(await tab('mine').textContent()).toBe('我的 2');
    await tab('overdue').click();
    await expect.poll(() => page.locator('tr[data-case-number]').count()).toBe(1);
    await row(cases.supplement).waitFor();
    expect(await row(cases.supplement).getByTestId('clock').textContent()).toMatch(/^已超时 \d+ 个工作日$/);
    await shot('console-overdue');
    await tab('dueSoon').click();
    await row(cases.waiting).waitFor();
    expect(await row(cases.waiting).getByTestId('clock').textContent()).toBe('剩 1 个工作日');
    await shot('console-due-soon');
    await signOut();
  });

  it('the admin sees no case but the audit log of everything: sign-ins, failed sign-in, views, claims, decisions', async () => {
    await signIn('3901');
    await page.getByTestId('staff-table').waitFor();
    await page.locator('tr[data-staff-no="3011"]').waitFor();
    await shot('console-staff');
    await page.getByTestId('console-nav').getByText('审计日志').click();
    const table = page.getByTestId('audit-table');
    await table.locator('tr[data-action="case.decide"]').first().waitFor();
    const text = await table.textContent();
    for (const s of ['登录失败', '登录', '查看办件（含个人信息）', '认领办件', '审批决定', '退出登录', '王审批', '刘审批', cases.approve.number, cases.road.number]) expect(text).toContain(s);
    expect(await table.locator('tr[data-action="case.decide"]').count()).toBe(4);
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verified').waitFor();
    await shot('console-audit');
    // The export is a download of the same log.
    const bytes = await page.evaluate(async (href) => [...new Uint8Array(await (await fetch(href)).arrayBuffer())], (await page.getByTestId('audit-export').getAttribute('href'))!);
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    expect(Buffer.from(bytes).toString('utf8')).toContain('审批决定');
    expect(errors).toEqual([]);
  });
});
