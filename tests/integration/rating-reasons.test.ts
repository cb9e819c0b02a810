// 好差评 reasons and dates on the real parts: the window's handler on a SQLite file chooses
// from the centre's list (which arrives with the catalogue's sync, in full and in deltas), and
// the server's push refuses a rating dated before its visit or a second one, on PGlite and
// PostgreSQL alike.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { acceptCertificate, testClock, testWorkstation } from '../helpers/workstation';
import { startSyncServer, serverCatalogue, type SyncServer } from '../helpers/syncWorld';
import { BACKENDS, OFFICE_A, Outbox, enrolDevice, push, startTestServer, type TestServer } from './server-harness';
import { issueEnrolCode } from '../../server/admin/directory';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { createHost } from '../../electron/services/host';
import { listRatingReasons, replaceCatalogue } from '../../electron/store/catalogue';
import { testCatalogue } from '../fixtures/catalogue';
import { NATIONAL_RATING_REASONS, type RatingReason } from '../../shared/domain/ratingReasons';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import { tempDbPath } from '../helpers/workstation';

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
const ratedPayload = (ws: Workstation, caseId: string) =>
  JSON.parse((ws.db.prepare("SELECT payload FROM case_events WHERE case_id = ? AND type = 'case.rated'").get(caseId) as { payload: string }).payload);

const OWN: RatingReason[] = [
  { code: 'G1', ratingClass: 'good', text: '材料一次收齐' },
  { code: 'N1', ratingClass: 'neutral', text: '排队稍久' },
  { code: 'B1', ratingClass: 'bad', text: '让我跑了两次' },
  { code: 'B2', ratingClass: 'bad', text: '要了重复的证明' },
];

describe('好差评 at the window', () => {
  it('offers the national list until the centre publishes its own, and rates only with codes of that list and class', async () => {
    const ws = testWorkstation();
    expect((await call<{ reasons: RatingReason[] }>(ws, 'rating.reasons', {})).reasons).toEqual(NATIONAL_RATING_REASONS);
    const a = await call<{ caseId: string }>(ws, 'case.decide', acceptCertificate());
    expect(await call(ws, 'case.rate', { caseId: a.caseId, level: 'verySatisfied', reasons: ['H01', 'H02'], source: 'screen' })).toMatchObject({ rated: true });
    expect(ratedPayload(ws, a.caseId).reasons).toEqual([{ code: 'H01', text: '一窗受理一次办结' }, { code: 'H02', text: '一次性告知需要补正的材料' }]);

    replaceCatalogue(ws.db, { ...testCatalogue, version: testCatalogue.version + 1, ratingReasons: OWN });
    expect((await call<{ reasons: RatingReason[] }>(ws, 'rating.reasons', {})).reasons).toEqual(OWN);
    const b = await call<{ caseId: string }>(ws, 'case.decide', acceptCertificate());
    const gone = await fail(ws, 'case.rate', { caseId: b.caseId, level: 'dissatisfied', reasons: ['C03'], source: 'screen' });
    expect(gone).toMatchObject({ code: 'invalid_input', message: '评价原因 C03 不在本中心的评价原因清单中' });
    expect((await fail(ws, 'case.rate', { caseId: b.caseId, level: 'dissatisfied', reasons: [], source: 'screen' })).message).toBe('差评须选择至少一项评价原因');
    expect((await fail(ws, 'case.rate', { caseId: b.caseId, level: 'basicallySatisfied', reasons: ['B1'], source: 'screen' })).message).toContain('与所选评价等级不符');
    // Nothing was saved by the refusals: the visit can still be rated, once.
    await call(ws, 'case.rate', { caseId: b.caseId, level: 'veryDissatisfied', reasons: ['B2', 'B1'], source: 'screen', comment: '希望改进' });
    expect(ratedPayload(ws, b.caseId)).toEqual({
      level: 'veryDissatisfied', reasonCategory: '要了重复的证明', source: 'screen', comment: '希望改进',
      reasons: [{ code: 'B2', text: '要了重复的证明' }, { code: 'B1', text: '让我跑了两次' }],
    });
    // An exported catalogue carries the centre's list (what a delta is applied to).
    expect((await import('../../electron/store/catalogue')).exportCatalogue(ws.db).ratingReasons).toEqual(OWN);
  });

  it('a paper form keeps its date, which may not precede the visit nor follow the day it is entered', async () => {
    const clock = testClock('2026-12-01T02:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', acceptCertificate(clock.now().toISOString()));
    clock.set('2026-12-03T03:00:00.000Z');
    const early = await fail(ws, 'case.rate', { caseId, level: 'satisfied', source: 'paper', formNumber: 'PJ-1', formDate: '2026-11-30' });
    expect(early).toMatchObject({ code: 'invalid_input', message: '纸质评价表的日期 2026-11-30 早于办事日期 2026-12-01' });
    expect((await fail(ws, 'case.rate', { caseId, level: 'satisfied', source: 'paper', formNumber: 'PJ-1', formDate: '2026-12-04' })).message).toBe('纸质评价表的日期 2026-12-04 晚于录入日期，请核对');
    expect((await fail(ws, 'case.rate', { caseId, level: 'satisfied', source: 'screen', formDate: '2026-12-02' })).message).toBe('只有纸质评价表才填写评价表日期');
    await call(ws, 'case.rate', { caseId, level: 'satisfied', reasons: ['H06'], source: 'paper', formNumber: 'PJ-1', formDate: '2026-12-02' });
    expect(ratedPayload(ws, caseId)).toMatchObject({ source: 'paper', formDate: '2026-12-02' });
    const detail = await call<{ events: { summary: string }[] }>(ws, 'case.get', { caseId });
    expect(detail.events.at(-1)!.summary).toBe('好差评：满意，原因：服务热情、解答清楚（纸质评价补录），评价表日期 2026-12-02');
  });

  it('a clock set back before the visit cannot date a rating before it', async () => {
    const clock = testClock('2026-12-01T02:00:00.000Z');
    const ws = testWorkstation({ now: clock.now });
    const { caseId } = await call<{ caseId: string }>(ws, 'case.decide', acceptCertificate(clock.now().toISOString()));
    clock.set('2026-12-01T01:59:00.000Z');
    expect(await fail(ws, 'case.rate', { caseId, level: 'satisfied', source: 'screen' })).toMatchObject({ code: 'invalid_input', message: '评价时间早于所评价的服务（受理决定时间），不能记录' });
  });

  it('prints the paper 评价表 with the levels and the window’s reasons', async () => {
    const ws = testWorkstation();
    const { caseId, caseNumber } = await call<{ caseId: string; caseNumber: string }>(ws, 'case.decide', acceptCertificate());
    const { html } = await call<{ html: string }>(ws, 'rating.paperForm', { caseId });
    for (const text of ['政务服务评价表', caseNumber, '非常满意', '基本满意', '非常不满意', '多头跑窗口和部门', '一窗受理一次办结', '评价人签字']) expect(html).toContain(text);
    await call(ws, 'case.rate', { caseId, level: 'satisfied', source: 'screen' });
    expect((await fail(ws, 'rating.paperForm', { caseId })).code).toBe('conflict');
  });
});

