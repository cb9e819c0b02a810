// Every HTTP route in one table: the app registers from it and the OpenAPI document is
// generated from it, so the two cannot drift apart.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CatalogueQuery, CatalogueResponse, CatalogueVersionResponse, ClerksResponse, DeviceInfo, EnrolRequest, EnrolResponse,
  PullQuery, PullResponse, PushEnvelope, PushRequest, PushResponse, StatusEvent, SYNC_PREFIX, WindowSettingsResponse,
} from '../../shared/sync/protocol';
import type { Db } from '../db/db';
import type { CatalogueStore } from '../catalogue/catalogue';
import { enrol, type Device } from '../sync/devices';
import { applyPush, type PushOptions } from '../sync/push';
import { pullStatus } from '../sync/status';
import { loadOfficeWindow, serverId } from '../admin/directory';
import type { StaffRole } from '../../shared/sync/staff';
import type { StaffRequest } from './auth';
import type { Origin, SessionOptions } from '../staff/sessions';
import { backofficeRoutes } from './backofficeRoutes';
import { adminRoutes } from './adminRoutes';
import { rectificationRoutes } from './rectificationRoutes';
import { ratingReasonRoutes } from './ratingReasonRoutes';
import { chinaDay } from '../../shared/time';
import { HttpError } from './errors';
import { iso, num } from '../time';
import type { BlobStore } from '../pages/blobStore';
import { pageStatus, putChunk } from '../pages/uploads';
import { ChunkQuery, PageParams, PageUploadStatus } from '../../shared/sync/pages';

export interface RouteDeps {
  db: Db;
  catalogue: CatalogueStore;
  pushHook?: PushOptions['beforeEntry'];
  pushPipelineWaitMs?: number;
  /** The business clock (China day of queues and deadlines); the database's clock times sessions and claims. */
  clock: () => Date;
  /** Minutes a claim (认领) holds. */
  claimMinutes: number;
  /** Most cases in a queue's Excel export (default QUEUE_EXPORT_LIMIT). */
  queueExportLimit?: number;
  session: SessionOptions;
  /** Page bytes (server/pages/blobStore.ts). */
  blobs: BlobStore;
}

