// The five intake decisions through the real handler table on a real SQLite file.
import { describe, expect, it } from 'vitest';
import { testWorkstation, testClock, PERSON, ORG } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import { outboxSize } from '../../electron/store/outbox';
import { caseEventRows } from '../../electron/store/caseEvents';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
  return r.value;
}
async function fail(ws: Workstation, channel: string, input: unknown) {
  const r = await ws.dispatch(channel, input);
  if (r.ok) throw new Error(`expected ${channel} to fail`);
  return r.error;
}

const allCertMarks = { form: { mark: 'verified' }, id: { mark: 'eCert' } };
const base = (over: Record<string, unknown> = {}) => ({
  itemCode: 'T0000000001',
  answers: { who: 'self' },
  marks: allCertMarks,
  applicant: PERSON,
  agent: null,
  decision: 'accept',
  startedAt: '2026-11-27T00:55:00.000Z',
  ...over,
});

describe('受理 (accept)', () => {
  it('accepts a complete 即办件, numbers it, starts its 立等可取 clock and queues two events', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z'); // 09:00 China time
    const ws = testWorkstation({ now: clock.now });
    const r = await call<{ caseId: string; caseNumber: string }>(ws, 'case.decide', base());
    expect(r.caseNumber).toMatch(/^210100-01-20261127-0001-[0-9A-Z]$/);
    const q = await call<{ cases: { id: string; status: string; tier: string; dueAt: string }[] }>(ws, 'case.queue', {});
    expect(q.cases).toHaveLength(1);
    expect(q.cases[0]).toMatchObject({ status: 'accepted', tier: 'within30', dueAt: '2026-11-27T01:30:00.000Z' });
    expect(outboxSize(ws.db)).toBe(2);

    clock.advance(18 * 60_000);
    const done = await call<{ status: string; elapsedSeconds: number }>(ws, 'case.complete', { caseId: r.caseId });
    expect(done).toMatchObject({ status: 'completed', elapsedSeconds: 18 * 60 });
    const detail = await call<{ events: { type: string; summary: string }[] }>(ws, 'case.get', { caseId: r.caseId });
    expect(detail.events.map((e) => e.type)).toEqual(['case.opened', 'case.decided', 'case.completed']);
    expect(detail.events[2].summary).toContain('18 分钟');
  });

  it('after the 9999th number of the day the window is told plainly, and nothing is written', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    await call(ws, 'case.decide', base());
    ws.db.prepare("UPDATE cases SET case_number = '210100-01-20261127-9999-X'").run(); // as if the day's numbers were used up
    const e = await fail(ws, 'case.decide', base());
    expect(e.code).toBe('precondition_failed');
    expect(e.message).toContain('办件编号已用完');
    expect((ws.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(1);
    clock.advance(24 * 3600_000); // a new day starts again at 0001
    expect((await call<{ caseNumber: string }>(ws, 'case.decide', base())).caseNumber).toMatch(/^210100-01-20261128-0001-/);
  });

  it('refuses to accept while a required material is missing, naming the decision', async () => {
    const ws = testWorkstation();
    const e = await fail(ws, 'case.decide', base({ marks: { form: { mark: 'verified' }, id: { mark: 'missing' } } }));
    expect(e.code).toBe('precondition_failed');
    expect(e.message).toContain('受理');
    expect(outboxSize(ws.db)).toBe(0);
  });

  it('requires agent details when the situation says an agent applies', async () => {
    const ws = testWorkstation();
    const marks = { ...allCertMarks, power: { mark: 'verified' }, agentId: { mark: 'verified' } };
    const e = await fail(ws, 'case.decide', base({ answers: { who: 'agent' }, marks }));
    expect(e.message).toContain('代理人');
    const agent = { name: '李四', idNumber: '110101199003074477', phone: '13700137000' };
    const ok = await call<{ caseId: string }>(ws, 'case.decide', base({ answers: { who: 'agent' }, marks, agent }));
    const d = await call<{ agent: { name: string } | null }>(ws, 'case.get', { caseId: ok.caseId });
    expect(d.agent?.name).toBe('李四');
  });

  it('gives a 承诺件 a promised date in working days', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z'); // Friday
    const ws = testWorkstation({ now: clock.now });
    const marks = { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'verified' } };
    const r = await call<{ caseId: string }>(ws, 'case.decide', base({ itemCode: 'T0000000002', answers: {}, marks, applicant: ORG }));
    const d = await call<{ summary: { promisedDate: string; tier: null } }>(ws, 'case.get', { caseId: r.caseId });
    expect(d.summary.promisedDate).toBe('2026-12-04'); // 5 working days after Fri 27 Nov
    expect(d.summary.tier).toBeNull();
  });

  it('rejects an invalid ID number with the checksum message and saves nothing', async () => {
    const ws = testWorkstation();
    const e = await fail(ws, 'case.decide', base({ applicant: { ...PERSON, idNumber: '110105194912310021' } }));
    expect(e.code).toBe('invalid_input');
    expect(JSON.stringify(e.details)).toContain('校验位');
    expect(outboxSize(ws.db)).toBe(0);
  });
});

