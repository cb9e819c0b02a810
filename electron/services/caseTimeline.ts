// Turns a case's events into the lines of its timeline, in the clerk's words. A new event
// type fails to compile here until it has its line.
import { rectificationLine } from '../../shared/domain/rectificationText';
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
    case 'case.pagesAttached': {
      const n = e.payload.pages.length;
      const reused = e.payload.pages.filter((p) => p.reusedFromCaseId).length;
      return `${e.payload.supplement ? '补正材料扫描件' : '材料扫描件'} ${n} 页${reused ? `（其中 ${reused} 页为复用的共性材料）` : ''}`;
    }
    case 'case.completed':
      return `已办结，用时 ${Math.round(e.payload.elapsedSeconds / 60)} 分钟`;
    case 'case.terminated':
      return `已终止：${e.payload.reason}`;
    case 'case.delivered':
      return `已出件：${e.payload.label ?? e.payload.method}`;
    case 'case.rated': {
      const p = e.payload;
      // Coded reasons when the rating has them; older ratings carry one category only.
      const why = p.reasons?.length ? p.reasons.map((r) => r.text).join('、') : p.reasonCategory;
      const paper = p.source === 'paper' && (p.formNumber || p.formDate)
        ? `（纸质评价补录${p.formNumber ? `，评价表编号 ${p.formNumber}` : ''}${p.formDate ? `，评价表日期 ${p.formDate}` : ''}）`
        : (RATED_ON[p.source] ?? '');
      return `好差评：${RATING_LABEL[p.level]}${why ? `，原因：${why}` : ''}${paper}`;
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
    case 'review.rectification':
      return `差评整改：${rectificationLine(e.payload)}${by(e.payload)}`;
    default:
      return unhandled(e);
  }
}

export function describeEvent(e: CaseEvent): CaseEventView {
  return { id: e.id, type: e.type, at: e.at, staffNo: e.staffNo, summary: summary(e) };
}
