// Every HTTP route in one table: the app registers from it and the OpenAPI document is
// generated from it, so the two cannot drift apart.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CatalogueQuery, CatalogueResponse, CatalogueVersionResponse, ClerksResponse, DeviceInfo, EnrolRequest, EnrolResponse,
  PullQuery, PullResponse, PushEnvelope, PushRequest, PushResponse, StatusEvent, SYNC_PREFIX, WindowSettingsResponse,
} from '../../shared/sync/protocol';
import {
  CaseDetailResponse, CaseListQuery, CaseListResponse, CatalogueItemQuery, CatalogueItemResponse, ChainBreakListResponse, DirectoryResponse, RejectedListResponse, SetStatusRequest,
} from '../../shared/sync/backoffice';
import type { Db } from '../db/db';
import type { CatalogueStore } from '../catalogue/catalogue';
import { enrol, type Device } from '../sync/devices';
import { applyPush, type PushOptions } from '../sync/push';
import { pullStatus, setCaseStatus } from '../sync/status';
import { caseDetail, listCases, listChainBreaks, listRejected } from '../backoffice/cases';
import { loadOfficeWindow, serverId } from '../admin/directory';
import { HttpError } from './errors';
import { iso, num } from '../time';

export interface RouteDeps {
  db: Db;
  catalogue: CatalogueStore;
  pushHook?: PushOptions['beforeEntry'];
}

export interface RouteContext<B = unknown, Q = unknown, P = unknown> {
  body: B;
  query: Q;
  params: P;
  /** Set on device routes. */
  device: Device;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDef {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  tag: 'device' | 'backoffice' | 'meta';
  /** device: Bearer device token; staff: staff token or loopback; none: open. */
  auth: 'device' | 'staff' | 'none';
  body?: z.ZodType;
  /** Schema shown in the document when the parser is deliberately looser (push). */
  docBody?: z.ZodType;
  /** Entries are validated one by one after the envelope (push): deep or odd text is an entry's problem, not the request's. */
  entriesJudgedAlone?: boolean;
  query?: z.ZodType;
  params?: z.ZodType;
  response: z.ZodType;
  /** Other error statuses worth documenting besides 400/401/429/500. */
  errors?: number[];
  // Handlers receive validated input; `any` stays inside this table.
  handler: (ctx: RouteContext<any, any, any>) => Promise<unknown>;
}

const CaseIdParams = z.object({ caseId: z.uuid() });
const ItemCodeParams = z.object({ itemCode: z.string().min(1).max(40) });
const RejectedQuery = z.object({ limit: z.coerce.number().pipe(z.number().int().min(1).max(500)).default(100) }).strict();

export function routeTable({ db, catalogue, pushHook }: RouteDeps): RouteDef[] {
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
      handler: async ({ body, device }) => applyPush(db, device, body, { departmentOf: await catalogue.departmentLookup(), beforeEntry: pushHook }),
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
      method: 'GET', url: '/backoffice/api/cases', tag: 'backoffice', auth: 'staff', summary: '办件列表（可按中心、部门、状态筛选，按服务器顺序分页）',
      query: CaseListQuery, response: CaseListResponse, errors: [403],
      handler: async ({ query }) => {
        const [page, nameOf] = await Promise.all([listCases(db, query), catalogue.itemNameLookup()]);
        return { ...page, cases: page.cases.map((c) => ({ ...c, itemName: nameOf(c.itemCode) })) };
      },
    },
    {
      method: 'GET', url: '/backoffice/api/directory', tag: 'backoffice', auth: 'staff', summary: '筛选用的中心列表和部门列表（部门取自最新发布的事项目录）',
      response: DirectoryResponse, errors: [403],
      handler: async () => {
        const [{ rows }, latest] = await Promise.all([db.query<{ code: string; name: string }>('SELECT code, name FROM offices ORDER BY code'), catalogue.latest()]);
        return { offices: rows, departments: latest?.departments ?? [], catalogueVersion: latest?.version ?? null };
      },
    },
    {
      method: 'GET', url: '/backoffice/api/catalogue/items/:itemCode', tag: 'backoffice', auth: 'staff', summary: '事项目录中的事项（按办件受理时的目录版本，无该版本时用最新版本），用于显示材料名称',
      params: ItemCodeParams, query: CatalogueItemQuery, response: CatalogueItemResponse, errors: [403, 404],
      handler: async ({ params, query }) => {
        const hit = await catalogue.item(params.itemCode, query.version);
        if (!hit) throw new HttpError(404, 'not_found', `事项目录中没有事项 ${params.itemCode}`);
        return { item: hit.item, department: hit.doc.departments.find((d) => d.code === hit.item.departmentCode) ?? null, version: hit.doc.version, exactVersion: hit.exactVersion };
      },
    },
    {
      method: 'GET', url: '/backoffice/api/cases/:caseId', tag: 'backoffice', auth: 'staff', summary: '办件详情：窗口事件（含收取的材料）与审批记录',
      params: CaseIdParams, response: CaseDetailResponse, errors: [403, 404],
      handler: ({ params }) => caseDetail(db, params.caseId),
    },
    {
      method: 'POST', url: '/backoffice/api/cases/:caseId/status', tag: 'backoffice', auth: 'staff', summary: '审批：受理审查中 / 准予 / 不予许可（附理由）/ 需补正（附理由）/ 待取件',
      params: CaseIdParams, body: SetStatusRequest, response: StatusEvent, errors: [403, 404, 409],
      handler: ({ params, body }) => setCaseStatus(db, params.caseId, body),
    },
    {
      method: 'GET', url: '/backoffice/api/chain-breaks', tag: 'backoffice', auth: 'staff', summary: '窗口事件链断裂告警（窗口机数据库中的事件被改动或删除）',
      query: RejectedQuery, response: ChainBreakListResponse, errors: [403],
      handler: ({ query }) => listChainBreaks(db, query.limit),
    },
    {
      method: 'GET', url: '/backoffice/api/rejected', tag: 'backoffice', auth: 'staff', summary: '被拒收的上传事件（供运维人员处理）',
      query: RejectedQuery, response: RejectedListResponse, errors: [403],
      handler: ({ query }) => listRejected(db, query.limit),
    },
  ];
}
