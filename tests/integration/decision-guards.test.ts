// The handler is the one judge of a decision: text is normalised at the contract (a NUL is
// dropped, a lone surrogate refused with the field named), a decision is saved only if its notice
// can be produced, the dialog's dates come from the same calendar the save uses, and roles are
// declared in the contract and enforced before any handler runs.
import { describe, expect, it } from 'vitest';
import { testClock, testWorkstation, acceptCertificate, ORG } from '../helpers/workstation';
import { permitItem } from '../fixtures/catalogue';
import { caseEventRows } from '../../electron/store/caseEvents';
import { saveEnrolment } from '../../electron/store/syncState';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import type { Envelope } from '../../shared/errors';
import type { IntakeTerms } from '../../shared/domain/intakeTerms';

const ok = async <T>(p: Promise<Envelope<unknown>>) => {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
const fails = async (p: Promise<Envelope<unknown>>) => {
  const r = await p;
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};
const casesIn = (ws: ReturnType<typeof testWorkstation>) => (ws.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

describe('text at the contract', () => {
  it('a NUL in a material note is dropped before it is stored; a lone surrogate is refused with its field, nothing saved', async () => {
    const ws = testWorkstation();
    const input = acceptCertificate();
    const withNul = { ...input, decision: 'notifyMissing', marks: { ...input.marks, form: { mark: 'defective', note: '复印件\u0000模糊\r\n第二页缺' } } };
    const { caseId } = await ok<{ caseId: string }>(ws.dispatch('case.decide', withNul));
    const opened = JSON.parse(caseEventRows(ws.db, caseId)[0].payload);
    expect(opened.marks.form.note).toBe('复印件模糊\n第二页缺');

    const surrogate = { ...input, decision: 'notifyMissing', marks: { ...input.marks, form: { mark: 'defective', note: '从PDF复制\ud83d' } } };
    const err = await fails(ws.dispatch('case.decide', surrogate));
    expect(err).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('无法识别的字符'), details: [{ path: 'marks.form.note' }] });
    expect(casesIn(ws)).toBe(1);
    ws.close();
  });
});

describe('a decision is saved only if its notice can be produced', () => {
  it('不予受理 reasons: blank lines (a line of one space) are dropped and the notice prints every reason', async () => {
    const ws = testWorkstation();
    const input = { ...acceptCertificate(), decision: 'refuse', refusal: { reasons: '不属于本机关职权范围\n \n\n  申请材料系伪造  ', applyTo: '' } };
    const { caseId } = await ok<{ caseId: string }>(ws.dispatch('case.decide', input));
    const { html } = await ok<{ html: string }>(ws.dispatch('notice.render', { caseId, kind: 'refusal', layout: 'A4' }));
    expect(html).toContain('不属于本机关职权范围');
    expect(html).toContain('申请材料系伪造');
    const decided = JSON.parse(caseEventRows(ws.db, caseId)[1].payload);
    expect(decided.reason).toBe('不属于本机关职权范围\n申请材料系伪造');
    const only = await fails(ws.dispatch('case.decide', { ...input, refusal: { reasons: ' \n  \n', applyTo: '' } }));
    expect(only.message).toBe('输入内容不符合要求');
    expect(only.details?.[0].message).toBe('请填写不予受理的理由');
    ws.close();
  });

  it('a reason line too long for the notice, or a notice that cannot be built from the stored catalogue, is refused and nothing is saved', async () => {
    const ws = testWorkstation();
    const line = await fails(ws.dispatch('case.decide', { ...acceptCertificate(), decision: 'refuse', refusal: { reasons: '理'.repeat(301), applyTo: '' } }));
    expect(line.details?.[0].message).toContain('每条理由不超过 300 字');
    // A department name longer than any notice prints (as a catalogue from elsewhere may carry).
    ws.db.prepare('UPDATE departments SET name = ? WHERE code = ?').run('测试'.repeat(40), 'SJ');
    const marks = { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'verified' } };
    const err = await fails(ws.dispatch('case.decide', { itemCode: permitItem.code, answers: {}, marks, applicant: ORG, agent: null, decision: 'accept', startedAt: new Date().toISOString() }));
    expect(err).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('该决定的通知书无法生成，本次未保存') });
    expect(casesIn(ws)).toBe(0);
    expect((ws.db.prepare('SELECT count(*) AS n FROM case_events').get() as { n: number }).n).toBe(0);
    ws.close();
  });
});

