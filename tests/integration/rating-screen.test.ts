// 评价器 (the applicant-facing second screen) through the real handler table on a real SQLite
// file: the clerk asks, the screen polls and submits, the case records the rating once.
import { describe, expect, it } from 'vitest';
import { acceptCertificate, testClock, testWorkstation } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import type { CaseDetail, RatingRequest } from '../../shared/domain/case';
import { upsertClerk } from '../../electron/store/clerks';
import { DEMO_PASSWORD_HASH } from '../../shared/demo/password';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
async function fail(ws: Workstation, channel: string, input: unknown) {
  const r = await ws.dispatch(channel, input);
  if (r.ok) throw new Error(`expected ${channel} to fail`);
  return r.error;
}
const newCase = async (ws: Workstation) => (await call<{ caseId: string; caseNumber: string }>(ws, 'case.decide', acceptCertificate()));
const pending = (ws: Workstation) => call<RatingRequest | null>(ws, 'rating.pending', {});
const ratedPayloads = (ws: Workstation, caseId: string) =>
  (ws.db.prepare("SELECT payload FROM case_events WHERE case_id = ? AND type = 'case.rated'").all(caseId) as { payload: string }[]).map((r) => JSON.parse(r.payload));

describe('评价器: request → pending → submit', () => {
  it('shows the case to the applicant and records the rating as secondScreen, through the case.rate path', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const { caseId, caseNumber } = await newCase(ws);
    expect(await pending(ws)).toBeNull();

    const asked = await call<RatingRequest>(ws, 'rating.request', { caseId });
    const shown = await pending(ws);
    expect(shown).toEqual(asked);
    expect(shown).toEqual({
      caseId,
      caseNumber,
      itemName: ws.itemFor('T0000000001')!.item.name,
      clerkName: '张敏',
      staffNo: '1001',
      windowName: ws.window().name,
      requestedAt: '2026-11-27T01:00:00.000Z',
    });

    // 不满意 needs a reason: refused, and the request stays so the applicant can choose one.
    expect((await fail(ws, 'rating.submit', { caseId, level: 'dissatisfied' })).message).toContain('原因');
    expect((await pending(ws))?.caseId).toBe(caseId);
    expect((await fail(ws, 'rating.submit', { caseId, level: 'dissatisfied', reasons: ['随便'] })).code).toBe('invalid_input');
    // A 好评 reason does not go with a 差评.
    expect((await fail(ws, 'rating.submit', { caseId, level: 'dissatisfied', reasons: ['H01'] })).message).toContain('与所选评价等级不符');

    expect(await call(ws, 'rating.submit', { caseId, level: 'dissatisfied', reasons: ['C03', 'C02'] })).toEqual({ ok: true });
    expect(await pending(ws)).toBeNull();
    const detail = await call<CaseDetail>(ws, 'case.get', { caseId });
    expect(detail.summary.rated).toBe(true);
    expect(detail.events.at(-1)).toMatchObject({ type: 'case.rated', staffNo: '1001', summary: '好差评：不满意，原因：多头跑窗口和部门、同样内容的证明材料被要求多次提交（评价器）' });
    expect(ratedPayloads(ws, caseId)).toEqual([{
      level: 'dissatisfied', reasonCategory: '多头跑窗口和部门', source: 'secondScreen', comment: '',
      reasons: [{ code: 'C03', text: '多头跑窗口和部门' }, { code: 'C02', text: '同样内容的证明材料被要求多次提交' }],
    }]);
  });

  it('shows the clerk who took the case, not whoever is signed in when the rating is asked', async () => {
    const ws = testWorkstation();
    const { caseId } = await newCase(ws); // taken by 1001 张敏
    upsertClerk(ws.db, { staffNo: '1002', name: '李强', role: 'clerk', officeCode: '210100', windowCode: '01' }, DEMO_PASSWORD_HASH);
    ws.session.clerk = { staffNo: '1002', name: '李强', role: 'clerk', officeCode: '210100', windowCode: '01' };
    const asked = await call<RatingRequest>(ws, 'rating.request', { caseId });
    expect(asked).toMatchObject({ clerkName: '张敏', staffNo: '1001' });
    expect(await pending(ws)).toMatchObject({ clerkName: '张敏', staffNo: '1001' });
  });

  it('rates once: a second submit, a new request or an on-screen rating are refused', async () => {
    const ws = testWorkstation();
    const { caseId, caseNumber } = await newCase(ws);
    await call(ws, 'rating.request', { caseId });
    await call(ws, 'rating.submit', { caseId, level: 'verySatisfied' });
    expect((await fail(ws, 'rating.submit', { caseId, level: 'satisfied' })).code).toBe('conflict');
    const again = await fail(ws, 'rating.request', { caseId });
    expect(again.code).toBe('conflict');
    expect(again.message).toBe(`办件 ${caseNumber} 已评价，每次办事只能评价一次，不能再请申请人评价`);
    expect((await fail(ws, 'case.rate', { caseId, level: 'satisfied', source: 'screen' })).message).toContain('只能评价一次');
    expect(ratedPayloads(ws, caseId)).toHaveLength(1);
  });

  it('refuses a request for an unknown case or one already rated on paper', async () => {
    const ws = testWorkstation();
    expect(await fail(ws, 'rating.request', { caseId: 'no-such-case' })).toMatchObject({ code: 'not_found', message: '找不到该办件' });
    const { caseId } = await newCase(ws);
    await call(ws, 'case.rate', { caseId, level: 'satisfied', source: 'paper', formNumber: 'PJ-0002' });
    expect((await fail(ws, 'rating.request', { caseId })).message).toContain('已评价');
    expect(await pending(ws)).toBeNull();
  });

  it('the clerk cannot claim the 评价器 as the source of an on-screen rating', async () => {
    const ws = testWorkstation();
    const { caseId } = await newCase(ws);
    expect((await fail(ws, 'case.rate', { caseId, level: 'satisfied', source: 'secondScreen' })).code).toBe('invalid_input');
  });
});

