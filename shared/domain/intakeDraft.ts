// 草稿: the intake the clerk has begun but not decided — 情形 answers, material marks, the
// applicant form as typed, and the decision dialog's fields. It is kept on disk (one row per
// window and clerk) so a reload, a crash or a power cut loses nothing typed. The form fields
// are stored as typed, not validated: a half-typed ID number is still the clerk's work.
import { z } from 'zod';
import { Answers, Decision, Marks } from './checklist';
import { ServeTarget } from './catalogue';
import { Instant } from './storable';

const typed = (max: number) => z.string().max(max);

export const DraftPerson = z.object({ name: typed(300), idNumber: typed(60), phone: typed(60) }).strict();
export const DraftOrg = z.object({ name: typed(400), creditCode: typed(60), legalRep: typed(300), phone: typed(60) }).strict();
export const DraftApplicant = z.object({ kind: ServeTarget, person: DraftPerson, org: DraftOrg, agent: DraftPerson }).strict();
export type DraftApplicant = z.infer<typeof DraftApplicant>;

/** The decision dialog as left: which one was open and what was typed into it. */
export const DraftDecisionForm = z
  .object({
    open: Decision.nullable(),
    reasons: typed(2000),
    applyTo: typed(400),
    /** null: not edited yet (the dialog writes its default from the deferred materials). */
    commitment: typed(2000).nullable(),
    supplementDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  })
  .strict();
export type DraftDecisionForm = z.infer<typeof DraftDecisionForm>;

export const DraftContent = z
  .object({
    answers: Answers.refine((a) => Object.keys(a).length <= 100),
    marks: Marks.refine((m) => Object.keys(m).length <= 500),
    applicant: DraftApplicant,
    decisionForm: DraftDecisionForm,
  })
  .strict();
export type DraftContent = z.infer<typeof DraftContent>;

export const emptyDecisionForm = (): DraftDecisionForm => ({ open: null, reasons: '', applyTo: '', commitment: null, supplementDeadline: null });

export const SaveDraftInput = z
  .object({
    itemCode: z.string().min(1).max(40),
    /** When the clerk began this intake: identifies the draft, and becomes the case's opening time. */
    startedAt: Instant,
    content: DraftContent,
  })
  .strict();
export type SaveDraftInput = z.input<typeof SaveDraftInput>;

export const SavedDraft = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  startedAt: z.string(),
  savedAt: z.string(),
  content: DraftContent,
});
export type SavedDraft = z.infer<typeof SavedDraft>;

/** Nothing typed yet: such a draft is neither saved nor worth a question before leaving. */
export function isBlankDraft(c: DraftContent): boolean {
  const a = c.applicant;
  const blank = (o: Record<string, string>) => Object.values(o).every((v) => v.trim() === '');
  const f = c.decisionForm;
  return (
    Object.keys(c.answers).length === 0 &&
    Object.keys(c.marks).length === 0 &&
    blank(a.person) &&
    blank(a.org) &&
    blank(a.agent) &&
    f.open === null &&
    !f.reasons.trim() &&
    !f.applyTo.trim() &&
    f.commitment === null &&
    f.supplementDeadline === null
  );
}
