// What the clerk typed into 查找办件: a case number, a resident ID number, a unified social
// credit code, or a name (applicant, company, legal representative or agent; a prefix will do).
// Pure: the workstation's store runs the indexed query for the kind found here.
import { parseCaseNumber } from '../caseNumber';
import { validateIdCard } from '../validate/idcard';
import { validateCreditCode } from '../validate/creditCode';
import { normalizeIdentifier, normalizeInput } from '../validate/normalize';

export type CaseQuery =
  | { kind: 'caseNumber'; value: string }
  | { kind: 'idNumber'; value: string }
  | { kind: 'creditCode'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'invalid'; message: string };

export const CASE_QUERY_LABEL: Record<Exclude<CaseQuery['kind'], 'invalid'>, string> = {
  caseNumber: '办件编号', idNumber: '证件号码', creditCode: '统一社会信用代码', name: '姓名或名称',
};

/** Identifiers: digits and capitals only, at least 15 (a case number has dashes or more). */
const LOOKS_LIKE_IDENTIFIER = /^[0-9A-Z-]{15,}$/;

export function classifyCaseQuery(input: string, opts: { practice?: boolean; now?: Date } = {}): CaseQuery {
  const text = normalizeInput(input);
  if (!text) return { kind: 'invalid', message: '请输入办件编号、申请人姓名、身份证号或统一社会信用代码' };
  const ident = normalizeIdentifier(text);
  if (LOOKS_LIKE_IDENTIFIER.test(ident) || /^LX-?/i.test(ident)) {
    const id = validateIdCard(ident, opts.now);
    if (id.ok) return { kind: 'idNumber', value: id.value };
    const credit = validateCreditCode(ident);
    if (credit.ok) return { kind: 'creditCode', value: credit.value };
    const number = parseCaseNumber(ident, { practice: opts.practice });
    if (number.ok) return { kind: 'caseNumber', value: number.value };
    // 18 characters: the clerk meant an ID number or a credit code; say which check failed.
    if (ident.length === 18) return { kind: 'invalid', message: /^\d{17}[\dX]$/.test(ident) ? id.message : credit.message };
    return { kind: 'invalid', message: number.message };
  }
  return { kind: 'name', value: text };
}
