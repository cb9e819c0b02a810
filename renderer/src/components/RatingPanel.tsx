// 好差评: five large buttons the applicant can press on the clerk's screen (or the clerk
// enters a paper form's rating later, with the date written on the form). The reasons are the
// centre's coded list for the level's class: optional for 好评 and 中评, at least one for 差评.
// One rating per case; the handler refuses a second one and one dated before the visit.
// Keyboard (docs/architecture.md §12): digits 1–5 choose the level (outside a text field); as soon as the
// rating can be submitted 提交评价 has the keyboard, so Enter confirms; once recorded, 完成 has it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Input, Modal } from 'antd';
import { RATING_LABEL, RATING_LEVELS, ratingNeedsReason, type RatingLevel } from '../../../shared/domain/case';
import { RATING_CLASS, RATING_CLASS_LABEL, reasonsFor } from '../../../shared/domain/ratingReasons';
import { chinaDay } from '../../../shared/time';
import { invoke } from '../api';
import { toggleCode, useRatingReasons } from '../rating/useRatingReasons';
import { ErrorAlert } from './ErrorAlert';

export function RatingPanel({ caseId, caseNumber, source, onClose, onRated }: { caseId: string; caseNumber: string; source: 'screen' | 'paper'; onClose: () => void; onRated: () => void }) {
  const { reasons: list, error: listError } = useRatingReasons();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [formDate, setFormDate] = useState(() => chinaDay(new Date()));
  const [formNumber, setFormNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const submit = async () => {
    if (!level) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('case.rate', { caseId, level, reasons, source, comment, ...(source === 'paper' ? { formDate, formNumber: formNumber.trim() } : {}) });
      setDone(true);
      onRated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const missingReason = ratingNeedsReason(level) && reasons.length === 0;
  const offered = level && list ? reasonsFor(list, level) : [];
  const missingForm = source === 'paper' && (!formNumber.trim() || !formDate);
  const ready = level !== null && !missingReason && !missingForm;
  const submitButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const levels = useRef<HTMLDivElement>(null);
  // The paper form's number field starts; on the screen the levels take the keyboard.
  const focusStart = () => {
    if (source === 'paper') document.getElementById('rating-form-number')?.focus(); // autoFocus alone can miss: dialogFocus.ts
    else if (!level) levels.current?.querySelector<HTMLButtonElement>('button')?.focus();
  };
  // Recorded: 完成 takes the keyboard, and Enter closes wherever the focus fell when 提交评价 left the DOM.
  useEffect(() => {
    if (!done) return;
    const t = window.setTimeout(() => closeButton.current?.focus());
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing) return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(t);
      window.removeEventListener('keydown', onKey);
    };
  }, [done, onClose]);
  // Focus 提交评价 when a level makes it pressable (a 差评 waits for its reasons: Tab reaches it).
  const choose = (l: RatingLevel) => {
    // Reasons belong to a class: a change of class starts the choice again.
    const keep = level !== null && RATING_CLASS[level] === RATING_CLASS[l];
    if (!keep) setReasons([]);
    setLevel(l);
    const willBeReady = !(ratingNeedsReason(l) && (keep ? reasons : []).length === 0) && !missingForm;
    if (willBeReady) window.setTimeout(() => submitButton.current?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (done || t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) return;
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= RATING_LEVELS.length) {
      e.preventDefault();
      choose(RATING_LEVELS[n - 1]);
    }
  };

  return (
    <Modal
      open
      width={860}
      title={source === 'screen' ? '请您对本次服务作出评价' : `补录纸质评价 · ${caseNumber}`}
      onCancel={onClose}
      maskClosable={false}
      data-testid="rating-panel"
      afterOpenChange={(open) => open && focusStart()}
      modalRender={(node) => <div onKeyDown={onKeyDown}>{node}</div>}
      footer={
        done ? (
          <Button type="primary" ref={closeButton} onClick={onClose} data-testid="rating-close">
            完成
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" size="large" ref={submitButton} disabled={!ready} loading={busy} onClick={submit} data-testid="rating-submit">
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
            <>
              <div className="rating-form-number">
                <label className="decision-label" htmlFor="rating-form-number">
                  纸质评价表编号（必填，表上印制或手写的编号）
                </label>
                <Input id="rating-form-number" autoFocus maxLength={40} value={formNumber} onChange={(e) => setFormNumber(e.target.value)} data-testid="rating-form-number" style={{ maxWidth: 320, marginBottom: 12 }} />
              </div>
              <label className="rating-form-date">
                评价表上的日期
                <Input type="date" value={formDate} max={chinaDay(new Date())} onChange={(e) => { setFormDate(e.target.value); setError(null); }} data-testid="rating-form-date" style={{ width: 180 }} />
              </label>
            </>
          )}
          <div className="rating-levels" role="radiogroup" aria-label="评价等级（数字键 1–5）" ref={levels}>
            {RATING_LEVELS.map((l) => (
              <button
                key={l}
                type="button"
                role="radio"
                aria-checked={level === l}
                className={`rating-level rating-${l}${level === l ? ' chosen' : ''}`}
                onClick={() => choose(l)}
                data-testid={`rating-${l}`}
              >
                {RATING_LABEL[l]}
              </button>
            ))}
          </div>
          {level && (
            <div className="rating-reasons" data-testid="rating-reasons" data-class={RATING_CLASS[level]}>
              <div className="decision-label">
                {RATING_CLASS_LABEL[RATING_CLASS[level]]}原因{ratingNeedsReason(level) ? '（至少选择一项）' : '（可多选，可不选）'}
              </div>
              <div className="rating-reason-options" role="group" aria-label="评价原因">
                {offered.map((r) => (
                  <button
                    key={r.code}
                    type="button"
                    aria-pressed={reasons.includes(r.code)}
                    className={`rating-reason${reasons.includes(r.code) ? ' chosen' : ''}`}
                    onClick={() => setReasons((c) => toggleCode(c, r.code))}
                    data-testid={`rating-reason-${r.code}`}
                  >
                    {r.text}
                  </button>
                ))}
              </div>
              {missingReason && <div className="material-reason" data-testid="rating-reason-required">差评请选择原因后再提交</div>}
            </div>
          )}
          {level && <Input.TextArea className="rating-comment" placeholder="意见或建议（可不填）" maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} value={comment} onChange={(e) => setComment(e.target.value)} />}
          <ErrorAlert error={listError ?? error} testId="rating-error" />
        </>
      )}
    </Modal>
  );
}
