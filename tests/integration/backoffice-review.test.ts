// The review as departments work it: claims with one winner (also under a race), heads
// reassigning, final decisions that stay final unless a head corrects them with a reason,
// 延期 approved by a head on the holiday calendar, 挂起 within the item's limit, and the queues
// counted from the promised date on the server's (moved) clock — SQL and caseState.ts agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKENDS, Outbox, catalogueFixture, enrolDevice, push, staff, startTestServer, type StaffClient, type TestServer } from './server-harness';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import type { EnrolResponse, PullResponse } from '../../shared/sync/protocol';
import type { CaseListResponse } from '../../shared/sync/backoffice';
import { QUEUES } from '../../shared/sync/review';

const FOOD = '11210100MB0000001A';
const RESULT = { licenceName: '食品经营许可证', licenceNumber: 'JY22101020012345', validFrom: '2026-09-01', validUntil: '2031-08-31' };
/** China noon of a day: the server's business clock for the test. */
const noon = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe.each(BACKENDS)('the review workflow on %s', (backend) => {
  let t: TestServer;
  let dev: EnrolResponse;
  let box: Outbox;
  let today = '2026-09-21';
  let a: StaffClient, b: StaffClient, head: StaffClient;
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false, clock: () => noon(today) });
    const cat = catalogueFixture([{ code: FOOD, name: '食品经营许可' }]);
    cat.items[0].suspendLimitDays = 5;
    await publishCatalogue(t.db, cat);
    dev = await enrolDevice(t);
    box = new Outbox();
    [a, b, head] = await Promise.all([staff(t, 'reviewer'), staff(t, 'reviewer2'), staff(t, 'head')]);
  });
  afterAll(async () => { await t?.close(); });

  /** A case accepted at the window with this promised date. */
  async function accepted(promisedDate: string | null = '2026-09-30'): Promise<string> {
    const id = box.open(undefined, FOOD);
    box.add(id, 'case.decided', { decision: 'accept', promisedDate });
    const from = box.entries.length - 1;
    expect((await push(t, dev, box.slice(from, from + 1))).json.rejected).toEqual([]);
    return id;
  }
  const pull = async () => (await (await fetch(`${t.server.url}/sync/v1/status-events?after=0&limit=500`, { headers: { authorization: `Bearer ${dev.deviceToken}` } })).json()) as PullResponse;

  it('two reviewers racing for one case: exactly one wins, the other is told who holds it', async () => {
    const id = await accepted();
    const tries = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).post(`/cases/${id}/claim`)));
    const won = tries.filter((r) => r.status === 200);
    expect(won.map((r) => r.json.staffNo).every((s) => s === won[0].json.staffNo)).toBe(true);
    const loser = won[0].json.staffNo === '5001' ? b : a;
    const lost = tries.filter((r) => r.status !== 200);
    expect(lost.every((r) => r.status === 409 && r.json.code === 'claimed_by_other')).toBe(true);
    expect(lost.length).toBeGreaterThan(0);
    const { rows } = await t.db.query<{ n: unknown }>('SELECT count(*) AS n FROM case_claims WHERE case_id = $1', [id]);
    expect(Number(rows[0].n)).toBe(1);
    const decided = await loser.post(`/cases/${id}/status`, { status: 'reviewing' });
    expect([decided.status, decided.json.code]).toEqual([409, 'claimed_by_other']);
  });

  it('a claim expires after the set time; a head reassigns; only the holder decides', async () => {
    const id = await accepted();
    expect((await a.post(`/cases/${id}/claim`)).status).toBe(200);
    expect((await b.post(`/cases/${id}/claim`)).json.code).toBe('claimed_by_other');
    await t.db.query("UPDATE case_claims SET expires_at = now() - interval '1 second' WHERE case_id = $1", [id]);
    expect((await b.post(`/cases/${id}/claim`)).json).toMatchObject({ staffNo: '5002', mine: true });
    expect((await a.post(`/cases/${id}/status`, { status: 'reviewing' })).json.code).toBe('claimed_by_other');
    // The head gives it back to 5001, who can then decide; 5002 no longer can.
    expect((await a.post(`/cases/${id}/assign`, { staffNo: '5001' })).json.code).toBe('forbidden');
    const bad = await head.post(`/cases/${id}/assign`, { staffNo: '5011' }); // 交通 reviewer: not this department
    expect([bad.status, bad.json.details[0].path]).toEqual([400, 'staffNo']);
    expect((await head.post(`/cases/${id}/assign`, { staffNo: '5001' })).json).toMatchObject({ staffNo: '5001', assignedBy: '5101' });
    expect((await b.post(`/cases/${id}/status`, { status: 'reviewing' })).json.code).toBe('claimed_by_other');
    expect((await a.post(`/cases/${id}/status`, { status: 'reviewing', note: '材料齐全，进入审查' })).status).toBe(200);
    expect((await a.post(`/cases/${id}/release`)).status).toBe(200);
    expect((await a.post(`/cases/${id}/status`, { status: 'needsSupplement', reason: 'x' })).json.code).toBe('claim_required');
  });

  it('准予 needs its 证照 and a confirmation and is final; 待取件 may follow; a head corrects with a reason, the window gets it all', async () => {
    const id = await accepted();
    await a.post(`/cases/${id}/claim`);
    const unconfirmed = await a.post(`/cases/${id}/status`, { status: 'approved', result: RESULT });
    expect(unconfirmed.json.details).toEqual([{ path: 'confirmed', message: '准予和不予许可是最终决定，作出后不可更改，须确认后提交' }]);
    expect((await a.post(`/cases/${id}/status`, { status: 'approved', confirmed: true })).json.details[0].path).toBe('result');
    expect((await a.post(`/cases/${id}/status`, { status: 'approved', confirmed: true, result: RESULT, note: '请通知申请人携带身份证领取' })).status).toBe(200);
    for (const next of [{ status: 'rejected', reason: '改主意', confirmed: true }, { status: 'needsSupplement', reason: '再补' }, { status: 'approved', confirmed: true, result: RESULT }]) {
      const r = await a.post(`/cases/${id}/status`, next);
      expect([r.status, r.json.message]).toEqual([409, '已作出「准予」决定，决定作出后不可更改；如需更正，请科室负责人办理更正']);
    }
    // Correction: heads only, with a reason.
    expect((await a.post(`/cases/${id}/corrections`, { status: 'approved', result: RESULT, correctionReason: 'x', confirmed: true })).json.code).toBe('forbidden');
    expect((await head.post(`/cases/${id}/corrections`, { status: 'approved', result: RESULT, confirmed: true })).json.details[0].path).toBe('correctionReason');
    const corrected = await head.post(`/cases/${id}/corrections`, { status: 'approved', result: { ...RESULT, licenceNumber: 'JY22101020012346' }, correctionReason: '证照编号录入错误', confirmed: true });
    expect(corrected.status).toBe(200);
    expect((await a.post(`/cases/${id}/status`, { status: 'readyForPickup', note: '证照已送达综合窗口' })).status).toBe(200);
    expect((await a.post(`/cases/${id}/status`, { status: 'readyForPickup' })).status).toBe(409);

    const mine = (await pull()).events.filter((e) => e.caseId === id);
    expect(mine.map((e) => [e.status, e.decidedBy, e.payload?.staffNo])).toEqual([['approved', '审批员甲', '5001'], ['approved', '市场科长', '5101'], ['readyForPickup', '审批员甲', '5001']]);
    expect(mine[0].payload).toMatchObject({ result: RESULT, note: '请通知申请人携带身份证领取' });
    expect(mine[1].payload).toMatchObject({ correction: { of: mine[0].id, reason: '证照编号录入错误' }, result: { licenceNumber: 'JY22101020012346' } });
    const state = (await a.get(`/cases/${id}`)).json.state;
    expect([state.reviewStatus, state.reviewResult.licenceNumber, state.reviewNote]).toEqual(['readyForPickup', 'JY22101020012346', '证照已送达综合窗口']);
  });

  it('延期: asked by the holder, approved by a head on the holiday calendar (over 中秋), refused once more; the window gets the new date', async () => {
    const id = await accepted('2026-09-24');
    await a.post(`/cases/${id}/claim`);
    expect((await b.post(`/cases/${id}/extension-requests`, { days: 3, reason: '需现场核查' })).json.code).toBe('claimed_by_other');
    const asked = await a.post(`/cases/${id}/extension-requests`, { days: 3, reason: '需现场核查' });
    expect(asked.json).toMatchObject({ days: 3, approved: null, requestedByName: '审批员甲' });
    expect((await a.post(`/cases/${id}/extension-requests`, { days: 1, reason: '再延' })).json.message).toBe('该办件已有待科室负责人审批的延期申请');
    expect((await a.post(`/extension-requests/${asked.json.id}/decision`, { approve: true })).json.code).toBe('forbidden');
    expect((await head.get('/extension-requests')).json.requests.map((x: { id: string }) => x.id)).toContain(asked.json.id);
    const approved = await head.post(`/extension-requests/${asked.json.id}/decision`, { approve: true, note: '同意' });
    expect(approved.json).toMatchObject({ approved: true, decidedBy: '5101' });
    expect((await head.post(`/extension-requests/${asked.json.id}/decision`, { approve: false })).json.message).toBe('该延期申请已审批');
    // 2026-09-24 (Thu) + 3 working days: 25–27 are 中秋 holidays, so 28, 29, 30.
    const ext = (await pull()).events.find((e) => e.caseId === id && e.type === 'review.extended')!;
    expect(ext.payload).toMatchObject({ days: 3, previousPromisedDate: '2026-09-24', promisedDate: '2026-09-30', reason: '需现场核查', requestedBy: '审批员甲', staffNo: '5101' });
    expect((await a.get(`/cases/${id}`)).json.state).toMatchObject({ promisedDate: '2026-09-30', extendedDays: 3 });
    const denied = await a.post(`/cases/${id}/extension-requests`, { days: 2, reason: '再延两天' });
    expect((await head.post(`/extension-requests/${denied.json.id}/decision`, { approve: false, note: '理由不充分' })).json).toMatchObject({ approved: false, decisionNote: '理由不充分' });
    expect((await a.get(`/cases/${id}`)).json.state.promisedDate).toBe('2026-09-30');
  });

  it('挂起 stops the clock, 恢复 moves the promised date by the working days it stood; the item allows 5 in all', async () => {
    today = '2026-09-21';
    const id = await accepted('2026-09-22');
    await a.post(`/cases/${id}/claim`);
    const s = await a.post(`/cases/${id}/suspend`, { reason: '组织专家评审' });
    expect(s.json.payload).toMatchObject({ since: '2026-09-21', until: '2026-09-29', promisedDateAtLimit: '2026-09-30' }); // 5 working days, over 中秋
    expect((await a.post(`/cases/${id}/status`, { status: 'reviewing' })).json.message).toBe('办件已挂起，请先恢复办理再作出审批决定');
    expect((await a.post(`/cases/${id}/suspend`, { reason: 'again' })).json.message).toBe('该办件已挂起');
    today = '2026-09-23'; // past the old promised date, but the clock stands
    const detail = (await a.get(`/cases/${id}`)).json;
    expect(detail.case.clock.band).toBe('paused');
    expect((await a.get('/cases?queue=overdue')).json.cases.map((c: { id: string }) => c.id)).not.toContain(id);
    const r = await a.post(`/cases/${id}/resume`);
    expect(r.json.payload).toMatchObject({ suspendedWorkdays: 2, promisedDate: '2026-09-24' });
    // Again: 3 of the 5 days are left.
    const again = await head.post(`/cases/${id}/suspend`, { reason: '等待检验报告' }); // a head may, without the claim
    expect(again.json.payload).toMatchObject({ since: '2026-09-23', until: '2026-09-29' });
    today = '2026-10-12'; // far past the limit: the clock runs again against the date at the limit
    expect((await a.get(`/cases/${id}`)).json.case.clock).toMatchObject({ band: 'overdue', due: '2026-09-30' });
    expect((await a.post(`/cases/${id}/resume`)).json.payload).toMatchObject({ suspendedWorkdays: 3, promisedDate: '2026-09-30' });
    expect((await a.post(`/cases/${id}/suspend`, { reason: '还要挂起' })).json.message).toBe('本事项挂起时间累计不得超过 5 个工作日，已用完，不能再挂起');
    today = '2026-09-21';
  });

  it('queues: 待认领, 我的, 需补正, 即将超时 (one working day or less), 已超时 on the moved clock; lists and counts agree', async () => {
    const t2 = await startTestServer(backend, { rateLimit: false, clock: () => noon(today) });
    try {
      await publishCatalogue(t2.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }]));
      const d2 = await enrolDevice(t2);
      const ob = new Outbox();
      const mk = (promisedDate: string | null) => { const id = ob.open(undefined, FOOD); ob.add(id, 'case.decided', { decision: 'accept', promisedDate }); return id; };
      // A week with no holiday or 调休 (2026-09-20, a Sunday, is a working day: see the property below).
      const [fri, mon, tue, wed, late, none] = ['2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-12', null].map(mk);
      expect((await push(t2, d2, ob.entries)).json.rejected).toEqual([]);
      const [r1, r2] = await Promise.all([staff(t2, 'reviewer'), staff(t2, 'reviewer2')]);
      const ids = async (c: StaffClient, q: string) => ((await c.get(`/cases?queue=${q}&limit=200`)).json as CaseListResponse).cases.map((c) => c.id).sort();
      today = '2026-11-13'; // Friday: Monday is the next working day
      expect(await ids(r1, 'dueSoon')).toEqual([fri, mon].sort());
      expect(await ids(r1, 'overdue')).toEqual([late]);
      await r1.post(`/cases/${tue}/claim`);
      await r2.post(`/cases/${wed}/claim`);
      await r2.post(`/cases/${wed}/status`, { status: 'needsSupplement', reason: '补交租赁合同' });
      expect(await ids(r1, 'mine')).toEqual([tue]);
      expect(await ids(r2, 'mine')).toEqual([wed]);
      expect(await ids(r1, 'unclaimed')).toEqual([fri, mon, late, none].sort());
      expect(await ids(r1, 'needsSupplement')).toEqual([wed]);
      today = '2026-11-17'; // Tuesday
      expect(await ids(r1, 'dueSoon')).toEqual([tue, wed].sort());
      expect(await ids(r1, 'overdue')).toEqual([fri, mon, late].sort());
      const counts = (await r1.get('/queues')).json;
      expect(counts).toMatchObject({ today: '2026-11-17', counts: { unclaimed: 4, mine: 1, needsSupplement: 1, dueSoon: 2, overdue: 3, all: 6 } });
      // A final decision takes the case off the clock.
      await decide(r1, tue);
      expect(await ids(r1, 'dueSoon')).toEqual([wed]);
    } finally {
      await t2.close();
      today = '2026-09-21';
    }
    async function decide(c: StaffClient, id: string) {
      expect((await c.post(`/cases/${id}/status`, { status: 'rejected', reason: '不符合条件', confirmed: true })).status).toBe(200);
    }
  });

  it('property: for any promised dates and any day, each case is in 即将超时 / 已超时 exactly when its own clock says so', async () => {
    const dates = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 8, 10) + i * 86_400_000).toISOString().slice(0, 10));
    const t3 = await startTestServer(backend, { rateLimit: false, clock: () => noon(today) });
    try {
      await publishCatalogue(t3.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }]));
      const d3 = await enrolDevice(t3);
      const ob = new Outbox();
      for (const day of dates) { const id = ob.open(undefined, FOOD); ob.add(id, 'case.decided', { decision: 'accept', promisedDate: day }); }
      expect((await push(t3, d3, ob.entries)).json.rejected).toEqual([]);
      const r = await staff(t3, 'reviewer');
      await fc.assert(fc.asyncProperty(fc.constantFrom(...dates), async (day) => {
        today = day;
        const all = ((await r.get('/cases?queue=all&limit=200')).json as CaseListResponse).cases;
        for (const band of ['dueSoon', 'overdue'] as const) {
          const inQueue = ((await r.get(`/cases?queue=${band}&limit=200`)).json as CaseListResponse).cases.map((c) => c.id).sort();
          expect(inQueue, `${band} on ${day}`).toEqual(all.filter((c) => c.clock?.band === band).map((c) => c.id).sort());
        }
        const counts = (await r.get('/queues')).json.counts;
        for (const q of QUEUES) expect(counts[q]).toBe(((await r.get(`/cases?queue=${q}&limit=200`)).json as CaseListResponse).cases.length);
      }), { numRuns: 12 });
    } finally {
      await t3.close();
      today = '2026-09-21';
    }
  });
});