describe('容缺受理 (acceptWithDeferral)', () => {
  const marks = { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'deferred' } };
  const deferred = (deadline: string) =>
    base({ itemCode: 'T0000000002', answers: {}, marks, applicant: ORG, decision: 'acceptWithDeferral', deferral: { commitment: '三个工作日内补齐食品安全规章制度目录清单', supplementDeadline: deadline } });

  it('waits in 待补正 until the supplement is recorded', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const r = await call<{ caseId: string }>(ws, 'case.decide', deferred('2026-12-02'));
    expect((await call<{ summary: { status: string } }>(ws, 'case.get', { caseId: r.caseId })).summary.status).toBe('awaitingSupplement');
    const s = await call<{ status: string }>(ws, 'case.supplement', { caseId: r.caseId, note: '已补交' });
    expect(s.status).toBe('accepted');
  });

  it('never lets the supplement deadline pass the promised date', async () => {
    const ws = testWorkstation({ now: testClock('2026-11-27T01:00:00.000Z').now });
    const e = await fail(ws, 'case.decide', deferred('2026-12-31'));
    expect(e.message).toContain('2026-12-04');
  });

  it('can be terminated only after the deadline has passed', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const r = await call<{ caseId: string }>(ws, 'case.decide', deferred('2026-11-30'));
    expect((await fail(ws, 'case.terminate', { caseId: r.caseId, reason: '逾期未补正' })).message).toContain('尚未届满');
    clock.set('2026-12-01T02:00:00.000Z');
    expect((await call<{ status: string }>(ws, 'case.terminate', { caseId: r.caseId, reason: '逾期未补正' })).status).toBe('terminated');
  });

  it('is not allowed when a 必要 material is the one missing', async () => {
    const ws = testWorkstation();
    const bad = base({ itemCode: 'T0000000002', answers: {}, applicant: ORG, decision: 'acceptWithDeferral', marks: { apply: { mark: 'deferred' }, layout: { mark: 'verified' }, rules: { mark: 'verified' } }, deferral: { commitment: 'x', supplementDeadline: '2026-11-30' } });
    expect((await fail(ws, 'case.decide', bad)).code).toBe('precondition_failed');
  });
});

describe('一次性告知, 不予受理, 引导', () => {
  it('records 一次性告知 with every missing material for statistics', async () => {
    const ws = testWorkstation();
    const marks = { form: { mark: 'defective', note: '未签名' }, id: { mark: 'missing' } };
    const r = await call<{ caseId: string }>(ws, 'case.decide', base({ marks, decision: 'notifyMissing' }));
    const d = await call<{ summary: { status: string } }>(ws, 'case.get', { caseId: r.caseId });
    expect(d.summary.status).toBe('notified');
    const row = ws.db.prepare("SELECT payload FROM case_events WHERE case_id = ? AND type = 'case.decided'").get(r.caseId) as { payload: string };
    expect(JSON.parse(row.payload).missing.map((x: { materialId: string }) => x.materialId).sort()).toEqual(['form', 'id']);
  });

  it('asks why a material is defective before notifying', async () => {
    const ws = testWorkstation();
    const e = await fail(ws, 'case.decide', base({ marks: { form: { mark: 'defective' }, id: { mark: 'eCert' } }, decision: 'notifyMissing' }));
    expect(e.message).toContain('查询申请表');
  });

  it('不予受理 needs reasons', async () => {
    const ws = testWorkstation();
    expect((await fail(ws, 'case.decide', base({ decision: 'refuse' }))).message).toContain('理由');
    const r = await call<{ caseId: string }>(ws, 'case.decide', base({ decision: 'refuse', refusal: { reasons: '申请事项不属于本机关职权范围', applyTo: '户籍所在地派出所' } }));
    expect((await call<{ summary: { status: string } }>(ws, 'case.get', { caseId: r.caseId })).summary.status).toBe('refused');
  });

  it('redirect items can only be redirected', async () => {
    const ws = testWorkstation();
    const redirect = base({ itemCode: 'T0000000003', answers: {}, marks: {}, decision: 'redirect' });
    await call(ws, 'case.decide', redirect);
    expect((await fail(ws, 'case.decide', { ...redirect, decision: 'accept' })).code).toBe('precondition_failed');
  });
});

