// The 补正 loop per material: the reviewer sees the case's pages, marks each material 通过 /
// 未通过 with a reason; 需补正 carries exactly the failed ones to the window, which shows them
// and records the supplement with new pages; the reviewer then sees those pages and goes on.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enrolDevice, startSyncServer, SYNC_REVIEWERS, type SyncServer } from '../helpers/syncWorld';
import { OFFICE_A } from './server-harness';
import { signedIn } from '../helpers/staffClient';
import { acceptWithPages } from '../helpers/scanCases';
import { addPage } from '../../electron/services/pages';
import { noisyPng } from '../helpers/images';
import type { CaseDetail } from '../../shared/domain/case';

let srv: SyncServer;
beforeAll(async () => {
  srv = await startSyncServer('pglite');
}, 60_000);
afterAll(async () => {
  await srv?.destroy();
});

it('需补正 names exactly the failed materials; the supplement with new pages reaches the reviewer', async () => {
  const d = await enrolDevice(srv, srv.url, OFFICE_A, 'loop');
  const { caseId } = acceptWithPages(d.ws, 3); // materials id, form, id
  expect((await d.client.syncRound()).ok).toBe(true);

  const reviewer = await signedIn(srv.url, SYNC_REVIEWERS[0].staffNo);
  const pages = await reviewer.get(`/cases/${caseId}/pages`);
  expect(pages.json.pages.map((p: { materialId: string; stored: boolean }) => [p.materialId, p.stored])).toEqual([['id', true], ['form', true], ['id', true]]);
  expect((await reviewer.post(`/cases/${caseId}/claim`)).status).toBe(200);
  // A 需补正 whose verdicts fail nothing is refused; 准予 with a failed material too.
  const none = await reviewer.post(`/cases/${caseId}/status`, { status: 'needsSupplement', reason: '材料不清', materials: [{ materialId: 'id', verdict: 'passed' }] });
  expect(none.status).toBe(400);
  const noReason = await reviewer.post(`/cases/${caseId}/status`, { status: 'needsSupplement', reason: '材料不清', materials: [{ materialId: 'id', verdict: 'failed' }] });
  expect(noReason.status).toBe(400);
  const r = await reviewer.post(`/cases/${caseId}/status`, {
    status: 'needsSupplement', reason: '申请表字迹不清，请重新提交',
    materials: [{ materialId: 'id', verdict: 'passed' }, { materialId: 'form', verdict: 'failed', reason: '申请表第二页字迹不清' }],
  });
  expect(r.status).toBe(200);

  // The window pulls it and shows exactly the failed material.
  expect((await d.client.syncRound()).ok).toBe(true);
  let detail = (await d.ws.dispatch('case.get', { caseId })) as { ok: true; value: CaseDetail };
  expect(detail.value.review?.status).toBe('needsSupplement');
  expect(detail.value.review?.failedMaterials).toEqual([{ materialId: 'form', name: '查询申请表', reason: '申请表第二页字迹不清' }]);

  // 办结 waits, and says for what; the 补正告知书 lists exactly the failed material with its reason.
  const waiting = await d.ws.dispatch('case.complete', { caseId });
  expect(waiting).toMatchObject({ ok: false, error: { code: 'precondition_failed', message: expect.stringContaining('请先记录申请人补正的材料') } });
  expect(detail.value.review?.completeWaits).toContain('后台要求补正 1 项材料');
  expect(((await d.ws.dispatch('notice.kinds', { caseId })) as { ok: true; value: { kinds: string[] } }).value.kinds).toContain('supplementRequest');
  const notice = ((await d.ws.dispatch('notice.render', { caseId, kind: 'supplementRequest', layout: 'thermal80' })) as { ok: true; value: { html: string } }).value.html;
  expect(notice).toContain('补正告知书');
  expect(notice).toContain('申请表第二页字迹不清');
  expect(notice).toContain('需补正材料（共 1 项）');

  // A supplement must bring a new page of every failed material (a page of another one alone is refused).
  addPage(d.ws, { draftId: 'other', materialId: 'id', colour: 'grey', dataBase64: noisyPng(20_000, 4141).toString('base64') });
  expect(await d.ws.dispatch('pages.attach', { caseId, draftId: 'other', supplement: true })).toMatchObject({
    ok: false, error: { code: 'precondition_failed', message: '请为每项需补正的材料扫描新的页面，尚缺：查询申请表' },
  });

  // The applicant returns: a new scan of the failed material, recorded as the supplement.
  const fresh = noisyPng(25_000, 4242);
  addPage(d.ws, { draftId: 'sup', materialId: 'form', colour: 'grey', dataBase64: fresh.toString('base64') });
  const attached = await d.ws.dispatch('pages.attach', { caseId, draftId: 'sup', supplement: true });
  expect(attached).toEqual({ ok: true, value: { attached: 1 } });
  detail = (await d.ws.dispatch('case.get', { caseId })) as { ok: true; value: CaseDetail };
  expect(detail.value.events.at(-1)?.summary).toBe('补正材料扫描件 1 页');
  expect(detail.value.pageUploads).toEqual({ total: 4, uploaded: 3 });
  expect(detail.value.review?.supplementedAt).not.toBeNull();
  expect(detail.value.review?.completeWaits).toBe('补正材料已记录，正等待后台审核；后台审核后才能办结');
  expect((await d.client.syncRound()).ok).toBe(true);
  detail = (await d.ws.dispatch('case.get', { caseId })) as { ok: true; value: CaseDetail };
  expect(detail.value.pageUploads).toEqual({ total: 4, uploaded: 4 });

  // The reviewer sees the new page with the case, and goes on.
  const after = await reviewer.get(`/cases/${caseId}/pages`);
  expect(after.json.pages).toHaveLength(4);
  expect(after.json.pages[3]).toMatchObject({ materialId: 'form', stored: true, supplement: true });
  expect(after.json.pages[0]).toMatchObject({ supplement: false });
  const view = await reviewer.get(`/cases/${caseId}`);
  expect(view.json.events.map((e: { type: string }) => e.type)).toContain('case.pagesAttached');
  const ok = await reviewer.post(`/cases/${caseId}/status`, { status: 'reviewing', materials: [{ materialId: 'id', verdict: 'passed' }, { materialId: 'form', verdict: 'passed' }] });
  expect(ok.status).toBe(200);
  // The department went on: 办结 no longer waits at the window; the 补正告知书 can still be reprinted.
  expect((await d.client.syncRound()).ok).toBe(true);
  detail = (await d.ws.dispatch('case.get', { caseId })) as { ok: true; value: CaseDetail };
  expect(detail.value.review?.completeWaits).toBeNull();
  expect(((await d.ws.dispatch('notice.kinds', { caseId })) as { ok: true; value: { kinds: string[] } }).value.kinds).toContain('supplementRequest');
  d.ws.close();
}, 120_000);
