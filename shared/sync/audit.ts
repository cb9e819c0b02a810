// The back office's audit log (审计日志): every action with who, when and from where, in an
// append-only hash chain on the server. Admins read and export it (CSV for Excel).
import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'signIn', 'signIn.failed', 'signIn.locked', 'signOut', 'session.expired', 'password.change',
  'case.view', 'case.claim', 'case.release', 'case.assign', 'case.decide', 'case.correct',
  'extension.request', 'extension.approve', 'extension.deny', 'case.suspend', 'case.resume',
  'staff.add', 'staff.update', 'staff.disable', 'staff.enable', 'staff.resetPassword',
  'audit.view', 'audit.export',
  'rectification.start', 'rectification.complete', 'rectification.revisit', 'rectification.requestInvalid', 'rectification.decideInvalid',
  'rectification.setting', 'catalogue.ratingReasons',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;
export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  signIn: '登录',
  'signIn.failed': '登录失败',
  'signIn.locked': '账号锁定',
  signOut: '退出登录',
  'session.expired': '登录超时',
  'password.change': '修改密码',
  'case.view': '查看办件（含个人信息）',
  'case.claim': '认领办件',
  'case.release': '放弃认领',
  'case.assign': '改派办件',
  'case.decide': '审批决定',
  'case.correct': '更正决定',
  'extension.request': '申请延期',
  'extension.approve': '批准延期',
  'extension.deny': '不批准延期',
  'case.suspend': '挂起办件',
  'case.resume': '恢复办理',
  'staff.add': '新增账号',
  'staff.update': '修改账号',
  'staff.disable': '停用账号',
  'staff.enable': '启用账号',
  'staff.resetPassword': '重置密码',
  'audit.view': '查看审计日志',
  'audit.export': '导出审计日志',
  'rectification.start': '开始差评整改',
  'rectification.complete': '差评整改完成',
  'rectification.revisit': '差评回访',
  'rectification.requestInvalid': '申请认定无效差评',
  'rectification.decideInvalid': '审核无效差评',
  'rectification.setting': '设置差评整改期限',
  'catalogue.ratingReasons': '修改评价原因清单',
};

export const AuditRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  staffNo: z.string().nullable(),
  staffName: z.string().nullable(),
  action: AuditAction,
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  /** Where from: the client address (the proxy's X-Forwarded-For when the server trusts one) and browser. */
  ip: z.string(),
  userAgent: z.string(),
  hash: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

const Day = z.iso.date({ message: '日期应为 YYYY-MM-DD' });
export const AuditQuery = z.object({
  staffNo: z.string().trim().max(20).optional(),
  action: AuditAction.optional(),
  caseId: z.uuid().optional(),
  /** China calendar days, inclusive. */
  from: Day.optional(),
  to: Day.optional(),
  /** seq of the last record of the previous page (newest first). */
  before: z.coerce.number().pipe(z.number().int().min(1)).optional(),
  limit: z.coerce.number().pipe(z.number().int().min(1).max(500)).default(100),
}).strict();
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditListResponse = z.object({ records: z.array(AuditRecord), nextCursor: z.number().int().nullable(), hasMore: z.boolean() });
export type AuditListResponse = z.infer<typeof AuditListResponse>;
export const AuditVerifyResponse = z.object({
  checked: z.number().int(),
  /** Records whose content does not match their link (altered), or whose link does not follow the one before (removed). */
  breaks: z.array(z.object({ seq: z.number().int(), kind: z.enum(['altered', 'gap']), message: z.string() })),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
export const AUDIT_CSV_COLUMNS = ['序号', '时间', '工号', '姓名', '操作', '办件编号', '详情', 'IP 地址', '浏览器', '校验值'] as const;
