// 练习管理 · 场景: every usable scenario by pack, 编辑 on each (a built-in one opens as a copy to
// save in an own pack), 删除 on an own one (asks first; the handler refuses a pack's last
// scenario and one a class still runs) and 新建场景 for one written from scratch.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Space, Table, Tag } from 'antd';
import type { PackSummary, ScenarioSummary } from '../../../shared/practice/api';
import { invoke } from '../api';
import { ScenarioEditor, type EditTarget } from './ScenarioEditor';

export function ScenarioAdmin({ version, onChanged }: { version: number; onChanged: () => void }) {
  const [packs, setPacks] = useState<PackSummary[]>([]);
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const { modal } = AntApp.useApp();

  const load = useCallback(() => {
    invoke('practice.scenarios', {}).then(
      (r) => {
        setPacks(r.packs);
        setScenarios(r.scenarios);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load, version]);
  const own = packs.filter((p) => !p.builtin);
  const packTitle = (id: string) => packs.find((p) => p.id === id)?.title ?? id;
  const remove = (s: ScenarioSummary) =>
    modal.confirm({
      title: '删除场景？',
      content: `将从场景包「${packTitle(s.packId)}」删除场景「${s.title}」（${s.id}），场景包版本加一；已完成的练习成绩保留。`,
      okText: '删除',
      cancelText: '取消',
      okButtonProps: { danger: true, 'data-testid': 'scenario-delete-confirm' },
      onOk: () =>
        invoke('practice.deleteScenario', { packId: s.packId, scenarioId: s.id }).then(
          () => {
            setError(null);
            load();
            onChanged();
          },
          (e: Error) => setError(e.message),
        ),
    });

  return (
    <div className="practice-admin" data-testid="scenario-admin">
      <div className="practice-admin-bar">
        <Button type="primary" onClick={() => setEditing({ packId: own[0]?.id ?? '', scenarioId: null })} data-testid="scenario-new">
          新建场景
        </Button>
        <span className="muted-hint">内置场景不能修改；编辑后另存到自己的场景包。</span>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="scenario-admin-error" />}
      <Table<ScenarioSummary>
        size="small"
        rowKey={(s) => `${s.packId}/${s.id}`}
        loading={!scenarios}
        pagination={{ pageSize: 12, showSizeChanger: false }}
        // The trainer's own scenarios first: those are the ones being worked on.
        dataSource={[...(scenarios ?? [])].sort((a, b) => Number(a.packId === 'builtin') - Number(b.packId === 'builtin'))}
        columns={[
          { title: '场景包', dataIndex: 'packId', width: 170, render: (id: string) => (id === 'builtin' ? <Tag>内置</Tag> : packTitle(id)) },
          { title: '编号', dataIndex: 'id', width: 110 },
          { title: '标题', dataIndex: 'title' },
          { title: '难度', dataIndex: 'level', width: 64 },
          { title: '目标用时', dataIndex: 'timeTargetSeconds', width: 90, render: (s: number) => `${Math.round((s / 60) * 10) / 10} 分钟` },
          {
            title: '',
            width: 130,
            render: (_: unknown, s) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing({ packId: s.packId, scenarioId: s.id })} data-testid={`scenario-edit-${s.packId}-${s.id}`}>
                  编辑
                </Button>
                {s.packId !== 'builtin' && (
                  <Button size="small" danger onClick={() => remove(s)} data-testid={`scenario-delete-${s.packId}-${s.id}`}>
                    删除
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ScenarioEditor
          target={editing}
          ownPacks={own}
          onClose={() => setEditing(null)}
          onSaved={() => {
            load();
            onChanged();
          }}
        />
      )}
    </div>
  );
}
