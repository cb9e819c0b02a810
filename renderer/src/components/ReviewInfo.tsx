// What the back office sent about a case, as the clerk needs it at the window: the decision and
// who made it, its reason and 备注 (to tell the applicant), the 证照 of a 准予, a 延期 (with its
// notice to print), a 挂起, and for 需补正 the failed materials with their 补正告知书 and why 办结 waits.
import { Alert, Button, Descriptions } from 'antd';
import type { CaseReview } from '../../../shared/domain/case';
import { cnTime, reviewLabel } from '../cases/labels';
import { cnDate } from './DecisionDialog';

export function ReviewInfo({ review, onPrintExtension, onPrintSupplement }: { review: CaseReview; onPrintExtension: () => void; onPrintSupplement: () => void }) {
  const status = reviewLabel(review.status);
  const tone = review.status === 'needsSupplement' ? 'warning' : review.status === 'rejected' ? 'error' : review.status ? 'success' : 'info';
  return (
    <Alert
      className="review-box"
      type={tone}
      showIcon
      data-testid="review-info"
      title={status ? `后台审批：${status}${review.decidedBy ? `（${review.decidedBy}）` : ''}` : '后台审批中'}
      description={
        <Descriptions size="small" column={1} colon items={[
          ...(review.reason ? [{ key: 'reason', label: review.status === 'needsSupplement' ? '需补正' : '理由', children: <span data-testid="review-reason">{review.reason}</span> }] : []),
          ...(review.failedMaterials.length
            ? [{
                key: 'failed', label: '未通过的材料',
                children: (
                  <ol className="failed-materials" data-testid="review-failed-materials">
                    {review.failedMaterials.map((m) => <li key={m.materialId}>{m.name}{m.reason ? `：${m.reason}` : ''}</li>)}
                  </ol>
                ),
              }, {
                key: 'notice', label: '补正告知',
                children: (
                  <span>
                    {review.supplementedAt
                      ? <span data-testid="supplement-recorded">补正材料已于 {cnTime(review.supplementedAt)} 记录，等待后台审核</span>
                      : '请告知申请人补正以上材料，补正期间暂停计时'}{' '}
                    <Button size="small" onClick={onPrintSupplement} data-testid="print-supplement">打印补正告知书</Button>
                  </span>
                ),
              }]
            : []),
          ...(review.completeWaits ? [{ key: 'waits', label: '办结', children: <span data-testid="complete-waits">{review.completeWaits}</span> }] : []),
          ...(review.note ? [{ key: 'note', label: '备注', children: <span data-testid="review-note">{review.note}</span> }] : []),
          ...(review.result
            ? [{ key: 'result', label: '证照', children: `${review.result.licenceName}（编号 ${review.result.licenceNumber}，有效期 ${cnDate(review.result.validFrom)} 至 ${review.result.validUntil ? cnDate(review.result.validUntil) : '长期'}）` }]
            : []),
          ...(review.extension
            ? [{
                key: 'ext', label: '延期',
                children: (
                  <span data-testid="review-extension">
                    延长 {review.extension.days} 个工作日，承诺办结日期改为 {cnDate(review.extension.promisedDate)}（{review.extension.reason}）{' '}
                    <Button size="small" onClick={onPrintExtension} data-testid="print-extension">打印延长办理期限通知书</Button>
                  </span>
                ),
              }]
            : []),
          ...(review.suspension ? [{ key: 'sus', label: '挂起', children: `自 ${cnDate(review.suspension.since)} 暂停计时（${review.suspension.reason}）` }] : []),
        ]} />
      }
    />
  );
}
