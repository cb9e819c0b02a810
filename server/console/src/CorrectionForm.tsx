// A head's correction of a final decision: a new decision with the reason for the correction,
// recorded and sent to the window like any decision (the old one stays in the history).
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import type { CaseDetailResponse } from '../../../shared/sync/backoffice';
import { api, ApiFailure } from './api';
import { REVIEW_STATUS_LABEL } from './labels';
import { ResultFields, resultBody, type ResultValues } from './ResultFields';

interface Values { status: 'approved' | 'rejected'; reason?: string; note?: string; correctionReason: string; result?: ResultValues }

export function CorrectionForm({ detail, onCorrected }: { detail: CaseDetailResponse; onCorrected: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Values | null>(null);
  const send = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.correct(detail.case.id, { status: v.status, reason: v.reason || undefined, note: v.note || undefined, correctionReason: v.correctionReason, result: v.status === 'approved' ? resultBody(v.result) : undefined, confirmed: true });
      message.success({ key: 'correct', content: '已更正决定，窗口同步后可见' });
      form.resetFields();
      onCorrected();
    } catch (e) {
      const f = e instanceof ApiFailure ? e : null;
      setError(f ? [f.message, ...f.details.map((d) => d.message)].join('：') : '提交失败，请重试');
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };
  return (
    <Card title="更正决定（科室负责人）" size="small" data-testid="correction-form">
      <Form form={form} layout="vertical" onFinish={setConfirming} requiredMark={false}>
        <Form.Item name="status" label="更正为" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group buttonStyle="solid">
            {(['approved', 'rejected'] as const).map((s) => <Radio.Button key={s} value={s}>{REVIEW_STATUS_LABEL[s]}</Radio.Button>)}
          </Radio.Group>
        </Form.Item>
        {status === 'approved' && <ResultFields />}
        {status === 'rejected' && (
          <Form.Item name="reason" label="不予许可的理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="correction-decision-reason" />
          </Form.Item>
        )}
        <Form.Item name="correctionReason" label="更正理由" rules={[{ required: true, whitespace: true, message: '请写明更正理由' }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="correction-reason" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button danger htmlType="submit" block loading={busy} data-testid="correction-submit">更正决定</Button>
      </Form>
      <Modal open={!!confirming} title="确认更正决定？" okText="确认更正" cancelText="取消" okButtonProps={{ danger: true, loading: busy, 'data-testid': 'correction-confirm' } as ButtonProps}
        onOk={() => confirming && void send(confirming)} onCancel={() => setConfirming(null)}>
        <p>更正将作为新的审批决定记入审计日志并同步到受理窗口，原决定保留在办理记录中。</p>
      </Modal>
    </Card>
  );
}
