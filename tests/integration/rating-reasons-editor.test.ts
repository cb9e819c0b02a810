// 评价原因清单 edited in the console (admins): the list in force (national until a centre sets
// its own), a save refused whole with Chinese messages that locate each problem, a saved list
// published as the next catalogue version and carried whole in a window's catalogue delta, a
// save against a version published meanwhile refused (409), the audit record, back to the
// national list. PostgreSQL (the write path is the catalogue's, tested on PGlite elsewhere).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, catalogueFixture, enrolDevice, staff, startTestServer, type TestServer } from './server-harness';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { NATIONAL_RATING_REASONS, type RatingReason } from '../../shared/domain/ratingReasons';

const FOOD = '11210100MB0000001A';
const MINE: RatingReason[] = [
  { code: 'H01', ratingClass: 'good', text: '一窗受理一次办结' },
  { code: 'H20', ratingClass: 'good', text: '帮办代办很贴心' },
  { code: 'Z01', ratingClass: 'neutral', text: '等候时间较长' },
  { code: 'C03', ratingClass: 'bad', text: '多头跑窗口和部门' },
  { code: 'C20', ratingClass: 'bad', text: '自助终端经常故障' },
];

describe('评价原因清单 in the console', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('postgres', { rateLimit: false });
    await publishCatalogue(t.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }]));
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  it('admins read the national list, save their own (published with the catalogue, whole in the delta), and go back', async () => {
    const admin = await staff(t, 'admin');
    const start = await admin.get('/rating-reasons');
    expect(start.json).toEqual({ reasons: NATIONAL_RATING_REASONS, custom: false, catalogueVersion: 1 });

    const bad = await admin.post('/rating-reasons', {
      baseVersion: 1,
      reasons: [{ code: 'H01', ratingClass: 'good', text: '' }, { code: 'H01', ratingClass: 'good', text: '好' }, { code: 'X 1', ratingClass: 'neutral', text: '一般' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toEqual(expect.arrayContaining([
      { path: 'reasons[0].text', message: '请填写评价原因的文字' },
      { path: 'reasons[2].code', message: '评价原因编码应为 1–20 位字母、数字、下划线或连字符' },
    ]));
    const messages = (bad.json.details as { message: string }[]).map((d) => d.message);
    expect(messages).toContain('差评至少要有一条评价原因');
    const twice = await admin.post('/rating-reasons', { baseVersion: 1, reasons: [...MINE, { code: 'H21', ratingClass: 'good', text: '帮办代办很贴心' }] });
    expect(twice.json.details).toEqual([{ path: 'reasons[5].text', message: '好评中“帮办代办很贴心”重复' }]);
    expect((await admin.get('/rating-reasons')).json.catalogueVersion).toBe(1); // nothing published

    const saved = await admin.post('/rating-reasons', { baseVersion: 1, reasons: MINE });
    expect(saved.json).toEqual({ reasons: MINE, custom: true, catalogueVersion: 2 });
    const dev = await enrolDevice(t);
    const delta = await call(t.server.url, '/sync/v1/catalogue?sinceVersion=1', { token: dev.deviceToken });
    expect(delta.json).toMatchObject({ kind: 'delta', fromVersion: 1, version: 2, changes: { ratingReasons: { upserted: MINE } } });
    expect(delta.json.changes.items).toEqual({ upserted: [], removed: [] }); // nothing else changed

    // Edited from version 1 while version 2 is out: refused, not silently undone.
    const stale = await admin.post('/rating-reasons', { baseVersion: 1, reasons: MINE.slice(1) });
    expect(stale.status).toBe(409);
    expect(stale.json.message).toContain('第 2 版');
    expect((await admin.get('/audit?action=catalogue.ratingReasons')).json.records).toMatchObject([{ action: 'catalogue.ratingReasons', detail: { version: 2, custom: true, count: 5 } }]);

    const back = await admin.post('/rating-reasons', { baseVersion: 2, reasons: null });
    expect(back.json).toEqual({ reasons: NATIONAL_RATING_REASONS, custom: false, catalogueVersion: 3 });
    const again = await call(t.server.url, '/sync/v1/catalogue?sinceVersion=2', { token: dev.deviceToken });
    expect(again.json.changes.ratingReasons).toEqual({ upserted: [], removed: MINE.map((r) => r.code) });
  });

  it('heads and reviewers may not edit it', async () => {
    for (const who of ['head', 'reviewer'] as const) {
      const c = await staff(t, who);
      expect((await c.get('/rating-reasons')).status).toBe(403);
      const r = await c.post('/rating-reasons', { baseVersion: 1, reasons: null });
      expect(r.json).toMatchObject({ code: 'forbidden', message: '只有中心管理员可以维护评价原因清单' });
    }
  });
});
