// 差评整改 routes and the centre dashboard (both for heads in scope and admins): the list within the caller's scope (heads; admins see every centre without
// applicant data), the actions on one case's rectification, and each centre's deadline.
import { z } from 'zod';
import {
  RectificationActionRequest, RectificationListQuery, RectificationListResponse, RectificationSettingRequest, RectificationSettingsResponse, RectificationView,
} from '../../shared/sync/rectification';
import { RECTIFICATION_DEADLINE_DAYS } from '../../shared/domain/rectification';
import { chinaDay } from '../../shared/time';
import { actOnRectification, listRectifications, rectificationSettings, setRectificationDays } from '../backoffice/rectifications';
import { actorOf } from '../staff/sessions';
import { centreStats } from '../backoffice/centreStats';
import { attachment, centreWorkbook, rectificationWorkbook, XLSX_TYPE } from '../backoffice/statsExport';
import { CentreStatsQuery, CentreStatsResponse } from '../../shared/sync/centreStats';
import type { RouteContext, RouteDef, RouteDeps } from './routes';

const CaseIdParams = z.object({ caseId: z.uuid() });
const WORKS = ['head', 'admin'] as const;

export function rectificationRoutes(deps: RouteDeps): RouteDef[] {
  const { db, catalogue } = deps;
  const B = '/backoffice/api';
  const ctx = (c: RouteContext) => ({
    db, catalogue, staff: c.staff.session.staff, scope: c.staff.scope, actor: actorOf(c.staff.session, c.from), today: chinaDay(deps.clock()), claimMinutes: deps.claimMinutes,
  });
  return [
    {
      method: 'GET', url: `${B}/stats/centre`, tag: 'backoffice', auth: 'staff', roles: WORKS, forbidden: '中心统计供科室负责人和中心管理员查看',
      summary: '中心统计（科室负责人：本人负责范围内；管理员：全部中心）：按中心、窗口、窗口人员、部门、事项和日期区间的各类决定、立等可取按时率、承诺件按期办结、一次性告知率、容缺率、补正率、重复跑动、好评率、超期办件',
      query: CentreStatsQuery, response: CentreStatsResponse, errors: [400, 403],
      handler: async (c) => centreStats(db, catalogue, { admin: c.staff.session.staff.role === 'admin', scope: c.staff.scope }, c.query as CentreStatsQuery, deps.clock()),
    },
    {
      method: 'GET', url: `${B}/stats/centre.xlsx`, tag: 'backoffice', auth: 'staff', roles: WORKS, forbidden: '中心统计供科室负责人和中心管理员查看',
      summary: '中心统计导出为 Excel（.xlsx，每个表格一个工作表）', query: CentreStatsQuery, response: z.string(), errors: [400, 403],
      handler: async (c) => {
        const q = c.query as CentreStatsQuery;
        const d = await centreStats(db, catalogue, { admin: c.staff.session.staff.role === 'admin', scope: c.staff.scope }, q, deps.clock());
        return c.reply.type(XLSX_TYPE).header('content-disposition', attachment(`centre-stats-${q.from}-${q.to}.xlsx`, `中心统计-${q.from}至${q.to}.xlsx`)).send(await centreWorkbook(d));
      },
    },
    {
      method: 'GET', url: `${B}/rectifications.xlsx`, tag: 'backoffice', auth: 'staff', roles: WORKS, forbidden: '差评整改由科室负责人和中心管理员办理',
      summary: '差评整改列表导出为 Excel（.xlsx），筛选同列表', query: RectificationListQuery, response: z.string(), errors: [403],
      handler: async (c) => {
        const list = await listRectifications(ctx(c), c.query as z.infer<typeof RectificationListQuery>, await catalogue.itemNameLookup());
        return c.reply.type(XLSX_TYPE).header('content-disposition', attachment(`rectifications-${list.today}.xlsx`, `差评整改-${list.today}.xlsx`)).send(await rectificationWorkbook(list.rectifications));
      },
    },
    {
      method: 'GET', url: `${B}/rectifications`, tag: 'backoffice', auth: 'staff', roles: WORKS, forbidden: '差评整改由科室负责人和中心管理员办理',
      summary: '差评整改列表（科室负责人：本人负责范围内；管理员：全部中心），按整改情况（待整改/整改中/已整改/整改超期/无效差评）筛选',
      query: RectificationListQuery, response: RectificationListResponse, errors: [403],
      handler: async (c) => listRectifications(ctx(c), c.query as z.infer<typeof RectificationListQuery>, await catalogue.itemNameLookup()),
    },
    {
      method: 'POST', url: `${B}/rectifications/:caseId`, tag: 'backoffice', auth: 'staff', roles: WORKS, forbidden: '差评整改由科室负责人和中心管理员办理',
      summary: '差评整改操作：开始整改、整改完成（整改措施）、回访、申请认定无效差评（科室负责人）；审核无效差评（管理员）',
      params: CaseIdParams, body: RectificationActionRequest, response: RectificationView, errors: [400, 403, 404, 409],
      handler: async (c) => actOnRectification(ctx(c), (c.params as { caseId: string }).caseId, c.body as RectificationActionRequest, await catalogue.itemNameLookup()),
    },
    {
      method: 'GET', url: `${B}/rectification-settings`, tag: 'backoffice', auth: 'staff', roles: WORKS, forbidden: '差评整改由科室负责人和中心管理员办理',
      summary: '各中心的差评整改期限（工作日）', response: RectificationSettingsResponse, errors: [403],
      handler: async (c) => ({
        settings: await rectificationSettings(db, c.staff.session.staff.role === 'admin' ? null : c.staff.scope.officeCodes),
        choices: [...RECTIFICATION_DEADLINE_DAYS],
      }),
    },
    {
      method: 'POST', url: `${B}/rectification-settings`, tag: 'backoffice', auth: 'staff', roles: ['admin'], forbidden: '只有中心管理员可以设置整改期限',
      summary: '设置一个中心的差评整改期限（5、7 或 15 个工作日；已登记的差评保持原期限）', body: RectificationSettingRequest,
      response: z.object({ officeCode: z.string(), deadlineDays: z.number().int() }), errors: [400, 403, 404],
      handler: async (c) => {
        const b = c.body as z.infer<typeof RectificationSettingRequest>;
        return setRectificationDays(db, actorOf(c.staff.session, c.from), b.officeCode, b.deadlineDays);
      },
    },
  ];
}
