// The practice column beside the ordinary intake screen: choose a scenario, meet the
// applicant at the desk while doing the intake on the left, then the score. Folds away to a
// narrow strip when the trainee needs the room.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import type { AttemptView, FinishOutput } from '../../../shared/practice/api';
import { invoke } from '../api';
import { AttemptDesk, type DeskOutcome } from './AttemptDesk';
import { ScenarioList } from './ScenarioList';
import { ScoreCard } from './ScoreCard';
import { noticeKindOf, useIntakeFollow } from './intakeFollow';
import './practice.css';

type Stage = { kind: 'list' } | { kind: 'desk'; view: AttemptView; startedAt: number } | { kind: 'score'; view: AttemptView; done: FinishOutput };

/** `onStarted`: a new applicant is at the window (the intake starts afresh, the seat may have moved office). */
export function PracticeSide({ onStarted }: { onStarted: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'list' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [folded, setFolded] = useState(false);
  const follow = useIntakeFollow(stage.kind === 'desk' ? stage.view.attemptId : null);

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
      setStage({ kind: 'desk', view, startedAt: Date.now() });
      onStarted();
    });
  const finish = (view: AttemptView, o: DeskOutcome) =>
    run(async () => {
      const c = follow.decided;
      const done = await invoke('practice.finish', { attemptId: view.attemptId, caseId: c?.caseId ?? null, flaggedInvalidId: o.flaggedInvalidId, noticeKind: c ? noticeKindOf(c) : null });
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
        {stage.kind === 'list' && <ScenarioList busy={busy} onStart={(s) => start(s.packId, s.id)} />}
        {stage.kind === 'desk' && <AttemptDesk view={stage.view} follow={follow} startedAt={stage.startedAt} busy={busy} onFinish={(o) => finish(stage.view, o)} />}
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
