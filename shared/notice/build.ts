// Builds a NoticeModel from what the intake screen already holds: the Item, the answers to
// its 情形 questions, the clerk's mark per material, the people and the place. Masking
// happens here, so nothing downstream ever sees a full ID number.
import type { Item, Office, SubCenter, Window } from '../domain/catalogue';
import { TIER_LABEL, TIER_MINUTES } from '../domain/catalogue';
import type { Answers, Mark, Marks } from '../domain/checklist';
import { MARK_LABEL } from '../domain/checklist';
import type { Clerk } from '../domain/clerk';
import { maskIdNumber, maskPhone } from './mask';
import { NoticeModel } from './model';
import type { z } from 'zod';
import type { MissingMaterial, NoticeKind, NoticeParty, PartyIdKind, ReceivedMaterial } from './model';

export interface PersonInput {
  name: string;
  /** Null for a 来访群众 guided to a sub-centre, who showed no document. */
  idKind: PartyIdKind | null;
  /** Full number as typed; masked here (credit codes are public and stay whole). */
  idNumber: string;
  phone?: string | null;
}

export interface BuildNoticeInput {
  kind: NoticeKind;
  item: Item;
  departmentName?: string;
  answers: Answers;
  marks: Marks;
  applicant: PersonInput;
  agent?: PersonInput | null;
  clerk: Pick<Clerk, 'name' | 'staffNo'>;
  office: Pick<Office, 'name' | 'address' | 'phone'>;
  window: Pick<Window, 'name'>;
  caseNumber?: string | null;
  noticeNumber?: string | null;
  acceptedAt?: string | null;
  promisedDate?: string | null;
  issuedAt: string;
  deferral?: { commitment: string; supplementDeadline: string } | null;
  /** Scanned pages per material id (the case's case.pagesAttached events). */
  pages?: Readonly<Record<string, number>>;
  refusal?: { reasons: string[]; applyTo: string | null; reviewOrgans: string[]; court: string } | null;
  redirect?: (Pick<SubCenter, 'name' | 'address' | 'phone' | 'hours'> & { places?: Array<{ name: string; address: string; phone: string }> }) | null;
  delivery?: z.input<typeof NoticeModel>['delivery'];
  extension?: NoticeModel['extension'];
  /** 补正告知书: the 需补正 and exactly its failed materials (listed as `missing`, nothing else). */
  supplement?: { requestedAt: string; opinion: string | null; materials: ReadonlyArray<{ materialId: string; reason: string | null }> } | null;
  queryHint?: string;
  practice: boolean;
}

const RECEIVED_MARKS: ReadonlySet<Mark> = new Set(['verified', 'copyReceived', 'eCert', 'pledged']);
const MISSING_PROBLEM: Partial<Record<Mark, MissingMaterial['problem']>> = { missing: '缺失', defective: '不符合法定形式', deferred: '容缺待补' };
const DEFAULT_REASON: Record<MissingMaterial['problem'], string> = {
  缺失: '未提交，请补齐后提交',
  不符合法定形式: '不符合法定形式，请按要求更正后提交',
  容缺待补: '容缺受理，请在补正期限内提交',
  审核未通过: '经审核未通过，请按要求重新提交',
};

/** Materials that apply under the given answers: every requiredWhen condition must match. */
export function applicableMaterials(item: Item, answers: Answers): Item['materials'] {
  return item.materials.filter((m) =>
    Object.entries(m.requiredWhen ?? {}).every(([situationId, values]) => values.includes(answers[situationId] ?? '')),
  );
}

/** 「居民身份证（原件核验）」「营业执照（复印件，1 份）」 */
const bringLine = (m: Item['materials'][number]): string => `${m.name}（${m.form}${m.copies > 0 ? `，${m.copies} 份` : ''}${m.necessity === '非必要' ? '，如有' : ''}）`;

export function immediateLabel(tier: Item['immediateTier']): string | null {
  if (!tier) return null;
  const minutes = TIER_MINUTES[tier];
  return `${TIER_LABEL[tier]}（${minutes < 60 ? `${minutes}分钟` : `${minutes / 60}小时`}内办结）`;
}

