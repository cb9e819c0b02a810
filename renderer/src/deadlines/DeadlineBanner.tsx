// 超时预警 where the clerk looks: one compact line on the intake screen (the cases of this
// window near or past their promised time, supplements falling due), each case one click or
// Enter away. Nothing shows while everything is on time.
import { Alert, Button } from 'antd';
import type { DeadlineAlert, WindowDeadlines } from '../../../shared/domain/timeliness';
import { DEADLINE_BAND_LABEL } from '../../../shared/domain/timeliness';
import './deadlines.css';

/** Minutes late as the clerk reads them: 「12 分钟」「3 小时」「2 天」. */
function lateText(minutes: number): string {
  if (minutes < 120) return `${minutes} 分钟`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} 小时`;
  return `${Math.floor(minutes / 1440)} 天`;
}

/** 「还剩 8 分钟」「超时 12 分钟」「今天到期」「还剩 1 个工作日」「逾期 2 个工作日」 */
export function leftText(a: DeadlineAlert): string {
  if (a.kind === 'immediate') {
    const m = a.minutesLeft ?? 0;
    if (a.band === 'overdue') return m < 0 ? `超时 ${lateText(-m)}` : '刚刚超时';
    return m > 0 ? `还剩 ${m} 分钟` : '不到 1 分钟';
  }
  const n = a.workingDaysLeft ?? 0;
  if (a.band === 'overdue') return n < 0 ? `逾期 ${-n} 个工作日` : '已过承诺日期';
  return n <= 0 ? '今天到期' : `还剩 ${n} 个工作日`;
}

export function DeadlineBanner({ deadlines, onOpenCase }: { deadlines: WindowDeadlines | null; onOpenCase: (caseId: string) => void }) {
  if (!deadlines) return null;
  const { overdue, dueSoon, alerts, supplements } = deadlines;
  const dueSupplements = supplements.length;
  if (!alerts.length && !dueSupplements) return null;
  const parts = [overdue > 0 && `${overdue} 件已超时`, dueSoon > 0 && `${dueSoon} 件即将超时`, dueSupplements > 0 && `${dueSupplements} 件容缺补正即将到期`].filter(Boolean);
  const shown = alerts.slice(0, 3);
  return (
    <Alert
      className="deadline-banner"
      type={overdue > 0 ? 'error' : 'warning'}
      showIcon
      data-testid="deadline-banner"
      title={
        <span className="deadline-line">
          <b>本窗口 {parts.join('，')}</b>
          {shown.map((a) => (
            <Button key={a.caseId} size="small" type="link" className={`deadline-case deadline-${a.band}`} onClick={() => onOpenCase(a.caseId)} data-testid="deadline-case">
              {a.applicantName} · {a.itemName}（{DEADLINE_BAND_LABEL[a.band]}，{leftText(a)}）
            </Button>
          ))}
          {alerts.length > shown.length && <span className="deadline-more">等 {alerts.length} 件，见今日办件（F3）</span>}
        </span>
      }
    />
  );
}
