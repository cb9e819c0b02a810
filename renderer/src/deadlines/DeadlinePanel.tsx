// 今日办件's 超时预警: this window's cases near or past their promised time (most urgent first)
// and the 容缺 supplements falling due in the next working days, as the handler computed them.
import { Card, Tag } from 'antd';
import type { WindowDeadlines } from '../../../shared/domain/timeliness';
import { DEADLINE_BAND_LABEL } from '../../../shared/domain/timeliness';
import { cnDate } from '../components/DecisionDialog';
import { leftText } from './DeadlineBanner';
import './deadlines.css';

export function DeadlinePanel({ deadlines, onOpenCase }: { deadlines: WindowDeadlines | null; onOpenCase: (caseId: string) => void }) {
  if (!deadlines || (!deadlines.alerts.length && !deadlines.supplements.length)) return null;
  return (
    <div className="deadline-panel" data-testid="deadline-panel">
      {deadlines.alerts.length > 0 && (
        <Card size="small" title={`超时预警（${deadlines.alerts.length} 件）`}>
          <ul className="deadline-list">
            {deadlines.alerts.map((a) => (
              <li key={a.caseId} onClick={() => onOpenCase(a.caseId)} data-testid="deadline-row" data-band={a.band}>
                <Tag color={a.band === 'overdue' ? 'red' : 'gold'}>{DEADLINE_BAND_LABEL[a.band]}</Tag>
                <span className="case-number-cell">{a.caseNumber}</span>
                <span>{a.applicantName}</span>
                <span>{a.itemName}</span>
                <span className={a.band === 'overdue' ? 'clock-over' : ''}>
                  {a.kind === 'immediate' ? '立等可取' : `承诺 ${cnDate(a.due)}`}，{leftText(a)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {deadlines.supplements.length > 0 && (
        <Card size="small" title={`容缺补正即将到期（${deadlines.supplements.length} 件）`}>
          <ul className="deadline-list">
            {deadlines.supplements.map((s) => (
              <li key={s.caseId} onClick={() => onOpenCase(s.caseId)} data-testid="supplement-due-row" data-overdue={s.overdue}>
                <Tag color={s.overdue ? 'red' : 'gold'}>{s.overdue ? '已逾期' : s.workingDaysLeft <= 0 ? '今天到期' : `${s.workingDaysLeft} 个工作日内`}</Tag>
                <span className="case-number-cell">{s.caseNumber}</span>
                <span>{s.applicantName}</span>
                <span>{s.itemName}</span>
                <span>补正期限 {cnDate(s.deadline)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