describe('the centre’s list travels with the catalogue', () => {
  let srv: SyncServer;
  beforeAll(async () => { srv = await startSyncServer('pglite'); });
  afterAll(async () => { await srv.destroy(); });

  it('arrives in full, changes by delta, and going back to none restores the national list', async () => {
    const dbPath = tempDbPath();
    const host = createHost({ dbPath, practiceDbPath: path.join(path.dirname(dbPath), 'practice.db'), seedDemo: false, sync: { start: false } });
    const { code } = await issueEnrolCode(srv.db, OFFICE_A, '01');
    expect((await host.dispatch('sync.enrol', { serverUrl: srv.url, code })).ok).toBe(true);
    expect(listRatingReasons(host.real.db)).toEqual(NATIONAL_RATING_REASONS);

    await publishCatalogue(srv.db, { ...serverCatalogue, ratingReasons: OWN });
    expect((await host.dispatch('sync.now', {})).ok).toBe(true);
    expect(listRatingReasons(host.real.db)).toEqual(OWN);

    const edited = [OWN[2], { ...OWN[0], text: '材料一次收齐，当场办好' }, OWN[1]];
    await publishCatalogue(srv.db, { ...serverCatalogue, ratingReasons: edited });
    expect((await host.dispatch('sync.now', {})).ok).toBe(true);
    expect(listRatingReasons(host.real.db)).toEqual(edited);

    await publishCatalogue(srv.db, serverCatalogue);
    expect((await host.dispatch('sync.now', {})).ok).toBe(true);
    expect(listRatingReasons(host.real.db)).toEqual(NATIONAL_RATING_REASONS);
    host.close();
  });

  it('a list the schema refuses is not published', async () => {
    await expect(publishCatalogue(srv.db, { ...serverCatalogue, ratingReasons: [OWN[0], OWN[0]] })).rejects.toMatchObject({ code: 'catalogue_invalid' });
  });
});

describe.each(BACKENDS)('server push of ratings on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(backend, { rateLimit: false }); });
  afterAll(async () => { await t?.close(); });

  it('refuses a rating dated before the decision it rates, and a second rating of the visit', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    const c = box.open(uuidv7());
    const decidedAt = new Date(Date.now() - 60 * 60_000);
    box.add(c, 'case.decided', { decision: 'accept' }, decidedAt.toISOString());
    box.add(c, 'case.rated', { level: 'dissatisfied', reasons: [{ code: 'C03', text: '多头跑窗口和部门' }] }, new Date(decidedAt.getTime() - 60_000).toISOString());
    box.add(c, 'case.rated', { level: 'satisfied', source: 'paper', formDate: '2001-01-01' }, new Date(decidedAt.getTime() + 60_000).toISOString());
    box.add(c, 'case.rated', { level: 'verySatisfied', reasons: [{ code: 'H01', text: '一窗受理一次办结' }] }, new Date(decidedAt.getTime() + 60_000).toISOString());
    box.add(c, 'case.rated', { level: 'dissatisfied' }, new Date(decidedAt.getTime() + 120_000).toISOString());
    const r = await push(t, dev, box.entries);
    expect(r.status).toBe(200);
    expect(r.json.rejected.map((x: { seq: number; code: string; message: string }) => [x.seq, x.code, x.message])).toEqual([
      [3, 'invalid_transition', '评价时间早于所评价的服务（受理决定时间），不能记录'],
      [4, 'invalid_transition', expect.stringMatching(/^纸质评价表的日期 2001-01-01 早于办事日期/)],
      [6, 'invalid_transition', '本次办事已评价，每次办事只能评价一次'],
    ]);
    const state = (await t.db.query<{ state: { rating: string } }>('SELECT state FROM cases WHERE id = $1', [c])).rows[0].state;
    expect(state.rating).toBe('verySatisfied');
  });
});
