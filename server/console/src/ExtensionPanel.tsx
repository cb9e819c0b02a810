// 延期: the claim holder asks for working days with a reason; a head of the department
// approves or refuses. The case's requests and their outcome are listed.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Space, Tag } from 'antd';
import type { CaseDetailResponse } from '../../../shared/sync/backoffice';
import { api, ApiFailure } from './api';
import { formatTime } from './labels';

export function ExtensionPanel({ detail, onChanged }: { detail: CaseDetailResponse; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ days: number; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const a = detail.actions;
  const open = detail.extensionRequests.find((x) => x.decidedAt === null);
  const run = async (f: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      message.success({ key: 'ext', content: done });
      form.resetFields();
      onChanged();
    } catch (e) {
      const f = e instanceof ApiFailure ? e : null;
      const fields = (['days', 'reason'] as const).filter((k) => f?.field(k));
      if (fields.length) form.setFields(fields.map((k) => ({ name: k, errors: [f!.field(k)!] })));
      else setError(f?.message ?? '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="延期" size="small" data-testid="extension-panel">
      {detail.extensionRequests.length > 0 && (
        <List size="small" dataSource={detail.extensionRequests} style={{ marginBottom: 12 }} renderItem={(x) => (
          <List.Item data-testid="extension-request">
            <div>
              <div>{x.requestedByName} 申请延期 <b>{x.days}</b> 个工作日 <span className="muted">{formatTime(x.requestedAt)}</span></div>
              <div className="muted">理由：{x.reason}</div>
            </div>
            {x.approved === null ? <Tag color="gold">待科室负责人审批</Tag> : x.approved ? <Tag color="green">已批准</Tag> : <Tag color="red">未批准{x.decisionNote ? `：${x.decisionNote}` : ''}</Tag>}
          </List.Item>
        )} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {a.decideExtension && open && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input placeholder="审批意见（可选）" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} data-testid="extension-note" />
          <Space>
            <Button type="primary" loading={busy} onClick={() => void run(() => api.decideExtension(open.id, true, note), '已批准延期，窗口可打印延长办理期限通知书')} data-testid="extension-approve">批准延期</Button>
            <Button danger loading={busy} onClick={() => void run(() => api.decideExtension(open.id, false, note), '已不批准延期')} data-testid="extension-deny">不批准</Button>
          </Space>
        </Space>
      )}
      {a.requestExtension && (
        <Form form={form} layout="inline" onFinish={(v) => void run(() => api.requestExtension(detail.case.id, v.days, v.reason), '延期申请已提交，等待科室负责人审批')} className="extension-form">
          <Space.Compact>
            <Form.Item name="days" rules={[{ required: true, message: '请填写天数' }]} noStyle>
              <InputNumber min={1} precision={0} placeholder="延长" data-testid="extension-days" style={{ width: 90 }} />
            </Form.Item>
            <span className="ant-input-group-addon compact-addon">个工作日</span>
          </Space.Compact>
          <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]} style={{ flex: 1, minWidth: 180 }}>
            <Input placeholder="延期理由（如：需现场核查）" maxLength={500} data-testid="extension-reason" />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="extension-submit">申请延期</Button>
        </Form>
      )}
    </Card>
  );
}
