// The case's history: one discriminated union of typed events, used by the workstation
// store, the server's push validation, the projection, the console, the timeline and the
// notices. Add an event type here and in the projection (caseState.ts); the compiler then
// points at every switch over CaseEvent that must handle it.
//
// Payload objects are loose: a newer window may add fields, which are stored and hashed as
// sent; readers see only the typed ones. Every bound here is a column's or a screen's.
import { z } from 'zod';
import { Answers, Decision, Mark } from './checklist';
import { ImmediateTier } from './catalogue';
import { Day, Instant, Int32, SomeText, Text } from './storable';
import { PagesAttachedPayload } from '../scans/page';
import { RectificationFacts } from './rectification';

const Id = z.string().min(1).max(64);
const Code = z.string().min(1).max(64);
const CaseNumberText = z.string().min(1).max(64);
const fewKeys = (max: number) => (r: Record<string, unknown>) => Object.keys(r).length <= max;

/** The applicant as the window recorded them (already validated there; bounded here). */
export const StoredApplicant = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('person'), name: Text(200), idNumber: Text(40), phone: Text(40) }),
  z.looseObject({ kind: z.literal('organisation'), name: Text(200), creditCode: Text(40), legalRepresentative: Text(200), phone: Text(40) }),
  z.looseObject({ kind: z.literal('visitor'), name: Text(200).optional(), phone: Text(40).optional() }),
]);
export const StoredAgent = z.looseObject({ name: Text(200), idNumber: Text(40), phone: Text(40) });
export const StoredAnswers = Answers.refine(fewKeys(200), { message: '情形回答过多' })
  .refine((a) => Object.entries(a).every(([k, v]) => k.length <= 64 && v.length <= 200), { message: '情形回答过长' });
export const StoredMark = z.looseObject({ mark: Mark, copies: z.number().int().min(0).max(50).optional(), note: Text(500).optional() });
export const StoredMarks = z.record(Code, StoredMark).refine(fewKeys(500), { message: '材料标记过多' });

export const MissingLine = z.looseObject({
  materialId: Code,
  status: z.enum(['missing', 'defective', 'deferred', 'unchecked']),
  note: Text(500).nullable(),
});

// ---- payloads of the window's own events (uploaded to the centre) --------------------
export const OpenedPayload = z.looseObject({
  itemCode: Code,
  itemName: Text(200).optional(),
  catalogueVersion: Int32,
  caseNumber: CaseNumberText,
  officeCode: Code,
  windowCode: Code,
  applicant: StoredApplicant,
  agent: StoredAgent.nullable(),
  answers: StoredAnswers,
  marks: StoredMarks,
});
/** 引导 for an item this office's level does not handle: where the applicant was sent (as told). */
const RedirectPlaceText = z.looseObject({ name: Text(200), address: Text(400), phone: Text(40) });
export const RedirectTo = RedirectPlaceText.extend({ places: z.array(RedirectPlaceText).max(20) });
export const DecidedPayload = z
  .looseObject({
    decision: Decision,
    caseNumber: CaseNumberText,
    tier: ImmediateTier.nullable(),
    promisedDate: Day.nullable(),
    missing: z.array(MissingLine).max(500),
    reason: SomeText(2000).optional(),
    applyTo: Text(200).optional(),
    commitment: SomeText(1000).optional(),
    supplementDeadline: Day.optional(),
    subCenterCode: Code.optional(),
    redirectTo: RedirectTo.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.decision === 'refuse' && p.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予受理须写明理由' });
    if (p.decision === 'acceptWithDeferral' && (p.commitment === undefined || p.supplementDeadline === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['supplementDeadline'], message: '容缺受理须有承诺和补正期限' });
    }
    if (p.decision !== 'accept' && p.tier !== null) ctx.addIssue({ code: 'custom', path: ['tier'], message: '只有受理的办件有立等可取档次' });
  });
