// 评价器: the applicant-facing second screen (index.html#rating-screen), served by the same
// host and sign-in as the clerk's window. Idle it welcomes; when the clerk asks for a rating it
// shows the item, the clerk's name and 工号, five large buttons and, for 不满意 or worse, the
// reasons; then thanks for a few seconds and idles again. It learns everything by polling.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkstationContext } from '../../../shared/contract';
import { RATING_LABEL, RATING_LEVELS, ratingNeedsReason, type RatingLevel, type RatingRequest } from '../../../shared/domain/case';
import { RATING_CLASS, RATING_CLASS_LABEL, reasonsFor, type RatingReason } from '../../../shared/domain/ratingReasons';
import { toggleCode } from '../rating/useRatingReasons';
import { ApiError, invoke } from '../api';
import { Face } from './Face';
import './ratingScreen.css';

const POLL_MS = 1000;
const CONTEXT_MS = 30_000;
const THANKS_MS = 4000;
const sameRequest = (a: RatingRequest | null, b: RatingRequest | null) => a?.caseId === b?.caseId && a?.requestedAt === b?.requestedAt;

/** Calls `f` now and every `ms` until unmounted, never two at once. */
function usePoll(f: () => Promise<unknown>, ms: number) {
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      void f().finally(() => {
        if (!stopped) timer = setTimeout(tick, ms);
      });
    };
    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [f, ms]);
}

