// One case: summary, the append-only timeline, and what can be done next given its status:
// 办结 (即办件), 补正, 终止 (after the supplement deadline), 出件, 好差评, 打印文书.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, type ButtonProps, Descriptions, Input, Modal, Spin, Tag, Timeline, Tooltip } from 'antd';
import type { CaseDetail, CaseSummary } from '../../../shared/domain/case';
import { CASE_STATUS_LABEL } from '../../../shared/domain/case';
import { DECISION_LABEL } from '../../../shared/domain/checklist';
import { TIER_LABEL } from '../../../shared/domain/catalogue';
import type { NoticeKind } from '../../../shared/notice/model';
import { maskIdNumber } from '../../../shared/validate/idcard';
import { applicantDisplayName, type ApplicantRecord } from '../../../shared/domain/applicant';
import { invoke } from '../api';
import { MAIN_NOTICE, STATUS_COLOR, cnTime, numberLabel, reviewLabel } from '../cases/labels';
import { elapsedText } from '../cases/clock';
import { cnDate } from '../components/DecisionDialog';
import { DeliverDialog } from '../components/DeliverDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { NoticePreview } from '../components/NoticePreview';
import { RatingFormDialog } from '../rating/RatingFormDialog';
import { RatingPanel } from '../components/RatingPanel';
import { CaseMaterials } from '../components/CaseMaterials';
import { AskRatingScreen } from '../components/AskRatingScreen';
import { Countdown } from '../components/Countdown';
import { useServerNow } from '../cases/useServerNow';
import { ReviewInfo } from '../components/ReviewInfo';
import { SupplementScans } from '../components/SupplementScans';
import { FollowUpDialog } from '../components/FollowUpDialog';

type Dialog = { type: 'notice'; kind: NoticeKind } | { type: 'deliver' } | { type: 'rate'; source: 'screen' | 'paper' } | { type: 'ratingForm' } | { type: 'supplement' } | { type: 'terminate' } | null;

/** The applicant in one line; a 来访群众 guided to a sub-centre left no ID (引导 needs none). */
function whoLine(a: ApplicantRecord): string {
  if (a.kind === 'person') return `${a.name} · ${maskIdNumber(a.idNumber)} · ${a.phone}`;
  if (a.kind === 'organisation') return `${a.name} · ${a.creditCode} · 法定代表人 ${a.legalRepresentative} · ${a.phone}`;
  return [applicantDisplayName(a), a.phone, '引导未登记证件'].filter(Boolean).join(' · ');
}

