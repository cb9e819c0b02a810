// What the back office decides reaches the window whole: who decided and the 备注 (shown, no
// longer lost), a badge and a highlighted row when a case turns 需补正 or 待取件 (cleared when
// a clerk opens it, recorded), the 延期 with its 延长办理期限通知书, and the 准予's 证照 on the
// 出件回执 — through the real sync client, SQLite file and server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_A } from './server-harness';
import { enrolDevice, startSyncServer, SYNC_REVIEWERS, type SyncServer } from '../helpers/syncWorld';
import { addTestStaff, signedIn, type StaffClient } from '../helpers/staffClient';
import { ORG } from '../helpers/workstation';
import type { CaseDetail, CaseSummary } from '../../shared/domain/case';
import type { Workstation } from '../../electron/services/workstation';

async function call<T>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = await ws.dispatch(channel as never, input as never);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

describe('back-office decisions at the window', () => {
  let srv: SyncServer;
  let reviewer: StaffClient;
  let head: StaffClient;
  beforeAll(async () => {
    srv = await startSyncServer('pglite');
    await addTestStaff(srv.db, { staffNo: '6101', name: '市场科长', role: 'head', departmentCodes: ['SJ'], officeCodes: [OFFICE_A] });
    reviewer = await signedIn(srv.url, SYNC_REVIEWERS[0].staffNo);
    head = await signedIn(srv.url, '6101');
  });
  afterAll(async () => { await srv?.destroy(); });

  it('needsSupplement with a 备注 → badge and highlighted row until opened; 延期 → its notice; 准予 with 证照 → 待取件 → the 出件回执 shows the 证照', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'W1');
    const { caseId } = await call<{ caseId: string }>(d.ws, 'case.decide', {
      itemCode: 'T0000000002', answers: {}, applicant: ORG, agent: null, decision: 'accept', startedAt: d.ws.now().toISOString(),
      marks: { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'verified' } },
    });
    expect((await d.client.syncRound()).ok).toBe(true);
    const alerts = () => call<{ count: number; cases: Array<{ caseId: string; reviewStatus: string }> }>(d.ws, 'case.alerts', {});
    const row = async () => (await call<{ cases: CaseSummary[] }>(d.ws, 'case.queue', {})).cases.find((c) => c.id === caseId)!;

    await reviewer.post(`/cases/${caseId}/claim`);
    await reviewer.post(`/cases/${caseId}/status`, { status: 'needsSupplement', reason: '布局图未标明操作间面积', note: '申请人来电时请提醒携带原件' });
    await d.client.syncRound();
    expect(await alerts()).toEqual({ count: 1, cases: [{ caseId, caseNumber: expect.any(String), reviewStatus: 'needsSupplement' }] });
    expect((await row()).attention).toBe('needsSupplement');
    // The clerk opens it: the 备注 and who decided are there, the badge clears, the opening is recorded.
    const seen = await call<CaseDetail>(d.ws, 'case.get', { caseId });
    expect(seen.review).toMatchObject({ status: 'needsSupplement', reason: '布局图未标明操作间面积', note: '申请人来电时请提醒携带原件', decidedBy: '后台审批员' });
    expect(seen.events.at(-1)!.summary).toBe('后台审批：需补正（布局图未标明操作间面积）；备注：申请人来电时请提醒携带原件——后台审批员（工号 6001）');
    expect((await alerts()).count).toBe(0);
    expect((await row()).attention).toBeNull();
    expect(d.ws.db.prepare("SELECT staff_no AS s, json_extract(detail, '$.caseId') AS c FROM audit_log WHERE action = 'review.seen'").all()).toEqual([{ s: '1001', c: caseId }]);

    // 延期 approved by the head: new promised date at the window, the notice printable.
    const before = seen.summary.promisedDate!;
    const asked = await reviewer.post(`/cases/${caseId}/extension-requests`, { days: 5, reason: '需对经营场所进行现场核查' });
    await head.post(`/extension-requests/${asked.json.id}/decision`, { approve: true });
    await d.client.syncRound();
    const extended = await call<CaseDetail>(d.ws, 'case.get', { caseId });
    expect(extended.summary.promisedDate).not.toBe(before);
    expect(extended.review?.extension).toMatchObject({ days: 5, previousPromisedDate: before, promisedDate: extended.summary.promisedDate, approvedBy: '市场科长' });
    expect((await call<{ kinds: string[] }>(d.ws, 'notice.kinds', { caseId })).kinds).toContain('extension');
    const notice = (await call<{ html: string }>(d.ws, 'notice.render', { caseId, kind: 'extension', layout: 'A4' })).html;
    for (const text of ['延长办理期限通知书', '需对经营场所进行现场核查', '办理期限延长 5 个工作日']) expect(notice).toContain(text);

    // 准予 with its 证照, then 待取件: flagged again; handed over, the 出件回执 names the 证照.
    const result = { licenceName: '食品经营许可证', licenceNumber: 'JY22101000012345', validFrom: '2026-12-01', validUntil: '2031-11-30' };
    await reviewer.post(`/cases/${caseId}/status`, { status: 'approved', result, confirmed: true });
    await reviewer.post(`/cases/${caseId}/status`, { status: 'readyForPickup', note: '证照已送综合窗口 3 号柜' });
    await d.client.syncRound();
    expect(await alerts()).toMatchObject({ count: 1, cases: [{ caseId, reviewStatus: 'readyForPickup' }] });
    expect((await row()).actions).toContain('deliver');
    const ready = await call<CaseDetail>(d.ws, 'case.get', { caseId });
    expect(ready.review).toMatchObject({ status: 'readyForPickup', note: '证照已送综合窗口 3 号柜', result });
    // A unit collects through its legal representative's own ID card, never the credit code.
    expect((await d.ws.dispatch('case.deliver', { caseId, method: 'applicant', idNumber: ORG.creditCode })).ok).toBe(false);
    const unchecked = await d.ws.dispatch('case.deliver', { caseId, method: 'applicant', idNumber: '11010519491231002X' });
    expect(!unchecked.ok && unchecked.error.message).toBe(`请核对证件上的姓名与法定代表人「${ORG.legalRepresentative}」一致`);
    await call(d.ws, 'case.deliver', { caseId, method: 'applicant', idNumber: '11010519491231002X', identityChecked: true });
    const delivered = JSON.parse((d.ws.db.prepare("SELECT payload FROM case_events WHERE case_id = ? AND type = 'case.delivered'").get(caseId) as { payload: string }).payload);
    expect(delivered).toMatchObject({ method: 'applicant', receiver: ORG.legalRepresentative, receiverIdNumber: '11010519491231002X', label: '法定代表人领取' });
    expect((await alerts()).count).toBe(0);
    const receipt = (await call<{ html: string }>(d.ws, 'notice.render', { caseId, kind: 'deliveryReceipt', layout: 'A4' })).html;
    for (const text of ['证照名称：食品经营许可证', '证照编号：JY22101000012345', '有效期限：2026年12月1日至2031年11月30日']) expect(receipt).toContain(text);
    d.ws.close();
  });
});
