// 好差评: five large buttons the applicant can press on the clerk's screen (or the clerk
// enters a paper form's rating later). 不满意 and 非常不满意 need a reason category.
// One rating per case; the handler refuses a second one.
import { useState } from 'react';
import { Alert, Button, Input, Modal, Radio } from 'antd';
import { DISSATISFACTION_REASONS, RATING_LABEL, RATING_LEVELS, ratingNeedsReason, type RatingLevel } from '../../../shared/domain/case';
import { invoke } from '../api';
import { ErrorAlert } from './ErrorAlert';


export function RatingPanel({ caseId, caseNumber, source, onClose, onRated }: { caseId: string; caseNumber: string; source: 'screen' | 'paper'; onClose: () => void; onRated: () => void }) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [formNumber, setFormNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const submit = async () => {
    if (!level) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('case.rate', { caseId, level, reasonCategory: ratingNeedsReason(level) ? (reason as (typeof DISSATISFACTION_REASONS)[number]) : null, source, comment, ...(source === 'paper' ? { formNumber: formNumber.trim() } : {}) });
      setDone(true);
      onRated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const missingReason = ratingNeedsReason(level) && !reason;
  const missingForm = source === 'paper' && !formNumber.trim();

  return (
    <Modal
      open
      width={820}
      title={source === 'screen' ? '请您对本次服务作出评价' : `补录纸质评价 · ${caseNumber}`}
      onCancel={onClose}
      maskClosable={false}
      data-testid="rating-panel"
      footer={
        done ? (
          <Button type="primary" onClick={onClose} data-testid="rating-close">
            完成
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" size="large" disabled={!level || missingReason || missingForm} loading={busy} onClick={submit} data-testid="rating-submit">
              提交评价
            </Button>
          </>
        )
      }
    >
      {done ? (
        <Alert type="success" showIcon data-testid="rating-done" title={`已记录评价：${RATING_LABEL[level!]}`} description={source === 'screen' ? '感谢您的评价！' : '纸质评价已补录。'} />
      ) : (
        <>
          {source === 'screen' && <p className="rating-lead">办件编号 {caseNumber} · 您的评价将帮助我们改进服务</p>}
          {source === 'paper' && (
            <div className="rating-form-number">
              <label className="decision-label" htmlFor="rating-form-number">
                纸质评价表编号（必填，表上印制或手写的编号）
              </label>
              <Input id="rating-form-number" autoFocus maxLength={40} value={formNumber} onChange={(e) => setFormNumber(e.target.value)} data-testid="rating-form-number" style={{ maxWidth: 320, marginBottom: 12 }} />
            </div>
          )}
          <div className="rating-levels" role="radiogroup" aria-label="评价等级">
            {RATING_LEVELS.map((l) => (
              <button
                key={l}
                type="button"
                role="radio"
                aria-checked={level === l}
                className={`rating-level rating-${l}${level === l ? ' chosen' : ''}`}
                onClick={() => {
                  setLevel(l);
                  if (!ratingNeedsReason(l)) setReason(null);
                }}
                data-testid={`rating-${l}`}
              >
                {RATING_LABEL[l]}
              </button>
            ))}
          </div>
          {ratingNeedsReason(level) && (
            <div className="rating-reasons" data-testid="rating-reasons">
              <div className="decision-label">请选择不满意的原因（必选）</div>
              <Radio.Group optionType="button" size="large" className="rating-reason-options" value={reason} onChange={(e) => setReason(e.target.value as string)} options={DISSATISFACTION_REASONS.map((r) => ({ value: r, label: r }))} />
              {missingReason && <div className="material-reason" data-testid="rating-reason-required">请选择原因后再提交</div>}
            </div>
          )}
          {level && <Input.TextArea className="rating-comment" placeholder="意见或建议（可不填）" maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} value={comment} onChange={(e) => setComment(e.target.value)} />}
          <ErrorAlert error={error} testId="rating-error" />
        </>
      )}
    </Modal>
  );
}
