// 出件 and 好差评: the end of a visit. A result is handed over once, to a checked person.
import type { Workstation } from './workstation';
import { tx } from '../store/db';
import { recordEvents } from '../store/caseLog';
import { openCase } from './intake';
import { AppError } from '../../shared/errors';
import { applicantIdentifier, type Agent, type Applicant } from '../../shared/domain/applicant';
import { DELIVERY_LABEL, type DeliverInput, type RatingLevel, type RatingSource } from '../../shared/domain/case';
import { ratingReasonsProblem } from '../../shared/domain/ratingReasons';
import { listRatingReasons } from '../store/catalogue';
import { deliverBlocker, rateBlocker, ratingDateProblem } from '../../shared/domain/caseState';
import type { PayloadOf } from '../../shared/domain/caseEvents';
import { ID_DOCUMENT_LABEL, validateIdDocument } from '../../shared/validate/idDocument';
import { validateCreditCode } from '../../shared/validate/creditCode';
import { normalizeIdentifier } from '../../shared/validate/normalize';

type Deps = Pick<Workstation, 'db' | 'session' | 'now'>;

export function deliver(ws: Deps, input: DeliverInput) {
  const clerk = ws.session.clerk;
  if (!clerk) throw new AppError('unauthenticated', '请先登录');
  return tx(ws.db, () => {
    const s = openCase(ws, input.caseId, deliverBlocker);
    const applicant = s.applicant as Applicant;
    const agent = s.agent as Agent | null;
    const idType = input.idType ?? 'residentId';
    const facts: PayloadOf<'case.delivered'> = { method: input.method };
    let label: string = DELIVERY_LABEL[input.method];
    /** The document shown, checked by its type's rule; the message names the document. */
    const checked = (who: string): string => {
      const r = validateIdDocument(idType, input.idNumber ?? '', ws.now());
      if (!r.ok) throw new AppError('invalid_input', `${who}${r.message}`);
      return r.value;
    };
    const record = (receiver: string, number: string) => {
      facts.receiver = receiver;
      facts.receiverIdNumber = number;
      if (idType !== 'residentId') facts.receiverIdType = idType;
    };
    if (input.method === 'applicant' && applicant.kind === 'person') {
      // The applicant collects with the very document the case was taken on.
      const own = applicant.idType ?? 'residentId';
      if (idType !== own) throw new AppError('forbidden', `申请人登记的证件为${ID_DOCUMENT_LABEL[own]}，请核验同一证件后出件`);
      if (checked('领取人') !== applicantIdentifier(applicant)) throw new AppError('forbidden', `领取人${idType === 'residentId' ? '身份证号' : `${ID_DOCUMENT_LABEL[idType]}号码`}与申请人不一致，不能出件`);
      facts.receiver = applicant.name;
    } else if (input.method === 'applicant' && applicant.kind === 'organisation') {
      // A company collects through its legal representative, who shows their own document: a credit code identifies no one.
      if (validateCreditCode(normalizeIdentifier(input.idNumber ?? '')).ok) {
        throw new AppError('invalid_input', '单位出件须核验法定代表人本人的身份证件，不能以统一社会信用代码代替');
      }
      // Their number was never taken at intake: the clerk checks the document's name against the registered 法定代表人.
      const number = checked('法定代表人');
      if (!input.identityChecked) throw new AppError('forbidden', `请核对证件上的姓名与法定代表人「${applicant.legalRepresentative}」一致`);
      record(applicant.legalRepresentative, number);
      label = '法定代表人领取';
    } else if (input.method === 'agent') {
      const number = checked('代理人');
      if (!input.agentName) throw new AppError('invalid_input', '请填写代理人姓名');
      if (agent && agent.idNumber !== number && !input.authorisationChecked) {
        throw new AppError('forbidden', '领取人不是登记的代理人，须核验申请人的授权委托书');
      }
      if (!agent && !input.authorisationChecked) throw new AppError('forbidden', '代理人领取须核验授权委托书');
      record(input.agentName, number);
    } else {
      const tracking = (input.trackingNumber ?? '').toUpperCase();
      if (!/^[0-9A-Z]{8,30}$/.test(tracking)) throw new AppError('invalid_input', '请填写正确的邮件单号（8–30 位数字或字母）');
      facts.trackingNumber = tracking;
    }
    const at = ws.now().toISOString();
    return recordEvents(ws.db, s, [{ caseId: s.id, type: 'case.delivered', staffNo: clerk.staffNo, at, payload: { ...facts, label } }]);
  });
}

export interface RateInput {
  caseId: string;
  level: RatingLevel;
  /** Codes from the window's 好差评 reasons (listRatingReasons). */
  reasons: readonly string[];
  source: RatingSource;
  comment: string;
  /** Paper forms: the date written on the form. */
  formDate?: string;
  /** Paper forms: the form's own number (评价表编号), required so the entry can be found on file. */
  formNumber?: string;
}

/** 好差评: one per visit, its reasons from the centre's list for the level's class, never dated before the visit. */
export function rate(ws: Deps, input: RateInput) {
  const clerk = ws.session.clerk;
  if (!clerk) throw new AppError('unauthenticated', '请先登录');
  if (input.formDate !== undefined && input.source !== 'paper') throw new AppError('invalid_input', '只有纸质评价表才填写评价表日期');
  // A paper form is entered later: its number is what ties the record to the form kept on file.
  if (input.source === 'paper' && !input.formNumber) throw new AppError('invalid_input', '请填写纸质评价表上的编号');
  return tx(ws.db, () => {
    const list = listRatingReasons(ws.db);
    const problem = ratingReasonsProblem(list, input.level, input.reasons);
    if (problem) throw new AppError('invalid_input', problem);
    const s = openCase(ws, input.caseId, rateBlocker);
    const at = ws.now().toISOString();
    const dated = ratingDateProblem(s, at, input.formDate);
    if (dated) throw new AppError('invalid_input', dated);
    const byCode = new Map(list.map((r) => [r.code, r]));
    const reasons = input.reasons.map((code) => ({ code, text: byCode.get(code)!.text }));
    const payload: PayloadOf<'case.rated'> = {
      level: input.level, reasonCategory: reasons[0]?.text ?? null, source: input.source, comment: input.comment, reasons,
      ...(input.formDate !== undefined ? { formDate: input.formDate } : {}),
      ...(input.source === 'paper' && input.formNumber ? { formNumber: input.formNumber } : {}),
    };
    return recordEvents(ws.db, s, [{ caseId: input.caseId, type: 'case.rated', staffNo: clerk.staffNo, at, payload }]);
  });
}
