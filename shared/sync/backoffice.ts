// JSON API of the back-office console (后台分类审批), served under /backoffice/api by the
// central server. Staff authenticate with `Authorization: Bearer <staff token>` (the
// server's configured staff token); without a configured token only loopback callers
// are served.
import { z } from 'zod';
import { CaseStateSchema, INTAKE_STATUSES } from '../domain/caseState';
import { WindowEventBody } from '../domain/caseEvents';
import { Department, Item } from '../domain/catalogue';
import { IsoTime, PushRejectCode, ReviewStatus, StatusEvent } from './protocol';

/** Intake state from the projection of the window's events (`opened`: decision not arrived yet). */
export { INTAKE_STATUSES };
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
  /** Item name in the latest published catalogue (null when the item is not in it). */
  itemName: z.string().nullable().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseListQuery = z.object({
  officeCode: z.string().max(12).optional(),
  departmentCode: z.string().max(64).optional(),
  /** `none`: no back-office decision yet (待审批). */
  reviewStatus: z.union([ReviewStatus, z.literal('none')]).optional(),
  status: IntakeStatus.optional(),
  /** `desc`: newest first (the console); pages continue with `before`. */
  order: z.enum(['asc', 'desc']).default('asc'),
  /** serverSeq of the last case of the previous page (asc). */
  after: z.coerce.number().pipe(z.number().int().min(0)).default(0),
  /** serverSeq of the last case of the previous page (desc); omitted = from the newest. */
  before: z.coerce.number().pipe(z.number().int().min(1)).optional(),
  limit: z.coerce.number().pipe(z.number().int().min(1).max(200)).default(50),
}).strict();
export const CaseListResponse = z.object({ cases: z.array(CaseSummary), nextCursor: z.number().int(), hasMore: z.boolean() });
export type CaseListResponse = z.infer<typeof CaseListResponse>;

const RECORD_ENVELOPE = {
  id: z.uuid(),
  deviceId: z.uuid(),
  deviceSeq: z.number().int(),
  staffNo: z.string().nullable(),
  deviceTime: IsoTime,
  receivedAt: IsoTime,
  serverSeq: z.number().int(),
};
const withRecordEnvelope = <T extends (typeof WindowEventBody.options)[number]>(o: T) => o.extend(RECORD_ENVELOPE);
type RecordOption = ReturnType<typeof withRecordEnvelope<(typeof WindowEventBody.options)[number]>>;
/** A stored window event, typed by the one event union. */
export const CaseEventRecord = z.discriminatedUnion('type', WindowEventBody.options.map(withRecordEnvelope) as [RecordOption, ...RecordOption[]]);
export type CaseEventRecord = z.output<typeof CaseEventRecord>;
export const CaseDetailResponse = z.object({
  case: CaseSummary,
  /** The projection of the case's events (applicant, answers, marks …); null only for a case stored before projections that could not be read. */
  state: CaseStateSchema.nullable(),
  /** Window events in server order. */
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

/** The places and departments staff filter by: offices on the server, departments of the latest catalogue. */
export const DirectoryResponse = z.object({
  offices: z.array(z.object({ code: z.string(), name: z.string() })),
  departments: z.array(Department),
  catalogueVersion: z.number().int().nullable(),
});
export type DirectoryResponse = z.infer<typeof DirectoryResponse>;

export const CatalogueItemQuery = z.object({
  /** The catalogue version the case was started under (case.opened payload). */
  version: z.coerce.number().pipe(z.number().int().min(0)).optional(),
}).strict();
/** An item as published in a catalogue version, to name the materials of a case. */
export const CatalogueItemResponse = z.object({
  item: Item,
  department: Department.nullable(),
  version: z.number().int(),
  /** false when the requested version is not on the server and the latest one was used. */
  exactVersion: z.boolean(),
});
export type CatalogueItemResponse = z.infer<typeof CatalogueItemResponse>;

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

export const ChainBreakRecord = z.object({
  id: z.number().int(),
  deviceId: z.uuid(),
  officeCode: z.string(),
  /** Upload number of the entry where the break showed. */
  seq: z.number().int(),
  eventId: z.string(),
  /** altered: the event's content does not match its link; gap: events before it are missing. */
  kind: z.enum(['altered', 'gap']),
  message: z.string(),
  detectedAt: IsoTime,
});
export const ChainBreakListResponse = z.object({ breaks: z.array(ChainBreakRecord) });
export type ChainBreakListResponse = z.infer<typeof ChainBreakListResponse>;
