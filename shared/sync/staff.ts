// Back-office staff (后台工作人员): personal accounts, sign-in and the session, as the server's
// /backoffice/api speaks them and the console shows them. Roles: 审批人员 reviews the cases of
// their departments' items at their offices, 科室负责人 also approves 延期, reassigns and
// corrects decisions, 中心管理员 keeps the accounts and reads the audit log (no case data).
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../auth/passwordHash';
import { StaffNo } from '../domain/clerk';

export const STAFF_ROLES = ['reviewer', 'head', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;
export const STAFF_ROLE_LABEL: Record<StaffRole, string> = { reviewer: '审批人员', head: '科室负责人', admin: '中心管理员' };
/** Roles that work on cases (an admin keeps accounts and the audit log only). */
export const CASE_ROLES: readonly StaffRole[] = ['reviewer', 'head'];

const Codes = (what: string) =>
  z.array(z.string().trim().min(1).max(64)).max(100).refine((xs) => new Set(xs).size === xs.length, { message: `${what}不能重复` });
const Password = z.string().min(1, '请输入密码').max(128);

export const StaffMember = z.object({
  staffNo: StaffNo,
  name: z.string().trim().min(1, '请填写姓名').max(30),
  role: StaffRole,
  /** Departments (catalogue department codes) whose items this person reviews. */
  departmentCodes: Codes('部门'),
  /** Offices (中心·站点 codes) whose cases this person reviews. */
  officeCodes: Codes('中心'),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** An account as the admin pages list it (never the hash). */
export const StaffAccount = StaffMember.extend({
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  updatedAt: z.string(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** Reviewers and heads need departments and offices; an admin needs neither. */
export const StaffInput = StaffMember.extend({
  password: z.string().min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`).max(128),
})
  .strict()
  .superRefine((s, ctx) => {
    if (s.role === 'admin') return;
    if (!s.departmentCodes.length) ctx.addIssue({ code: 'custom', path: ['departmentCodes'], message: '审批人员和科室负责人须至少属于一个部门' });
    if (!s.officeCodes.length) ctx.addIssue({ code: 'custom', path: ['officeCodes'], message: '审批人员和科室负责人须至少服务一个中心' });
  });
export type StaffInput = z.infer<typeof StaffInput>;
export const StaffUpdate = StaffMember.omit({ staffNo: true }).strict();
export type StaffUpdate = z.infer<typeof StaffUpdate>;
export const ResetPasswordRequest = z.object({ password: z.string().min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`).max(128) }).strict();

export const SignInRequest = z.object({ staffNo: StaffNo, password: Password }).strict();
export const ChangePasswordRequest = z.object({
  current: Password,
  next: z.string().min(MIN_PASSWORD_LENGTH, `新密码至少 ${MIN_PASSWORD_LENGTH} 位`).max(128),
}).strict();

/** The signed-in person and what the console needs: the CSRF token for every write and the idle time-out. */
export const SessionResponse = z.object({
  staff: StaffMember.extend({ mustChangePassword: z.boolean() }),
  /** Send as X-CSRF-Token on every POST. */
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number().int(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'yc_staff';
