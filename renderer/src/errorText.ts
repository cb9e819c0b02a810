// A backend error as the clerk reads it: the Chinese message, plus each located detail with
// its field named in Chinese (invalid input lists every problem at once).
import { ApiError } from './api';

const PATH_LABEL: Array<[RegExp, string]> = [
  [/^applicant$/, '申请人'],
  [/^applicant\.idNumber$/, '申请人身份证号'],
  [/^applicant\.creditCode$/, '统一社会信用代码'],
  [/^applicant\.name$/, '申请人姓名/名称'],
  [/^applicant\.phone$/, '申请人联系电话'],
  [/^applicant\.legalRepresentative$/, '法定代表人'],
  [/^agent\.idNumber$/, '代理人身份证号'],
  [/^agent\.name$/, '代理人姓名'],
  [/^agent\.phone$/, '代理人联系电话'],
  [/^refusal\.reasons$/, '不予受理理由'],
  [/^refusal\.applyTo$/, '应向何机关申请'],
  [/^deferral\.commitment$/, '申请人承诺'],
  [/^deferral\.supplementDeadline$/, '补正期限'],
  [/^trackingNumber$/, '邮件单号'],
  [/^idNumber$/, '证件号码'],
  [/^agentName$/, '代理人姓名'],
  [/^reasonCategory$/, '不满意原因'],
  [/^caseNumber$/, '办件编号'],
];

export function errorLines(e: unknown): { message: string; details: string[] } {
  const message = e instanceof Error ? e.message : String(e);
  const details =
    e instanceof ApiError
      ? (e.details ?? []).map((d) => {
          const label = PATH_LABEL.find(([re]) => re.test(d.path))?.[1];
          return label ? `${label}：${d.message}` : d.message;
        })
      : [];
  return { message, details };
}
