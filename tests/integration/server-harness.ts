// Shared set-up for the server-*.test.ts files: one isolated database per file on each
// back end (a fresh schema in the shared PostgreSQL `test` database, or in-memory PGlite),
// the server started in-process, and small HTTP helpers.
import pg from 'pg';
import { gzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { openDb, startServer, type Db } from '../../server/index';
import type { StartServerOptions, RunningServer } from '../../server/index';
import { migrate } from '../../server/db/migrate';
import { addOffice, addWindow, issueEnrolCode } from '../../server/admin/directory';
import type { Catalogue } from '../../shared/domain/catalogue';
import type { EnrolResponse, PushEntry } from '../../shared/sync/protocol';
import type { StaffMember } from '../../shared/sync/staff';
import { addTestStaff, signedIn, StaffClient, type Reply } from '../helpers/staffClient';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export async function openTestDb(kind: Backend): Promise<{ db: Db; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDb();
    return { db, drop: () => db.close() };
  }
  const schema = `srv_test_${uuidv7().replace(/-/g, '').slice(-16)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openDb({ url: PG_URL, schema, poolSize: 4 });
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export const OFFICE_A = '210102';
export const OFFICE_B = '210103';

/** Two district offices with one general window each. */
export async function seedOffices(db: Db) {
  await migrate(db);
  for (const [code, name] of [[OFFICE_A, '和平区政务服务中心'], [OFFICE_B, '沈河区政务服务中心']]) {
    await addOffice(db, { code, name, level: 'county', address: `沈阳市${name.slice(0, 3)}`, phone: '024-12345', parentCode: null });
    await addWindow(db, { officeCode: code, code: '01', name: '无差别综合窗口 1 号', kind: 'general' }, { printer: '默认打印机' });
  }
}

export interface TestServer {
  server: RunningServer;
  db: Db;
  close(): Promise<void>;
}

/** Back-office accounts every test server has (password DEMO_PASSWORD); the catalogue fixture's departments are SCJG and JTJ. */
export const TEST_STAFF = {
  reviewer: { staffNo: '5001', name: '审批员甲', role: 'reviewer', departmentCodes: ['SCJG'], officeCodes: [OFFICE_A, OFFICE_B] },
  reviewer2: { staffNo: '5002', name: '审批员乙', role: 'reviewer', departmentCodes: ['SCJG'], officeCodes: [OFFICE_A, OFFICE_B] },
  transport: { staffNo: '5011', name: '交通审批员', role: 'reviewer', departmentCodes: ['JTJ'], officeCodes: [OFFICE_A, OFFICE_B] },
  officeB: { staffNo: '5021', name: '沈河审批员', role: 'reviewer', departmentCodes: ['SCJG'], officeCodes: [OFFICE_B] },
  both: { staffNo: '5031', name: '综合审批员', role: 'reviewer', departmentCodes: ['SCJG', 'JTJ'], officeCodes: [OFFICE_A, OFFICE_B] },
  head: { staffNo: '5101', name: '市场科长', role: 'head', departmentCodes: ['SCJG'], officeCodes: [OFFICE_A, OFFICE_B] },
  transportHead: { staffNo: '5111', name: '交通科长', role: 'head', departmentCodes: ['JTJ'], officeCodes: [OFFICE_A, OFFICE_B] },
  admin: { staffNo: '5901', name: '管理员', role: 'admin', departmentCodes: [], officeCodes: [] },
} satisfies Record<string, StaffMember>;
export type TestStaff = keyof typeof TEST_STAFF;

export async function startTestServer(kind: Backend, opts: Omit<StartServerOptions, 'db'> = {}): Promise<TestServer> {
  const { db, drop } = await openTestDb(kind);
  await seedOffices(db);
  await addTestStaff(db, ...Object.values(TEST_STAFF));
  const server = await startServer({ db, enrolRateLimit: { capacity: 10_000, refillPerSecond: 1000 }, signInRateLimit: { capacity: 10_000, refillPerSecond: 1000 }, ...opts });
  return { server, db, close: async () => { await server.close(); await drop(); } };
}

export async function call(url: string, path: string, init: { method?: string; token?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers };
  let body: string | Buffer | undefined = init.raw;
  if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(url + path, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body) });
  const text = await res.text();
  let json: unknown = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, json: json as any, text };
}

export const gzipJson = (v: unknown) => gzipSync(Buffer.from(JSON.stringify(v)));

/** A signed-in back-office staff member of TEST_STAFF. */
export const staff = (t: TestServer | { server: { url: string } }, who: TestStaff = 'reviewer'): Promise<StaffClient> => signedIn(t.server.url, TEST_STAFF[who].staffNo);

const FINAL = new Set(['approved', 'rejected']);
/** Claims (if not held) and decides as a reviewer would; final decisions confirmed; 准予 with a 证照. */
export async function decideAs(c: StaffClient, caseId: string, body: { status: string; reason?: string; note?: string; result?: unknown }): Promise<Reply> {
  const claim = await c.post(`/cases/${caseId}/claim`);
  if (claim.status !== 200 && claim.json?.code !== 'conflict') return claim;
  const result = body.status === 'approved' ? (body.result ?? { licenceName: '食品经营许可证', licenceNumber: 'JY12101020000001', validFrom: '2026-01-01', validUntil: '2030-12-31' }) : undefined;
  return c.post(`/cases/${caseId}/status`, { ...body, ...(result ? { result } : {}), ...(FINAL.has(body.status) ? { confirmed: true } : {}) });
}
export { StaffClient };

export async function enrolDevice(t: TestServer, office = OFFICE_A, windowCode = '01'): Promise<EnrolResponse> {
  const { code } = await issueEnrolCode(t.db, office, windowCode);
  const r = await call(t.server.url, '/sync/v1/enrol', { body: { code, deviceName: '测试窗口机' } });
  if (r.status !== 200) throw new Error(`enrol failed ${r.status} ${r.text}`);
  return r.json as EnrolResponse;
}

export const nowIso = () => new Date().toISOString();

/** A complete payload of each window event type, as the workstation writes it; tests override fields. */
export function fullPayload(type: PushEntry['type'], given: Record<string, unknown> = {}): Record<string, unknown> {
  const caseNumber = (given.caseNumber as string | undefined) ?? '210102-01-20260101-0001';
  switch (type) {
    case 'case.opened':
      return {
        itemCode: '11210100MB0000001A', catalogueVersion: 1, caseNumber, officeCode: OFFICE_A, windowCode: '01',
        applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' }, agent: null, answers: {}, marks: {}, ...given,
      };
    case 'case.decided': {
      const decision = given.decision ?? 'accept';
      return {
        decision, caseNumber, tier: null, promisedDate: null, missing: [],
        ...(decision === 'refuse' ? { reason: '不属于本中心受理范围' } : {}),
        ...(decision === 'acceptWithDeferral' ? { commitment: '承诺补交', supplementDeadline: '2026-12-31' } : {}),
        ...given,
      };
    }
    case 'case.supplemented': return { materialIds: [], note: '', ...given };
    case 'case.completed': return { elapsedSeconds: 60, tier: null, ...given };
    case 'case.terminated': return { reason: '逾期未补正', ...given };
    case 'case.delivered': return { method: 'applicant', label: '申请人本人领取', receiver: '张三', ...given };
    case 'case.rated': return { level: 'satisfied', reasonCategory: null, source: 'screen', comment: '', ...given };
    case 'case.pagesAttached':
      return {
        pages: [{ pageId: 'p-1', materialId: 'm1', sha256: 'a'.repeat(64), bytes: 30_000, contentType: 'image/jpeg', width: 1240, height: 1754, colour: 'grey', takenAt: '2026-01-01T01:00:00.000Z' }],
        ...given,
      };
  }
}

/** A window's outbox: numbers 1,2,3… and the case events behind them. */
export class Outbox {
  entries: PushEntry[] = [];
  open(caseId = uuidv7(), itemCode = '11210100MB0000001A') {
    this.add(caseId, 'case.opened', { itemCode, catalogueVersion: 1 });
    return caseId;
  }
  add(caseId: string, type: PushEntry['type'], payload: Record<string, unknown>, deviceTime = nowIso(), id = uuidv7()) {
    const e = { seq: this.entries.length + 1, id, caseId, type, payload: fullPayload(type, payload), deviceTime, staffNo: '1001' } as PushEntry;
    this.entries.push(e);
    return e;
  }
  slice(fromSeq: number, toSeq: number) {
    return this.entries.slice(fromSeq - 1, toSeq);
  }
}

export const push = (t: TestServer, dev: EnrolResponse, batch: unknown[]) =>
  call(t.server.url, '/sync/v1/push', { token: dev.deviceToken, body: { deviceId: dev.deviceId, batch } });

export function catalogueFixture(items: Array<{ code: string; name: string; dept?: string }>): Catalogue {
  return {
    schemaVersion: 1,
    version: 1,
    publishedAt: nowIso(),
    departments: [{ code: 'SCJG', name: '市场监督管理局' }, { code: 'JTJ', name: '交通运输局' }],
    subCenters: [{ code: 'CRJ', name: '公安出入境分中心', address: '沈阳市和平区南京南街1号', phone: '024-00000000', hours: '工作日 9:00-17:00' }],
    offices: [{ code: OFFICE_A, name: '和平区政务服务中心', level: 'county', address: '沈阳市和平区', phone: '', parentCode: null }],
    windows: [{ code: '01', officeCode: OFFICE_A, name: '无差别综合窗口 1 号', kind: 'general', departmentCodes: [] }],
    items: items.map((i) => ({
      code: i.code, name: i.name, departmentCode: i.dept ?? 'SCJG', type: '行政许可', serveTargets: ['法人'], levels: ['county'],
      legalDays: 20, promisedDays: 10, fee: '不收费', conditions: '', location: '', immediateTier: null, subCenterCode: null,
      keywords: [], situations: [], materials: [{ id: 'M1', name: '申请书', form: '原件', copies: 1, medium: '纸质', necessity: '必要', source: '申请人' }],
    })),
  };
}
