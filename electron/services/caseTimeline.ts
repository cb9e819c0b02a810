// Turns a case's events into the lines of its timeline, in the clerk's words. A new event
// type fails to compile here until it has its line.
import type { CaseEventView } from '../../shared/domain/case';
import { DECISION_LABEL } from '../../shared/domain/checklist';
import { RATING_LABEL } from '../../shared/domain/case';
import { REVIEW_STATUS_LABEL } from '../../shared/sync/protocol';
import { unhandled, type CaseEvent } from '../../shared/domain/caseEvents';

const RATED_ON: Record<string, string> = { paper: '（纸质评价补录）', secondScreen: '（评价器）' };

/** Who in the back office did it: name and 工号 as signed in. */
const by = (p: { decidedBy: string; staffNo?: string }) => `——${p.decidedBy}${p.staffNo ? `（工号 ${p.staffNo}）` : ''}`;

function summary(e: CaseEvent): string {
  switch (e.type) {
    case 'case.opened':
      return `开始受理：${e.payload.itemName ?? e.payload.itemCode}`;
    case 'case.decided':
      return `作出决定：${DECISION_LABEL[e.payload.decision]}`;
    case 'case.supplemented':
      return '容缺材料已补正';
    case 'case.completed':
      return `已办结，用时 ${Math.round(e.payload.elapsedSeconds / 60)} 分钟`;
    case 'case.terminated':
      return `已终止：${e.payload.reason}`;
    case 'case.delivered':
      return `已出件：${e.payload.label ?? e.payload.method}`;
    case 'case.rated': {
      const p = e.payload;
      const form = p.source === 'paper' && p.formNumber ? `（纸质评价补录，评价表编号 ${p.formNumber}）` : (RATED_ON[p.source] ?? '');
      return `好差评：${RATING_LABEL[p.level]}${p.reasonCategory ? `，原因：${p.reasonCategory}` : ''}${form}`;
    }
    case 'review.status': {
      const p = e.payload;
      const result = p.result ? `，${p.result.licenceName} ${p.result.licenceNumber}` : '';
      const head = p.correction ? `后台更正为：${REVIEW_STATUS_LABEL[p.status]}（更正理由：${p.correction.reason}）` : `后台审批：${REVIEW_STATUS_LABEL[p.status]}`;
      return `${head}${p.reason ? `（${p.reason}）` : ''}${result}${p.note ? `；备注：${p.note}` : ''}${by(p)}`;
    }
    case 'review.extended':
      return `延长办理期限 ${e.payload.days} 个工作日至 ${e.payload.promisedDate}（${e.payload.reason}）${by(e.payload)}`;
    case 'review.suspended':
      return `办件挂起，办理时限暂停（${e.payload.reason}）${by(e.payload)}`;
    case 'review.resumed':
      return `恢复办理，承诺办结日期顺延至 ${e.payload.promisedDate}${by(e.payload)}`;
    default:
      return unhandled(e);
  }
}

export function describeEvent(e: CaseEvent): CaseEventView {
  return { id: e.id, type: e.type, at: e.at, staffNo: e.staffNo, summary: summary(e) };
}
