// The printed notices and receipts (回执·通知书) as plain data. One model feeds every output:
// the on-screen preview, A4/A5 PDF through Chromium, and raw ESC/POS on 80 mm thermal
// printers, so a notice cannot say one thing on paper and another on screen.
// Personal numbers arrive here already masked: the model is what goes on paper.
import { z } from 'zod';
import { MaterialForm } from '../domain/catalogue';

export const NOTICE_KINDS = [
  'acceptance',
  'deferredAcceptance',
  'missingMaterials',
  'refusal',
  'materialReceipt',
  'deliveryReceipt',
  'redirect',
  'extension',
  'supplementRequest',
] as const;
export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const NOTICE_TITLE: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  deferredAcceptance: '容缺受理通知书',
  missingMaterials: '一次性告知书',
  refusal: '不予受理通知书',
  materialReceipt: '材料接收凭证',
  deliveryReceipt: '出件回执',
  redirect: '引导告知单',
  extension: '延长办理期限通知书',
  supplementRequest: '补正告知书',
};

/** The watermark text of practice notices, on every layout and output (docs/architecture.md §8). */
export const PRACTICE_MARK = '练习 · 无效';

/** ISO-8601 date-time with offset, e.g. 2026-05-12T10:30:00+08:00; printed as wall-clock time. */
const DateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, '时间格式应为 ISO-8601');
/** Calendar date YYYY-MM-DD. */
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const line = (max = 200) => z.string().trim().min(1).max(max);

