// Applicants without a mainland ID card through the real handler table and SQLite file: a
// passport holder and a 2023 permanent-residence ID are accepted, stored with their document
// type, found by number, and printed with the document's name; a bad permit number is refused
// in plain Chinese and nothing is saved.
import { describe, expect, it } from 'vitest';
import { testWorkstation } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import { outboxSize, stageOutbox } from '../../electron/store/outbox';
import { idCardCheckChar } from '../../shared/validate/idcard';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
  return r.value;
}
const accept = (applicant: unknown) => ({
  itemCode: 'T0000000001', answers: { who: 'self' }, marks: { form: { mark: 'verified' }, id: { mark: 'verified' } }, applicant, agent: null, decision: 'accept', startedAt: new Date().toISOString(),
});
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('applicants without a mainland ID card', () => {
  it('a passport and a 2023 permanent-residence ID are accepted, stored with their type, found and printed', async () => {
    const ws = testWorkstation();
    const passport = await call<{ caseId: string }>(ws, 'case.decide', accept({ kind: 'person', name: 'John Smith', idType: 'passport', idNumber: 'p1234 5678', phone: '13800138000' }));
    const fprNumber = '91184019850312001' + idCardCheckChar('91184019850312001');
    const resident = await call<{ caseId: string }>(ws, 'case.decide', accept({ kind: 'person', name: '安娜', idType: 'foreignPermanentResident', idNumber: fprNumber, phone: '13800138001' }));
    const d = await call<{ applicant: { idType: string; idNumber: string } }>(ws, 'case.get', { caseId: passport.caseId });
    expect(d.applicant).toMatchObject({ idType: 'passport', idNumber: 'P12345678' });
    const slip = text((await call<{ html: string }>(ws, 'notice.render', { caseId: resident.caseId, kind: 'acceptance', layout: 'A4' })).html);
    expect(slip).toContain('外国人永久居留身份证');
    expect(slip).not.toContain(fprNumber); // masked like a resident ID
    expect((await call<{ cases: Array<{ id: string }> }>(ws, 'case.find', { query: 'John' })).cases.map((c) => c.id)).toEqual([passport.caseId]);
    ws.close();
  });

  it('a 港澳 permit number of the wrong shape is refused with the rule, nothing saved', async () => {
    const ws = testWorkstation();
    const r = await ws.dispatch('case.decide', accept({ kind: 'person', name: '陈大文', idType: 'hkMacaoPermit', idNumber: '12345678', phone: '13800138000' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error.details ?? r.error.message)).toContain('H 或 M 开头加 8 位数字');
    stageOutbox(ws.db);
    expect(outboxSize(ws.db)).toBe(0);
    ws.close();
  });
});
