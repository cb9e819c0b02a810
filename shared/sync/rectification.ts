// The 差评整改 API of the back office (server/http/rectificationRoutes.ts): the list within the
// caller's scope, the actions, and each centre's deadline setting. Rules: shared/domain/rectification.ts.
import { z } from 'zod';
import {
  RECTIFICATION_ACTIONS, RECTIFICATION_DEADLINE_DAYS, RECTIFICATION_STATUSES, REVISIT_METHODS, InvalidReview, Revisit,
} from '../domain/rectification';
import { RATING_LEVELS } from '../domain/caseEvents';

const Day = z.iso.date({ message: '日期应为 YYYY-MM-DD' });
export const RECTIFICATION_STANDINGS = [...RECTIFICATION_STATUSES, 'overdue'] as const;

export const RectificationView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string().nullable(),
  officeCode: z.string(),
  departmentCode: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string().nullable(),
  windowCode: z.string(),
  clerkStaffNo: z.string().nullable(),
  level: z.enum(RATING_LEVELS),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  comment: z.string(),
  ratedAt: z.string(),
  openedOn: z.string(),
  deadline: z.string(),
  deadlineDays: z.number().int(),
  status: z.enum(RECTIFICATION_STATUSES),
  /** How it stands today (整改超期 when unfinished past its deadline). */
  standing: z.enum(RECTIFICATION_STANDINGS),
  /** Working days left (negative: days overdue); null once finished. */
  daysLeft: z.number().int().nullable(),
  doneLate: z.boolean(),
  measures: z.string().nullable(),
  doneOn: z.string().nullable(),
  revisit: Revisit.nullable(),
  invalid: InvalidReview.nullable(),
  /** What the caller may do now. */
  actions: z.array(z.enum(RECTIFICATION_ACTIONS)),
});
export type RectificationView = z.infer<typeof RectificationView>;

export const RectificationListQuery = z.object({
  standing: z.enum(RECTIFICATION_STANDINGS).optional(),
  /** Only those with an 无效差评 request waiting for an admin. */
  invalidPending: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  officeCode: z.string().max(20).optional(),
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().pipe(z.number().int().min(1).max(500)).default(200),
}).strict();
export const RectificationListResponse = z.object({
  rectifications: z.array(RectificationView),
  counts: z.record(z.enum(RECTIFICATION_STANDINGS), z.number().int()),
  today: z.string(),
});
export type RectificationListResponse = z.infer<typeof RectificationListResponse>;

const Note = z.string().trim().max(500).default('');
export const RectificationActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), note: Note }).strict(),
  z.object({ action: z.literal('complete'), measures: z.string().trim().min(1, '请填写整改措施').max(2000) }).strict(),
  z.object({ action: z.literal('revisit'), method: z.enum(REVISIT_METHODS), satisfied: z.boolean(), note: Note }).strict(),
  z.object({ action: z.literal('requestInvalid'), reason: z.string().trim().min(1, '请写明申请认定为无效差评的理由').max(500) }).strict(),
  z.object({ action: z.literal('decideInvalid'), approve: z.boolean(), note: Note }).strict(),
]);
export type RectificationActionRequest = z.infer<typeof RectificationActionRequest>;

export const RectificationSetting = z.object({ officeCode: z.string(), officeName: z.string(), deadlineDays: z.number().int() });
export const RectificationSettingsResponse = z.object({ settings: z.array(RectificationSetting), choices: z.array(z.number().int()) });
export const RectificationSettingRequest = z.object({
  officeCode: z.string().min(1).max(20),
  deadlineDays: z.union(RECTIFICATION_DEADLINE_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<5>, z.ZodLiteral<7>, z.ZodLiteral<15>], { message: '整改期限只能是 5、7 或 15 个工作日' }),
}).strict();
