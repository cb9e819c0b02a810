// The case being taken in at the window, before any decision: 情形 answers, the mark per
// material, the applicant's details and the decision dialog's fields. Autosaved to disk as a
// 草稿 (useDraftAutosave) until a decision records it; its shape is shared/domain/intakeDraft.ts.
import type { ServeTarget } from '../../../shared/domain/catalogue';
import type { Answers, MaterialMark, Marks } from '../../../shared/domain/checklist';
import { emptyDecisionForm, type DraftContent, type DraftDecisionForm } from '../../../shared/domain/intakeDraft';
import type { IdDocumentType } from '../../../shared/validate/idDocument';

export interface PersonFields {
  name: string;
  /** The document shown; absent = 居民身份证. */
  idType?: IdDocumentType;
  idNumber: string;
  phone: string;
}
export interface OrgFields {
  name: string;
  creditCode: string;
  legalRep: string;
  phone: string;
}
export interface ApplicantDraft {
  kind: ServeTarget;
  person: PersonFields;
  org: OrgFields;
  agent: PersonFields;
}

export interface IntakeDraft {
  answers: Answers;
  marks: Marks;
  applicant: ApplicantDraft;
  decisionForm: DraftDecisionForm;
}
// The renderer's draft is exactly what is saved.
const _sameShape: DraftContent = {} as IntakeDraft;
void _sameShape;

const emptyPerson = (): PersonFields => ({ name: '', idNumber: '', phone: '' });

export function newDraft(serveTargets: readonly ServeTarget[]): IntakeDraft {
  return {
    answers: {},
    marks: {},
    applicant: { kind: serveTargets[0] ?? '自然人', person: emptyPerson(), org: { name: '', creditCode: '', legalRep: '', phone: '' }, agent: emptyPerson() },
    decisionForm: emptyDecisionForm(),
  };
}

export type DraftAction =
  | { type: 'reset'; serveTargets: readonly ServeTarget[] }
  | { type: 'restore'; draft: IntakeDraft }
  | { type: 'decisionForm'; patch: Partial<DraftDecisionForm> }
  | { type: 'answer'; situationId: string; value: string }
  | { type: 'mark'; materialId: string; mark: MaterialMark | null }
  | { type: 'applicant'; applicant: ApplicantDraft }
  /** One field typed: applied to the applicant as it is now (the panel's fields do not re-render to learn it). */
  | { type: 'applicantUpdate'; update: (a: ApplicantDraft) => ApplicantDraft };

export function draftReducer(d: IntakeDraft, a: DraftAction): IntakeDraft {
  switch (a.type) {
    case 'reset':
      return newDraft(a.serveTargets);
    case 'restore':
      return a.draft;
    case 'decisionForm':
      return { ...d, decisionForm: { ...d.decisionForm, ...a.patch } };
    case 'answer':
      return { ...d, answers: { ...d.answers, [a.situationId]: a.value } };
    case 'mark': {
      const marks = { ...d.marks };
      if (a.mark) marks[a.materialId] = a.mark;
      else delete marks[a.materialId];
      return { ...d, marks };
    }
    case 'applicant':
      return { ...d, applicant: a.applicant };
    case 'applicantUpdate': {
      const applicant = a.update(d.applicant);
      return applicant === d.applicant ? d : { ...d, applicant };
    }
  }
}
