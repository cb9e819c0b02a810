// JSON API of the back-office console (后台分类审批), served under /backoffice/api by the
// central server. Staff authenticate with `Authorization: Bearer <staff token>` (the
// server's configured staff token); without a configured token only loopback callers
// are served.
import { z } from 'zod';
import { CASE_STATUSES } from '../domain/case';
import { CaseEventType, IsoTime, PushRejectCode, ReviewStatus, StatusEvent } from './protocol';

/** Intake state derived from the window's events: the workstation's CaseStatus, plus
 * `opened` for a case whose decision has not arrived yet. */
export const INTAKE_STATUSES = ['opened', ...CASE_STATUSES] as const;
export const IntakeStatus = z.enum(INTAKE_STATUSES);
export type IntakeStatus = z.infer<typeof IntakeStatus>;

export const CaseSummary = z.object({
  id: z.uuid(),
  officeCode: z.string(),
  deviceId: z.uuid(),
  itemCode: z.string(),
  departmentCode: z.string().nullable(),
  caseNumber: z.string().nullable(),
  status: IntakeStatus,
  reviewStatus: ReviewStatus.nullable(),
  createdDeviceTime: IsoTime,
  updatedAt: IsoTime,
  serverSeq: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseListQuery = z.object({
  officeCode: z.string().max(12).optional(),
  departmentCode: z.string().max(64).optional(),
  reviewStatus: ReviewStatus.optional(),
  status: IntakeStatus.optional(),
  /** serverSeq of the last case of the previous page. */
  after: z.coerce.number().pipe(z.number().int().min(0)).default(0),
  limit: z.coerce.number().pipe(z.number().int().min(1).max(200)).default(50),
}).strict();
export const CaseListResponse = z.object({ cases: z.array(CaseSummary), nextCursor: z.number().int(), hasMore: z.boolean() });
export type CaseListResponse = z.infer<typeof CaseListResponse>;

export const CaseEventRecord = z.object({
  id: z.uuid(),
  deviceId: z.uuid(),
  deviceSeq: z.number().int(),
  staffNo: z.string().nullable(),
  type: CaseEventType,
  payload: z.record(z.string(), z.unknown()),
  deviceTime: IsoTime,
  receivedAt: IsoTime,
  serverSeq: z.number().int(),
});
export const CaseDetailResponse = z.object({
  case: CaseSummary,
  /** Window events in server order; `case.opened`/`case.decided` payloads carry the materials received. */
  events: z.array(CaseEventRecord),
  statuses: z.array(StatusEvent),
});
export type CaseDetailResponse = z.infer<typeof CaseDetailResponse>;

export const SetStatusRequest = z
  .object({
    status: ReviewStatus,
    reason: z.string().trim().min(1).max(2000).optional(),
    note: z.string().trim().max(2000).optional(),
    /** Staff member deciding (工号 or name), kept in the audit trail. */
    decidedBy: z.string().trim().min(1).max(60),
  })
  .strict()
  .refine((r) => !(r.status === 'rejected' || r.status === 'needsSupplement') || !!r.reason, {
    message: '不予许可或需补正时必须填写理由',
    path: ['reason'],
  });
export type SetStatusRequest = z.infer<typeof SetStatusRequest>;

export const RejectedEventRecord = z.object({
  id: z.number().int(),
  deviceId: z.uuid(),
  officeCode: z.string(),
  seq: z.number().int(),
  code: PushRejectCode,
  message: z.string(),
  entry: z.unknown(),
  receivedAt: IsoTime,
});
export const RejectedListResponse = z.object({ rejected: z.array(RejectedEventRecord) });
export type RejectedListResponse = z.infer<typeof RejectedListResponse>;