export const SupplementedPayload = z.looseObject({ materialIds: z.array(Code).max(500), note: Text(500) });
/** 10 years in seconds: anything longer is a broken clock, not a case. */
export const CompletedPayload = z.looseObject({ elapsedSeconds: z.number().int().min(0).max(315_360_000), tier: ImmediateTier.nullable() });
export const TerminatedPayload = z.looseObject({ reason: SomeText(500) });
export const DELIVERY_METHODS = ['applicant', 'agent', 'post'] as const;
export const DeliveredPayload = z.looseObject({
  method: z.enum(DELIVERY_METHODS),
  label: Text(60).optional(),
  receiver: Text(200).optional(),
  receiverIdNumber: Text(40).optional(),
  /** The type of the receiver's document (absent: 居民身份证, as before types existed). */
  receiverIdType: Text(40).optional(),
  trackingNumber: Text(40).optional(),
});
export const RATING_LEVELS = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'] as const;
/** Where a rating was given: the clerk's screen, a paper form entered later, or the 评价器. */
export const RATING_SOURCES = ['screen', 'paper', 'secondScreen'] as const;
/** A reason the applicant ticked: its code in the centre's list and its words as shown then. */
export const RatedReason = z.looseObject({ code: Text(20), text: Text(60) });
export const RatedPayload = z.looseObject({
  level: z.enum(RATING_LEVELS),
  /** The first reason's words (ratings made before coded reasons carried only this). */
  reasonCategory: Text(60).nullable(),
  source: z.enum(RATING_SOURCES),
  comment: Text(500),
  /** The coded reasons ticked (shared/domain/ratingReasons.ts); absent in older ratings. */
  reasons: z.array(RatedReason).max(20).optional(),
  /** A paper form's own date (the day the applicant filled it in), entered later by the clerk. */
  formDate: Day.optional(),
  /** A paper form's own number (评价表编号), so the form entered can be found again. */
  formNumber: Text(40).optional(),
});

// ---- events the window records locally from what the centre sends down --------------
// Each is one row of the server's status_events (the pull stream), made by a signed-in staff
// member: `decidedBy` is their name, `staffNo` their 工号 (absent in events made before staff
// accounts existed), `statusEventId`/`serverSeq` the row it came from.
export const REVIEW_STATUSES = ['reviewing', 'approved', 'rejected', 'needsSupplement', 'readyForPickup'] as const;
const BackOfficeMeta = {
  decidedBy: Text(60),
  staffNo: Text(20).optional(),
  statusEventId: Id,
  serverSeq: z.number().int().min(1),
};
/** 准予: the 证照 or 批文 issued (printed on the window's 出件回执). */
export const ReviewResult = z.looseObject({
  licenceName: SomeText(100),
  licenceNumber: SomeText(60),
  validFrom: Day,
  /** null: valid without limit (长期有效). */
  validUntil: Day.nullable(),
});
export type ReviewResult = z.output<typeof ReviewResult>;
/** The reviewer's verdict on one material of the case (通过 / 未通过 with the reason). */
export const MATERIAL_VERDICTS = ['passed', 'failed'] as const;
export const MaterialVerdict = z.looseObject({ materialId: Code, verdict: z.enum(MATERIAL_VERDICTS), reason: Text(500).nullable() });
export type MaterialVerdict = z.output<typeof MaterialVerdict>;
export const ReviewStatusPayload = z.looseObject({
  status: z.enum(REVIEW_STATUSES),
  /** Per-material review; with 需补正 the failed ones are exactly what the applicant must supplement. */
  materials: z.array(MaterialVerdict).max(500).optional(),
  reason: Text(2000).nullable(),
  note: Text(2000).nullable(),
  ...BackOfficeMeta,
  result: ReviewResult.optional(),
  /** A head's correction of a final decision: which status event it corrects, and why. */
  correction: z.looseObject({ of: Id, reason: SomeText(500) }).optional(),
});
/** 延期 approved by a head: the new promised date (working days after the old one, holiday calendar). */
export const ExtendedPayload = z.looseObject({
  days: z.number().int().min(1).max(365),
  reason: SomeText(500),
  previousPromisedDate: Day,
  promisedDate: Day,
  requestedBy: Text(60),
  ...BackOfficeMeta,
});
/** 挂起: the clock stops; `until` is the last day the item's limit allows, `promisedDateAtLimit` the due date if it is not resumed before. */
export const SuspendedPayload = z.looseObject({
  reason: SomeText(500),
  since: Day,
  until: Day,
  promisedDateAtLimit: Day,
  ...BackOfficeMeta,
});
/** 恢复: the clock runs again, the promised date moved by the working days it stood still. */
export const ResumedPayload = z.looseObject({
  suspendedWorkdays: z.number().int().min(0).max(365),
  promisedDate: Day,
  ...BackOfficeMeta,
});