export function noticeParty(p: PersonInput): NoticeParty {
  return {
    name: p.name.trim(),
    idKind: p.idKind,
    idMasked: p.idKind === null ? null : p.idKind === '统一社会信用代码' ? p.idNumber.trim().toUpperCase() : maskIdNumber(p.idNumber),
    phoneMasked: p.phone ? maskPhone(p.phone) : null,
  };
}

/** Splits the checklist into what was received and what is missing, defective or deferred. */
export function materialLines(item: Item, answers: Answers, marks: Marks, listUnchecked: boolean, pages: Readonly<Record<string, number>> = {}) {
  const received: ReceivedMaterial[] = [];
  const missing: MissingMaterial[] = [];
  for (const m of applicableMaterials(item, answers)) {
    const mark = marks[m.id];
    if (mark && RECEIVED_MARKS.has(mark.mark)) {
      received.push({ name: m.name, form: m.form, copies: mark.copies ?? m.copies, status: MARK_LABEL[mark.mark], pages: pages[m.id] ?? 0 });
      continue;
    }
    const problem = mark ? MISSING_PROBLEM[mark.mark] : listUnchecked && m.necessity !== '非必要' ? '缺失' : undefined;
    if (problem) missing.push({ name: m.name, problem, reason: mark?.note || DEFAULT_REASON[problem] });
  }
  return { received, missing };
}

/** The failed materials of a 需补正, named as in the item (a material no longer in it keeps its id). */
export function failedLines(item: Item, failed: ReadonlyArray<{ materialId: string; reason: string | null }>): MissingMaterial[] {
  return failed.map((f) => ({
    name: item.materials.find((m) => m.id === f.materialId)?.name ?? f.materialId,
    problem: '审核未通过',
    reason: f.reason?.trim() || DEFAULT_REASON.审核未通过,
  }));
}

export function buildNotice(input: BuildNoticeInput): NoticeModel {
  const lines = materialLines(input.item, input.answers, input.marks, input.kind === 'missingMaterials', input.pages);
  // A 补正告知书 lists exactly what the department failed, not the intake's checklist.
  const asked = input.kind === 'supplementRequest' && input.supplement ? input.supplement : null;
  const received = asked ? [] : lines.received;
  const missing = asked ? failedLines(input.item, asked.materials) : lines.missing;
  const promisedDays = input.kind === 'acceptance' || input.kind === 'deferredAcceptance' ? input.item.promisedDays : null;
  return NoticeModel.parse({
    kind: input.kind,
    caseNumber: input.caseNumber ?? null,
    noticeNumber: input.noticeNumber ?? null,
    item: { code: input.item.code, name: input.item.name, type: input.item.type, department: input.departmentName ?? '' },
    applicant: noticeParty(input.applicant),
    agent: input.agent ? noticeParty(input.agent) : null,
    received,
    missing,
    acceptedAt: input.acceptedAt ?? null,
    promisedDate: input.promisedDate ?? null,
    promisedDays,
    immediateLabel: immediateLabel(input.item.immediateTier),
    deferral: input.deferral ?? null,
    refusal: input.refusal ?? null,
    redirect: input.redirect ?? null,
    delivery: input.delivery ?? null,
    extension: input.extension ?? null,
    supplement: asked ? { requestedAt: asked.requestedAt, opinion: asked.opinion } : null,
    clerk: { name: input.clerk.name, staffNo: input.clerk.staffNo },
    window: { name: input.window.name },
    office: { name: input.office.name, address: input.office.address, phone: input.office.phone },
    queryHint: input.queryHint ?? (input.kind === 'redirect' ? '' : `凭办件编号或扫描二维码，可到本中心窗口或拨打 ${input.office.phone} 查询办理进度。`),
    bring: input.kind === 'redirect' ? applicableMaterials(input.item, input.answers).map(bringLine) : [],
    issuedAt: input.issuedAt,
    practice: input.practice,
  });
}