describe('引导 without an ID card (来访群众)', () => {
  const visitorRedirect = (applicant: Record<string, unknown>) => base({ itemCode: 'T0000000003', answers: {}, marks: {}, decision: 'redirect', applicant: { kind: 'visitor', ...applicant } });

  it('redirects a visitor known by name only; the list, the case, the upload event and the 引导告知单 carry no ID', async () => {
    const ws = testWorkstation();
    const r = await call<{ caseId: string; caseNumber: string }>(ws, 'case.decide', visitorRedirect({ name: '张大爷', phone: '' }));
    const detail = await call<{ summary: { status: string; applicantName: string }; applicant: unknown }>(ws, 'case.get', { caseId: r.caseId });
    expect(detail.summary).toMatchObject({ status: 'redirected', applicantName: '张大爷' });
    expect(detail.applicant).toEqual({ kind: 'visitor', name: '张大爷' });
    const opened = caseEventRows(ws.db, r.caseId).find((e) => e.type === 'case.opened')!;
    expect(JSON.parse(opened.payload).applicant).toEqual({ kind: 'visitor', name: '张大爷' });
    expect(outboxSize(ws.db)).toBe(2);

    expect((await call<{ kinds: string[] }>(ws, 'notice.kinds', { caseId: r.caseId })).kinds).toEqual(['redirect']);
    const { html } = await call<{ html: string }>(ws, 'notice.render', { caseId: r.caseId, kind: 'redirect', layout: 'A4' });
    const text = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');
    for (const part of ['引导告知单', r.caseNumber, '张大爷：', '市不动产登记中心', '沈阳市和平区测试路 1 号', '024-00000000', '工作日 9:00–17:00']) expect(text).toContain(part);
    expect(text).not.toContain('居民身份证');
    expect(text).not.toContain('联系电话：');
  });

  it('a visitor who gave nothing is listed and addressed as 来访群众; a phone given is masked on the notice', async () => {
    const ws = testWorkstation();
    const bare = await call<{ caseId: string }>(ws, 'case.decide', visitorRedirect({}));
    const withPhone = await call<{ caseId: string }>(ws, 'case.decide', visitorRedirect({ phone: '024-22345678' }));
    const q = await call<{ cases: { id: string; applicantName: string }[] }>(ws, 'case.queue', {});
    expect(q.cases.find((c) => c.id === bare.caseId)?.applicantName).toBe('来访群众');
    const { html } = await call<{ html: string }>(ws, 'notice.render', { caseId: withPhone.caseId, kind: 'redirect', layout: 'A4' });
    expect(html).toContain('来访群众：');
    expect(html).toContain('024****5678');
  });

  it('every other decision still needs the full applicant, and a bad phone is refused; nothing is written', async () => {
    const ws = testWorkstation();
    const accept = await fail(ws, 'case.decide', base({ applicant: { kind: 'visitor', name: '张大爷' } }));
    expect(accept.code).toBe('invalid_input');
    expect(JSON.stringify(accept.details)).toContain('该决定须填写完整的申请人身份信息');
    const phone = await fail(ws, 'case.decide', visitorRedirect({ name: '张大爷', phone: '12345' }));
    expect(phone.code).toBe('invalid_input');
    expect(JSON.stringify(phone.details)).toContain('applicant.phone');
    expect(outboxSize(ws.db)).toBe(0);
  });
});

describe('case numbers', () => {
  it('count up per window and day and are found again by number, in any case and width', async () => {
    const ws = testWorkstation({ now: testClock().now });
    const a = await call<{ caseNumber: string; caseId: string }>(ws, 'case.decide', base());
    const b = await call<{ caseNumber: string }>(ws, 'case.decide', base());
    expect(a.caseNumber).toContain('-0001-');
    expect(b.caseNumber).toContain('-0002-');
    const typed = a.caseNumber.toLowerCase().replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect((await call<{ caseId: string }>(ws, 'case.lookup', { caseNumber: typed })).caseId).toBe(a.caseId);
    const broken = a.caseNumber.slice(0, -1) + (a.caseNumber.endsWith('A') ? 'B' : 'A');
    expect((await fail(ws, 'case.lookup', { caseNumber: broken })).message).toContain('校验');
    expect((await fail(ws, 'case.lookup', { caseNumber: 'LX-' + a.caseNumber })).message).toContain('练习');
  });
});

