// Scanned pages on the workstation through the real handler table on a real SQLite file:
// taken for a draft (surviving a restart), joining the case in the decision's transaction,
// typed and sized from their bytes, limited, and refused cleanly on a full disk.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testWorkstation, tempDbPath, PERSON, ORG, acceptCertificate } from '../helpers/workstation';
import { pngBytes } from '../helpers/images';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import { outboxSize } from '../../electron/store/outbox';
import type { PageView } from '../../shared/scans/api';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value;
}
async function fail(ws: Workstation, channel: string, input: unknown) {
  const r = await ws.dispatch(channel, input);
  if (r.ok) throw new Error(`expected ${channel} to fail`);
  return r.error;
}
const b64 = (b: Buffer) => b.toString('base64');
const add = (ws: Workstation, draftId: string, materialId: string, seed: number, colour = 'grey') =>
  call<PageView>(ws, 'pages.add', { draftId, materialId, colour, dataBase64: b64(pngBytes(120, 170, seed)) });
const count = (ws: Workstation, sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;

describe('pages of an intake draft', () => {
  it('are stored as taken, typed and sized from their bytes, and survive a restart', async () => {
    const dbPath = tempDbPath();
    let ws = testWorkstation({ dbPath });
    const p1 = await add(ws, 'draft-1', 'id', 1);
    await add(ws, 'draft-1', 'form', 2, 'colour');
    expect(p1).toMatchObject({ materialId: 'id', contentType: 'image/png', width: 120, height: 170, colour: 'grey', caseId: null });
    expect(p1.sha256).toBe(crypto.createHash('sha256').update(pngBytes(120, 170, 1)).digest('hex'));
    ws.close();
    ws = testWorkstation({ dbPath });
    const listed = await call<{ pages: PageView[] }>(ws, 'pages.list', { draftId: 'draft-1' });
    expect(listed.pages.map((p) => p.materialId)).toEqual(['id', 'form']);
    const back = await call<{ contentType: string; dataBase64: string }>(ws, 'pages.get', { pageId: p1.pageId });
    expect(Buffer.from(back.dataBase64, 'base64').equals(pngBytes(120, 170, 1))).toBe(true);
    expect(outboxSize(ws.db)).toBe(0); // nothing is uploaded before the decision
  });

  it('keeps one copy of the same bytes however many pages use them', async () => {
    const ws = testWorkstation();
    await add(ws, 'd', 'id', 7);
    await add(ws, 'd', 'form', 7);
    expect(count(ws, 'SELECT count(*) AS n FROM pages')).toBe(2);
    expect(count(ws, 'SELECT count(*) AS n FROM page_blobs')).toBe(1);
  });

  it('refuses what is not an image, whatever it claims, and a broken image', async () => {
    const ws = testWorkstation();
    const text = await fail(ws, 'pages.add', { draftId: 'd', materialId: 'id', colour: 'grey', dataBase64: b64(Buffer.from('<html>not a scan</html>')) });
    expect(text).toMatchObject({ code: 'invalid_input', message: '只能保存 JPEG、PNG 或 WebP 图片' });
    const cut = await fail(ws, 'pages.add', { draftId: 'd', materialId: 'id', colour: 'grey', dataBase64: b64(pngBytes(10, 10).subarray(0, 12)) });
    expect(cut.message).toContain('图片已损坏');
    expect(count(ws, 'SELECT count(*) AS n FROM pages')).toBe(0);
  });

  it('removes a draft page, never one that joined a case', async () => {
    const ws = testWorkstation();
    const p = await add(ws, 'd', 'id', 1);
    await call(ws, 'pages.remove', { pageId: p.pageId });
    expect(count(ws, 'SELECT count(*) AS n FROM page_blobs')).toBe(0);
    const q = await add(ws, 'd', 'id', 2);
    await call(ws, 'case.decide', { ...acceptCertificate(), draftId: 'd' });
    expect((await fail(ws, 'pages.remove', { pageId: q.pageId })).message).toContain('已随办件保存');
  });
});

describe('pages join the case in the decision transaction', () => {
  it('as one case.pagesAttached event after case.decided, queued for upload with it', async () => {
    const ws = testWorkstation();
    await add(ws, 'd', 'id', 1);
    await add(ws, 'd', 'id', 2);
    await add(ws, 'd', 'form', 3);
    await add(ws, 'd', 'agentId', 4); // a material the answers took off the checklist (本人办理)
    const r = await call<{ caseId: string }>(ws, 'case.decide', { ...acceptCertificate(), draftId: 'd' });
    const detail = await call<{ events: { type: string; summary: string }[]; materials: { id: string; pages: number }[] }>(ws, 'case.get', { caseId: r.caseId });
    expect(detail.events.map((e) => e.type)).toEqual(['case.opened', 'case.decided', 'case.pagesAttached']);
    expect(detail.events[2].summary).toBe('材料扫描件 3 页');
    expect(Object.fromEntries(detail.materials.map((m) => [m.id, m.pages]))).toMatchObject({ id: 2, form: 1 });
    expect(outboxSize(ws.db)).toBe(3);
    expect((await call<{ pages: PageView[] }>(ws, 'pages.list', { caseId: r.caseId })).pages).toHaveLength(3);
    // 材料接收凭证 lists the pages taken per material.
    const receipt = await call<{ html: string }>(ws, 'notice.render', { caseId: r.caseId, kind: 'materialReceipt', layout: 'A4' });
    expect(receipt.html).toContain('扫描页数');
    expect(receipt.html).toContain('2 页');
    // The page of the material not on the checklist stays with the draft.
    expect((await call<{ pages: PageView[] }>(ws, 'pages.list', { draftId: 'd' })).pages.map((p) => p.materialId)).toEqual(['agentId']);
  });

  it('a refused decision leaves every page with its draft', async () => {
    const ws = testWorkstation();
    await add(ws, 'd', 'id', 1);
    const e = await fail(ws, 'case.decide', { ...acceptCertificate(), applicant: { ...PERSON, idNumber: '110105194912310021' }, draftId: 'd' });
    expect(e.code).toBe('invalid_input');
    expect((await call<{ pages: PageView[] }>(ws, 'pages.list', { draftId: 'd' })).pages).toHaveLength(1);
    expect(count(ws, 'SELECT count(*) AS n FROM cases')).toBe(0);
  });

  it('a 补正 records its new scans with it, and later pages join an accepted case by attach', async () => {
    const ws = testWorkstation();
    const marks = { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'deferred' } };
    const r = await call<{ caseId: string }>(ws, 'case.decide', {
      itemCode: 'T0000000002', answers: {}, marks, applicant: ORG, agent: null, decision: 'acceptWithDeferral', startedAt: new Date().toISOString(),
      deferral: { commitment: '三个工作日内补齐', supplementDeadline: '2099-01-01' },
    }).catch(async () => {
      // The promised date bounds the deadline: ask the terms for the latest one allowed.
      const t = await call<{ latestSupplementDeadline: string }>(ws, 'case.terms', { itemCode: 'T0000000002', answers: {}, marks });
      return call<{ caseId: string }>(ws, 'case.decide', {
        itemCode: 'T0000000002', answers: {}, marks, applicant: ORG, agent: null, decision: 'acceptWithDeferral', startedAt: new Date().toISOString(),
        deferral: { commitment: '三个工作日内补齐', supplementDeadline: t.latestSupplementDeadline },
      });
    });
    await add(ws, 'sup', 'rules', 9);
    await call(ws, 'case.supplement', { caseId: r.caseId, note: '已补交', draftId: 'sup' });
    await add(ws, 'later', 'apply', 10);
    expect(await call(ws, 'pages.attach', { caseId: r.caseId, draftId: 'later' })).toEqual({ attached: 1 });
    const d = await call<{ events: { type: string; summary: string }[] }>(ws, 'case.get', { caseId: r.caseId });
    expect(d.events.map((e) => e.type)).toEqual(['case.opened', 'case.decided', 'case.supplemented', 'case.pagesAttached', 'case.pagesAttached']);
    expect(d.events[3].summary).toBe('补正材料扫描件 1 页');
  });
});

