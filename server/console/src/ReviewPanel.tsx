// The review side of one case: the claim, then whatever the server says the signed-in person
// may do now (decision, 延期, 挂起/恢复, a head's correction or reassignment). Each part is its
// own component; none decides a rule itself.
import { Alert, Card, Space } from 'antd';
import type { CaseDetailResponse } from '../../../shared/sync/backoffice';
import type { StaffSession } from './session';
import { ClaimBar } from './ClaimBar';
import { ReviewForm } from './ReviewForm';
import type { Verdicts } from './MaterialPages';
import { ExtensionPanel } from './ExtensionPanel';
import { SuspensionPanel } from './SuspensionPanel';
import { CorrectionForm } from './CorrectionForm';

export function ReviewPanel({ detail, session, verdicts, onChanged }: { detail: CaseDetailResponse; session: StaffSession; verdicts?: Verdicts; onChanged: () => void }) {
  const a = detail.actions;
  if (!a.reviewable) {
    return <Alert type="info" showIcon title="无需审批" data-testid="no-review" description={a.note ?? '窗口未受理该办件，无需后台审批。'} />;
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="review-panel">
      <ClaimBar detail={detail} onChanged={onChanged} />
      {a.decide.length > 0 && <ReviewForm detail={detail} session={session} verdicts={verdicts ?? {}} onDecided={onChanged} />}
      {(a.requestExtension || a.decideExtension || detail.extensionRequests.length > 0) && <ExtensionPanel detail={detail} onChanged={onChanged} />}
      {(a.suspend || a.resume) && <SuspensionPanel detail={detail} onChanged={onChanged} />}
      {a.correct && <CorrectionForm detail={detail} onCorrected={onChanged} />}
      {!a.decide.length && !a.correct && a.note && !a.claim && <Card size="small"><span className="muted" data-testid="review-note">{a.note}</span></Card>}
    </Space>
  );
}
