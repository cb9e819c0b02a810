// The attempt's running time against the scenario's target, ticking once a second.
import { useEffect, useState } from 'react';
import { formatDuration } from '../../../shared/practice/scoring';

export function RunningTime({ startedAt, targetSeconds }: { startedAt: number; targetSeconds: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  const elapsed = Math.max(0, Math.floor((now - startedAt) / 1000));
  const over = elapsed > targetSeconds;
  return (
    <span className={`practice-time${over ? ' over' : ''}`} data-testid="practice-time" title="用时 / 目标用时">
      {formatDuration(elapsed)} / 目标 {formatDuration(targetSeconds)}
    </span>
  );
}
