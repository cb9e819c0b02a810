// Requests and replies of the review workflow in /backoffice/api: claims (认领), queues,
// decisions and corrections, 延期 and 挂起. Who acts is always the signed-in staff member,
// never a name in the request (the schemas are strict: a `decidedBy` is refused).
import { z } from 'zod';
import { REVIEW_STATUSES } from '../domain/caseEvents';
import { StaffNo } from '../domain/clerk';
import { isDay } from '../domain/storable';

const ReviewStatus = z.enum(REVIEW_STATUSES);
const Day = z.string().refine(isDay, { message: '日期格式应为 YYYY-MM-DD' });
const Reason = (what: string, max = 2000) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 字`);

/** The 证照 or 批文 a 准予 issues. */
export const ResultInput = z.object({
  licenceName: Reason('证照名称', 100),
  licenceNumber: Reason('证照编号', 60),
  validFrom: Day,
  /** null or omitted: 长期有效. */
  validUntil: Day.nullable().default(null),
}).strict().refine((r) => r.validUntil === null || r.validUntil >= r.validFrom, { message: '有效期截止日不能早于起始日', path: ['validUntil'] });

const needs = (r: { status: string; reason?: string; result?: unknown; confirmed?: boolean; materials?: Array<{ materialId: string; verdict: string }> }, ctx: z.RefinementCtx) => {
  if (r.materials && new Set(r.materials.map((m) => m.materialId)).size !== r.materials.length) ctx.addIssue({ code: 'custom', path: ['materials'], message: '同一材料只能有一个审核结论' });
  if (r.status === 'needsSupplement' && r.materials && !r.materials.some((m) => m.verdict === 'failed')) {
    ctx.addIssue({ code: 'custom', path: ['materials'], message: '需补正时至少有一项材料未通过' });
  }
  if (r.status === 'approved' && r.materials?.some((m) => m.verdict === 'failed')) ctx.addIssue({ code: 'custom', path: ['materials'], message: '有材料未通过时不能准予' });
  if ((r.status === 'rejected' || r.status === 'needsSupplement') && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予许可或需补正时必须填写理由' });
  if (r.status === 'approved' && !r.result) ctx.addIssue({ code: 'custom', path: ['result'], message: '准予时须填写证照名称、编号和有效期' });
  if (r.status !== 'approved' && r.result) ctx.addIssue({ code: 'custom', path: ['result'], message: '只有准予才填写证照' });
  if ((r.status === 'approved' || r.status === 'rejected') && r.confirmed !== true) {
    ctx.addIssue({ code: 'custom', path: ['confirmed'], message: '准予和不予许可是最终决定，作出后不可更改，须确认后提交' });
  }
};

/** 通过 / 未通过 per material (未通过 with its reason). */
export const MaterialVerdictInput = z.object({
  materialId: z.string().min(1).max(64),
  verdict: z.enum(['passed', 'failed']),
  reason: z.string().trim().max(500).optional(),
}).strict().refine((m) => m.verdict === 'passed' || !!m.reason, { message: '未通过的材料须写明原因', path: ['reason'] });

export const SetStatusRequest = z.object({
  status: ReviewStatus,
  /** The per-material review; 需补正 with verdicts needs at least one 未通过 (those are what the window asks for). */
  materials: z.array(MaterialVerdictInput).max(500).optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  /** 备注: reaches the window with the decision. */
  note: z.string().trim().max(2000).optional(),
  result: ResultInput.optional(),
  /** true: the reviewer confirmed a final decision (准予 / 不予许可). */
  confirmed: z.boolean().optional(),
}).strict().superRefine(needs);
export type SetStatusRequest = z.input<typeof SetStatusRequest>;

/** A head's correction of a final decision: a new decision with the reason for the correction. */
export const CorrectionRequest = z.object({
  status: z.enum(['approved', 'rejected']),
  reason: z.string().trim().min(1).max(2000).optional(),
  note: z.string().trim().max(2000).optional(),
  result: ResultInput.optional(),
  correctionReason: Reason('更正理由', 500),
  confirmed: z.boolean().optional(),
}).strict().superRefine(needs);
export type CorrectionRequest = z.input<typeof CorrectionRequest>;

export const AssignRequest = z.object({ staffNo: StaffNo }).strict();
export const ExtensionRequestInput = z.object({
  days: z.number({ message: '请填写延长的工作日数' }).int('延长天数应为整数').min(1, '至少延长 1 个工作日').max(60, '一次最多延长 60 个工作日'),
  reason: Reason('延期理由', 500),
}).strict();
export const ExtensionDecisionInput = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(500).optional(),
}).strict();
export const SuspendInput = z.object({ reason: Reason('挂起理由', 500) }).strict();
export const Empty = z.object({}).strict();

/** Who holds a case now (an expired claim is no claim). */
export const ClaimView = z.object({
  staffNo: z.string(),
  name: z.string(),
  claimedAt: z.string(),
  expiresAt: z.string(),
  assignedBy: z.string().nullable(),
  mine: z.boolean(),
});
export type ClaimView = z.infer<typeof ClaimView>;

export const ExtensionRequestView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  days: z.number().int(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  approved: z.boolean().nullable(),
  decisionNote: z.string().nullable(),
});
export type ExtensionRequestView = z.infer<typeof ExtensionRequestView>;
export const ExtensionRequestList = z.object({ requests: z.array(ExtensionRequestView) });

export const QUEUES = ['unclaimed', 'mine', 'needsSupplement', 'dueSoon', 'overdue', 'all'] as const;
export const Queue = z.enum(QUEUES);
export type Queue = z.infer<typeof Queue>;
export const QUEUE_LABEL: Record<Queue, string> = {
  unclaimed: '待认领',
  mine: '我的',
  needsSupplement: '需补正',
  dueSoon: '即将超时',
  overdue: '已超时',
  all: '全部办件',
};
export const QueueCounts = z.object({
  counts: z.record(Queue, z.number().int()),
  /** The China day the clock bands were counted for (the server's clock). */
  today: z.string(),
  /** 延期 waiting for a head's decision (heads only; 0 for others). */
  pendingExtensions: z.number().int(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;
