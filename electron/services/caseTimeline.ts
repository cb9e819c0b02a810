// Turns stored events into the lines of a case's timeline, in the clerk's words.
import type { EventRow } from '../store/cases';
import type { CaseEventView } from '../../shared/domain/case';
import { DECISION_LABEL, type Decision } from '../../shared/domain/checklist';
import { RATING_LABEL, type RatingLevel } from '../../shared/domain/case';
import { REVIEW_STATUS_LABEL, type ReviewStatus } from '../../shared/sync/protocol';

const RATED_ON: Record<string, string> = { paper: '（纸质评价补录）', secondScreen: '（评价器）' };

export function describeEvent(e: EventRow): CaseEventView {
  const p = JSON.parse(e.payload) as Record<string, unknown>;
  const summaries: Record<string, () => string> = {
    'case.opened': () => `开始受理：${String(p.itemName ?? p.itemCode)}`,
    'case.decided': () => `作出决定：${DECISION_LABEL[p.decision as Decision] ?? String(p.decision)}`,
    'case.supplemented': () => '容缺材料已补正',
    'case.completed': () => `已办结，用时 ${Math.round(Number(p.elapsedSeconds) / 60)} 分钟`,
    'case.terminated': () => `已终止：${String(p.reason)}`,
    'case.delivered': () => `已出件：${String(p.label ?? p.method)}`,
    'case.rated': () =>
      `好差评：${RATING_LABEL[p.level as RatingLevel] ?? String(p.level)}${p.reasonCategory ? `，原因：${String(p.reasonCategory)}` : ''}${RATED_ON[String(p.source)] ?? ''}`,
    'review.status': () => `后台审批：${REVIEW_STATUS_LABEL[p.status as ReviewStatus] ?? String(p.status)}${p.reason ? `（${String(p.reason)}）` : ''}`,
  };
  return { id: e.id, type: e.type, at: e.deviceTime, staffNo: e.staffNo, summary: (summaries[e.type] ?? (() => e.type))() };
}