export const PartyIdKind = z.enum(['居民身份证', '统一社会信用代码', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证', '护照', '其他证件']);
export type PartyIdKind = z.infer<typeof PartyIdKind>;

export const NoticeParty = z.object({
  name: line(100),
  /** Null for a 来访群众 guided to a sub-centre: no document was taken (引导 only). */
  idKind: PartyIdKind.nullable(),
  /** Masked for personal documents (first 6 + last 4); a credit code is public and printed whole. */
  idMasked: line(40).nullable(),
  phoneMasked: z.string().trim().max(40).nullable(),
});
export type NoticeParty = z.infer<typeof NoticeParty>;

export const ReceivedMaterial = z.object({
  name: line(120),
  form: MaterialForm,
  copies: z.number().int().min(0).max(50),
  /** How it was received (原件已核验, 电子证照已调取 …). */
  status: z.string().trim().max(30),
  /** Pages scanned of it at the window (材料接收凭证 lists them). */
  pages: z.number().int().min(0).max(1000).default(0),
});
export type ReceivedMaterial = z.infer<typeof ReceivedMaterial>;

export const MissingMaterial = z.object({
  name: line(120),
  problem: z.enum(['缺失', '不符合法定形式', '容缺待补', '审核未通过']),
  /** What is wrong and what to bring: the applicant must not need to come back twice. */
  reason: line(300),
});
export type MissingMaterial = z.infer<typeof MissingMaterial>;

export const Deferral = z.object({
  /** The commitment the applicant signed (承诺书 text). */
  commitment: line(1000),
  supplementDeadline: DateOnly,
});

export const Refusal = z.object({
  reasons: z.array(line(300)).min(1),
  /** The body to apply to instead, if any (不属于本机关职权范围时). */
  applyTo: z.string().trim().max(200).nullable(),
  /** Organ(s) that hear 行政复议, within 60 days of receipt. */
  reviewOrgans: z.array(line(100)).min(1),
  /** Court for 行政诉讼, within 6 months. */
  court: line(100),
});

export const RedirectPlace = z.object({ name: line(60), address: line(200), phone: z.string().trim().max(40) });
export const Redirect = z.object({
  name: line(60),
  address: line(200),
  phone: z.string().trim().max(40),
  hours: z.string().trim().max(100),
  /** 本级不办理: each office the applicant may go to (their district's one); empty for a sub-centre. */
  places: z.array(RedirectPlace).max(20).default([]),
});

/** 延期 approved by the department's head: why, by how much, and the new promised date. */
export const Extension = z.object({
  days: z.number().int().min(1).max(365),
  reason: line(500),
  previousPromisedDate: DateOnly,
  promisedDate: DateOnly,
  approvedAt: DateTime,
});

/** 需补正 of the department after acceptance (补正告知书): when it asked and its overall opinion; the materials are `missing`. */
export const SupplementRequest = z.object({
  requestedAt: DateTime,
  opinion: z.string().trim().max(2000).nullable(),
});

/** The 证照 or 批文 the back office issued with its 准予 (printed on the 出件回执). */
export const Licence = z.object({
  name: line(100),
  number: line(60),
  validFrom: DateOnly,
  /** null: 长期有效. */
  validUntil: DateOnly.nullable(),
});

export const DELIVERY_METHOD_LABEL = { inPerson: '申请人本人领取', agent: '代理人领取', post: '邮寄送达' } as const;
export const Delivery = z.object({
  method: z.enum(['inPerson', 'agent', 'post']),
  /** Who received the result (name; for post, the addressee). */
  to: line(100),
  toIdMasked: z.string().trim().max(40).nullable(),
  /** What was handed over (证照名称、批文 …). */
  result: line(200),
  trackingNumber: z.string().trim().max(40).nullable(),
  deliveredAt: DateTime,
  /** 准予 with a 证照: its name, number and validity. */
  licence: Licence.nullable().default(null),
});

export const NoticeModel = z
  .object({
    kind: NoticeKind,
    /** 办件编号; null only for 一次性告知 / 引导, which then carry a 告知单号. */
    caseNumber: z.string().trim().min(1).max(40).nullable(),
    noticeNumber: z.string().trim().min(1).max(40).nullable(),
    item: z.object({ code: line(40), name: line(100), type: z.string().trim().max(20), department: z.string().trim().max(60) }),
    applicant: NoticeParty,
    agent: NoticeParty.nullable(),
    received: z.array(ReceivedMaterial),
    missing: z.array(MissingMaterial),
    acceptedAt: DateTime.nullable(),
    /** 承诺办结日期; null for 即办件 and notices without acceptance. */
    promisedDate: DateOnly.nullable(),
    promisedDays: z.number().int().min(0).max(365).nullable(),
    /** 立等可取 label such as "极速办（30分钟内）". */
    immediateLabel: z.string().trim().max(40).nullable(),
    deferral: Deferral.nullable(),
    refusal: Refusal.nullable(),
    redirect: Redirect.nullable(),
    delivery: Delivery.nullable(),
    extension: Extension.nullable().default(null),
    supplement: SupplementRequest.nullable().default(null),
    clerk: z.object({ name: line(30), staffNo: line(10) }),
    window: z.object({ name: line(60) }),
    office: z.object({ name: line(60), address: line(200), phone: z.string().trim().max(40) }),
    /** How the applicant checks progress (phone, website, the QR code); '' when there is nothing to query (引导). */
    queryHint: z.string().trim().max(300),
    /** 引导: what to bring where the applicant is sent (the item's materials under the answers). */
    bring: z.array(line(200)).max(60).default([]),
    issuedAt: DateTime,
    practice: z.boolean(),
  })
  .superRefine((m, ctx) => {
    const need = (ok: unknown, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (m.kind !== 'redirect') need(m.applicant.idKind && m.applicant.idMasked, 'applicant', `${NOTICE_TITLE[m.kind]}须有申请人证件号码`);
    if (m.agent) need(m.agent.idKind && m.agent.idMasked, 'agent', '代理人须有证件号码');
    const needsCase = m.kind !== 'missingMaterials' && m.kind !== 'redirect';
    if (needsCase) need(m.caseNumber, 'caseNumber', `${NOTICE_TITLE[m.kind]}必须有办件编号`);
    else need(m.caseNumber || m.noticeNumber, 'noticeNumber', `${NOTICE_TITLE[m.kind]}无办件编号时须有告知单号`);
    if (m.kind === 'acceptance' || m.kind === 'deferredAcceptance' || m.kind === 'materialReceipt') need(m.acceptedAt, 'acceptedAt', '须有受理（接收）时间');
    if (m.kind === 'deferredAcceptance') {
      need(m.deferral, 'deferral', '容缺受理通知书须有申请人承诺和补正期限');
      need(m.missing.length > 0, 'missing', '容缺受理通知书须列明容缺材料');
      if (m.deferral && m.promisedDate) need(m.deferral.supplementDeadline <= m.promisedDate, 'deferral', '补正期限不得晚于承诺办结日期');
    }
    if (m.kind === 'missingMaterials') need(m.missing.length > 0, 'missing', '一次性告知书须列明全部缺失或不符合要求的材料');
    if (m.kind === 'refusal') need(m.refusal, 'refusal', '不予受理通知书须有理由和救济途径');
    if (m.kind === 'redirect') need(m.redirect, 'redirect', '引导告知单须有分中心名称和地址');
    if (m.kind === 'supplementRequest') {
      need(m.supplement && m.caseNumber, 'supplement', '补正告知书须有办件编号和补正要求');
      need(m.missing.length > 0, 'missing', '补正告知书须列明审核未通过的材料');
    }
    if (m.kind === 'extension') need(m.extension && m.caseNumber, 'extension', '延长办理期限通知书须有办件编号和延期决定');
    if (m.kind === 'deliveryReceipt') {
      need(m.delivery, 'delivery', '出件回执须有领取信息');
      if (m.delivery?.method === 'post') need(m.delivery.trackingNumber, 'delivery', '邮寄送达须有运单号');
    }
  });
export type NoticeModel = z.infer<typeof NoticeModel>;
