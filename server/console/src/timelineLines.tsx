// One back-office event in the case's 办理过程: who (name and 工号, as signed in), what, why.
// A switch over the union's back-office types: a new one does not compile until it has its line.
import type { StatusEvent } from '../../../shared/sync/protocol';
import { backOfficeBody } from '../../../shared/sync/statusEvents';
import { unhandled, type BackOfficeEventBody } from '../../../shared/domain/caseEvents';
import { formatDay, formatTime, REVIEW_STATUS_LABEL } from './labels';
import { rectificationLine } from '../../../shared/domain/rectificationText';

function lineOf(body: BackOfficeEventBody, who: React.ReactNode): { color: string; content: React.ReactNode } {
  switch (body.type) {
    case 'review.status': {
      const p = body.payload;
      return {
        color: p.status === 'rejected' ? 'red' : p.status === 'needsSupplement' ? 'orange' : p.status === 'approved' ? 'green' : 'blue',
        content: (
          <>
            {p.correction ? '更正决定为' : '后台审批'}：<b>{REVIEW_STATUS_LABEL[p.status]}</b>{who}
            {p.correction && <div>更正理由：{p.correction.reason}</div>}
            {p.reason ? <div>理由：{p.reason}</div> : null}
            {p.result && <div>证照：{p.result.licenceName}（编号 {p.result.licenceNumber}，有效期 {formatDay(p.result.validFrom)} 至 {p.result.validUntil ? formatDay(p.result.validUntil) : '长期'}）</div>}
            {p.note ? <div className="muted">备注：{p.note}</div> : null}
          </>
        ),
      };
    }
    case 'review.extended':
      return { color: 'purple', content: <>延期 <b>{body.payload.days}</b> 个工作日，承诺办结日期改为 {formatDay(body.payload.promisedDate)}{who}<div>理由：{body.payload.reason}（申请人：{body.payload.requestedBy}）</div></> };
    case 'review.suspended':
      return { color: 'purple', content: <>挂起，办理时限暂停{who}<div>理由：{body.payload.reason}</div><div className="muted">最长挂起至 {formatDay(body.payload.until)}</div></> };
    case 'review.resumed':
      return { color: 'purple', content: <>恢复办理，承诺办结日期顺延 {body.payload.suspendedWorkdays} 个工作日至 {formatDay(body.payload.promisedDate)}{who}</> };
    case 'review.rectification':
      return { color: body.payload.status === 'done' || body.payload.status === 'invalid' ? 'green' : 'orange', content: <>差评整改{who}<div>{rectificationLine(body.payload)}</div></> };
    default:
      return unhandled(body);
  }
}

export function backOfficeLine(s: StatusEvent) {
  const body = backOfficeBody(s);
  const who = <span className="muted">（{s.decidedBy}{body?.payload.staffNo ? `，工号 ${body.payload.staffNo}` : ''}）</span>;
  // A row whose payload does not parse (corrupt) still shows who and when.
  const { color, content } = body ? lineOf(body, who) : { color: 'blue', content: <>后台事件 {who}</> };
  return { key: s.id, color, title: formatTime(s.decidedAt), content: <div data-testid="timeline-status" data-type={s.type}>{content}</div> };
}
