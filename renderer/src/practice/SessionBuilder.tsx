// Class sessions (课程): an ordered list of one pack's scenarios that a class runs in turn.
// The order of picking is the order of the class; ↑ ↓ move a scenario.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Input, Popconfirm, Select, Table } from 'antd';
import type { PackSummary, ScenarioSummary, SessionView } from '../../../shared/practice/api';
import { invoke } from '../api';

export function SessionBuilder({ version }: { version: number }) {
  const [packs, setPacks] = useState<PackSummary[]>([]);
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [title, setTitle] = useState('');
  const [packId, setPackId] = useState('builtin');
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    Promise.all([invoke('practice.scenarios', {}), invoke('practice.sessions', {})]).then(
      ([s, c]) => {
        setPacks(s.packs);
        setScenarios(s.scenarios);
        setSessions(c.sessions);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load, version]);

  const ofPack = scenarios.filter((s) => s.packId === packId);
  const titleOf = (pack: string, id: string) => scenarios.find((s) => s.packId === pack && s.id === id)?.title ?? id;
  const move = (i: number, by: -1 | 1) =>
    setPicked((p) => {
      const next = [...p];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      await invoke('practice.createSession', { title, packId, scenarioIds: picked });
      setTitle('');
      setPicked([]);
      load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    try {
      await invoke('practice.deleteSession', { id });
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="practice-admin practice-sessions" data-testid="session-builder">
      <div className="practice-session-form">
        <h4>新建课程</h4>
        <Input placeholder="课程名称，如：一班 第一课" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={60} aria-label="课程名称" data-testid="session-title" />
        <Select
          value={packId}
          onChange={(v) => {
            setPackId(v);
            setPicked([]);
          }}
          aria-label="场景包"
          options={packs.map((p) => ({ value: p.id, label: p.title }))}
          data-testid="session-pack"
        />
        <Select
          mode="multiple"
          placeholder="按上课顺序依次选择场景"
          value={picked}
          onChange={setPicked}
          aria-label="场景"
          optionFilterProp="label"
          options={ofPack.map((s) => ({ value: s.id, label: `${s.id} ${s.title}` }))}
          data-testid="session-scenarios"
        />
        <ol className="practice-session-order" data-testid="session-order">
          {picked.length === 0 && <li className="muted-hint">尚未选择场景</li>}
          {picked.map((id, i) => (
            <li key={id}>
              <span>
                {i + 1}. {titleOf(packId, id)}
              </span>
              <Button size="small" type="text" disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移">
                ↑
              </Button>
              <Button size="small" type="text" disabled={i === picked.length - 1} onClick={() => move(i, 1)} aria-label="下移">
                ↓
              </Button>
            </li>
          ))}
        </ol>
        {error && <Alert type="error" showIcon title={error} data-testid="session-error" />}
        <Button type="primary" loading={busy} disabled={!title.trim() || picked.length === 0} onClick={create} data-testid="session-create">
          保存课程
        </Button>
      </div>
      <Table<SessionView>
        size="small"
        rowKey="id"
        loading={!sessions}
        pagination={false}
        dataSource={sessions ?? []}
        locale={{ emptyText: '还没有课程' }}
        columns={[
          { title: '课程', dataIndex: 'title', width: 160 },
          { title: '场景（按顺序）', render: (_: unknown, s) => s.scenarioIds.map((id, i) => `${i + 1}. ${titleOf(s.packId, id)}`).join('　') },
          { title: '培训师', width: 90, render: (_: unknown, s) => s.trainer.name },
          {
            title: '',
            width: 70,
            render: (_: unknown, s) => (
              <Popconfirm title="删除这个课程？" okText="删除" cancelText="取消" onConfirm={() => remove(s.id)}>
                <Button size="small" danger type="text">
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
