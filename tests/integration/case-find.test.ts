// 查找办件 on a real SQLite file through the handler table: by name prefix (applicant, company,
// legal representative, agent), ID number (applicant or agent), credit code and case number,
// across days; every kind of search served by an index; practice and real never meet.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { testWorkstation, testClock, tempDbPath, PERSON, ORG } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import type { CaseSummary } from '../../shared/domain/case';
import { findPlans } from '../../electron/store/caseFind';
import { createHost } from '../../electron/services/host';
import { replaceCatalogue } from '../../electron/store/catalogue';
import { setSetting } from '../../electron/store/settings';
import { upsertClerk, hashPassword } from '../../electron/store/clerks';
import { DEMO_PASSWORD_HASH } from '../../shared/demo/password';
import { testCatalogue } from '../fixtures/catalogue';
import { idCardCheckChar } from '../../shared/validate/idcard';

type Found = { kind: string; cases: CaseSummary[]; truncated: boolean };
async function call<T = unknown>(ws: Pick<Workstation, 'dispatch'>, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
async function fail(ws: Pick<Workstation, 'dispatch'>, channel: string, input: unknown) {
  const r = await ws.dispatch(channel, input);
  if (r.ok) throw new Error(`expected ${channel} to fail`);
  return r.error;
}
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
const AGENT = { name: '刘代办', idNumber: withCheck('21010219800101123'), phone: '13700137000' };
const person = (name: string, idNumber: string) => ({ kind: 'person' as const, name, idNumber, phone: '13800138000' });
const certificate = (applicant: unknown, startedAt: string, agent: unknown = null) => ({
  itemCode: 'T0000000001', answers: { who: agent ? 'agent' : 'self' },
  marks: agent ? { form: { mark: 'verified' }, id: { mark: 'eCert' }, power: { mark: 'verified' }, agentId: { mark: 'verified' } } : { form: { mark: 'verified' }, id: { mark: 'eCert' } },
  applicant, agent, decision: 'accept', startedAt,
});
const food = (startedAt: string) => ({
  itemCode: 'T0000000002', answers: {}, marks: { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'verified' } }, applicant: ORG, agent: null, decision: 'accept', startedAt,
});

