// Every back-office route, taken from the route table itself, against the callers the issue
// names: nobody signed in, an expired session, a forged CSRF token, a foreign Host or Origin,
// the wrong role, and a reviewer or head whose scope does not hold the case — who must get
// exactly the answer a case that does not exist gets. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { BACKENDS, OFFICE_A, Outbox, catalogueFixture, enrolDevice, push, staff, startTestServer, StaffClient, TEST_STAFF, type TestServer, type TestStaff } from './server-harness';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { buildApp } from '../../server/http/app';
import type { RouteDef } from '../../server/http/routes';
import { SESSION_COOKIE } from '../../shared/sync/staff';

const FOOD = '11210100MB0000001A';
const ROAD = '11210100MB0000002B';
const RESULT = { licenceName: '食品经营许可证', licenceNumber: 'JY1', validFrom: '2026-01-01', validUntil: null };

/** A valid body for each back-office write, so that only the caller decides the answer. */
const BODY: Record<string, unknown> = {
  'POST /backoffice/api/session': { staffNo: '5001', password: 'wrong-password' },
  'POST /backoffice/api/session/password': { current: 'x', next: 'abcdefgh9' },
  'POST /backoffice/api/cases/:caseId/assign': { staffNo: '5002' },
  'POST /backoffice/api/cases/:caseId/status': { status: 'reviewing' },
  'POST /backoffice/api/cases/:caseId/corrections': { status: 'approved', correctionReason: '证照编号录错', result: RESULT, confirmed: true },
  'POST /backoffice/api/cases/:caseId/extension-requests': { days: 3, reason: '需现场核查' },
  'POST /backoffice/api/cases/:caseId/suspend': { reason: '组织专家评审' },
  'POST /backoffice/api/extension-requests/:requestId/decision': { approve: true },
  'POST /backoffice/api/staff': { staffNo: '5999', name: '新人', role: 'admin', departmentCodes: [], officeCodes: [], password: 'chushi1234' },
  'POST /backoffice/api/staff/:staffNo': { name: '改名', role: 'reviewer', departmentCodes: ['SCJG'], officeCodes: [OFFICE_A] },
  'POST /backoffice/api/staff/:staffNo/reset-password': { password: 'xinmima5678' },
  'POST /backoffice/api/rectifications/:caseId': { action: 'start' },
  'POST /backoffice/api/rectification-settings': { officeCode: OFFICE_A, deadlineDays: 7 },
  'POST /backoffice/api/rating-reasons': { baseVersion: 1, reasons: null },
};

