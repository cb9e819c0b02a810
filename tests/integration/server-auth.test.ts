// Devices and trust: one-time enrolment codes, bearer tokens, revocation, office isolation,
// rate limits — against PGlite and the local PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, OFFICE_A, OFFICE_B, Outbox, call, catalogueFixture, decideAs, enrolDevice, push, staff, startTestServer, type TestServer } from './server-harness';
import { issueEnrolCode, revokeDevice } from '../../server/admin/directory';
import { publishCatalogue } from '../../server/catalogue/catalogue';

describe.each(BACKENDS)('server auth on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(backend);
    await publishCatalogue(t.db, catalogueFixture([{ code: '11210100MB0000001A', name: '食品经营许可' }]));
  });
  afterAll(async () => { await t?.close(); });

  it('an enrolment code works exactly once and yields a working token for its window', async () => {
    const { code } = await issueEnrolCode(t.db, OFFICE_A, '01');
    const first = await call(t.server.url, '/sync/v1/enrol', { body: { code: code.toLowerCase().replace(/-/g, ' '), deviceName: '一号窗口' } });
    expect(first.status).toBe(200);
    expect(first.json.office.code).toBe(OFFICE_A);
    expect(first.json.window.code).toBe('01');
    const again = await call(t.server.url, '/sync/v1/enrol', { body: { code, deviceName: '冒用' } });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('enrol_code_used');
    const me = await call(t.server.url, '/sync/v1/device', { token: first.json.deviceToken });
    expect(me.json).toMatchObject({ deviceId: first.json.deviceId, officeCode: OFFICE_A, appliedThrough: 0 });
    // The server keeps only a hash of the token.
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = $1', [first.json.deviceId]);
    expect(stored.rows[0].token_hash).not.toContain(first.json.deviceToken);
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses unknown and expired codes with precise errors', async () => {
    const unknown = await call(t.server.url, '/sync/v1/enrol', { body: { code: 'AAAA-BBBB-CCCC', deviceName: 'x' } });
    expect(unknown.status).toBe(401);
    expect(unknown.json.code).toBe('enrol_code_invalid');
    const { code } = await issueEnrolCode(t.db, OFFICE_A, '01', 1, new Date(Date.now() - 2 * 3600_000));
    const expired = await call(t.server.url, '/sync/v1/enrol', { body: { code, deviceName: 'x' } });
    expect(expired.status).toBe(410);
    expect(expired.json.code).toBe('enrol_code_expired');
  });

  it('answers a missing or wrong token with 401 and a Chinese message', async () => {
    const missing = await call(t.server.url, '/sync/v1/status-events');
    expect(missing.status).toBe(401);
    expect(missing.json.code).toBe('token_missing');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await call(t.server.url, '/sync/v1/push', { token: 'yc1_forged', body: { deviceId: '0190a000-0000-7000-8000-000000000000', batch: [] } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.code).toBe('token_invalid');
    expect(wrong.json.message).toMatch(/令牌/);
  });

  it('refuses a revoked device at once, writing nothing', async () => {
    const dev = await enrolDevice(t);
    const box = new Outbox();
    box.open();
    expect((await push(t, dev, box.slice(1, 1))).status).toBe(200);
    expect(await revokeDevice(t.db, dev.deviceId)).toBe(true);
    box.open();
    const r = await push(t, dev, box.slice(2, 2));
    expect(r.status).toBe(401);
    expect(r.json.code).toBe('device_revoked');
    const n = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM case_events WHERE device_id = $1', [dev.deviceId]);
    expect(Number(n.rows[0].n)).toBe(1);
  });

  it('a token cannot push in another device\'s name', async () => {
    const a = await enrolDevice(t);
    const b = await enrolDevice(t);
    const box = new Outbox();
    box.open();
    const r = await call(t.server.url, '/sync/v1/push', { token: a.deviceToken, body: { deviceId: b.deviceId, batch: box.entries } });
    expect(r.status).toBe(403);
    expect(r.json.code).toBe('device_mismatch');
  });

  it('never shows another office\'s back-office decisions', async () => {
    const a = await enrolDevice(t, OFFICE_A);
    const b = await enrolDevice(t, OFFICE_B);
    const box = new Outbox();
    const caseId = box.open();
    box.add(caseId, 'case.decided', { decision: 'accept', caseNumber: '210102-01-0001' });
    expect((await push(t, a, box.entries)).json.rejected).toEqual([]);
    expect((await decideAs(await staff(t), caseId, { status: 'approved' })).status).toBe(200);
    const mine = await call(t.server.url, '/sync/v1/status-events', { token: a.deviceToken });
    expect(mine.json.events.map((e: { caseId: string }) => e.caseId)).toContain(caseId);
    const theirs = await call(t.server.url, '/sync/v1/status-events', { token: b.deviceToken });
    expect(theirs.json.events.map((e: { caseId: string }) => e.caseId)).not.toContain(caseId);
  });
});

describe('server rate limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite', { rateLimit: { capacity: 3, refillPerSecond: 0.01 } });
  });
  afterAll(async () => { await t?.close(); });

  it('answers 429 with Retry-After once a device spends its bucket, without touching other devices', async () => {
    const a = await enrolDevice(t);
    const b = await enrolDevice(t);
    for (let i = 0; i < 3; i++) expect((await call(t.server.url, '/sync/v1/device', { token: a.deviceToken })).status).toBe(200);
    const limited = await call(t.server.url, '/sync/v1/device', { token: a.deviceToken });
    expect(limited.status).toBe(429);
    expect(limited.json.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call(t.server.url, '/sync/v1/device', { token: b.deviceToken })).status).toBe(200);
  });
});
