// 办件: an application, kept as an append-only list of events. The row in `cases` is only
// a projection of those events for lists and queries.
import { IdDocumentType } from '../validate/idDocument';
import { z } from 'zod';
import { Answers, Decision, Mark, Marks } from './checklist';
import { Agent, AgentRecord, ApplicantRecord, DecisionApplicant, PersonName } from './applicant';
import { ImmediateTier, MaterialForm, Necessity } from './catalogue';
import { CASE_ACTIONS, INTAKE_STATUSES, STATUS_AFTER_DECISION, STATUS_LABEL, type DecidedStatus } from './caseState';
import { DELIVERY_METHODS, RATING_LEVELS, RATING_SOURCES } from './caseEvents';

/** A case's status at the window once decided (the projection's, without `opened`). */
export const CASE_STATUSES = INTAKE_STATUSES.filter((s): s is DecidedStatus => s !== 'opened') as [DecidedStatus, ...DecidedStatus[]];
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CASE_STATUS_LABEL: Record<CaseStatus, string> = STATUS_LABEL;
export { STATUS_AFTER_DECISION, RATING_LEVELS, RATING_SOURCES };

export const RatingLevel = z.enum(RATING_LEVELS);
export type RatingLevel = z.infer<typeof RatingLevel>;
export const RATING_LABEL: Record<RatingLevel, string> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
};
export { ratingNeedsReason } from './ratingReasons';
export type RatingSource = (typeof RATING_SOURCES)[number];

/** What the 评价器 shows while the clerk waits for the applicant's rating of one case. */
export const RatingRequest = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  clerkName: z.string(),
  staffNo: z.string(),
  windowName: z.string(),
  requestedAt: z.string(),
});
export type RatingRequest = z.infer<typeof RatingRequest>;

/** Reasons a window commonly gives for 不予受理 (the dialog offers them to pick; each becomes one line). */
export const COMMON_REFUSAL_REASONS = [
  '申请事项依法不属于本机关职权范围',
  '申请事项依法不需要取得行政许可',
  '申请人不具备申请资格或不符合申请条件',
  '申请事项已超过法定申请期限',
  '同一事项已在办理中，不得重复申请',
  '申请材料存在虚假内容',
] as const;

/** A 不予受理 notice lists each line of the reasons as one reason. */
export const REFUSAL_LINE_MAX = 300;
export const refusalLines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const DecideInput = z
  .object({
    itemCode: z.string().min(1).max(40),
    answers: Answers,
    marks: Marks,
    /** A visitor (name and phone at most) only for 引导: every other decision needs the full applicant. */
    applicant: DecisionApplicant,
    agent: Agent.nullable(),
    decision: Decision,
    /** When the clerk began this intake (device time). */
    startedAt: z.string().datetime({ offset: true }),
    refusal: z
      .object({
        /** One reason per line; blank lines dropped, each line listed on the notice. */
        reasons: z
          .string()
          .max(1000)
          .transform((s) => refusalLines(s).join('\n'))
          .pipe(z.string().min(1, '请填写不予受理的理由'))
          .refine((s) => refusalLines(s).every((l) => l.length <= REFUSAL_LINE_MAX), { message: `每条理由不超过 ${REFUSAL_LINE_MAX} 字，请分行填写` }),
        /** The body to apply to instead (may be empty when none exists). */
        applyTo: z.string().trim().max(200),
      })
      .optional(),
    deferral: z
      .object({
        commitment: z.string().trim().min(1, '请填写申请人承诺内容').max(1000),
        supplementDeadline: ymd,
      })
      .optional(),
    /** The draft whose scanned pages join the case in the decision's transaction. */
    draftId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.applicant.kind === 'visitor' && d.decision !== 'redirect') {
      ctx.addIssue({ code: 'custom', path: ['applicant'], message: '该决定须填写完整的申请人身份信息' });
    }
  });
export type DecideInput = z.input<typeof DecideInput>;
export type DecideParsed = z.output<typeof DecideInput>;

export const DeliveryMethod = z.enum(DELIVERY_METHODS);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export const DELIVERY_LABEL: Record<DeliveryMethod, string> = { applicant: '申请人本人领取', agent: '代理人领取', post: '邮寄送达' };

export const DeliverInput = z
  .object({
    caseId: z.string(),
    method: DeliveryMethod,
    /** The document number shown by whoever collects in person (a person's own, or for a
     * company its legal representative's or agent's — never the credit code). */
    idNumber: z.string().max(40).optional(),
    /** The type of that document (default 居民身份证); checked by its own rule (shared/validate/idDocument.ts). */
    idType: IdDocumentType.optional(),
    agentName: PersonName.optional(),
    authorisationChecked: z.boolean().optional(),
    /** A unit's result collected by its legal representative: the clerk checked the ID card's name is theirs. */
    identityChecked: z.boolean().optional(),
    trackingNumber: z.string().trim().max(40).optional(),
  })
  .strict();
