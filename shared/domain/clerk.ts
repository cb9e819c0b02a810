import { z } from 'zod';

export const Role = z.enum(['clerk', 'supervisor', 'trainer']);
export type Role = z.infer<typeof Role>;
export const ROLE_LABEL: Record<Role, string> = { clerk: '窗口人员', supervisor: '值班长', trainer: '培训师' };

/** 工号: 4–10 digits or capital letters. */
export const StaffNo = z.string().trim().regex(/^[0-9A-Z]{4,10}$/, '工号应为 4–10 位数字或大写字母');

export const Clerk = z.object({
  staffNo: StaffNo,
  name: z.string().trim().min(1).max(30),
  role: Role,
  officeCode: z.string(),
  windowCode: z.string(),
});
export type Clerk = z.infer<typeof Clerk>;