export interface RouteContext<B = unknown, Q = unknown, P = unknown> {
  body: B;
  query: Q;
  params: P;
  /** Set on device routes. */
  device: Device;
  /** Set on staff routes: the session and the person's scope. */
  staff: StaffRequest;
  /** Address and browser of the caller (audit). */
  from: Origin;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDef {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  tag: 'device' | 'backoffice' | 'meta';
  /** device: Bearer device token; staff: signed-in staff session; signIn: the sign-in itself; none: open (enrolment). See auth.ts. */
  auth: 'device' | 'staff' | 'signIn' | 'none';
  /** Staff routes: roles allowed (default: any signed-in staff member) and the refusal. */
  roles?: readonly StaffRole[];
  forbidden?: string;
  /** Staff routes usable while the account must still change its password (session, sign-out, password). */
  beforePasswordChange?: boolean;
  body?: z.ZodType;
  /** Schema shown in the document when the parser is deliberately looser (push). */
  docBody?: z.ZodType;
  /** Entries are validated one by one after the envelope (push): deep or odd text is an entry's problem, not the request's. */
  entriesJudgedAlone?: boolean;
  /** The body is raw bytes (application/octet-stream, a page chunk), handed over as a Buffer in `body`. */
  rawBody?: boolean;
  query?: z.ZodType;
  params?: z.ZodType;
  response: z.ZodType;
  /** Other error statuses worth documenting besides 400/401/429/500. */
  errors?: number[];
  // Handlers receive validated input; `any` stays inside this table.
  handler: (ctx: RouteContext<any, any, any>) => Promise<unknown>;
}


export function routeTable(deps: RouteDeps): RouteDef[] {
  const { db, catalogue, pushHook, pushPipelineWaitMs } = deps;
  const s = SYNC_PREFIX;
  return [
    {
      method: 'POST', url: `${s}/enrol`, tag: 'device', auth: 'none', summary: '用一次性登记码登记窗口设备，换取设备编号和设备令牌',
      body: EnrolRequest, response: EnrolResponse, errors: [409, 410],
      handler: ({ body }) => enrol(db, body),
    },
    {
      method: 'GET', url: `${s}/device`, tag: 'device', auth: 'device', summary: '本设备信息及服务器已收到的最后上传编号',
      response: DeviceInfo,
      handler: async ({ device }) => {
        const { rows } = await db.query<{ last_applied_seq: unknown }>('SELECT last_applied_seq FROM device_cursors WHERE device_id = $1', [device.id]);
        return { deviceId: device.id, officeCode: device.officeCode, windowCode: device.windowCode, appliedThrough: num(rows[0]?.last_applied_seq), serverId: await serverId(db), serverTime: iso(new Date()) };
      },
    },
    {
      method: 'POST', url: `${s}/push`, tag: 'device', auth: 'device', summary: '上传一批办件事件（按设备编号顺序，重复上传只生效一次）',
      body: PushEnvelope, docBody: PushRequest, entriesJudgedAlone: true, response: PushResponse, errors: [403, 409, 413, 415],
      handler: async ({ body, device }) => applyPush(db, device, body, { departmentOf: await catalogue.departmentLookup(), beforeEntry: pushHook, pipelineWaitMs: pushPipelineWaitMs, today: chinaDay(deps.clock()) }),
    },
    {
      method: 'GET', url: `${s}/status-events`, tag: 'device', auth: 'device', summary: '按游标拉取本中心办件的后台审批状态',
      query: PullQuery, response: PullResponse,
      handler: ({ query, device }) => pullStatus(db, device.officeCode, query),
    },
    {
      method: 'GET', url: `${s}/catalogue/version`, tag: 'device', auth: 'device', summary: '当前发布的事项目录版本',
      response: CatalogueVersionResponse, errors: [404],
      handler: async () => {
        const cur = await catalogue.current();
        if (!cur) throw new HttpError(404, 'no_catalogue', '服务器尚未发布事项目录');
        return cur;
      },
    },
    {
      method: 'GET', url: `${s}/catalogue`, tag: 'device', auth: 'device', summary: '下载事项目录：自 sinceVersion 以来的变化，或完整目录',
      query: CatalogueQuery, response: CatalogueResponse, errors: [404],
      handler: async ({ query, reply }) => {
        const text = await catalogue.responseText(query.sinceVersion);
        if (!text) throw new HttpError(404, 'no_catalogue', '服务器尚未发布事项目录');
        return reply.type('application/json; charset=utf-8').send(text);
      },
    },
    {
      method: 'GET', url: `${s}/clerks`, tag: 'device', auth: 'device', summary: '本中心在用的窗口人员账号（供离线登录缓存；停用的账号不再下发）',
      response: ClerksResponse,
      handler: async ({ device }) => {
        // Active only: a disabled account's hash never leaves the server; the window drops absent ones.
        const { rows } = await db.query<{ staff_no: string; name: string; role: 'clerk'; office_code: string; window_code: string; password_hash: string; active: boolean; updated_at: Date }>(
          'SELECT * FROM clerks WHERE office_code = $1 AND active ORDER BY staff_no', [device.officeCode]);
        return { clerks: rows.map((r) => ({ staffNo: r.staff_no, name: r.name, role: r.role, officeCode: r.office_code, windowCode: r.window_code, passwordHash: r.password_hash, active: r.active, updatedAt: iso(r.updated_at) })) };
      },
    },
    {
      method: 'GET', url: `${s}/window`, tag: 'device', auth: 'device', summary: '本窗口所属中心、窗口信息和集中管理的设置',
      response: WindowSettingsResponse,
      handler: async ({ device }) => {
        const place = await loadOfficeWindow(db, device.officeCode, device.windowCode);
        if (!place) throw new HttpError(404, 'not_found', '本窗口已被删除，请联系管理员');
        return place;
      },
    },
    {
      method: 'GET', url: `${s}/pages/:sha256`, tag: 'device', auth: 'device', summary: '扫描页上传进度：服务器已收到的字节数，是否已保存',
      params: PageParams, response: PageUploadStatus, errors: [404],
      handler: ({ params, device }) => pageStatus(db, deps.blobs, device, params.sha256),
    },
    {
      method: 'POST', url: `${s}/pages/:sha256`, tag: 'device', auth: 'device',
      summary: '上传扫描页的一块（application/octet-stream，从 offset 字节起；整页收齐并核对 sha256 与图片类型、落盘后才确认已保存）',
      params: PageParams, query: ChunkQuery, rawBody: true, response: PageUploadStatus, errors: [404, 409, 413, 415, 422],
      handler: ({ params, query, device, req }) => putChunk(db, deps.blobs, device, params.sha256, query.offset, req.body as Buffer),
    },
    ...backofficeRoutes(deps),
    ...adminRoutes(deps),
    ...rectificationRoutes(deps),
    ...ratingReasonRoutes(deps),
  ];
}
