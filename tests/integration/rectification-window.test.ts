// The window sees its 差评 and how the 整改 stands: a 差评 rated at the window is uploaded, the
// centre registers it (deadline), a head works it, and each step comes back down as a
// review.rectification event recorded in the case — through the real sync client, SQLite file
// and server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_A } from './server-harness';
import { acceptCase, enrolDevice, startSyncServer, type SyncServer } from '../helpers/syncWorld';
import { addTestStaff, signedIn, type StaffClient } from '../helpers/staffClient';
import type { BadRatingLine } from '../../shared/stats/badRatings';
import type { Workstation } from '../../electron/services/workstation';
import { caseEvents } from '../../electron/store/caseEvents';
import { rectificationEvents } from '../../shared/stats/badRatings';

async function call<T>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = await ws.dispatch(channel as never, input as never);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

describe('差评整改 at the window', () => {
  let srv: SyncServer;
  let head: StaffClient;
  beforeAll(async () => {
    srv = await startSyncServer('postgres');
    await addTestStaff(srv.db, { staffNo: '6101', name: '公安科长', role: 'head', departmentCodes: ['GA'], officeCodes: [OFFICE_A] });
    head = await signedIn(srv.url, '6101');
  }, 60_000);
  afterAll(async () => { await srv?.destroy(); });

  it('待中心登记 → 待整改 with the deadline → 整改中 → 已整改 with the measures and the 回访', async () => {
    const d = await enrolDevice(srv, srv.url, OFFICE_A, 'W1');
    const caseId = acceptCase(d);
    const good = acceptCase(d);
    await call(d.ws, 'case.rate', { caseId, level: 'veryDissatisfied', reasons: ['C02', 'C03'], source: 'screen', comment: '同一证明交了两次' });
    await call(d.ws, 'case.rate', { caseId: good, level: 'satisfied', reasons: ['H01'], source: 'screen' });
    const lines = async () => (await call<{ lines: BadRatingLine[] }>(d.ws, 'stats.badRatings', {})).lines;
    expect(await lines()).toEqual([expect.objectContaining({ caseId, standing: 'unregistered', rectification: null, reasons: ['同样内容的证明材料被要求多次提交', '多头跑窗口和部门'] })]);

    // Up, registered at the centre, and back down in the same round (push before pull).
    expect((await d.client.syncRound()).ok).toBe(true);
    const [registered] = await lines();
    expect(registered).toMatchObject({ standing: 'pending', rectification: { status: 'pending', deadlineDays: 5 } });

    await head.post(`/rectifications/${caseId}`, { action: 'start' });
    await head.post(`/rectifications/${caseId}`, { action: 'complete', measures: '证明材料共享调取，不再重复提交' });
    await head.post(`/rectifications/${caseId}`, { action: 'revisit', method: 'phone', satisfied: true, note: '已致歉' });
    await d.client.syncRound();
    const [done] = await lines();
    expect(done).toMatchObject({ standing: 'done', doneLate: false, rectification: { measures: '证明材料共享调取，不再重复提交', revisit: { method: 'phone', satisfied: true } } });
    const events = caseEvents(d.ws.db, caseId);
    expect(rectificationEvents(events)).toBe(4);
    const detail = await call<{ events: { summary: string }[] }>(d.ws, 'case.get', { caseId });
    expect(detail.events.at(-1)!.summary).toContain('差评整改：已整改（整改期限');
    expect(detail.events.at(-1)!.summary).toContain('电话回访：申请人表示满意（已致歉）');
    // A second round brings nothing twice.
    await d.client.syncRound();
    expect(rectificationEvents(caseEvents(d.ws.db, caseId))).toBe(4);
  });
});