describe('出件 and 好差评', () => {
  async function completedCase(ws: Workstation) {
    const r = await call<{ caseId: string }>(ws, 'case.decide', base());
    await call(ws, 'case.complete', { caseId: r.caseId });
    return r.caseId;
  }

  it('hands the result to the applicant once, after checking the ID', async () => {
    const ws = testWorkstation();
    const caseId = await completedCase(ws);
    expect((await fail(ws, 'case.deliver', { caseId, method: 'applicant', idNumber: '110101199003074477' })).message).toContain('不一致');
    const d = await call<{ status: string }>(ws, 'case.deliver', { caseId, method: 'applicant', idNumber: ' 11010519491231002x ' });
    expect(d.status).toBe('delivered');
    expect((await fail(ws, 'case.deliver', { caseId, method: 'applicant', idNumber: PERSON.idNumber })).message).toContain('不能重复出件');
  });

  it('by post needs a tracking number; to an agent needs the authorisation', async () => {
    const ws = testWorkstation();
    const a = await completedCase(ws);
    expect((await fail(ws, 'case.deliver', { caseId: a, method: 'post', trackingNumber: '12' })).message).toContain('邮件单号');
    expect((await call<{ status: string }>(ws, 'case.deliver', { caseId: a, method: 'post', trackingNumber: 'sf1234567890' })).status).toBe('delivered');
    const b = await completedCase(ws);
    expect((await fail(ws, 'case.deliver', { caseId: b, method: 'agent', agentName: '李四', idNumber: '110101199003074477' })).message).toContain('授权委托书');
  });

  it('cannot deliver what is not finished', async () => {
    const ws = testWorkstation();
    const r = await call<{ caseId: string }>(ws, 'case.decide', base());
    expect((await fail(ws, 'case.deliver', { caseId: r.caseId, method: 'applicant', idNumber: PERSON.idNumber })).message).toContain('尚未办结');
  });

  it('takes one rating per visit and a reason for 不满意', async () => {
    const ws = testWorkstation();
    const caseId = await completedCase(ws);
    expect((await fail(ws, 'case.rate', { caseId, level: 'dissatisfied', source: 'screen' })).message).toContain('原因');
    // A paper form's rating needs the form's number; it is recorded and shown in the timeline.
    expect((await fail(ws, 'case.rate', { caseId, level: 'satisfied', reasons: [], source: 'paper' })).message).toBe('请填写纸质评价表上的编号');
    const r = await call<{ rated: boolean }>(ws, 'case.rate', { caseId, level: 'dissatisfied', reasons: ['C01'], source: 'paper', formNumber: 'PJ-2026-0001' });
    expect(r.rated).toBe(true);
    const rated = ws.db.prepare("SELECT payload FROM case_events WHERE case_id = ? AND type = 'case.rated'").get(caseId) as { payload: string };
    expect(JSON.parse(rated.payload).formNumber).toBe('PJ-2026-0001');
    expect((await call<{ events: { summary: string }[] }>(ws, 'case.get', { caseId })).events.at(-1)!.summary).toBe('好差评：不满意，原因：未一次性告知需要补正的材料（纸质评价补录，评价表编号 PJ-2026-0001）');
    expect((await fail(ws, 'case.rate', { caseId, level: 'satisfied', source: 'screen' })).message).toContain('只能评价一次');
  });
});

describe('append-only history', () => {
  it('refuses to rewrite or delete an event', async () => {
    const ws = testWorkstation();
    await call(ws, 'case.decide', base());
    expect(() => ws.db.prepare("UPDATE case_events SET payload = '{}'").run()).toThrow(/append-only/);
    expect(() => ws.db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
  });
});

describe('full disk', () => {
  it('refuses the new case with a clear message and keeps every case saved before', async () => {
    const ws = testWorkstation();
    const first = await call<{ caseId: string }>(ws, 'case.decide', base());
    // Cap the file at its current size: the next write hits SQLITE_FULL like a full disk.
    const pages = ws.db.pragma('page_count', { simple: true }) as number;
    ws.db.pragma(`max_page_count = ${pages}`);
    let e: { code: string; message: string } | null = null;
    for (let i = 0; i < 50 && !e; i++) {
      const r = await ws.dispatch('case.decide', base());
      if (!r.ok) e = r.error;
    }
    expect(e?.code).toBe('storage_full');
    expect(e?.message).toContain('磁盘空间已满');
    ws.db.pragma('max_page_count = 1073741823');
    const d = await call<{ summary: { status: string } }>(ws, 'case.get', { caseId: first.caseId });
    expect(d.summary.status).toBe('accepted');
    const n = (ws.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const ev = (ws.db.prepare('SELECT count(*) AS n FROM case_events').get() as { n: number }).n;
    expect(ev).toBe(n * 2); // no half-written case
  });
});
