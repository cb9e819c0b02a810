// The 中心管理员's routes: staff accounts, the audit log (view, CSV export, chain check) and the
// operators' lists of refused uploads and chain breaks.
import { z } from 'zod';
import { ChainBreakListResponse, RejectedListResponse } from '../../shared/sync/backoffice';
import { ResetPasswordRequest, StaffAccount, StaffInput, StaffUpdate } from '../../shared/sync/staff';
import { AuditListResponse, AuditQuery, AuditVerifyResponse } from '../../shared/sync/audit';
import { Empty } from '../../shared/sync/review';
import { addStaff, listStaff, resetStaffPassword, setStaffActive, updateStaff } from '../staff/accounts';
import { actorOf } from '../staff/sessions';
import { StaffNo } from '../../shared/domain/clerk';
import { listChainBreaks, listRejected } from '../backoffice/cases';
import { audit, auditCsv, listAudit, verifyAudit } from '../backoffice/audit';
import type { RouteContext, RouteDef, RouteDeps } from './routes';

const ADMIN = ['admin'] as const;
const ONLY_ADMIN = '只有中心管理员可以使用此功能';
const StaffParams = z.object({ staffNo: StaffNo });
const LimitQuery = z.object({ limit: z.coerce.number().pipe(z.number().int().min(1).max(500)).default(100) }).strict();
const AuditCsvQuery = AuditQuery.omit({ before: true, limit: true });

export function adminRoutes(deps: RouteDeps): RouteDef[] {
  const { db, catalogue } = deps;
  const B = '/backoffice/api';
  const actor = (c: RouteContext) => actorOf(c.staff.session, c.from);
  /** Department codes of the latest catalogue (an account's departments must exist). */
  const departments = async () => {
    const latest = await catalogue.latest();
    return latest ? new Set(latest.departments.map((d) => d.code)) : null;
  };
  const admin = (def: Omit<RouteDef, 'tag' | 'auth' | 'roles' | 'forbidden'>): RouteDef => ({ tag: 'backoffice', auth: 'staff', roles: ADMIN, forbidden: ONLY_ADMIN, ...def, errors: [403, ...(def.errors ?? [])] });
  return [
    admin({
      method: 'GET', url: `${B}/staff`, summary: '工作人员账号列表', response: z.object({ staff: z.array(StaffAccount) }),
      handler: async () => ({ staff: await listStaff(db) }),
    }),
    admin({
      method: 'POST', url: `${B}/staff`, summary: '新增工作人员账号（工号、姓名、角色、部门、中心、初始密码；首次登录须修改密码）',
      body: StaffInput, response: StaffAccount, errors: [409],
      handler: async (c) => addStaff(db, actor(c), c.body, await departments(), { mustChangePassword: true }),
    }),
    admin({
      method: 'POST', url: `${B}/staff/:staffNo`, summary: '修改账号的姓名、角色、部门和中心', params: StaffParams, body: StaffUpdate, response: StaffAccount, errors: [404, 409],
      handler: async (c) => updateStaff(db, actor(c), c.params.staffNo, c.body, await departments()),
    }),
    admin({
      method: 'POST', url: `${B}/staff/:staffNo/disable`, summary: '停用账号（其会话立即失效，认领的办件退回待认领）', params: StaffParams, body: Empty, response: StaffAccount, errors: [404, 409],
      handler: (c) => setStaffActive(db, actor(c), c.params.staffNo, false),
    }),
    admin({
      method: 'POST', url: `${B}/staff/:staffNo/enable`, summary: '启用账号（并解除锁定）', params: StaffParams, body: Empty, response: StaffAccount, errors: [404],
      handler: (c) => setStaffActive(db, actor(c), c.params.staffNo, true),
    }),
    admin({
      method: 'POST', url: `${B}/staff/:staffNo/reset-password`, summary: '重置密码（本人下次登录须修改）', params: StaffParams, body: ResetPasswordRequest, response: StaffAccount, errors: [404],
      handler: (c) => resetStaffPassword(db, actor(c), c.params.staffNo, c.body.password),
    }),
    admin({
      method: 'GET', url: `${B}/audit`, summary: '审计日志（最新在前，可按工号、操作、办件、日期筛选）', query: AuditQuery, response: AuditListResponse,
      handler: async (c) => {
        if (!c.query.before) await audit(db, actor(c), 'audit.view', { detail: { filter: { ...c.query, limit: undefined } } });
        return listAudit(db, c.query);
      },
    }),
    admin({
      method: 'GET', url: `${B}/audit.csv`, summary: '导出审计日志为 CSV（UTF-8 带 BOM，可直接用 Excel 打开）', query: AuditCsvQuery, response: z.string(),
      handler: async (c) => {
        await audit(db, actor(c), 'audit.export', { detail: { filter: c.query } });
        const csv = await auditCsv(db, c.query);
        return c.reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"; filename*=UTF-8''${encodeURIComponent('审计日志')}-${new Date().toISOString().slice(0, 10)}.csv`)
          .send(csv);
      },
    }),
    admin({
      method: 'GET', url: `${B}/audit/verify`, summary: '校验审计日志的哈希链（发现被改动或删除的记录）', response: AuditVerifyResponse,
      handler: () => verifyAudit(db),
    }),
    admin({
      method: 'GET', url: `${B}/chain-breaks`, summary: '窗口事件链断裂告警（窗口机数据库中的事件被改动或删除）', query: LimitQuery, response: ChainBreakListResponse,
      handler: ({ query }) => listChainBreaks(db, query.limit),
    }),
    admin({
      method: 'GET', url: `${B}/rejected`, summary: '被拒收的上传事件（供运维人员处理）', query: LimitQuery, response: RejectedListResponse,
      handler: ({ query }) => listRejected(db, query.limit),
    }),
  ];
}
