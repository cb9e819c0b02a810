// 差评整改 on the real server (PGlite and PostgreSQL): a 差评 arriving in a push opens a
// rectification with the centre's deadline (working days); heads in scope work it, an admin
// decides 无效差评 and sets the deadline; the business clock moved past the deadline shows
// 整改超期; every change is a review.rectification status event the window pulls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { BACKENDS, OFFICE_A, OFFICE_B, Outbox, catalogueFixture, enrolDevice, push, staff, startTestServer, type TestServer } from './server-harness';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { addWorkingDays } from '../../shared/calendar/workdays';
import { chinaDay } from '../../shared/time';
import { RECTIFICATION_ACTIONS, rectificationActions, rectificationBlocker, rectificationStanding, type RectificationFacts } from '../../shared/domain/rectification';

const FOOD = '11210100MB0000001A';
const ROAD = '11210100MB0000002B';
const bad = (box: Outbox, item = FOOD, level = 'dissatisfied') => {
  const c = box.open(undefined, item);
  box.add(c, 'case.decided', { decision: 'accept' });
  box.add(c, 'case.rated', { level, reasons: [{ code: 'C02', text: '同样内容的证明材料被要求多次提交' }], comment: '跑了三趟' });
  return c;
};

describe.each(BACKENDS)('差评整改 on %s', (backend) => {
  let t: TestServer;
  let clock = new Date();
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false, clock: () => clock });
    await publishCatalogue(t.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }, { code: ROAD, name: '道路运输经营许可', dept: 'JTJ' }]));
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  it('a 差评 opens one rectification with the centre’s deadline; 好评 and 中评 open none; resending opens no second', async () => {
    const admin = await staff(t, 'admin');
    expect((await admin.post('/rectification-settings', { officeCode: OFFICE_A, deadlineDays: 6 })).json.code).toBe('invalid_input');
    expect((await admin.post('/rectification-settings', { officeCode: OFFICE_A, deadlineDays: 7 })).status).toBe(200);
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const c = bad(box);
    const good = box.open(undefined, FOOD);
    box.add(good, 'case.decided', { decision: 'accept' });
    box.add(good, 'case.rated', { level: 'basicallySatisfied' });
    expect((await push(t, dev, box.entries)).json.rejected).toEqual([]);
    expect((await push(t, dev, box.entries)).json.applied).toBe(0);
    const { rows } = await t.db.query<{ case_id: string; deadline_days: number; status: string }>('SELECT case_id, deadline_days, status FROM rectifications WHERE case_id = ANY($1::uuid[])', [[c, good]]);
    expect(rows).toEqual([{ case_id: c, deadline_days: 7, status: 'pending' }]);
    const head = await staff(t, 'head');
    const list = await head.get('/rectifications');
    if (list.status !== 200) console.log('LIST', list.status, list.text);
    const mine = list.json.rectifications.find((r: { caseId: string }) => r.caseId === c);
    const today = chinaDay(clock);
    expect(mine).toMatchObject({
      standing: 'pending', deadline: addWorkingDays(today, 7, BUILTIN_CALENDAR), deadlineDays: 7, daysLeft: 7, itemName: '食品经营许可',
      reasons: [{ code: 'C02', text: '同样内容的证明材料被要求多次提交' }], comment: '跑了三趟', actions: ['start', 'complete', 'requestInvalid'],
    });
    // The window learns it: a review.rectification status event for its office.
    const pulled = await t.db.query<{ type: string; payload: { status: string; deadline: string } }>('SELECT type, payload FROM status_events WHERE case_id = $1', [c]);
    expect(pulled.rows).toEqual([{ type: 'review.rectification', payload: expect.objectContaining({ status: 'pending', deadline: mine.deadline }) }]);
    await admin.post('/rectification-settings', { officeCode: OFFICE_A, deadlineDays: 5 });
  });

  it('the deadline counts from the rating’s own day: a 差评 that arrives days late (window or paper form) has no more time', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const today = chinaDay(clock);
    const daysAgo = (n: number, hour = 3) => new Date(Date.parse(`${chinaDay(new Date(clock.getTime() - n * 86_400_000))}T0${hour}:00:00Z`)).toISOString();
    // Rated at a village window 6 days ago, uploaded only today.
    const late = uuidv7();
    box.add(late, 'case.opened', { itemCode: FOOD, catalogueVersion: 1 }, daysAgo(6, 1));
    box.add(late, 'case.decided', { decision: 'accept' }, daysAgo(6, 2));
    box.add(late, 'case.rated', { level: 'veryDissatisfied', reasons: [{ code: 'C03', text: '多头跑窗口和部门' }] }, daysAgo(6, 3));
    // A paper form filled in 8 days ago, entered today: its own date counts.
    const paper = uuidv7();
    box.add(paper, 'case.opened', { itemCode: FOOD, catalogueVersion: 1 }, daysAgo(9, 1));
    box.add(paper, 'case.decided', { decision: 'accept' }, daysAgo(9, 2));
    const formDate = chinaDay(new Date(daysAgo(8)));
    box.add(paper, 'case.rated', { level: 'dissatisfied', source: 'paper', formDate, formNumber: 'PJ-0001', reasons: [{ code: 'C03', text: '多头跑窗口和部门' }] });
    expect((await push(t, dev, box.entries)).json.rejected).toEqual([]);
    const head = await staff(t, 'head');
    const list = (await head.get('/rectifications')).json.rectifications as Array<{ caseId: string; openedOn: string; deadline: string; deadlineDays: number }>;
    const of = (id: string) => list.find((r) => r.caseId === id)!;
    expect(of(late)).toMatchObject({ openedOn: today, deadlineDays: 5, deadline: addWorkingDays(chinaDay(new Date(daysAgo(6))), 5, BUILTIN_CALENDAR) });
    expect(of(paper)).toMatchObject({ openedOn: today, deadline: addWorkingDays(formDate, 5, BUILTIN_CALENDAR) });
    expect(of(late).deadline < addWorkingDays(today, 5, BUILTIN_CALENDAR)).toBe(true);
  });

  it('待整改 → 整改中 → 已整改 with measures and 回访; the moved clock past the deadline shows 整改超期', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const late = bad(box);
    const done = bad(box);
    await push(t, dev, box.entries);
    const head = await staff(t, 'head');
    expect((await head.post(`/rectifications/${done}`, { action: 'revisit', method: 'phone', satisfied: true })).json.message).toBe('整改完成后再回访');
    expect((await head.post(`/rectifications/${done}`, { action: 'start' })).json).toMatchObject({ status: 'inProgress', standing: 'inProgress' });
    expect((await head.post(`/rectifications/${done}`, { action: 'complete', measures: '' })).json.code).toBe('invalid_input');
    const finished = await head.post(`/rectifications/${done}`, { action: 'complete', measures: '梳理证明事项清单，取消重复提交' });
    expect(finished.json).toMatchObject({ status: 'done', standing: 'done', doneLate: false, measures: '梳理证明事项清单，取消重复提交', actions: ['revisit'] });
    const revisit = await head.post(`/rectifications/${done}`, { action: 'revisit', method: 'phone', satisfied: true, note: '申请人认可' });
    expect(revisit.json.revisit).toMatchObject({ method: 'phone', satisfied: true, note: '申请人认可', by: '市场科长' });
    expect((await head.post(`/rectifications/${done}`, { action: 'revisit', method: 'sms', satisfied: false })).json.message).toBe('已回访');

    const deadline = (await head.get('/rectifications')).json.rectifications.find((r: { caseId: string }) => r.caseId === late).deadline;
    clock = new Date(Date.parse(`${addWorkingDays(deadline, 1, BUILTIN_CALENDAR)}T02:00:00Z`));
    const after = await head.get('/rectifications?standing=overdue');
    const overdue = after.json.rectifications.find((r: { caseId: string }) => r.caseId === late);
    expect(overdue).toMatchObject({ standing: 'overdue', status: 'pending', daysLeft: -1 });
    expect(after.json.counts.overdue).toBeGreaterThanOrEqual(1);
    // Finished late: 已整改, flagged as late.
    expect((await head.post(`/rectifications/${late}`, { action: 'complete', measures: '补做整改' })).json).toMatchObject({ standing: 'done', doneLate: true });
    const events = await t.db.query<{ payload: { status: string } }>("SELECT payload FROM status_events WHERE case_id = $1 AND type = 'review.rectification' ORDER BY server_seq", [done]);
    expect(events.rows.map((r) => r.payload.status)).toEqual(['pending', 'inProgress', 'done', 'done']);
    const state = (await t.db.query<{ state: { rectification: RectificationFacts } }>('SELECT state FROM cases WHERE id = $1', [done])).rows[0].state;
    expect(state.rectification).toMatchObject({ status: 'done', revisit: { method: 'phone' } });
    clock = new Date();
  });

  it('无效差评: a head asks, only an admin decides; approved it needs no 整改, refused it must be worked', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const a = bad(box);
    const b = bad(box);
    await push(t, dev, box.entries);
    const head = await staff(t, 'head');
    const admin = await staff(t, 'admin');
    expect((await admin.post(`/rectifications/${a}`, { action: 'start' })).json.message).toBe('差评整改由科室负责人办理');
    expect((await head.post(`/rectifications/${a}`, { action: 'decideInvalid', approve: true })).json.message).toBe('无效差评由中心管理员审核');
    await head.post(`/rectifications/${a}`, { action: 'requestInvalid', reason: '评价人误操作，已致电确认' });
    expect((await head.post(`/rectifications/${a}`, { action: 'complete', measures: 'x' })).json.message).toBe('无效差评申请审核中，审核后再办理');
    const pending = await admin.get('/rectifications?invalidPending=true');
    expect(pending.json.rectifications.map((r: { caseId: string }) => r.caseId)).toContain(a);
    expect((await admin.post(`/rectifications/${a}`, { action: 'decideInvalid', approve: true, note: '录音核实' })).json).toMatchObject({ status: 'invalid', standing: 'invalid', invalid: { state: 'approved', decidedBy: '管理员' } });
    await head.post(`/rectifications/${b}`, { action: 'requestInvalid', reason: '与本窗口无关' });
    expect((await admin.post(`/rectifications/${b}`, { action: 'decideInvalid', approve: false })).json).toMatchObject({ status: 'pending', invalid: { state: 'rejected' }, actions: [] });
    expect((await head.post(`/rectifications/${b}`, { action: 'requestInvalid', reason: '再申请' })).json.message).toBe('无效差评申请已被驳回，请整改');
  });

  it('scope: a head sees and works only their departments at their offices; out of scope is not found', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const road = bad(box, ROAD);
    await push(t, dev, box.entries);
    const devB = await enrolDevice(t, OFFICE_B);
    const boxB = new Outbox();
    const foodB = bad(boxB);
    await push(t, devB, boxB.entries);
    const food = await staff(t, 'head');
    const transport = await staff(t, 'transportHead');
    const ids = async (c: typeof food) => (await c.get('/rectifications?limit=500')).json.rectifications.map((r: { caseId: string }) => r.caseId);
    expect(await ids(food)).not.toContain(road);
    expect(await ids(food)).toContain(foodB);
    expect(await ids(transport)).toEqual([road]);
    const none = await transport.post(`/rectifications/${foodB}`, { action: 'start' });
    const missing = await transport.post('/rectifications/01900000-0000-7000-8000-00000000dead', { action: 'start' });
    expect([none.status, none.text]).toEqual([missing.status, missing.text]);
    expect(none.status).toBe(404);
    expect((await (await staff(t, 'reviewer')).get('/rectifications')).status).toBe(403);
    // Settings: an admin sees every centre, a head only theirs.
    expect((await (await staff(t, 'admin')).get('/rectification-settings')).json.settings.map((s: { officeCode: string }) => s.officeCode)).toEqual([OFFICE_A, OFFICE_B]);
  });
});