describe('full disk', () => {
  it('refuses the page with a clear message and keeps every page saved before', async () => {
    const ws = testWorkstation();
    const first = await add(ws, 'd', 'id', 1);
    const pages = ws.db.pragma('page_count', { simple: true }) as number;
    ws.db.pragma(`max_page_count = ${pages}`);
    let e: { code: string; message: string } | null = null;
    for (let i = 0; i < 50 && !e; i++) {
      const r = await ws.dispatch('pages.add', { draftId: 'd', materialId: 'id', colour: 'grey', dataBase64: b64(pngBytes(200, 200, 100 + i)) });
      if (!r.ok) e = r.error;
    }
    expect(e?.code).toBe('storage_full');
    expect(e?.message).toContain('磁盘空间已满');
    ws.db.pragma('max_page_count = 1073741823');
    const back = await call<{ dataBase64: string }>(ws, 'pages.get', { pageId: first.pageId });
    expect(Buffer.from(back.dataBase64, 'base64').equals(pngBytes(120, 170, 1))).toBe(true);
    expect(count(ws, 'SELECT count(*) AS n FROM pages p WHERE NOT EXISTS (SELECT 1 FROM page_blobs b WHERE b.sha256 = p.sha256)')).toBe(0);
    expect((ws.db.pragma('integrity_check', { simple: true }) as string)).toBe('ok');
  });
});

describe('practice mode', () => {
  it('keeps scans in the practice database and never queues them', async () => {
    const ws = testWorkstation({ practice: true });
    await add(ws, 'd', 'id', 1);
    await call(ws, 'case.decide', { ...acceptCertificate(), draftId: 'd' });
    expect(count(ws, 'SELECT count(*) AS n FROM pages WHERE case_id IS NOT NULL')).toBe(1);
    expect(outboxSize(ws.db)).toBe(0);
  });
});
