// 认领: who holds the case and until when; claim, give it back, or (a head) reassign it.
import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space } from 'antd';
import type { CaseDetailResponse } from '../../../shared/sync/backoffice';
import type { StaffAccount } from '../../../shared/sync/staff';
import { api, ApiFailure } from './api';
import { formatTime } from './labels';

export function ClaimBar({ detail, onChanged }: { detail: CaseDetailResponse; onChanged: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [assignees, setAssignees] = useState<StaffAccount[] | null>(null);
  const [target, setTarget] = useState<string | undefined>();
  const a = detail.actions;
  const claim = detail.case.claim;
  const id = detail.case.id;
  const run = async (f: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      message.success({ key: 'claim', content: done });
      onChanged();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '操作失败，请重试');
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  const openAssign = () => api.assignees(id).then((r) => setAssignees(r.staff.filter((s) => s.staffNo !== claim?.staffNo)), (e) => setError(e instanceof ApiFailure ? e.message : '无法读取审批人员'));

  return (
    <Card title="认领" size="small" data-testid="claim-bar">
      {claim ? (
        <p data-testid="claim-holder">
          {claim.mine ? <b>你已认领</b> : <>由 <b>{claim.name}</b>（工号 {claim.staffNo}）认领</>}，至 {formatTime(claim.expiresAt)}
          {claim.assignedBy ? <span className="muted">（科室负责人 {claim.assignedBy} 改派）</span> : null}
        </p>
      ) : <p className="muted" data-testid="claim-holder">尚未认领{a.claim ? '：认领后其他人不能办理，到期自动释放。' : ''}</p>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="claim-error" />}
      <Space wrap>
        {a.claim && <Button type="primary" loading={busy} onClick={() => void run(() => api.claim(id), '已认领')} data-testid="claim">认领</Button>}
        {a.release && <Button loading={busy} onClick={() => void run(() => api.release(id), '已放弃认领')} data-testid="release">放弃认领</Button>}
        {a.assign && !assignees && <Button onClick={() => void openAssign()} data-testid="assign-open">改派</Button>}
      </Space>
      {assignees && (
        <Space style={{ marginTop: 12 }} wrap>
          <Select style={{ width: 240 }} placeholder="选择审批人员" value={target} onChange={setTarget} data-testid="assign-target"
            options={assignees.map((s) => ({ value: s.staffNo, label: `${s.name}（工号 ${s.staffNo}）` }))} notFoundContent="没有其他可改派的审批人员" />
          <Button type="primary" disabled={!target} loading={busy} onClick={() => void run(() => api.assign(id, target!), '已改派').then(() => setAssignees(null))} data-testid="assign">确认改派</Button>
          <Button onClick={() => setAssignees(null)}>取消</Button>
        </Space>
      )}
    </Card>
  );
}
