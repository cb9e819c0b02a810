// The practice column beside the ordinary intake screen: choose a scenario, meet the
// applicant at the desk while doing the intake on the left, then the score. Folds away to a
// narrow strip when the trainee needs the room.
import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import type { AttemptView, FinishOutput, ResumedAttempt } from '../../../shared/practice/api';
import { invoke } from '../api';
import { AttemptDesk, type DeskOutcome } from './AttemptDesk';
import { ScenarioList } from './ScenarioList';
import { ScoreCard } from './ScoreCard';
import { useIntakeFollow } from './intakeFollow';
import './practice.css';

type Resumed = { inspected: Record<string, string>; decided: ResumedAttempt['decided'] };
type Stage = { kind: 'list' } | { kind: 'desk'; view: AttemptView; startedAt: number; resumed?: Resumed } | { kind: 'score'; view: AttemptView; done: FinishOutput };

/** `onStarted`: a new applicant is at the window (the intake starts afresh, the seat may have moved office). */
export function PracticeSide({ onStarted }: { onStarted: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'list' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [folded, setFolded] = useState(false);
  // Until the practice database has been asked for an unfinished attempt, nothing new can start.
  const [checking, setChecking] = useState(true);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const resumedDecided = stage.kind === 'desk' && stage.resumed?.decided ? { ...stage.resumed.decided, printed: [] } : null;
  const follow = useIntakeFollow(stage.kind === 'desk' ? stage.view.attemptId : null, resumedDecided);

  // After signing in (the renderer's state is gone), pick up this trainee's unfinished attempt.
  useEffect(() => {
    let live = true;
    invoke('practice.current', {})
      .then(({ current, unavailable }) => {
        if (!live) return;
        setUnavailable(unavailable);
        if (!current) return;
        // The workstation's clock measures the attempt; the timer here runs from "that long ago".
        setStage({
          kind: 'desk',
          view: current.view,
          startedAt: Date.now() - current.elapsedSeconds * 1000,
          resumed: { inspected: Object.fromEntries(current.inspected.map((c) => [c.cardId, c.text])), decided: current.decided },
        });
        onStarted();
      })
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
    // Once per mount: a sign-in mounts the workbench afresh.
  }, []);

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const start = (packId: string, scenarioId: string) =>
    run(async () => {
      const view = await invoke('practice.start', { packId, scenarioId });
      setUnavailable(null);
      setStage({ kind: 'desk', view, startedAt: Date.now() });
      onStarted();
    });
  const finish = (view: AttemptView, o: DeskOutcome) =>
    run(async () => {
      const c = follow.decided;
      const done = await invoke('practice.finish', { attemptId: view.attemptId, caseId: c?.caseId ?? null, flaggedInvalidId: o.flaggedInvalidId });
      setStage({ kind: 'score', view, done });
    });

  if (folded) {
    return (
      <aside className="practice-side folded" aria-label="练习">
        <Button type="text" className="practice-fold" onClick={() => setFolded(false)} data-testid="practice-unfold" title="展开练习面板">
          练习面板 ◂
        </Button>
      </aside>
    );
  }
  return (
    <aside className="practice-side" aria-label="练习" data-testid="practice-side">
      <div className="practice-side-head">
        <span>练习</span>
        <Button type="text" size="small" className="practice-fold" onClick={() => setFolded(true)} title="收起练习面板">
          收起 ▸
        </Button>
      </div>
      <div className="practice-side-body">
        {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 8 }} data-testid="practice-error" />}
        {stage.kind === 'list' && unavailable && <Alert type="warning" showIcon closable title={unavailable} style={{ marginBottom: 8 }} data-testid="practice-unavailable" />}
        {stage.kind === 'list' && <ScenarioList busy={busy || checking} onStart={(s) => start(s.packId, s.id)} />}
        {stage.kind === 'desk' && (
          <AttemptDesk
            key={stage.view.attemptId}
            view={stage.view}
            follow={follow}
            startedAt={stage.startedAt}
            busy={busy}
            onFinish={(o) => finish(stage.view, o)}
            resumedInspected={stage.resumed?.inspected}
          />
        )}
        {stage.kind === 'score' && (
          <ScoreCard
            title={stage.view.scenario.title}
            done={stage.done}
            busy={busy}
            onRetry={() => start(stage.view.scenario.packId, stage.view.scenario.id)}
            onList={() => setStage({ kind: 'list' })}
          />
        )}
      </div>
    </aside>
  );
}
