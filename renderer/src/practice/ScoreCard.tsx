// The end of an attempt: the score, the time against the target, and feedback point by
// point, each naming the mistake; 重做 starts a new attempt (every attempt is kept).
import { Alert, Button, Result, Tag } from 'antd';
import type { FinishOutput } from '../../../shared/practice/api';
import { formatDuration } from '../../../shared/practice/scoring';

export function ScoreCard({ title, done, onRetry, onList, busy }: { title: string; done: FinishOutput; onRetry: () => void; onList: () => void; busy: boolean }) {
  const { result } = done;
  return (
    <div className="practice-score" data-testid="practice-score" data-score={result.score}>
      <Result
        status={result.passed ? 'success' : 'warning'}
        title={
          <span>
            <span className="practice-score-number" data-testid="practice-score-number">
              {result.score}
            </span>
            <span className="practice-score-max"> / {result.maxScore} 分</span>
          </span>
        }
        subTitle={
          <>
            <div>{title}</div>
            <Tag color={result.passed ? 'green' : 'red'}>{result.passed ? '通过' : '未通过'}</Tag>
            <span>
              用时 {formatDuration(done.elapsedSeconds)}（目标 {formatDuration(done.timeTargetSeconds)}）
            </span>
          </>
        }
      />
      <ol className="practice-points" data-testid="practice-points">
        {result.points.map((p) => (
          <li key={p.key} className={p.feedback ? 'lost' : 'earned'} data-key={p.key}>
            <span className="practice-point-label">{p.label}</span>
            <span className="practice-point-score">
              {p.earned}/{p.max}
            </span>
            {p.feedback && <div className="practice-point-feedback">{p.feedback}</div>}
          </li>
        ))}
      </ol>
      {done.explanation && <Alert type="info" showIcon title="培训师讲解" description={done.explanation} style={{ margin: '8px 0' }} data-testid="practice-explanation" />}
      <div className="practice-dialog-actions">
        <Button onClick={onList}>返回场景列表</Button>
        <Button type="primary" loading={busy} onClick={onRetry} data-testid="practice-retry">
          重做
        </Button>
      </div>
    </div>
  );
}