describe('查找办件 (case.find)', () => {
  it('finds cases of earlier days by name prefix, ID number, credit code and case number, newest first', async () => {
    const clock = testClock('2026-11-23T01:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const wang = await call<{ caseId: string; caseNumber: string }>(ws, 'case.decide', certificate(PERSON, clock.now().toISOString()));
    clock.set('2026-11-25T02:00:00.000Z');
    const wangLi = await call<{ caseId: string }>(ws, 'case.decide', certificate(person('王小丽', withCheck('21010219950505222')), clock.now().toISOString()));
    const company = await call<{ caseId: string }>(ws, 'case.decide', food(clock.now().toISOString()));
    clock.set('2026-11-27T03:00:00.000Z'); // today: the earlier days' cases are no longer in 今日办件
    const ids = (f: Found) => f.cases.map((c) => c.id);

    expect(ids(await call<Found>(ws, 'case.find', { query: '王小' }))).toEqual([wangLi.caseId, wang.caseId]);
    expect(await call<Found>(ws, 'case.find', { query: '王小明' })).toMatchObject({ kind: 'name', truncated: false, cases: [{ id: wang.caseId, applicantName: '王小明' }] });
    // The ID number as typed at the window: lower-case x, full-width digits, spaces.
    const typed = PERSON.idNumber.toLowerCase().replace(/1/g, '１').replace(/(\d{6})/, '$1 ');
    expect(await call<Found>(ws, 'case.find', { query: typed })).toMatchObject({ kind: 'idNumber', cases: [{ id: wang.caseId }] });
    expect(await call<Found>(ws, 'case.find', { query: ORG.creditCode })).toMatchObject({ kind: 'creditCode', cases: [{ id: company.caseId }] });
    expect(ids(await call<Found>(ws, 'case.find', { query: '沈阳市好味道' }))).toEqual([company.caseId]);
    expect(ids(await call<Found>(ws, 'case.find', { query: ORG.legalRepresentative }))).toEqual([company.caseId]); // 赵丽, the legal representative
    expect(await call<Found>(ws, 'case.find', { query: wang.caseNumber.toLowerCase() })).toMatchObject({ kind: 'caseNumber', cases: [{ id: wang.caseId }] });
    expect((await call<Found>(ws, 'case.find', { query: '李' })).cases).toEqual([]);
    ws.close();
  });

  it('finds a case by the agent\'s name and ID number', async () => {
    const clock = testClock('2026-11-24T01:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const r = await call<{ caseId: string }>(ws, 'case.decide', certificate(PERSON, clock.now().toISOString(), AGENT));
    clock.set('2026-11-27T01:00:00.000Z');
    expect((await call<Found>(ws, 'case.find', { query: AGENT.idNumber })).cases.map((c) => c.id)).toEqual([r.caseId]);
    expect((await call<Found>(ws, 'case.find', { query: '刘代' })).cases.map((c) => c.id)).toEqual([r.caseId]);
    ws.close();
  });

  it('says plainly what is wrong with a mistyped ID number, credit code or case number', async () => {
    const ws = testWorkstation();
    expect((await fail(ws, 'case.find', { query: '110105194912310021' })).message).toContain('校验位');
    expect((await fail(ws, 'case.find', { query: '   ' })).message).toBe('请输入办件编号、申请人姓名、身份证号或统一社会信用代码');
    expect((await fail(ws, 'case.find', { query: '310100-01-20261127-0001-X' })).code).toMatch(/invalid_input|not_found/);
    ws.close();
  });

  it('every search kind is served by an index, not a scan of cases', () => {
    const ws = testWorkstation();
    for (const [kind, plan] of Object.entries(findPlans(ws.db))) {
      const text = plan.join(' | ');
      expect(text, kind).not.toMatch(/SCAN cases(?! USING)/);
      expect(text, kind).toMatch(/USING (COVERING )?INDEX|USING INDEX|PRIMARY KEY|sqlite_autoindex/);
    }
    ws.close();
  });

  it('practice and real never meet: practice finds only practice cases, real only real ones', async () => {
    const dbPath = tempDbPath('yc-find-');
    const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), seedDemo: false, sync: { start: false } });
    replaceCatalogue(host.real.db, testCatalogue);
    setSetting(host.real.db, 'device.officeCode', '210100');
    setSetting(host.real.db, 'device.windowCode', '01');
    upsertClerk(host.real.db, { staffNo: '1001', name: '张敏', role: 'clerk', officeCode: '210100', windowCode: '01' }, DEMO_PASSWORD_HASH);
    upsertClerk(host.real.db, { staffNo: '9001', name: '王老师', role: 'trainer', officeCode: '210100', windowCode: '01' }, hashPassword('trainer-pw'));
    try {
      await call(host, 'session.signIn', { staffNo: '1001', password: '12345678' });
      const real = await call<{ caseId: string; caseNumber: string }>(host, 'case.decide', certificate(PERSON, new Date().toISOString()));
      await call(host, 'practice.enter', { staffNo: '9001', password: 'trainer-pw' });
      expect((await call<Found>(host, 'case.find', { query: PERSON.name })).cases).toEqual([]);
      expect((await fail(host, 'case.find', { query: real.caseNumber })).message).toContain('真实办件编号不能用于练习模式');
      const practice = await call<{ caseId: string; caseNumber: string }>(host, 'case.decide', certificate(PERSON, new Date().toISOString()));
      expect((await call<Found>(host, 'case.find', { query: PERSON.idNumber })).cases.map((c) => c.id)).toEqual([practice.caseId]);
      await call(host, 'practice.leave', { staffNo: '9001', password: 'trainer-pw' });
      expect((await call<Found>(host, 'case.find', { query: PERSON.name })).cases.map((c) => c.id)).toEqual([real.caseId]);
      expect((await fail(host, 'case.find', { query: practice.caseNumber })).message).toContain('练习办件编号不能用于真实业务');
    } finally {
      host.close();
    }
  });
});
