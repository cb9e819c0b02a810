// 本窗口差评: each 差评 of this window with its reasons and how the centre's 整改 stands
// (待整改 / 整改中 / 已整改 / 整改超期 / 无效差评, with the deadline, the measures and the 回访),
// as pulled down from the centre; a 差评 not yet registered there says so.
import { useEffect, useState } from 'react';
import { Alert, Table, Tag } from 'antd';
import type { BadRatingLine } from '../../../shared/stats/badRatings';
import { RATING_LABEL } from '../../../shared/domain/case';
import { RECTIFICATION_LABEL, REVISIT_METHOD_LABEL } from '../../../shared/domain/rectification';
import { invoke } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { cnDate } from '../components/DecisionDialog';

const STANDING_COLOR: Record<BadRatingLine['standing'], string> = {
  unregistered: 'default', pending: 'gold', inProgress: 'processing', done: 'success', overdue: 'red', invalid: 'default',
};
const standingText = (l: BadRatingLine) => (l.standing === 'unregistered' ? '待中心登记' : `${RECTIFICATION_LABEL[l.standing]}${l.doneLate ? '（超期）' : ''}`);

export function BadRatings({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const [lines, setLines] = useState<BadRatingLine[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    invoke('stats.badRatings', {}).then((r) => setLines(r.lines), setError);
  }, []);
  if (error) return <ErrorAlert error={error} testId="bad-ratings-error" />;
  if (!lines) return null;
  if (!lines.length) return <Alert type="success" showIcon title="本窗口没有差评" data-testid="bad-ratings-none" />;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="caseId"
      dataSource={lines}
      onRow={(r) => ({ onClick: () => onOpenCase(r.caseId), style: { cursor: 'pointer' }, 'data-case-number': r.caseNumber, 'data-standing': r.standing }) as React.HTMLAttributes<HTMLElement>}
      data-testid="bad-ratings"
      columns={[
        { title: '办件编号', dataIndex: 'caseNumber', render: (n: string) => <span className="case-number-cell">{n}</span> },
        { title: '事项', dataIndex: 'itemName' },
        { title: '评价', dataIndex: 'level', render: (l: BadRatingLine['level']) => RATING_LABEL[l] },
        { title: '原因', dataIndex: 'reasons', render: (rs: string[]) => rs.join('、') || '—' },
        { title: '整改情况', key: 'standing', render: (_: unknown, l) => <Tag color={STANDING_COLOR[l.standing]} data-testid="bad-rating-standing">{standingText(l)}</Tag> },
        { title: '整改期限', key: 'deadline', render: (_: unknown, l) => (l.rectification ? `${cnDate(l.rectification.deadline)}（${l.rectification.deadlineDays} 个工作日）` : '—') },
        {
          title: '整改措施与回访',
          key: 'measures',
          render: (_: unknown, l) =>
            l.rectification ? (
              <span>
                {l.rectification.measures ?? '—'}
                {l.rectification.revisit && (
                  <div className="muted">
                    {REVISIT_METHOD_LABEL[l.rectification.revisit.method]}：{l.rectification.revisit.satisfied ? '申请人满意' : '申请人仍不满意'}
                  </div>
                )}
              </span>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
