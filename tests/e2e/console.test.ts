// The back-office console (后台分类审批) in headless Chromium against a real central server
// (in-memory PGlite): a window uploads accepted cases through the sync API, staff sign in,
// find and open a case, decide on it, and the window pulls the decisions.
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
import { REVIEW_STATUS_LABEL, type EnrolResponse, type PullResponse, type PushEntry, type ReviewStatus } from '../../shared/sync/protocol';
import { launchChromium } from '../helpers/chromium';

const STAFF_TOKEN = 'console-test-staff-token';
const OFFICE = '210102';
const FOOD = '11210100MB0000001A';
const ROAD = '11210100MB0000002B';
const SHOTS = path.resolve('docs/screenshots');

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

describe('back-office console', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let device: EnrolResponse;
  const errors: string[] = [];
  let seq = 0;
  const caseNumbers: string[] = [];

  const push = async (entries: Array<{ caseId: string; type: PushEntry['type']; payload: Record<string, unknown> }>) => {
    const batch = entries.map((e) => ({ ...e, seq: ++seq, id: uuidv7(), deviceTime: new Date().toISOString(), staffNo: '1001' }));
    const r = await fetch(`${server.url}/sync/v1/push`, {
      method: 'POST', headers: { authorization: `Bearer ${device.deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: device.deviceId, batch }),
    });
    const json = await r.json();
    expect(json.rejected).toEqual([]);
  };

  /** A case as the workstation uploads it: case.opened with applicant, answers and marks, then case.decided. */
  const uploadCase = async (itemCode: string, decision: string, opened: Record<string, unknown>) => {
    const caseId = uuidv7();
    const caseNumber = formatCaseNumber({ officeCode: OFFICE, windowCode: '01', date: '2026-05-04', sequence: caseNumbers.length + 1 });
    caseNumbers.push(caseNumber);
    await push([
      { caseId, type: 'case.opened', payload: { itemCode, catalogueVersion: 1, caseNumber, officeCode: OFFICE, windowCode: '01', agent: null, ...opened } },
      { caseId, type: 'case.decided', payload: { decision, caseNumber, tier: null, promisedDate: null, missing: [] } },
    ]);
    return caseNumber;
  };

  const shot = async (name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled', fullPage: true });
  };

  beforeAll(async () => {
    // A fresh build of the console sources, so the test never runs against a stale dist/.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-console-'));
    await build({ configFile: 'server/console/vite.config.ts', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
    server = await startServer({ staffToken: STAFF_TOKEN, rateLimit: false, consoleDir: dir });
    await addOffice(server.db, { code: OFFICE, name: '和平区政务服务中心', level: 'county', address: '沈阳市和平区', phone: '', parentCode: null });
    await addWindow(server.db, { officeCode: OFFICE, code: '01', name: '无差别综合窗口 1 号', kind: 'general' });
    await publishCatalogue(server.db, CATALOGUE);
    const { code } = await issueEnrolCode(server.db, OFFICE, '01');
    device = await (await fetch(`${server.url}/sync/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: '窗口机' }),
    })).json();

    await uploadCase(ROAD, 'accept', {
      applicant: { kind: 'person', name: '李强', idNumber: '210102198506150013', phone: '13900001111' }, answers: {}, marks: { R1: { mark: 'verified' } },
    });
    await uploadCase(FOOD, 'notifyMissing', {
      applicant: { kind: 'person', name: '赵丽', idNumber: '210103199002021228', phone: '13700002222' }, answers: { S1: 'own' },
      marks: { M1: { mark: 'verified' }, M2: { mark: 'missing', note: '未带营业执照' }, M4: { mark: 'verified' } },
    });
    await uploadCase(FOOD, 'accept', {
      applicant: { kind: 'person', name: '王小明', idNumber: '11010519491231002X', phone: '13800138000' },
      answers: { S1: 'rent' },
      marks: { M1: { mark: 'verified' }, M2: { mark: 'eCert' }, M3: { mark: 'copyReceived', copies: 1 }, M4: { mark: 'verified' } },
    });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
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
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const redirect = await fetch(`${server.url}/console`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/console/');
    expect((await fetch(`${server.url}/console/assets/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('signs in with the staff token and lists the cases newest first', async () => {
    await page.goto(`${server.url}/console/`);
    await page.getByTestId('signin-name').fill('刘审批');
    await page.getByTestId('signin-token').fill('not-the-token');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByText('后台令牌无效').isVisible()).toBe(true);

    await page.getByTestId('signin-token').fill(STAFF_TOKEN);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('staff-name').waitFor();
    expect(await page.getByTestId('staff-name').textContent()).toContain('刘审批');

    const rows = page.locator('tr[data-case-number]');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-case-number')))).toEqual([...caseNumbers].reverse());
    await page.getByText('食品经营许可（新办）').first().waitFor();

    // The staff member's department only.
    await page.getByTestId('filter-department').click();
    await page.locator('.ant-select-item-option', { hasText: '市场监督管理局' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await shot('console-list');
  });

  it('shows the applicant masked and the materials named from the catalogue', async () => {
    await page.locator(`tr[data-case-number="${caseNumbers[2]}"]`).click();
    await page.getByTestId('applicant-id').waitFor();
    expect(await page.getByTestId('applicant-id').textContent()).toBe('110105********002X');
    expect(await page.locator('body').textContent()).not.toContain('11010519491231002X');
    const materials = page.getByTestId('materials');
    for (const name of ['食品经营许可申请书', '营业执照', '经营场所租赁合同', '食品安全管理制度文本']) {
      await materials.getByText(name, { exact: true }).waitFor();
    }
    for (const mark of ['原件已核验', '电子证照已调取', '复印件已收，1 份']) await materials.getByText(mark).first().waitFor();
    await materials.getByText('租赁', { exact: true }).waitFor();
    expect(await page.getByTestId('timeline').textContent()).toContain('窗口作出受理决定：受理');
  });

  it('refuses a rejection without reasons, then records supplement, approval and pickup', async () => {
    const form = page.getByTestId('review-form');
    const decide = async (status: ReviewStatus, reason?: string) => {
      await form.getByText(REVIEW_STATUS_LABEL[status], { exact: true }).click();
      if (reason) await page.getByTestId('review-reason').fill(reason);
      await page.getByTestId('review-submit').click();
    };
    const reviewStatus = () => page.getByTestId('case-review-status').textContent();

    await decide('rejected');
    await form.getByText('不予许可或需补正时必须填写理由').waitFor();
    expect(await reviewStatus()).toBe('待审批');

    await decide('needsSupplement', '租赁合同复印件需加盖出租方印章后重新提交');
    await expect.poll(reviewStatus).toBe('需补正');
    await form.getByText('不予许可或需补正时必须填写理由').waitFor({ state: 'detached' });
    await decide('approved');
    await expect.poll(reviewStatus).toBe('准予');
    await decide('readyForPickup');
    await expect.poll(reviewStatus).toBe('待取件');
    await expect.poll(() => page.getByTestId('timeline-status').count()).toBe(3);
    expect(await page.getByTestId('timeline').textContent()).toContain('租赁合同复印件需加盖出租方印章后重新提交');
    // The confirmation toast has gone, so it does not cover the page in the screenshot.
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await shot('console-case');
    expect(errors).toEqual([]);
  });

  it('makes the decisions readable by the window through sync', async () => {
    const r = await fetch(`${server.url}/sync/v1/status-events?after=0`, { headers: { authorization: `Bearer ${device.deviceToken}` } });
    const pulled = (await r.json()) as PullResponse;
    expect(pulled.events.map((e) => [e.caseNumber, e.status, e.decidedBy])).toEqual([
      [caseNumbers[2], 'needsSupplement', '刘审批'],
      [caseNumbers[2], 'approved', '刘审批'],
      [caseNumbers[2], 'readyForPickup', '刘审批'],
    ]);
    expect(pulled.events[0].reason).toBe('租赁合同复印件需加盖出租方印章后重新提交');
  });

  it('shows a 引导 case of a 来访群众 (no ID card taken) by 称呼, with no ID', async () => {
    const number = await uploadCase(FOOD, 'redirect', { applicant: { kind: 'visitor', name: '张大爷' }, answers: {}, marks: {} });
    await page.getByTestId('back-to-list').click();
    const row = page.locator(`tr[data-case-number="${number}"]`);
    await row.click();
    await page.getByTestId('applicant-id').waitFor();
    expect(await page.getByTestId('applicant-id').textContent()).toBe('引导至分中心，未登记证件');
    expect(await page.getByTestId('applicant').textContent()).toContain('张大爷');
    expect(errors).toEqual([]);
  });
});
