// The applicant (and agent) of the draft as the contract's DecideInput wants them, checked
// with the same shared schemas the handler uses, so the confirm dialog can say what is
// missing before anything is sent. 引导 names only a visitor: no ID card is taken to send
// someone to a sub-centre, so the name (称呼) and phone the clerk may have are all it carries.
import { Agent, DecisionApplicant, type DecisionApplicantInput } from '../../../shared/domain/applicant';
import type { ApplicantDraft } from './draft';
import type { IdDocumentType } from '../../../shared/validate/idDocument';

export interface Parties {
  applicant: DecisionApplicantInput;
  agent: { name: string; idType?: IdDocumentType; idNumber: string; phone: string } | null;
}

export function partiesOf(a: ApplicantDraft, agentApplies: boolean, redirect = false): Parties {
  if (redirect) return { applicant: { kind: 'visitor', name: a.person.name, phone: a.person.phone }, agent: null };
  const applicant: DecisionApplicantInput =
    a.kind === '自然人'
      ? { kind: 'person', name: a.person.name, idType: a.person.idType ?? 'residentId', idNumber: a.person.idNumber, phone: a.person.phone }
      : { kind: 'organisation', name: a.org.name, creditCode: a.org.creditCode, legalRepresentative: a.org.legalRep, phone: a.org.phone };
  return { applicant, agent: agentApplies ? { ...a.agent } : null };
}

const FIELD: Record<string, string> = {
  name: '姓名/名称',
  idNumber: '证件号码',
  phone: '联系电话',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
};

/** Every problem with the parties, in the clerk's words ('申请人身份证号：…'); empty when fine. */
export function partyProblems(p: Parties): string[] {
  const out: string[] = [];
  const visitor = p.applicant.kind === 'visitor';
  const a = DecisionApplicant.safeParse(p.applicant);
  if (!a.success) {
    for (const i of a.error.issues) {
      const field = String(i.path[0]);
      out.push(visitor ? `来访人${field === 'name' ? '称呼' : (FIELD[field] ?? '')}：${i.message}` : `申请人${FIELD[field] ?? ''}：${i.message}`);
    }
  }
  if (p.agent) {
    const g = Agent.safeParse(p.agent);
    if (!g.success) for (const i of g.error.issues) out.push(`代理人${FIELD[String(i.path[0])] ?? ''}：${i.message}`);
  }
  return out;
}
