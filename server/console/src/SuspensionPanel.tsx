// 挂起 (the legal clock stops: 听证、检验、鉴定 …) and 恢复 (the promised date moves by the
// working days it stood still). The item's limit is the server's rule.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space } from 'antd';
import type { CaseDetailResponse } from '../../../shared/sync/backoffice';
import { api, ApiFailure } from './api';
import { formatDay } from './labels';

export function SuspensionPanel({ detail, onChanged }: { detail: CaseDetailResponse; onChanged: () => void }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = detail.actions;
  const s = detail.state?.suspension;
  const run = async (f: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      message.success({ key: 'suspend', content: done });
      setReason('');
      onChanged();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="挂起" size="small" data-testid="suspension-panel">
      {s && <p>挂起中（自 {formatDay(s.since)}，{s.by}）：{s.reason}。<span className="muted">最长至 {formatDay(s.until)}，之后恢复计时。</span></p>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {a.suspend && (
        <Space.Compact style={{ width: '100%' }}>
          <Input placeholder="挂起理由（如：需组织专家评审）" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="suspend-reason" />
          <Button loading={busy} onClick={() => void run(() => api.suspend(detail.case.id, reason), '已挂起，办理时限暂停')} data-testid="suspend">挂起</Button>
        </Space.Compact>
      )}
      {a.resume && <Button type="primary" loading={busy} onClick={() => void run(() => api.resume(detail.case.id), '已恢复办理')} data-testid="resume">恢复办理</Button>}
    </Card>
  );
}