describe('case.terms: the dialog shows what the save will judge', () => {
  it('after a holiday-calendar import the default 补正期限 (the latest allowed) is one the handler accepts', async () => {
    const clock = testClock('2026-12-28T01:00:00.000Z'); // Monday 28 Dec 2026
    const ws = testWorkstation({ now: clock.now });
    ws.session.clerk = { ...ws.session.clerk!, role: 'supervisor' };
    const cal = { version: BUILTIN_CALENDAR.version + 1, years: [...BUILTIN_CALENDAR.years, { year: 2027, holidays: ['2027-01-01', '2027-01-04', '2027-01-05'], workdays: [], source: '测试用日历' }] };
    await ok(ws.dispatch('calendar.import', { json: JSON.stringify(cal) }));
    const marks = { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'deferred' } };
    const terms = await ok<IntakeTerms>(ws.dispatch('case.terms', { itemCode: permitItem.code, answers: {}, marks }));
    // 5 working days from Mon 28 Dec: 29, 30, 31, (1, 4, 5 Jan off) 6, 7 Jan.
    expect(terms).toMatchObject({ promisedDate: '2027-01-07', latestSupplementDeadline: '2027-01-07', onTheSpot: false, allowedDecisions: expect.arrayContaining(['acceptWithDeferral']) });
    expect(terms.blockers.accept).toEqual(['当前材料情况不能作出该决定']);
    // The days in that range a deadline would be flagged on: New Year, the weekend and the two extra holidays.
    expect(terms.nonWorkingDays).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05']);
    const decided = ws.dispatch('case.decide', {
      itemCode: permitItem.code, answers: {}, marks, applicant: ORG, agent: null, decision: 'acceptWithDeferral', startedAt: clock.now().toISOString(),
      deferral: { commitment: '承诺补交', supplementDeadline: terms.latestSupplementDeadline },
    });
    await ok(decided);
    const later = await fails(ws.dispatch('case.decide', {
      itemCode: permitItem.code, answers: {}, marks, applicant: ORG, agent: null, decision: 'acceptWithDeferral', startedAt: clock.now().toISOString(),
      deferral: { commitment: '承诺补交', supplementDeadline: '2027-01-08' },
    }));
    expect(later.message).toBe('补正期限不能晚于承诺办结日期 2027-01-07');
    ws.close();
  });
});

describe('roles declared in the contract', () => {
  it('the dispatcher refuses a clerk where the contract names a supervisor, before the handler runs', async () => {
    const ws = testWorkstation();
    expect(await fails(ws.dispatch('catalogue.import', { json: '{' }))).toMatchObject({ code: 'forbidden', message: '只有值班长可以导入目录' });
    expect(await fails(ws.dispatch('sync.retryHeld', {}))).toMatchObject({ code: 'forbidden' });
    expect(await fails(ws.dispatch('practice.importPack', { json: '{}' }))).toMatchObject({ code: 'precondition_failed' }); // not in practice mode
    ws.session.clerk = null;
    expect(await fails(ws.dispatch('case.queue', {}))).toMatchObject({ code: 'unauthenticated' });
    ws.close();
  });

  it('sync.enrol: anyone may enrol a new window; once it is enrolled only a supervisor, refused before the handler runs', async () => {
    const ws = testWorkstation({ signIn: false });
    const enrol = () => ws.dispatch('sync.enrol', { serverUrl: 'http://127.0.0.1:9', code: 'AAAA-BBBB-CCCC' });
    // No sync loop here: the handler answers with the status (未登记) without calling any server.
    expect(await ok(enrol())).toMatchObject({ state: 'notEnrolled' }); // a fresh install, nobody signed in yet
    saveEnrolment(ws.db, { serverUrl: 'http://127.0.0.1:9', deviceId: 'dev-1', tokenBlob: Buffer.from('t'), tokenBox: 'plain', serverId: 'srv-1', at: new Date().toISOString() });
    expect(await fails(enrol())).toMatchObject({ code: 'unauthenticated', message: '请先登录' });
    const clerk = { staffNo: '1001', name: '张敏', role: 'clerk' as const, officeCode: '210100', windowCode: '01' };
    ws.session.clerk = clerk;
    expect(await fails(enrol())).toMatchObject({ code: 'forbidden', message: '本机已登记到中心服务器，重新登记须由值班长操作' });
    ws.session.clerk = { ...clerk, role: 'supervisor' };
    expect(await ok(enrol())).toMatchObject({ practice: false });
    ws.close();
  });
});