export type DeliverInput = z.infer<typeof DeliverInput>;

export const CaseEventView = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  staffNo: z.string().nullable(),
  summary: z.string(),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

export const CaseSummary = z.object({
  id: z.string(),
  caseNumber: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  decision: Decision,
  status: CaseStatus,
  /** Latest back-office status label, once sync brings one. */
  reviewStatus: z.string().nullable(),
  tier: ImmediateTier.nullable(),
  acceptedAt: z.string(),
  /** 立等可取 deadline (acceptedAt + tier minutes, moved by the clock's pauses) for tiered cases. */
  dueAt: z.string().nullable(),
  /** The 立等可取 clock stands still since (需补正 waiting for the applicant's supplement). */
  clockPausedAt: z.string().nullable().default(null),
  promisedDate: z.string().nullable(),
  supplementDeadline: z.string().nullable(),
  completedAt: z.string().nullable(),
  elapsedSeconds: z.number().nullable(),
  staffNo: z.string(),
  rated: z.boolean(),
  /** What may follow (办结, 补正, 终止, 出件, 评价), by the rules in caseState.ts: buttons show exactly these. */
  actions: z.array(z.enum(CASE_ACTIONS)),
  /** 即办件 being done at the window (办结 is offered here; 承诺件 are finished by the back office). */
  onTheSpot: z.boolean(),
  /** The back office turned it 需补正 or 待取件 and no clerk has opened it since (badge, highlighted row). */
  attention: z.enum(['needsSupplement', 'readyForPickup']).nullable().default(null),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** What the back office sent about a case, for the case view (who decided, 备注, the 证照, 延期, 挂起). */
export const CaseReview = z.object({
  status: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  result: z.object({ licenceName: z.string(), licenceNumber: z.string(), validFrom: z.string(), validUntil: z.string().nullable() }).nullable(),
  extension: z.object({ days: z.number().int(), reason: z.string(), previousPromisedDate: z.string(), promisedDate: z.string(), approvedBy: z.string() }).nullable(),
  suspension: z.object({ since: z.string(), until: z.string(), reason: z.string() }).nullable(),
  /** 需补正: exactly the materials the reviewer marked 未通过, by name, with the reason. */
  failedMaterials: z.array(z.object({ materialId: z.string(), name: z.string(), reason: z.string().nullable() })).default([]),
  /** 需补正: when the window recorded the supplement (null: the applicant has not come back yet). */
  supplementedAt: z.string().nullable().default(null),
  /** Why 办结 waits (需补正 open: for the applicant's supplement, then for the department); null when it does not. */
  completeWaits: z.string().nullable().default(null),
});
export type CaseReview = z.infer<typeof CaseReview>;

/** How a material of the case stands, as the checklist engine judged it at intake. */
export const MATERIAL_STATUSES = ['satisfied', 'deferred', 'missing', 'defective', 'unchecked'] as const;
export const MaterialStatus = z.enum(MATERIAL_STATUSES);
export type MaterialStatus = z.infer<typeof MaterialStatus>;
export const MATERIAL_STATUS_LABEL: Record<MaterialStatus, string> = {
  satisfied: '已收',
  deferred: '容缺待补',
  missing: '缺失',
  defective: '不符合法定形式',
  unchecked: '未核对',
};

/** One applicable material of a case, named as in the item snapshot the case was taken on. */
export const CaseMaterial = z.object({
  id: z.string(),
  name: z.string(),
  /** The legal form asked for (原件 / 复印件 / 原件核验). */
  form: MaterialForm,
  necessity: Necessity,
  /** Copies asked for, and copies the clerk recorded (null: none recorded, taken as asked). */
  copies: z.number().int(),
  copiesReceived: z.number().int().nullable(),
  status: MaterialStatus,
  /** The clerk's mark: how it was received (原件已核验, 电子证照已调取 …) or why not. */
  mark: Mark.nullable(),
  /** The clerk's note, or the engine's reason when the line is not satisfied. */
  reason: z.string().nullable(),
  /** A 容缺 material handed in later (补正). */
  supplemented: z.boolean(),
  /** Scanned pages of this material held with the case. */
  pages: z.number().int().default(0),
});
export type CaseMaterial = z.infer<typeof CaseMaterial>;

export const CaseDetail = z.object({
  summary: CaseSummary,
  applicant: ApplicantRecord,
  agent: AgentRecord.nullable(),
  answers: Answers,
  marks: Marks,
  catalogueVersion: z.number().int(),
  /** Null when the stored item snapshot can no longer be read (the rest of the case still shows). */
  materials: z.array(CaseMaterial).nullable(),
  events: z.array(CaseEventView),
  /** Null until the back office sent something. */
  review: CaseReview.nullable().default(null),
  /** 材料已上传 n/m: the case's scanned pages and how many the centre holds (null in practice mode: nothing is uploaded). */
  pageUploads: z.object({ total: z.number().int(), uploaded: z.number().int() }).nullable().default(null),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
