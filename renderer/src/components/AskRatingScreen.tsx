// 请申请人在评价器上评价: sends the rating request to the applicant-facing second screen and
// waits (polling) until the rating arrives, shown here, or the request ends. Every instance
// follows requests sent by another (the deliver dialog and the case view show the same case),
// and one mounted later picks up a request still pending. RatingPanel stays the fallback.
import { useEffect, useRef, useState } from 'react';
import { Button, Spin } from 'antd';
import { invoke, onInvoked } from '../api';
import { ErrorAlert } from './ErrorAlert';

const POLL_MS = 1000;
type State = { kind: 'idle' } | { kind: 'waiting' } | { kind: 'rated'; text: string } | { kind: 'ended' };

export function AskRatingScreen({ caseId, rated, onRated }: { caseId: string; rated: boolean; onRated: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onRatedRef = useRef(onRated);
  onRatedRef.current = onRated;

  useEffect(() => {
    setState({ kind: 'idle' });
    invoke('rating.pending', {}).then(
      (p) => p?.caseId === caseId && setState((s) => (s.kind === 'idle' ? { kind: 'waiting' } : s)),
      () => undefined,
    );
    return onInvoked((channel, input) => {
      const forThis = (input as { caseId?: string } | null)?.caseId;
      if (channel === 'rating.request') setState(forThis === caseId ? { kind: 'waiting' } : (s) => (s.kind === 'waiting' ? { kind: 'ended' } : s));
      if (channel === 'rating.cancel' && (!forThis || forThis === caseId)) setState((s) => (s.kind === 'waiting' ? { kind: 'idle' } : s));
    });
  }, [caseId]);

  useEffect(() => {
    if (state.kind !== 'waiting') return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const pending = await invoke('rating.pending', {});
        if (stopped) return;
        if (pending?.caseId === caseId) {
          timer = setTimeout(tick, POLL_MS);
          return;
        }
        // The request ended: rated on the 评价器 (or meanwhile on this screen), or not.
        const detail = await invoke('case.get', { caseId });
        if (stopped) return;
        const event = [...detail.events].reverse().find((e) => e.type === 'case.rated');
        setState(detail.summary.rated ? { kind: 'rated', text: event?.summary.replace(/^好差评：/, '') ?? '已评价' } : { kind: 'ended' });
        if (detail.summary.rated) onRatedRef.current();
      } catch {
        if (!stopped) timer = setTimeout(tick, POLL_MS); // a hiccup: ask again
      }
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [state.kind, caseId]);

  const send = async (channel: 'rating.request' | 'rating.cancel') => {
    setBusy(true);
    setError(null);
    try {
      await invoke(channel, { caseId }); // the onInvoked listener moves the state
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (state.kind === 'rated') {
    return (
      <div className="ask-rating ask-rating-result" data-testid="ask-rating-result">
        申请人已评价：{state.text}
      </div>
    );
  }
  if (rated) return null;
  return (
    <div className="ask-rating" data-testid="ask-rating" data-state={state.kind}>
      {state.kind === 'waiting' ? (
        <>
          <span className="ask-rating-waiting" data-testid="ask-rating-waiting">
            <Spin size="small" /> 等待申请人评价…
          </span>
          <Button size="large" loading={busy} onClick={() => send('rating.cancel')} data-testid="ask-rating-cancel">
            取消评价请求
          </Button>
        </>
      ) : (
        <>
          <Button size="large" loading={busy} onClick={() => send('rating.request')} data-testid="ask-rating-send">
            请申请人在评价器上评价
          </Button>
          {state.kind === 'ended' && <span className="ask-rating-note">评价请求已结束，申请人未评价</span>}
        </>
      )}
      {error != null && (
        <div className="ask-rating-error">
          <ErrorAlert error={error} testId="ask-rating-error" />
        </div>
      )}
    </div>
  );
}