/** 差评整改 as it stands after a back-office action (shared/domain/rectification.ts). */
export const RectificationPayload = RectificationFacts.extend(BackOfficeMeta);

const ev = <T extends string, P extends z.ZodType>(type: T, payload: P) => z.object({ type: z.literal(type), payload });

/** Events the window owns and uploads, as {type, payload}. */
export const WindowEventBody = z.discriminatedUnion('type', [
  ev('case.opened', OpenedPayload),
  ev('case.decided', DecidedPayload),
  ev('case.supplemented', SupplementedPayload),
  ev('case.completed', CompletedPayload),
  ev('case.terminated', TerminatedPayload),
  ev('case.delivered', DeliveredPayload),
  ev('case.rated', RatedPayload),
  // Scanned pages joining the case: at the decision (pages taken for the draft) and with a 补正.
  ev('case.pagesAttached', PagesAttachedPayload),
]);
export type WindowEventBody = z.output<typeof WindowEventBody>;
/** Events the centre sends down (back-office decisions, extensions, suspensions), as {type, payload}. */
export const BackOfficeEventBody = z.discriminatedUnion('type', [
  ev('review.status', ReviewStatusPayload),
  ev('review.extended', ExtendedPayload),
  ev('review.suspended', SuspendedPayload),
  ev('review.resumed', ResumedPayload),
  ev('review.rectification', RectificationPayload),
]);
export type BackOfficeEventBody = z.output<typeof BackOfficeEventBody>;
/** Every event a case's history may hold: the window's own and the centre's decisions. */
export const CaseEventBody = z.discriminatedUnion('type', [...WindowEventBody.options, ...BackOfficeEventBody.options]);
export type CaseEventBody = z.output<typeof CaseEventBody>;

export type CaseEventType = CaseEventBody['type'];
export type WindowEventType = WindowEventBody['type'];
export type BackOfficeEventType = BackOfficeEventBody['type'];
export type PayloadOf<T extends CaseEventType> = Extract<CaseEventBody, { type: T }>['payload'];

export const WINDOW_EVENT_TYPES = WindowEventBody.options.map((o) => o.shape.type.value) as [WindowEventType, ...WindowEventType[]];
export const CASE_EVENT_TYPES = CaseEventBody.options.map((o) => o.shape.type.value) as [CaseEventType, ...CaseEventType[]];
export const BACK_OFFICE_EVENT_TYPES = BackOfficeEventBody.options.map((o) => o.shape.type.value) as [BackOfficeEventType, ...BackOfficeEventType[]];
export const isWindowEventType = (t: string): t is WindowEventType => (WINDOW_EVENT_TYPES as string[]).includes(t);

/** One event of a case, as stored and as read back. */
export type CaseEvent = CaseEventBody & {
  id: string;
  caseId: string;
  /** Device time when it happened (audit only; order is the store's). */
  at: string;
  staffNo: string | null;
};

export const EventEnvelope = z.object({ id: Id, caseId: Id, at: Instant, staffNo: Text(20).nullable() });

/** Parses a stored event (type, payload JSON text) into the union; null when it does not parse. */
export function parseStoredEvent(row: { id: string; caseId: string; type: string; payload: string | object; deviceTime: string; staffNo: string | null }): CaseEvent | null {
  let payload: unknown;
  try {
    payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
  } catch {
    return null;
  }
  const body = CaseEventBody.safeParse({ type: row.type, payload });
  return body.success ? { ...body.data, id: row.id, caseId: row.caseId, at: row.deviceTime, staffNo: row.staffNo } : null;
}

type EventOfType<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
/** The first event of a type in a history, typed. */
export const firstEvent = <T extends CaseEventType>(events: readonly CaseEvent[], type: T): EventOfType<T> | undefined =>
  events.find((e): e is EventOfType<T> => e.type === type);
/** Every event of a type in a history, typed. */
export const eventsOf = <T extends CaseEventType>(events: readonly CaseEvent[], type: T): EventOfType<T>[] =>
  events.filter((e): e is EventOfType<T> => e.type === type);

/** Exhaustiveness check for switches over event types. */
export function unhandled(x: never): never {
  throw new Error(`unhandled event ${JSON.stringify(x)}`);
}
