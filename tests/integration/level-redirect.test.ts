// 本级不办理 on a real SQLite file with the demo catalogue: 居民身份证换领、补领 (a county and
// township item) at the city centre offers 引导 (and 不予受理) only, to the district centres;
// the 引导告知单 lists where to go and what to bring, and no 查询办理进度. A city-only item at a
// village office is guided up to the city centre.
import { describe, expect, it } from 'vitest';
import { testWorkstation } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import type { IntakeTerms } from '../../shared/domain/intakeTerms';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { OFFICE } from '../../shared/demo/offices';
import { idCardCheckChar } from '../../shared/validate/idcard';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
const ID_CARD = demoCatalogue.items.find((i) => i.name === '居民身份证换领、补领')!;
const GUARD = demoCatalogue.items.find((i) => i.name === '保安员证核发')!;
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('本级不办理 → 引导 to the level that handles it', () => {
  it('at the city centre, 身份证补领 offers 引导 to the district centres; the slip says where and what to bring', async () => {
    const ws = testWorkstation({ catalogue: demoCatalogue, officeCode: OFFICE.city, windowCode: '01' });
    const answers = { action: 'reissue' };
    const terms = await call<IntakeTerms>(ws, 'case.terms', { itemCode: ID_CARD.code, answers, marks: {} });
    expect(terms.allowedDecisions).toEqual(['redirect', 'refuse']);
    expect(terms.levelRedirect).toMatchObject({ reason: '本中心（市级）不办理本事项', name: '申请人户籍所在地或居住地的县(区)政务服务中心' });
    expect(terms.levelRedirect!.places.map((p) => p.name)).toEqual(['和平区政务服务中心', '沈河区政务服务中心', '浑南区政务服务中心', '辽中区政务服务中心']);
    expect(terms.blockers.accept[0]).toContain('本中心（市级）不办理本事项');

    const refused = await ws.dispatch('case.decide', { itemCode: ID_CARD.code, answers, marks: {}, applicant: { kind: 'person', name: '李强', idNumber: '21010219900307123' + idCardCheckChar('21010219900307123'), phone: '13812345678' }, agent: null, decision: 'accept', startedAt: ws.now().toISOString() });
    expect(refused.ok).toBe(false);

    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', {
      itemCode: ID_CARD.code, answers, marks: {}, applicant: { kind: 'visitor', name: '李大姐' }, agent: null, decision: 'redirect', startedAt: ws.now().toISOString(),
    });
    const { html } = await call<{ html: string }>(ws, 'notice.render', { caseId, kind: 'redirect', layout: 'A4' });
    const slip = text(html);
    expect(slip).toContain('引导告知单');
    expect(slip).toContain('不在本中心办理');
    for (const p of terms.levelRedirect!.places) expect(slip).toContain(p.address);
    expect(slip).toContain('请携带以下材料');
    expect(slip).toContain('居民身份证'); // a material of the item under 补领
    expect(slip).not.toContain('查询办理进度');
    expect(slip).not.toContain('查询方式');
    ws.close();
  });

  it('a sub-centre item still goes to its sub-centre, and its slip drops 查询办理进度 too', async () => {
    const ws = testWorkstation({ catalogue: demoCatalogue, officeCode: OFFICE.city, windowCode: '01' });
    const passport = demoCatalogue.items.find((i) => i.subCenterCode === 'CRJ')!;
    const terms = await call<IntakeTerms>(ws, 'case.terms', { itemCode: passport.code, answers: {}, marks: {} });
    expect(terms.levelRedirect).toBeNull();
    expect(terms.allowedDecisions).toEqual(['redirect']);
    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', {
      itemCode: passport.code, answers: {}, marks: {}, applicant: { kind: 'visitor' }, agent: null, decision: 'redirect', startedAt: ws.now().toISOString(),
    });
    const slip = text((await call<{ html: string }>(ws, 'notice.render', { caseId, kind: 'redirect', layout: 'A4' })).html);
    expect(slip).toContain('出入境');
    expect(slip).not.toContain('查询办理进度');
    ws.close();
  });

  it('at a village office, a city-only item is guided up to the city centre', async () => {
    const ws = testWorkstation({ catalogue: demoCatalogue, officeCode: OFFICE.lixiangCommunity, windowCode: '01' });
    const terms = await call<IntakeTerms>(ws, 'case.terms', { itemCode: GUARD.code, answers: { local: 'yes' }, marks: {} });
    expect(terms.levelRedirect).toMatchObject({ name: '沈阳市政务服务中心', places: [{ name: '沈阳市政务服务中心' }] });
    expect(terms.allowedDecisions).toEqual(['redirect', 'refuse']);
    ws.close();
  });
});
