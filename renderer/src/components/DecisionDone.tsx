// After a decision: the number the applicant needs, big enough to read across the counter,
// the notice opened for preview and printing, then the rating and the next applicant.
import { useEffect, useState } from 'react';
import { Button, Result } from 'antd';
import type { CaseSummary } from '../../../shared/domain/case';
import { DECISION_LABEL } from '../../../shared/domain/checklist';
import { TIER_LABEL } from '../../../shared/domain/catalogue';
import { NOTICE_TITLE, type NoticeKind } from '../../../shared/notice/model';
import { invoke } from '../api';
import { MAIN_NOTICE, cnTime, numberLabel } from '../cases/labels';
import { cnDate, type Decided } from './DecisionDialog';
import { NoticePreview } from './NoticePreview';
import { RatingPanel } from './RatingPanel';
import { AskRatingScreen } from './AskRatingScreen';

export function DecisionDone({ decided, onNext, onOpenCase }: { decided: Decided; onNext: () => void; onOpenCase: (caseId: string) => void }) {
  const main = MAIN_NOTICE[decided.decision];
  const [notice, setNotice] = useState<NoticeKind | null>(main);
  const [rating, setRating] = useState(false);
  const [summary, setSummary] = useState<CaseSummary | null>(null);
  const load = () => {
    invoke('case.get', { caseId: decided.caseId }).then((d) => setSummary(d.summary), () => undefined);
  };
  useEffect(load, [decided.caseId]);

  const accepted = decided.decision === 'accept' || decided.decision === 'acceptWithDeferral';
  const s = summary;
  const when = s?.tier && s.dueAt ? `立等可取 · ${TIER_LABEL[s.tier]}，请于 ${cnTime(s.dueAt, false)} 前办结` : s?.promisedDate ? `承诺 ${cnDate(s.promisedDate)} 前办结` : null;

  return (
    <div className="decision-done" data-testid="decision-done" data-decision={decided.decision}>
      <Result
        status={accepted || decided.decision === 'redirect' ? 'success' : decided.decision === 'refuse' ? 'error' : 'warning'}
        title={<span data-testid="done-title">已{DECISION_LABEL[decided.decision]}</span>}
        subTitle={
          <>
            <div className="done-number-label">{numberLabel(decided.decision)}</div>
            <div className="done-number" data-testid="case-number">
              {decided.caseNumber}
            </div>
            {when && <div className="done-when">{when}</div>}
            {s?.supplementDeadline && <div className="done-when">补正期限 {cnDate(s.supplementDeadline)}</div>}
          </>
        }
        extra={
          <div className="done-actions">
            <Button type="primary" size="large" onClick={() => setNotice(main)} data-testid="done-notice">
              预览 / 打印{NOTICE_TITLE[main]}
            </Button>
            {accepted && (
              <Button size="large" onClick={() => setNotice('materialReceipt')} data-testid="done-receipt">
                材料接收凭证
              </Button>
            )}
            {!accepted && s && <AskRatingScreen caseId={decided.caseId} rated={s.rated} onRated={load} />}
            {!accepted && s && !s.rated && (
              <Button size="large" onClick={() => setRating(true)} data-testid="done-rate">
                请申请人评价
              </Button>
            )}
            <Button size="large" onClick={() => onOpenCase(decided.caseId)} data-testid="done-open-case">
              查看办件
            </Button>
            <Button size="large" onClick={onNext} data-testid="done-next">
              下一位（F4）
            </Button>
          </div>
        }
      />
      {notice && <NoticePreview caseId={decided.caseId} caseNumber={decided.caseNumber} kind={notice} onClose={() => setNotice(null)} />}
      {rating && <RatingPanel caseId={decided.caseId} caseNumber={decided.caseNumber} source="screen" onClose={() => setRating(false)} onRated={load} />}
    </div>
  );
}
