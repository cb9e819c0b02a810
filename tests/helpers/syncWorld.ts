// A central server (PGlite data folder or a PostgreSQL schema) that can be stopped and
// restarted on the same data, and window devices on real SQLite files that enrol with it
// through the real SyncClient and accept cases through the real `decide`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { openDb, startServer, type Db, type RunningServer, type StartServerOptions } from '../../server/index';
import { issueEnrolCode, saveClerk } from '../../server/admin/directory';
import { DEMO_PASSWORD_HASH } from '../../shared/demo/password';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { OFFICE_A, OFFICE_B, PG_URL, decideAs, seedOffices, type Backend } from '../integration/server-harness';
import { addTestStaff, signedIn, type StaffClient } from './staffClient';
import type { StaffMember } from '../../shared/sync/staff';
import { createWorkstation, type Workstation } from '../../electron/services/workstation';
import { decide } from '../../electron/services/intake';
import { SyncClient } from '../../electron/sync/client';
import type { BatchSizeOptions } from '../../electron/sync/batchSize';
import { DecideInput } from '../../shared/domain/case';
import type { Catalogue } from '../../shared/domain/catalogue';
import { testCatalogue } from '../fixtures/catalogue';
import { acceptCertificate } from './workstation';

/** The test catalogue as the server publishes it: the two district offices of the harness. */
export const serverCatalogue: Catalogue = {
  ...testCatalogue,
  offices: [OFFICE_A, OFFICE_B].map((code, i) => ({ code, name: i ? '沈河区政务服务中心' : '和平区政务服务中心', level: 'county' as const, address: '沈阳市', phone: '024-12345', parentCode: null })),
  windows: [OFFICE_A, OFFICE_B].map((officeCode) => ({ code: '01', officeCode, name: '无差别综合窗口 1 号', kind: 'general' as const, departmentCodes: [] })),
};

export const STAFF = { [OFFICE_A]: '1001', [OFFICE_B]: '2001' } as Record<string, string>;

/** Back-office accounts of the sync world: two reviewers of the test items' department (GA) at both offices, an admin. */
export const SYNC_REVIEWERS: StaffMember[] = [
  { staffNo: '6001', name: '后台审批员', role: 'reviewer', departmentCodes: ['GA', 'SJ', 'ZR'], officeCodes: [OFFICE_A, OFFICE_B] },
  { staffNo: '6002', name: '后台审批员乙', role: 'reviewer', departmentCodes: ['GA', 'SJ', 'ZR'], officeCodes: [OFFICE_A, OFFICE_B] },
];
export const SYNC_ADMIN = '6901';

export interface SyncServer {
  url: string;
  db: Db;
  /** Where the server keeps page bytes (kept across restarts, like its database). */
  blobDir: string;
  running: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops and deletes the data. */
  destroy(): Promise<void>;
}

export async function startSyncServer(kind: Backend, opts: { catalogue?: Catalogue; rateLimit?: false; pushHook?: StartServerOptions['pushHook']; allowedHosts?: string[]; queueExportLimit?: number } = {}): Promise<SyncServer> {
  const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'yc-srv-')) : undefined;
  const schema = kind === 'postgres' ? `sync_test_${uuidv7().replace(/-/g, '').slice(-16)}` : undefined;
  if (schema) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
  }
  const open = () => openDb(kind === 'pglite' ? { dataDir } : { url: PG_URL, schema, poolSize: 6 });
  let db = await open();
  await seedOffices(db);
  await publishCatalogue(db, opts.catalogue ?? serverCatalogue);
  for (const office of [OFFICE_A, OFFICE_B]) {
    // Password DEMO_PASSWORD; its precomputed hash spares each server start two scrypt runs.
    await saveClerk(db, { staffNo: STAFF[office], name: office === OFFICE_A ? '张敏' : '李华', role: 'clerk', officeCode: office, windowCode: '01' }, DEMO_PASSWORD_HASH);
  }
  await addTestStaff(db, ...SYNC_REVIEWERS, { staffNo: SYNC_ADMIN, name: '管理员', role: 'admin', departmentCodes: [], officeCodes: [] });
  let server: RunningServer | null = null;
  let port = 0;
  const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-srv-pages-'));
  const s: SyncServer = {
    url: '',
    db,
    blobDir,
    running: false,
    async start() {
      if (server) return;
      if (!db) db = await open();
      // The same port when possible, so a client pointed straight at the server finds it again.
      server = await startServer({ db, port, blobs: blobDir, rateLimit: opts.rateLimit ?? false, pushHook: opts.pushHook, allowedHosts: opts.allowedHosts, queueExportLimit: opts.queueExportLimit, enrolRateLimit: { capacity: 100_000, refillPerSecond: 100_000 }, signInRateLimit: { capacity: 100_000, refillPerSecond: 100_000 } });
      port = server.port;
      s.url = server.url;
      s.db = db;
      s.running = true;
    },
    async stop() {
      if (!server) return;
      await server.close();
      await db.close();
      server = null;
      db = undefined as unknown as Db;
      s.running = false;
    },
    async restart() {
      await s.stop();
      await s.start();
    },
    async destroy() {
      await s.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(blobDir, { recursive: true, force: true });
      if (schema) {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      }
    },
  };
  await s.start();
  return s;
}

export interface Device {
  name: string;
  office: string;
  dbPath: string;
  deviceId: string;
  ws: Workstation;
  client: SyncClient;
}

export function openDevice(dbPath: string, office: string, timeoutMs = 5_000, batch?: BatchSizeOptions): Pick<Device, 'ws' | 'client'> {
  const ws = createWorkstation({ dbPath, seedDemo: false });
  ws.session.clerk = { staffNo: STAFF[office], name: '张敏', role: 'clerk', officeCode: office, windowCode: '01' };
  const client = new SyncClient({ db: ws.db, timeoutMs, batch, deviceName: '测试窗口机', onCatalogueChanged: () => ws.catalogueChanged() });
  return { ws, client };
}

/** A new window machine: empty file, enrolled with a one-time code, catalogue pulled. */
export async function enrolDevice(server: SyncServer, serverUrl: string, office: string, name: string, timeoutMs = 5_000): Promise<Device> {
  const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-dev-')), 'yichuang.db');
  const { ws, client } = openDevice(dbPath, office, timeoutMs);
  const { code } = await issueEnrolCode(server.db, office, '01');
  const r = await client.enrol(serverUrl, code);
  await client.pullCatalogue();
  ws.catalogueChanged();
  return { name, office, dbPath, deviceId: r.deviceId, ws, client };
}

export const ACCEPT = (startedAt: string) => DecideInput.parse(acceptCertificate(startedAt));

export function acceptCase(d: Pick<Device, 'ws'>): string {
  return decide(d.ws, ACCEPT(d.ws.now().toISOString())).caseId;
}

const reviewers = new WeakMap<SyncServer, StaffClient>();
/** The back office decides as a signed-in reviewer would: claim (if not held), then the decision. */
export async function setReviewStatus(server: SyncServer, caseId: string, status: string, reason?: string) {
  let c = reviewers.get(server);
  if (!c) reviewers.set(server, (c = await signedIn(server.url, SYNC_REVIEWERS[0].staffNo)));
  c.url = server.url; // the same session after a restart on another port: sessions live in the database
  const r = await decideAs(c, caseId, { status, ...(reason ? { reason } : {}) });
  return { status: r.status, json: r.json as unknown };
}