export function CaseView({ caseId, offsetMs, onBack, onChanged }: { caseId: string; offsetMs: number; onBack: () => void; onChanged: () => void }) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const nowMs = useServerNow(offsetMs);
  const { modal } = AntApp.useApp();

  const load = useCallback(() => {
    invoke('case.get', { caseId }).then(setDetail, setError);
  }, [caseId]);
  useEffect(load, [load]);

  const changed = () => {
    load();
    onChanged();
  };
  const act = async (f: () => Promise<CaseSummary>) => {
    setBusy(true);
    setActionError(null);
    try {
      await f();
      setDialog(null);
      changed();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorAlert error={error} title="无法打开办件" />;
  if (!detail) return <Spin description="正在打开办件…" />;
  const s = detail.summary;
  const a = detail.applicant;
  const overdue = s.actions.includes('terminate'); // the handler's rule: 容缺 deadline passed
  const review = reviewLabel(s.reviewStatus);

  return (
    <div className="case-view" data-testid="case-view" data-case-id={s.id} data-status={s.status}>
      <div className="case-head">
        <Button onClick={onBack} data-testid="case-back">
          ← 返回今日办件
        </Button>
        <div className="case-head-number">
          <span className="case-number-label">{numberLabel(s.decision)}</span>
          <span className="case-number" data-testid="case-view-number">
            {s.caseNumber}
          </span>
        </div>
        <Tag color={STATUS_COLOR[s.status]} data-testid="case-status" className="status-tag">
          {CASE_STATUS_LABEL[s.status]}
        </Tag>
        {review && <Tag color="geekblue">后台：{review}</Tag>}
        {s.tier && s.status === 'accepted' && s.dueAt && <Countdown dueAt={s.dueAt} tier={s.tier} nowMs={nowMs} pausedAt={s.clockPausedAt} />}
      </div>

      <div className="case-actions" data-testid="case-actions">
        {s.onTheSpot && s.actions.includes('complete') && (
          <Button
            type="primary"
            size="large"
            loading={busy}
            data-testid="action-complete"
            onClick={() =>
              // 办结 cannot be undone: it asks first (the question opens on 确认, Enter).
              modal.confirm({
                title: '确认办结？',
                content: `${s.caseNumber} · ${s.itemName} · ${s.applicantName}：办结后开始计算出件，不能撤销。`,
                okText: '确认办结',
                cancelText: '取消',
                okButtonProps: { 'data-testid': 'complete-confirm' },
                onOk: () => act(() => invoke('case.complete', { caseId })),
              })
            }
          >
            办结
          </Button>
        )}
        {/* 需补正 open: 办结 waits, and says for what (the handler's blocker). */}
        {s.onTheSpot && !s.actions.includes('complete') && detail.review?.completeWaits && (
          <Tooltip title={detail.review.completeWaits}>
            <Button size="large" disabled data-testid="action-complete-waiting">
              办结（待补正）
            </Button>
          </Tooltip>
        )}
        {/* Once 办结, its place stays taken, so 出件 never appears under the pointer that just clicked 办结. */}
        {s.status === 'completed' && (
          <Button size="large" disabled data-testid="action-completed">
            已办结
          </Button>
        )}
        {s.actions.includes('supplement') && (
          <Button type="primary" size="large" onClick={() => setDialog({ type: 'supplement' })} data-testid="action-supplement">
            补正
          </Button>
        )}
        {s.status === 'awaitingSupplement' && (
          <Tooltip title={overdue ? undefined : `补正期限 ${s.supplementDeadline ? cnDate(s.supplementDeadline) : ''} 届满后才能终止`}>
            <Button size="large" danger disabled={!s.actions.includes('terminate')} onClick={() => setDialog({ type: 'terminate' })} data-testid="action-terminate">
              终止
            </Button>
          </Tooltip>
        )}
        {s.actions.includes('deliver') && (
          <Button type="primary" size="large" onClick={() => setDialog({ type: 'deliver' })} data-testid="action-deliver">
            出件
          </Button>
        )}
        <Button size="large" onClick={() => setDialog({ type: 'notice', kind: MAIN_NOTICE[s.decision] })} data-testid="action-notices">
          打印文书
        </Button>
        <AskRatingScreen caseId={s.id} rated={s.rated} onRated={changed} />
        {s.actions.includes('rate') && (
          <>
            <Button size="large" onClick={() => setDialog({ type: 'rate', source: 'screen' })} data-testid="action-rate">
              好差评
            </Button>
            <Button size="large" onClick={() => setDialog({ type: 'ratingForm' })} data-testid="action-rating-form">
              打印评价表
            </Button>
            <Button size="large" onClick={() => setDialog({ type: 'rate', source: 'paper' })} data-testid="action-rate-paper">
              补录纸质评价
            </Button>
          </>
        )}
      </div>
      <ErrorAlert error={actionError} testId="case-action-error" />
      {detail.review && (
        <ReviewInfo
          review={detail.review}
          onPrintExtension={() => setDialog({ type: 'notice', kind: 'extension' })}
          onPrintSupplement={() => setDialog({ type: 'notice', kind: 'supplementRequest' })}
        />
      )}
      {detail.review?.status === 'needsSupplement' && detail.review.failedMaterials.length > 0 && !detail.review.supplementedAt && (
        <SupplementScans caseId={caseId} failed={detail.review.failedMaterials} onRecorded={load} />
      )}
      {overdue && <Alert type="error" showIcon data-testid="supplement-overdue" title={`补正期限 ${cnDate(s.supplementDeadline!)} 已过，申请人未补正，可终止办理`} style={{ marginBottom: 12 }} />}

      <div className="case-columns">
        <section className="panel case-summary">
          <Descriptions
            size="small"
            column={2}
            styles={{ label: { width: 96 } }}
            items={[
              { key: 'item', label: '事项', span: 2, children: `${s.itemName}（${s.itemCode}）` },
              { key: 'decision', label: '决定', children: DECISION_LABEL[s.decision] },
              { key: 'at', label: '受理时间', children: cnTime(s.acceptedAt) },
              {
                key: 'who',
                label: a.kind === 'person' ? '申请人' : a.kind === 'visitor' ? '来访人' : '申请单位',
                span: 2,
                children: whoLine(a),
              },
              ...(detail.agent ? [{ key: 'agent', label: '代理人', span: 2, children: `${detail.agent.name} · ${maskIdNumber(detail.agent.idNumber)} · ${detail.agent.phone}` }] : []),
              ...(s.tier ? [{ key: 'tier', label: '立等可取', children: `${TIER_LABEL[s.tier]}${s.clockPausedAt ? '，需补正期间暂停计时' : s.dueAt ? `，${cnTime(s.dueAt, false)} 前办结` : ''}` }] : []),
              ...(s.elapsedSeconds !== null
                ? [
                    {
                      key: 'elapsed',
                      label: '办结用时',
                      children: (
                        <span data-testid="case-elapsed" className={elapsedText(s.elapsedSeconds, s.tier).within ? '' : 'clock-over'}>
                          {elapsedText(s.elapsedSeconds, s.tier).text}
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(s.promisedDate ? [{ key: 'promised', label: '承诺办结', children: cnDate(s.promisedDate) }] : []),
              ...(s.supplementDeadline ? [{ key: 'deadline', label: '补正期限', children: <span className={overdue ? 'clock-over' : ''}>{cnDate(s.supplementDeadline)}</span> }] : []),
              { key: 'clerk', label: '经办人工号', children: s.staffNo },
              { key: 'rated', label: '好差评', children: s.rated ? '已评价' : '未评价' },
            ]}
          />
        </section>
        <section className="panel case-materials" aria-label="申请材料">
          <h3 className="panel-title">
            申请材料
            {detail.pageUploads && detail.pageUploads.total > 0 && (
              <span className={`page-upload-tally${detail.pageUploads.uploaded < detail.pageUploads.total ? ' waiting' : ''}`} data-testid="case-page-uploads">
                材料已上传 {detail.pageUploads.uploaded}/{detail.pageUploads.total}
              </span>
            )}
          </h3>
          <CaseMaterials caseId={detail.summary.id} materials={detail.materials} supplementDeadline={s.supplementDeadline} overdue={overdue} />
        </section>
        <section className="panel case-timeline" aria-label="办件记录">
          <h3 className="panel-title">办件记录</h3>
          <Timeline
            data-testid="case-timeline"
            items={detail.events.map((e) => ({
              key: e.id,
              content: (
                <div className="timeline-line">
                  <span className="timeline-time">{cnTime(e.at)}</span>
                  <span>{e.summary}</span>
                  {e.staffNo && <span className="timeline-staff">工号 {e.staffNo}</span>}
                </div>
              ),
            }))}
          />
        </section>
      </div>

      {dialog?.type === 'notice' && <NoticePreview caseId={s.id} caseNumber={s.caseNumber} kind={dialog.kind} onClose={() => setDialog(null)} />}
      {dialog?.type === 'deliver' && (
        <DeliverDialog
          summary={s}
          legalRepresentative={a.kind === 'organisation' ? a.legalRepresentative : null}
          onClose={() => setDialog(null)}
          onDelivered={changed}
          onPrintReceipt={() => setDialog({ type: 'notice', kind: 'deliveryReceipt' })}
          onRate={() => setDialog({ type: 'rate', source: 'screen' })}
          onRated={changed}
        />
      )}
      {dialog?.type === 'ratingForm' && <RatingFormDialog caseId={s.id} caseNumber={s.caseNumber} onClose={() => setDialog(null)} />}
      {dialog?.type === 'rate' && <RatingPanel caseId={s.id} caseNumber={s.caseNumber} source={dialog.source} onClose={() => setDialog(null)} onRated={changed} />}
      {(dialog?.type === 'supplement' || dialog?.type === 'terminate') && (
        <FollowUpDialog
          type={dialog.type}
          busy={busy}
          error={actionError}
          onCancel={() => setDialog(null)}
          onConfirm={(text) => act(() => (dialog.type === 'supplement' ? invoke('case.supplement', { caseId, note: text }) : invoke('case.terminate', { caseId, reason: text })))}
        />
      )}
    </div>
  );
}
