// Who applies: a natural person or a legal person, and optionally an agent (代理人).
// Identifier fields are validated with the GB checks in shared/validate and stored normalised.
// A walk-in only guided to a sub-centre (引导) is a 来访群众: the clerk takes no ID card for
// that, so a visitor carries at most a name (称呼) and a phone. Only 引导 accepts one (DecideInput).
import { z } from 'zod';
import { validateIdCard } from '../validate/idcard';
import { validateCreditCode } from '../validate/creditCode';
import { validateContactPhone } from '../validate/phone';
import { validateOptionalName, validateOrgName, validatePersonName, type NameCheck } from '../validate/name';
import { IdDocumentType, validateIdDocument } from '../validate/idDocument';
import { normalizeIdentifier } from '../validate/normalize';

/** A name checked and normalised by shared/validate/name.ts (lengths, emoji, line breaks). */
const nameOf = (check: (s: string) => NameCheck) =>
  z.string().max(1000).transform((s, ctx) => {
    const r = check(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });
export const PersonName = nameOf((s) => validatePersonName(s));
export const OrgName = nameOf((s) => validateOrgName(s));
const LegalRepName = nameOf((s) => validatePersonName(s, '法定代表人姓名'));

function checked<T extends { ok: true; value: string } | { ok: false; message: string }>(check: (s: string) => T) {
  return z.string().transform((s, ctx) => {
    const r = check(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });
}

export const IdNumber = checked(validateIdCard);
export const CreditCode = checked(validateCreditCode);
export const Phone = checked(validateContactPhone);

/**
 * A person's document: the resident ID card by default, or (applicants without one) a
 * 港澳/台湾 travel permit, a foreigner's permanent residence ID or a passport, each checked by
 * its own rule (shared/validate/idDocument.ts). The number is stored normalised.
 */
const documentNumber = z.string().max(40).transform((s) => normalizeIdentifier(s));
function checkDocument(p: { idType: IdDocumentType; idNumber: string }, ctx: z.RefinementCtx) {
  const r = validateIdDocument(p.idType, p.idNumber);
  if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.message });
}

export const PersonApplicant = z
  .object({
    kind: z.literal('person'),
    name: PersonName,
    idType: IdDocumentType.default('residentId'),
    idNumber: documentNumber,
    phone: Phone,
  })
  .superRefine(checkDocument);
export const OrganisationApplicant = z.object({
  kind: z.literal('organisation'),
  name: OrgName,
  creditCode: CreditCode,
  legalRepresentative: LegalRepName,
  phone: Phone,
});
export const Applicant = z.discriminatedUnion('kind', [PersonApplicant, OrganisationApplicant]);
export type Applicant = z.output<typeof Applicant>;
export type ApplicantInput = z.input<typeof Applicant>;

/** Shown wherever a visitor left no name (lists, notices, the console). */
export const VISITOR_LABEL = '来访群众';

/** Blank (after trimming) counts as not given, so an untouched form field stores nothing. */
const optionalName = z
  .string()
  .max(1000)
  .optional()
  .transform((s, ctx) => {
    const r = validateOptionalName(s ?? '');
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value || undefined;
  });
const optionalPhone = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s?.trim()) return undefined;
    const r = validateContactPhone(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });
export const VisitorApplicant = z.object({ kind: z.literal('visitor'), name: optionalName, phone: optionalPhone });
export type VisitorApplicant = z.output<typeof VisitorApplicant>;

/** What a decision may name: a full applicant, or (for 引导 only, checked by DecideInput) a visitor. */
export const DecisionApplicant = z.discriminatedUnion('kind', [PersonApplicant, OrganisationApplicant, VisitorApplicant]);
export type DecisionApplicantInput = z.input<typeof DecisionApplicant>;

export const Agent = z.object({ name: PersonName, idType: IdDocumentType.default('residentId'), idNumber: documentNumber, phone: Phone }).superRefine(checkDocument);
export type Agent = z.output<typeof Agent>;

/** The ID number a delivery to the applicant is checked against. */
export function applicantIdentifier(a: Applicant): string {
  return a.kind === 'person' ? a.idNumber : a.creditCode;
}

/** As stored and shown (already validated and normalised when it was saved). */
export const ApplicantRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), name: z.string(), idType: IdDocumentType.optional(), idNumber: z.string(), phone: z.string() }),
  z.object({ kind: z.literal('organisation'), name: z.string(), creditCode: z.string(), legalRepresentative: z.string(), phone: z.string() }),
  z.object({ kind: z.literal('visitor'), name: z.string().optional(), phone: z.string().optional() }),
]);
export type ApplicantRecord = z.infer<typeof ApplicantRecord>;

/** The name lists and notices show: a visitor who gave none is 来访群众. */
export function applicantDisplayName(a: { name?: string }): string {
  return a.name?.trim() || VISITOR_LABEL;
}
export const AgentRecord = z.object({ name: z.string(), idType: IdDocumentType.optional(), idNumber: z.string(), phone: z.string() });
export type AgentRecord = z.infer<typeof AgentRecord>;