describe.each(BACKENDS)('every back-office route against the wrong callers on %s', (backend) => {
  let t: TestServer;
  let routes: RouteDef[];
  let food: string; // an SCJG case at office A
  let requestId: string; // an extension request on it
  const signedIn = new Map<TestStaff, StaffClient>();
  const as = async (who: TestStaff) => signedIn.get(who) ?? (signedIn.set(who, await staff(t, who)), signedIn.get(who)!);

  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false });
    await publishCatalogue(t.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }, { code: ROAD, name: '道路运输经营许可', dept: 'JTJ' }]));
    const dev = await enrolDevice(t);
    const box = new Outbox();
    food = box.open(undefined, FOOD);
    box.add(food, 'case.decided', { decision: 'accept', promisedDate: '2026-12-31' });
    expect((await push(t, dev, box.entries)).json.rejected).toEqual([]);
    const reviewer = await as('reviewer');
    expect((await reviewer.post(`/cases/${food}/claim`)).status).toBe(200);
    const asked = await reviewer.post(`/cases/${food}/extension-requests`, { days: 3, reason: '需现场核查' });
    expect(asked.status).toBe(200);
    requestId = asked.json.id;
    ({ routes } = buildApp({ db: t.db }));
  });
  afterAll(async () => { await t?.close(); });

  const staffRoutes = () => routes.filter((r) => r.auth === 'staff');
  const path = (r: RouteDef, ids: { caseId?: string; requestId?: string } = {}) => r.url
    .replace(':caseId', ids.caseId ?? food).replace(':requestId', ids.requestId ?? requestId).replace(':staffNo', '5002').replace(':itemCode', FOOD);
  const send = (c: StaffClient, r: RouteDef, p = path(r), init: Parameters<StaffClient['call']>[1] = {}) =>
    c.call(p, { method: r.method, ...(r.method === 'POST' ? { body: BODY[`${r.method} ${r.url}`] ?? {} } : {}), ...init });

  it('covers the whole table: every route but sign-in needs a session', () => {
    const open = routes.filter((r) => r.url.startsWith('/backoffice/') && r.auth !== 'staff').map((r) => `${r.method} ${r.url}`);
    expect(open).toEqual(['POST /backoffice/api/session']);
    expect(staffRoutes().length).toBeGreaterThan(25);
  });

  it('nobody signed in (from the server machine itself, too) → 401 on every route, the body unread', async () => {
    const anon = new StaffClient(t.server.url);
    for (const r of staffRoutes()) {
      const res = await send(anon, r);
      expect([r.url, res.status, res.json.code]).toEqual([r.url, 401, 'unauthenticated']);
      expect(res.json.message).toMatch(/登录/);
    }
  });

  it('an expired session → 401 session_expired on every route, and the expiry is audited', async () => {
    const c = await staff(t, 'reviewer');
    await t.db.query(`UPDATE staff_sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [c.cookie]);
    for (const r of staffRoutes()) {
      const res = await send(c, r);
      expect([r.url, res.status, res.json.code]).toEqual([r.url, 401, 'session_expired']);
    }
    const { rows } = await t.db.query<{ n: unknown }>("SELECT count(*) AS n FROM audit_log WHERE action = 'session.expired' AND staff_no = '5001'");
    expect(Number(rows[0].n)).toBe(1);
  });

  it('a forged, missing or another session\'s CSRF token → 403 on every write; GETs need none', async () => {
    const c = await as('head');
    const other = await as('reviewer2');
    for (const r of staffRoutes().filter((x) => x.method === 'POST')) {
      for (const csrf of ['forged-token', null, other.csrf]) {
        const res = await send(c, r, path(r), { csrf });
        expect([r.url, res.status, res.json.code]).toEqual([r.url, 403, 'csrf_invalid']);
      }
    }
    const nothingChanged = await t.db.query<{ n: unknown }>('SELECT count(*) AS n FROM status_events');
    expect(Number(nothingChanged.rows[0].n)).toBe(0);
  });

  it('a foreign Host → 403 on every route of the server (device, back office, console); a foreign Origin on every write', async () => {
    const c = await as('head');
    const dev = await enrolDevice(t);
    for (const r of routes) {
      const headers = { host: 'yichuang.evil.example', authorization: `Bearer ${dev.deviceToken}` };
      const res = await send(c, r, path(r), { headers });
      expect([r.url, res.status, res.json.code]).toEqual([r.url, 403, 'host_invalid']);
    }
    for (const p of ['/console/', '/openapi.json', '/nothing']) {
      const res = await c.call(p, { headers: { host: '127.0.0.1.nip.io' } });
      expect([p, res.status]).toEqual([p, 403]);
    }
    for (const r of routes.filter((x) => x.method === 'POST')) {
      const res = await send(c, r, path(r), { origin: 'https://evil.example', headers: { authorization: `Bearer ${dev.deviceToken}` } });
      expect([r.url, res.status, res.json.code]).toEqual([r.url, 403, 'origin_invalid']);
    }
    // Sign-in and staff writes must say where they come from (a browser always does).
    const signIn = await c.call('/backoffice/api/session', { method: 'POST', body: { staffNo: '5001', password: 'x' }, origin: null });
    expect([signIn.status, signIn.json.code]).toEqual([403, 'origin_invalid']);
  });

  it('the wrong role → 403 forbidden: an admin sees no case, a reviewer no account or audit, only heads correct and approve 延期', async () => {
    const admin = await as('admin');
    const reviewer = await as('reviewer2');
    for (const r of staffRoutes()) {
      const roles = r.roles;
      if (!roles) continue;
      for (const who of ['admin', 'reviewer2'] as const) {
        if (roles.includes(TEST_STAFF[who].role)) continue;
        const res = await send(who === 'admin' ? admin : reviewer, r);
        expect([r.url, who, res.status, res.json.code]).toEqual([r.url, who, 403, 'forbidden']);
        expect(res.json.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('out of scope answers exactly like a case that does not exist, on every case route', async () => {
    const missing = uuidv7();
    const missingRequest = uuidv7();
    // Other office, other department (reviewers); a head of another department (head routes).
    for (const who of ['officeB', 'transport', 'transportHead'] as const) {
      const c = await as(who);
      for (const r of staffRoutes().filter((x) => x.url.includes(':caseId') || x.url.includes(':requestId') || x.url.includes(':itemCode'))) {
        if (r.roles && !r.roles.includes(TEST_STAFF[who].role)) continue;
        if (r.url.includes(':itemCode') && who === 'officeB') continue; // items are scoped by department only
        const theirs = await send(c, r, path(r));
        const none = await send(c, r, path(r, { caseId: missing, requestId: missingRequest }).replace(FOOD, '11210100MB0000009Z'));
        const norm = (text: string) => text.replace(FOOD, 'ITEM').replace('11210100MB0000009Z', 'ITEM');
        expect([who, r.url, theirs.status, norm(theirs.text)]).toEqual([who, r.url, none.status, norm(none.text)]);
        expect([who, r.url, theirs.status]).toEqual([who, r.url, 404]);
      }
      // Lists and counts do not show it either.
      const list = await c.get('/cases?limit=200');
      expect(list.json.cases.map((x: { id: string }) => x.id)).not.toContain(food);
      expect((await c.get('/queues')).json.counts.all).toBe(0);
    }
    // Nothing they tried changed the case.
    const { rows } = await t.db.query<{ n: unknown }>('SELECT count(*) AS n FROM status_events WHERE case_id = $1', [food]);
    expect(Number(rows[0].n)).toBe(0);
    // In scope, the same routes answer.
    const own = await (await as('reviewer')).get(`/cases/${food}`);
    expect(own.status).toBe(200);
    expect(own.json.state.applicant.idNumber).toBe('11010519491231002X'); // reviewers in scope see the full ID
  });

  it('device tokens open no back-office route and staff sessions no device route', async () => {
    const dev = await enrolDevice(t);
    const c = await as('reviewer');
    for (const r of staffRoutes()) {
      const res = await c.call(path(r), { method: r.method, headers: { authorization: `Bearer ${dev.deviceToken}`, cookie: '' }, ...(r.method === 'POST' ? { body: {} } : {}) });
      expect([r.url, res.status]).toEqual([r.url, 401]);
    }
    for (const r of routes.filter((x) => x.auth === 'device')) {
      const res = await c.call(r.url, { method: r.method, headers: { cookie: `${SESSION_COOKIE}=${c.cookie}` }, ...(r.method === 'POST' ? { body: {} } : {}) });
      expect([r.url, res.status]).toEqual([r.url, 401]);
    }
  });

  it('API replies carry nosniff and no-store', async () => {
    const c = await as('reviewer');
    for (const res of [await c.get('/queues'), await c.get(`/cases/${food}`), await c.call('/sync/v1/device'), await c.call('/openapi.json'), await c.get('/cases/nope')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('the case office A is in reviewer 5001\'s scope and not in 5021\'s (the set-up the checks rely on)', () => {
    expect(TEST_STAFF.reviewer.officeCodes).toContain(OFFICE_A);
    expect(TEST_STAFF.officeB.officeCodes).not.toContain(OFFICE_A);
  });
});