describe('评价器: one request at a time', () => {
  it('a new request replaces the old; a stale screen cannot rate the replaced case; cancel is per case', async () => {
    const ws = testWorkstation();
    const a = (await newCase(ws)).caseId;
    const b = (await newCase(ws)).caseId;
    await call(ws, 'rating.request', { caseId: a });
    await call(ws, 'rating.request', { caseId: b });
    expect((await pending(ws))?.caseId).toBe(b);
    expect((await fail(ws, 'rating.submit', { caseId: a, level: 'satisfied' })).message).toContain('已取消或已更换');
    expect((await call<CaseDetail>(ws, 'case.get', { caseId: a })).summary.rated).toBe(false);

    await call(ws, 'rating.cancel', { caseId: a }); // a stale dialog: b stays
    expect((await pending(ws))?.caseId).toBe(b);
    await call(ws, 'rating.cancel', { caseId: b });
    expect(await pending(ws)).toBeNull();
    expect((await fail(ws, 'rating.submit', { caseId: b, level: 'satisfied' })).code).toBe('conflict');
    await call(ws, 'rating.cancel', {}); // nothing pending: still fine
  });

  it('ends when the case is rated on the clerk\'s screen instead (the fallback)', async () => {
    const ws = testWorkstation();
    const { caseId } = await newCase(ws);
    await call(ws, 'rating.request', { caseId });
    await call(ws, 'case.rate', { caseId, level: 'satisfied', source: 'screen' });
    expect(await pending(ws)).toBeNull();
  });
});

describe('评价器: belongs to the sign-in', () => {
  it('sign-out clears the request; signed out the screen gets nothing and cannot rate', async () => {
    const ws = testWorkstation();
    const { caseId } = await newCase(ws);
    await call(ws, 'rating.request', { caseId });
    await call(ws, 'session.signOut', {});
    expect((await fail(ws, 'rating.pending', {})).code).toBe('unauthenticated');
    expect((await fail(ws, 'rating.submit', { caseId, level: 'satisfied' })).code).toBe('unauthenticated');
    await call(ws, 'session.signIn', { staffNo: '1001', password: '12345678' });
    expect(await pending(ws)).toBeNull();
    expect((await fail(ws, 'rating.submit', { caseId, level: 'satisfied' })).code).toBe('conflict');
    expect((await call<CaseDetail>(ws, 'case.get', { caseId })).summary.rated).toBe(false);
  });

  it('another clerk signed in at the window never sees the previous clerk\'s request', async () => {
    const ws = testWorkstation();
    const { caseId } = await newCase(ws);
    await call(ws, 'rating.request', { caseId });
    ws.session.clerk = { ...ws.session.clerk!, staffNo: '1002', name: '李华' }; // swapped without the sign-in handler
    expect(await pending(ws)).toBeNull();
  });
});
