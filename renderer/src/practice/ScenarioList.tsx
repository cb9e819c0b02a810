// The trainee's choice of scenario: every usable scenario by pack, or a class session's
// scenarios in the trainer's order. Shows what the applicant looks like, never the answer.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Empty, Select, Spin, Tag } from 'antd';
import { LEVEL_LABEL } from '../../../shared/domain/catalogue';
import type { PackSummary, ScenarioSummary, SessionView } from '../../../shared/practice/api';
import { formatDuration } from '../../../shared/practice/scoring';
import { invoke } from '../api';

const LEVEL_COLOR: Record<ScenarioSummary['level'], string> = { 入门: 'green', 进阶: 'blue', 综合: 'purple' };

export function ScenarioList({ onStart, busy }: { onStart: (s: ScenarioSummary) => void; busy: boolean }) {
  const [data, setData] = useState<{ packs: PackSummary[]; scenarios: ScenarioSummary[]; sessions: SessionView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string>('');

  useEffect(() => {
    Promise.all([invoke('practice.scenarios', {}), invoke('practice.sessions', {})]).then(
      ([s, c]) => setData({ ...s, sessions: c.sessions }),
      (e: Error) => setError(e.message),
    );
  }, []);

  const session = data?.sessions.find((s) => s.id === sessionId) ?? null;
  // A session lists its scenarios in the trainer's order; otherwise pack by pack.
  const shown = useMemo(() => {
    if (!data) return [];
    if (!session) return data.scenarios;
    return session.scenarioIds.flatMap((id) => data.scenarios.filter((s) => s.packId === session.packId && s.id === id));
  }, [data, session]);

  if (error) return <Alert type="error" showIcon title="无法读取练习场景" description={error} />;
  if (!data) return <Spin description="正在读取练习场景…" />;
  const packTitle = (id: string) => data.packs.find((p) => p.id === id)?.title ?? id;

  return (
    <div className="practice-scenarios" data-testid="practice-scenarios">
      {data.sessions.length > 0 && (
        <Select
          className="practice-session-select"
          value={sessionId}
          onChange={setSessionId}
          aria-label="课程"
          data-testid="practice-session-select"
          options={[{ value: '', label: '全部场景' }, ...data.sessions.map((s) => ({ value: s.id, label: `课程：${s.title}（${s.scenarioIds.length} 个场景）` }))]}
        />
      )}
      {shown.length === 0 && <Empty description="没有可用的练习场景" />}
      <ol className="practice-scenario-list">
        {shown.map((s, i) => (
          <li key={`${s.packId}/${s.id}`} className="practice-scenario" data-testid={`scenario-${s.packId}-${s.id}`}>
            <div className="practice-scenario-head">
              {session && <span className="practice-order">{i + 1}</span>}
              <strong>{s.title}</strong>
            </div>
            <div className="practice-scenario-meta">
              <Tag color={LEVEL_COLOR[s.level]}>{s.level}</Tag>
              <span>{LEVEL_LABEL[s.officeLevel]}窗口</span>
              <span>目标 {formatDuration(s.timeTargetSeconds)}</span>
              {!session && <span className="practice-pack-name">{packTitle(s.packId)}</span>}
            </div>
            <div className="practice-persona-summary">{s.personaSummary}</div>
            <Button size="small" type="primary" disabled={busy} onClick={() => onStart(s)} data-testid={`start-${s.packId}-${s.id}`}>
              开始练习
            </Button>
          </li>
        ))}
      </ol>
    </div>
  );
}
