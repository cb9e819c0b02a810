// One line in Chinese for a rectification as reported (the window's timeline, the console's).
import { RECTIFICATION_LABEL, REVISIT_METHOD_LABEL, type RectificationFacts } from './rectification';

export function rectificationLine(r: RectificationFacts): string {
  const parts = [`${RECTIFICATION_LABEL[r.status]}（整改期限 ${r.deadline}，${r.deadlineDays} 个工作日）`];
  if (r.measures) parts.push(`整改措施：${r.measures}`);
  if (r.revisit) parts.push(`${REVISIT_METHOD_LABEL[r.revisit.method]}：${r.revisit.satisfied ? '申请人表示满意' : '申请人仍不满意'}${r.revisit.note ? `（${r.revisit.note}）` : ''}`);
  if (r.invalid) {
    const st = r.invalid.state === 'requested' ? '申请认定为无效差评' : r.invalid.state === 'approved' ? '已认定为无效差评' : '无效差评申请被驳回';
    parts.push(`${st}：${r.invalid.reason}${r.invalid.note ? `；审核意见：${r.invalid.note}` : ''}`);
  }
  return parts.join('；');
}
