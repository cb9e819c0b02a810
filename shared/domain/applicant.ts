// Who applies: a natural person or a legal person, and optionally an agent (代理人).
// Identifier fields are validated with the GB checks in shared/validate and stored normalised.
import { z } from 'zod';
import { validateIdCard } from '../validate/idcard';
import { validateCreditCode } from '../validate/creditCode';
import { validateContactPhone } from '../validate/phone';

const name = z.string().trim().min(1, '请填写姓名或名称').max(60);

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

export const PersonApplicant = z.object({
  kind: z.literal('person'),
  name,
  idNumber: IdNumber,
  phone: Phone,
});
export const OrganisationApplicant = z.object({
  kind: z.literal('organisation'),
  name,
  creditCode: CreditCode,
  legalRepresentative: name,
  phone: Phone,
});
export const Applicant = z.discriminatedUnion('kind', [PersonApplicant, OrganisationApplicant]);
export type Applicant = z.output<typeof Applicant>;
export type ApplicantInput = z.input<typeof Applicant>;

export const Agent = z.object({ name, idNumber: IdNumber, phone: Phone });
export type Agent = z.output<typeof Agent>;

/** The ID number a delivery to the applicant is checked against. */
export function applicantIdentifier(a: Applicant): string {
  return a.kind === 'person' ? a.idNumber : a.creditCode;
}

/** As stored and shown (already validated and normalised when it was saved). */
export const ApplicantRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), name: z.string(), idNumber: z.string(), phone: z.string() }),
  z.object({ kind: z.literal('organisation'), name: z.string(), creditCode: z.string(), legalRepresentative: z.string(), phone: z.string() }),
]);
export const AgentRecord = z.object({ name: z.string(), idNumber: z.string(), phone: z.string() });
