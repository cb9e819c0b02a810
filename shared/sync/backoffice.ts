// JSON API of the back-office console (后台分类审批), served under /backoffice/api by the
// central server. Staff sign in with their own account (shared/sync/staff.ts): a session
// cookie, and X-CSRF-Token on every write. Everything answers within the staff member's scope.
import { z } from 'zod';
import { CaseStateSchema, INTAKE_STATUSES } from '../domain/caseState';
import { ClaimView, ExtensionRequestView, Queue } from './review';
import { WindowEventBody } from '../domain/caseEvents';
import { Department, Item } from '../domain/catalogue';
import { IsoTime, PushRejectCode, ReviewStatus, StatusEvent } from './protocol';

/** Intake state from the projection of the window's events (`opened`: decision not arrived yet). */
export { INTAKE_STATUSES };
export const IntakeStatus = z.enum(INTAKE_STATUSES);
export type IntakeStatus = z.infer<typeof IntakeStatus>;

export const ReviewClockView = z.object({
  band: z.enum(['none', 'paused', 'ok', 'dueSoon', 'overdue']),
  due: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable(),
});
export type ReviewClockView = z.infer<typeof ReviewClockView>;

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
  /** Who holds the case (认领), if anyone. */
  claim: ClaimView.nullable().optional(),
  /** The legal clock from the promised date and the holiday calendar (shared/domain/caseState.ts reviewClock). */
  clock: ReviewClockView.optional(),
  suspended: z.boolean().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseListQuery = z.object({
  /** 待认领 / 我的 / 需补正 / 即将超时 / 已超时 (default: all cases in scope). */
  queue: Queue.default('all'),
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
export const ReviewActions = z.object({
  /** The window accepted the case, so the back office reviews it (一次性告知, 不予受理, 引导 are not reviewed). */
  reviewable: z.boolean(),
  claim: z.boolean(),
  release: z.boolean(),
  /** Heads: reassign to another reviewer of the case's department and office. */
  assign: z.boolean(),
  /** Statuses the person may set now (with the claim). */
  decide: z.array(ReviewStatus),
  correct: z.boolean(),
  requestExtension: z.boolean(),
  decideExtension: z.boolean(),
  suspend: z.boolean(),
  resume: z.boolean(),
  /** Why nothing may be decided now, in Chinese (e.g. 请先认领), or null. */
  note: z.string().nullable(),
});
export type ReviewActions = z.infer<typeof ReviewActions>;

export const CaseDetailResponse = z.object({
  case: CaseSummary,
  /** The projection of the case's events (applicant, answers, marks …); null only for a case stored before projections that could not be read. */
  state: CaseStateSchema.nullable(),
  /** Window events in server order. */
  events: z.array(CaseEventRecord),
  statuses: z.array(StatusEvent),
  extensionRequests: z.array(ExtensionRequestView),
  /** What the signed-in staff member may do with the case now (the server's rules; buttons show exactly these). */
  actions: ReviewActions,
});
export type CaseDetailResponse = z.infer<typeof CaseDetailResponse>;

export { SetStatusRequest } from './review';

/** A scanned page of a case for the console: which material, and whether its bytes have arrived. */
export const CasePage = z.object({
  pageId: z.string(),
  materialId: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  stored: z.boolean(),
  /** Read from the bytes when stored; null until then. */
  contentType: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Brought by the applicant as a 补正 (after a 需补正). */
  supplement: z.boolean().default(false),
});
export type CasePage = z.infer<typeof CasePage>;
export const CasePagesResponse = z.object({ pages: z.array(CasePage) });
export type CasePagesResponse = z.infer<typeof CasePagesResponse>;

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