describe('差评整改 rules', () => {
  const facts = fc.record({
    status: fc.constantFrom('pending', 'inProgress', 'done', 'invalid' as const),
    revisit: fc.option(fc.constant({ method: 'phone' as const, satisfied: true, note: '', at: '2026-12-01T00:00:00Z', by: '甲' }), { nil: null }),
    invalid: fc.option(fc.record({ state: fc.constantFrom('requested', 'approved', 'rejected' as const), reason: fc.constant('理由'), requestedBy: fc.constant('甲'), decidedBy: fc.constant(null), note: fc.constant(null) }), { nil: null }),
    deadline: fc.constantFrom('2026-12-01', '2026-12-05'),
  });
  it('only heads work a rectification and only admins decide 无效; nothing is open once finished; 整改超期 only unfinished past the deadline', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom('reviewer', 'head', 'admin' as const), fc.constantFrom('2026-11-30', '2026-12-03', '2026-12-09'), (f, role, today) => {
        const actions = rectificationActions(f, role);
        if (role === 'reviewer') expect(actions).toEqual([]);
        if (role === 'admin') expect(actions.every((a) => a === 'decideInvalid')).toBe(true);
        if (f.status === 'invalid') expect(actions).toEqual([]);
        if (f.status === 'done') expect(actions.every((a) => a === 'revisit')).toBe(true);
        for (const a of RECTIFICATION_ACTIONS) expect(actions.includes(a)).toBe(rectificationBlocker(f, a, role) === null);
        const standing = rectificationStanding(f, today);
        expect(standing === 'overdue').toBe((f.status === 'pending' || f.status === 'inProgress') && today > f.deadline);
      }),
      { numRuns: 500 },
    );
  });
});
