// 出件 checks the receiver's document by its type (shared/validate/idDocument.ts): an applicant
// taken on a 港澳通行证 collects with that permit, an agent may show a passport, and a company
// collects through its legal representative's (or an agent's) own document — a credit code
// identifies no one and is refused. Real SQLite; the case.delivered event records the document.
import { describe, expect, it } from 'vitest';
import { testWorkstation, PERSON, ORG } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import { caseEventRows } from '../../electron/store/caseEvents';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function fail(ws: Workstation, channel: string, input: unknown) {
  const r = await ws.dispatch(channel, input);
  if (r.ok) throw new Error(`expected ${channel} to fail`);
  return r.error;
}

const HK = { kind: 'person' as const, name: '陈大文', idType: 'hkMacaoPermit', idNumber: 'H12345678', phone: '13800138001' };
const REP_ID = '110101199003074477'; // 赵丽's own resident ID card

async function completed(ws: Workstation, applicant: unknown): Promise<string> {
  const r = await call<{ caseId: string }>(ws, 'case.decide', {
    itemCode: 'T0000000001',
    answers: { who: 'self' },
    marks: { form: { mark: 'verified' }, id: { mark: 'eCert' } },
    applicant,
    agent: null,
    decision: 'accept',
    startedAt: '2026-11-27T00:55:00.000Z',
  });
  await call(ws, 'case.complete', { caseId: r.caseId });
  return r.caseId;
}
const delivered = (ws: Workstation, caseId: string) =>
  JSON.parse((caseEventRows(ws.db, caseId) as { type: string; payload: string }[]).find((e) => e.type === 'case.delivered')!.payload) as Record<string, unknown>;

describe('出件: the receiver’s document by its type', () => {
  it('an applicant taken on a 港澳通行证 collects with that permit, not another document', async () => {
    const ws = testWorkstation();
    const caseId = await completed(ws, HK);
    expect((await fail(ws, 'case.deliver', { caseId, method: 'applicant', idNumber: PERSON.idNumber })).message).toContain('港澳居民来往内地通行证');
    expect((await fail(ws, 'case.deliver', { caseId, method: 'applicant', idType: 'hkMacaoPermit', idNumber: 'H1234' })).message).toContain('H 或 M 开头加 8 位数字');
    expect((await fail(ws, 'case.deliver', { caseId, method: 'applicant', idType: 'hkMacaoPermit', idNumber: 'H87654321' })).message).toContain('与申请人不一致');
    await call(ws, 'case.deliver', { caseId, method: 'applicant', idType: 'hkMacaoPermit', idNumber: 'ｈ12345678' });
    expect(delivered(ws, caseId)).toMatchObject({ method: 'applicant', receiver: '陈大文' });
    ws.close();
  });

  it('a company collects through its legal representative’s own document, never the credit code', async () => {
    const ws = testWorkstation();
    const caseId = await completed(ws, ORG);
    const byCode = await fail(ws, 'case.deliver', { caseId, method: 'applicant', idNumber: ORG.creditCode });
    expect(byCode).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('不能以统一社会信用代码代替') });
    expect((await fail(ws, 'case.deliver', { caseId, method: 'applicant', idNumber: '110101199003074478' })).message).toContain('法定代表人');
    expect((await fail(ws, 'case.deliver', { caseId, method: 'applicant', idNumber: REP_ID })).message).toBe('请核对证件上的姓名与法定代表人「赵丽」一致');
    // A legal representative from Hong Kong shows their permit, checked by the permit's rule.
    expect((await fail(ws, 'case.deliver', { caseId, method: 'applicant', idType: 'hkMacaoPermit', idNumber: 'H12', identityChecked: true })).message).toContain('法定代表人港澳居民来往内地通行证号码应为');
    await call(ws, 'case.deliver', { caseId, method: 'applicant', idType: 'hkMacaoPermit', idNumber: 'M12345678', identityChecked: true });
    expect(delivered(ws, caseId)).toMatchObject({ method: 'applicant', receiver: '赵丽', receiverIdNumber: 'M12345678', receiverIdType: 'hkMacaoPermit', label: '法定代表人领取' });
    ws.close();
  });

  it('a company or a person collects through an agent showing a passport, checked by the passport rule', async () => {
    const ws = testWorkstation();
    const caseId = await completed(ws, ORG);
    expect((await fail(ws, 'case.deliver', { caseId, method: 'agent', agentName: 'John Smith', idType: 'passport', idNumber: 'E1', authorisationChecked: true })).message).toBe('代理人护照号码应为 5–17 位字母或数字');
    expect((await fail(ws, 'case.deliver', { caseId, method: 'agent', agentName: 'John Smith', idNumber: ORG.creditCode, authorisationChecked: true })).message).toMatch(/^代理人/);
    await call(ws, 'case.deliver', { caseId, method: 'agent', agentName: 'John Smith', idType: 'passport', idNumber: 'E12345678', authorisationChecked: true });
    expect(delivered(ws, caseId)).toMatchObject({ method: 'agent', receiver: 'John Smith', receiverIdNumber: 'E12345678', receiverIdType: 'passport' });
    ws.close();
  });
});
