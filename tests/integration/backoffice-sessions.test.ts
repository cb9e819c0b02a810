// Staff sign-in as the issue asks: a session cookie (HttpOnly, SameSite, Secure behind HTTPS),
// the idle time-out, lock-out after repeated failures (counted in the database, so on any
// server), password change and reset, disabled accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, staff, startTestServer, TEST_STAFF, type TestServer } from './server-harness';
import { StaffClient } from '../helpers/staffClient';
import { setStaffActive } from '../../server/staff/accounts';
import { CLI_ACTOR } from '../../server/backoffice/audit';

describe.each(BACKENDS)('staff sessions on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false, session: { idleMinutes: 0.05, lockAfter: 3, lockMinutes: 15 } });
  });
  afterAll(async () => { await t?.close(); });
  const audit = async (staffNo: string) => (await t.db.query<{ action: string; detail: Record<string, unknown> }>('SELECT action, detail FROM audit_log WHERE staff_no = $1 ORDER BY seq', [staffNo])).rows;

  it('signs in with 工号 and password: an HttpOnly SameSite=Strict cookie, only its hash stored, the CSRF token in the reply', async () => {
    const c = new StaffClient(t.server.url);
    const r = await c.signIn(TEST_STAFF.reviewer.staffNo);
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^yc_staff=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/backoffice/api');
    expect(cookie).not.toContain('Secure'); // plain HTTP here
    expect(r.json).toMatchObject({ staff: { staffNo: '5001', name: '审批员甲', role: 'reviewer', departmentCodes: ['SCJG'] }, idleTimeoutSeconds: 3 });
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM staff_sessions WHERE staff_no = $1', ['5001']);
    expect(stored.rows.map((x) => x.token_hash)).not.toContain(c.cookie);
    expect((await c.get('/session')).json.csrfToken).toBe(c.csrf);
  });

  it('wrong password and unknown 工号 get the same answer; three failures lock the account, on the next try too, and it is all audited', async () => {
    const c = new StaffClient(t.server.url);
    const unknown = await c.signIn('7777', 'whatever1');
    const wrong = await c.signIn('5002', 'whatever1');
    expect([unknown.status, unknown.json]).toEqual([401, { code: 'bad_credentials', message: '工号或密码错误' }]);
    expect([wrong.status, wrong.json]).toEqual([401, { code: 'bad_credentials', message: '工号或密码错误' }]);
    await c.signIn('5002', 'whatever2');
    const third = await c.signIn('5002', 'whatever3');
    expect([third.status, third.json.code]).toEqual([423, 'account_locked']);
    expect(third.json.message).toContain('锁定 15 分钟');
    expect(Number(third.headers.get('retry-after'))).toBe(900);
    // Locked: even the right password is refused until the lock ends.
    const right = await c.signIn('5002');
    expect([right.status, right.json.code]).toEqual([423, 'account_locked']);
    expect(right.json.message).toMatch(/请 1[45] 分钟后再试/);
    expect((await audit('5002')).map((a) => [a.action, a.detail.reason ?? a.detail.minutes])).toEqual([
      ['signIn.failed', 'password'], ['signIn.failed', 'password'], ['signIn.failed', 'password'], ['signIn.locked', 15], ['signIn.failed', 'locked'],
    ]);
    expect((await audit('7777')).map((a) => [a.action, a.detail.reason])).toEqual([['signIn.failed', 'unknownStaffNo']]);
    // The admin's 启用 lifts the lock.
    await setStaffActive(t.db, CLI_ACTOR, '5002', true);
    expect((await c.signIn('5002')).status).toBe(200);
  });

  it('ends a session after the idle time-out (the database clock), and keeps one that is used', async () => {
    const idle = await staff(t, 'head');
    const busy = await staff(t, 'reviewer');
    // 3 s idle time-out: busy asks every second, idle does not.
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 900));
      expect((await busy.get('/queues')).status).toBe(200);
    }
    const r = await idle.get('/queues');
    expect([r.status, r.json.code]).toEqual([401, 'session_expired']);
    expect(r.json.message).toContain('登录已超时');
    expect((await idle.get('/queues')).json.code).toBe('session_expired');
    expect((await audit('5101')).map((a) => a.action)).toEqual(['signIn', 'session.expired']);
  });

  it('signs out: the cookie is cleared and the session refused everywhere afterwards', async () => {
    const c = await staff(t, 'transport');
    const out = await c.post('/session/sign-out');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/yc_staff=;.*Expires=Thu, 01 Jan 1970/);
    expect((await c.get('/queues')).json.code).toBe('session_expired');
    expect((await audit('5011')).map((a) => a.action)).toEqual(['signIn', 'signOut']);
  });

  it('changes the own password (current one checked); other sessions end; a reset forces a change at the next sign-in', async () => {
    const a = await staff(t, 'both');
    const b = await staff(t, 'both');
    const bad = await a.post('/session/password', { current: 'not-it-at-all', next: 'xinmima5678' });
    expect([bad.status, bad.json.details]).toEqual([400, [{ path: 'current', message: '当前密码不正确' }]]);
    const short = await a.post('/session/password', { current: '12345678', next: 'short' });
    expect(short.json.details[0]).toMatchObject({ path: 'next', message: '新密码至少 8 位' });
    expect((await a.post('/session/password', { current: '12345678', next: 'xinmima5678' })).status).toBe(200);
    expect((await a.get('/queues')).status).toBe(200);
    expect((await b.get('/queues')).json.code).toBe('session_expired');
    expect((await new StaffClient(t.server.url).signIn('5031', 'xinmima5678')).status).toBe(200);

    const admin = await staff(t, 'admin');
    expect((await admin.post('/staff/5031/reset-password', { password: 'linshi1234' })).status).toBe(200);
    expect((await a.get('/queues')).json.code).toBe('session_expired'); // the reset ended it
    const again = new StaffClient(t.server.url);
    expect((await again.signIn('5031', 'linshi1234')).json.staff.mustChangePassword).toBe(true);
    expect((await again.get('/queues')).json).toMatchObject({ code: 'password_change_required' });
    expect((await again.post('/session/password', { current: 'linshi1234', next: 'ziji12345678' })).status).toBe(200);
    expect((await again.get('/queues')).status).toBe(200);
  });

  it('a disabled account cannot sign in and its open session ends at once', async () => {
    const c = await staff(t, 'officeB');
    const admin = await staff(t, 'admin');
    expect((await admin.post('/staff/5021/disable')).json).toMatchObject({ staffNo: '5021', active: false });
    expect((await c.get('/queues')).json.code).toBe('session_expired');
    expect((await new StaffClient(t.server.url).signIn('5021')).json.code).toBe('bad_credentials');
    const self = await admin.post('/staff/5901/disable');
    expect([self.status, self.json.message]).toEqual([409, '不能停用自己的账号']);
  });
});

describe('behind an HTTPS reverse proxy', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer('pglite', { trustProxy: '127.0.0.1', allowedHosts: ['yichuang.example.gov.cn'] }); });
  afterAll(async () => { await t?.close(); });

  it('the cookie is Secure, the public name is accepted, the audit names the client behind the proxy', async () => {
    const c = new StaffClient(t.server.url);
    const headers = { host: 'yichuang.example.gov.cn', 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.20.30.40' };
    const r = await c.call('/backoffice/api/session', { method: 'POST', body: { staffNo: '5001', password: '12345678' }, origin: 'https://yichuang.example.gov.cn', headers });
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toContain('Secure');
    const { rows } = await t.db.query<{ ip: string }>("SELECT ip FROM audit_log WHERE action = 'signIn' ORDER BY seq DESC LIMIT 1");
    expect(rows[0].ip).toBe('10.20.30.40');
    // Another name through the same proxy is still refused.
    const other = await c.call('/backoffice/api/session', { method: 'POST', body: { staffNo: '5001', password: '12345678' }, origin: 'https://evil.example', headers: { ...headers, host: 'evil.example' } });
    expect([other.status, other.json.code]).toEqual([403, 'host_invalid']);
  });
});