export function RatingScreen() {
  const [context, setContext] = useState<WorkstationContext | null>(null);
  const [request, setRequest] = useState<RatingRequest | null>(null);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  // The window's list, fetched with the context (a new catalogue may bring a new one).
  const [list, setList] = useState<RatingReason[]>([]);
  const [thanks, setThanks] = useState<RatingLevel | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pollContext = useCallback(
    () => Promise.all([invoke('app.context', {}).then(setContext, () => undefined), invoke('rating.reasons', {}).then((r) => setList(r.reasons), () => undefined)]),
    [],
  );
  // Sign-in or sign-out at the clerk's window shows here at once, not at the next context poll.
  const signedIn = useRef<boolean | null>(null);
  const pollPending = useCallback(() => {
    const follow = (now: boolean) => {
      if (signedIn.current !== null && signedIn.current !== now) void pollContext();
      signedIn.current = now;
    };
    return invoke('rating.pending', {}).then(
      (next) => {
        follow(true);
        setRequest((cur) => (sameRequest(cur, next) ? cur : next));
      },
      (e: unknown) => {
        // Nobody signed in at the window: nothing to rate. Other failures: keep what is shown.
        if (!(e instanceof ApiError && e.code === 'unauthenticated')) return;
        follow(false);
        setRequest(null);
      },
    );
  }, [pollContext]);
  usePoll(pollContext, CONTEXT_MS);
  usePoll(pollPending, POLL_MS);

  // A new request (or none) starts from a clean choice.
  useEffect(() => {
    setLevel(null);
    setReasons([]);
    setError(null);
  }, [request?.caseId, request?.requestedAt]);

  useEffect(() => {
    if (!thanks) return;
    const t = setTimeout(() => setThanks(null), THANKS_MS);
    return () => clearTimeout(t);
  }, [thanks]);

  useEffect(() => {
    document.title = '一窗 · 评价器';
  }, []);

  const submit = async () => {
    if (!request || !level) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('rating.submit', { caseId: request.caseId, level, reasons });
      setThanks(level);
      setRequest(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const windowName = request?.windowName ?? context?.window.name ?? '';
  const bar = (
    <header className="rs-bar">
      <span>{context?.office.name ?? '政务服务中心'}</span>
      <span>
        {context?.practice && <span className="rs-practice">练习模式</span>}
        {windowName}
      </span>
    </header>
  );

  if (thanks) {
    return (
      <div className="rs" data-testid="rating-screen" data-state="thanks">
        {bar}
        <main className="rs-main">
          <svg viewBox="0 0 100 100" className="rs-check" aria-hidden="true">
            <circle cx="50" cy="50" r="46" fill="#389e0d" />
            <path d="M28 52 L44 67 L73 36" fill="none" stroke="#fff" strokeWidth="9" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <div className="rs-welcome" data-testid="rating-screen-thanks">
            感谢您的评价
          </div>
          <div className="rs-sub">您的评价：{RATING_LABEL[thanks]}。我们将持续改进服务。</div>
        </main>
      </div>
    );
  }

  if (!request) {
    const clerk = context?.clerk;
    return (
      <div className="rs" data-testid="rating-screen" data-state="idle">
        {bar}
        <main className="rs-main">
          <div className="rs-welcome" data-testid="rating-screen-welcome">
            欢迎评价
            {windowName && (
              <>
                {/* Read as one line, shown as two: a long window name never splits the greeting. */}
                <span className="rs-sep"> · </span>
                <span className="rs-window">{windowName}</span>
              </>
            )}
          </div>
          <div className="rs-sub">办事完成后，请在此屏幕上对我们的服务作出评价</div>
          {clerk ? (
            <div className="rs-staff">
              工作人员 <b>{clerk.name}</b>　工号 <b>{clerk.staffNo}</b>　为您服务
            </div>
          ) : (
            <div className="rs-staff rs-staff-away">本窗口暂无工作人员，请稍候</div>
          )}
        </main>
      </div>
    );
  }

  const missingReason = ratingNeedsReason(level) && reasons.length === 0;
  return (
    <div className="rs" data-testid="rating-screen" data-state="ask" data-case-id={request.caseId}>
      {bar}
      <main className="rs-main rs-ask">
        <h1 className="rs-title">请您对本次服务作出评价</h1>
        <div className="rs-facts">
          <span>
            办理事项 <b data-testid="rating-screen-item">{request.itemName}</b>
          </span>
          <span>
            工作人员 <b data-testid="rating-screen-clerk">{request.clerkName}</b>（工号 {request.staffNo}）
          </span>
        </div>
        <div className="rs-levels" role="radiogroup" aria-label="评价等级">
          {RATING_LEVELS.map((l) => (
            <button
              key={l}
              type="button"
              role="radio"
              aria-checked={level === l}
              className={`rs-level rs-${l}${level === l ? ' chosen' : ''}`}
              onClick={() => {
                setLevel(l);
                setError(null);
                // Reasons belong to a class: a change of class starts the choice again.
                if (!level || RATING_CLASS[level] !== RATING_CLASS[l]) setReasons([]);
              }}
              data-testid={`rs-level-${l}`}
            >
              <Face level={l} />
              {RATING_LABEL[l]}
            </button>
          ))}
        </div>
        {level && (
          <div className="rs-reasons-box" data-testid="rs-reasons" data-class={RATING_CLASS[level]}>
            <div className="rs-reasons-title">
              {RATING_CLASS_LABEL[RATING_CLASS[level]]}原因
              {ratingNeedsReason(level) ? <span className={missingReason ? 'rs-required' : undefined}>（请至少选择一项）</span> : <span>（可多选，可不选）</span>}
            </div>
            <div className="rs-reasons" role="group" aria-label="评价原因">
              {reasonsFor(list, level).map((r) => (
                <button
                  key={r.code}
                  type="button"
                  aria-pressed={reasons.includes(r.code)}
                  className={`rs-reason${reasons.includes(r.code) ? ' chosen' : ''}`}
                  onClick={() => setReasons((c) => toggleCode(c, r.code))}
                  data-testid={`rs-reason-${r.code}`}
                >
                  {r.text}
                </button>
              ))}
            </div>
          </div>
        )}
        {error && (
          <div className="rs-error" role="alert" data-testid="rs-error">
            评价未能提交：{error}
          </div>
        )}
        <button type="button" className="rs-submit" disabled={!level || missingReason || busy} onClick={submit} data-testid="rs-submit">
          {busy ? '正在提交…' : !level ? '请点选上方的评价' : missingReason ? '请先选择原因' : '提交评价'}
        </button>
      </main>
    </div>
  );
}
