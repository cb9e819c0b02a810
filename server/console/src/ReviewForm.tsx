// The staff member's decision on a case. Input is checked by the server only (one source of
// rules); its messages are shown next to the field they concern.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio } from 'antd';
import type { ReviewStatus } from '../../../shared/sync/protocol';
import { REVIEW_STATUSES } from '../../../shared/sync/protocol';
import { api, ApiFailure } from './api';
import { REVIEW_STATUS_LABEL } from './labels';

const REASON_LABEL: Partial<Record<ReviewStatus, [string, string]>> = {
  rejected: ['不予许可的理由', '写明依据的法律法规条款和具体理由，将告知申请人'],
  needsSupplement: ['需补正的材料和要求', '逐项写明需要补充或更正的材料，窗口将据此一次性告知申请人'],
};

interface Values { status: ReviewStatus; reason?: string; note?: string }

export function ReviewForm({ caseId, decidedBy, onDecided, onForbidden }: {
  caseId: string; decidedBy: string; onDecided: () => void; onForbidden: (note: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonLabel = status ? REASON_LABEL[status] : undefined;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    form.setFields([{ name: 'reason', errors: [] }, { name: 'note', errors: [] }, { name: 'status', errors: [] }]);
    try {
      const reason = v.reason?.trim() || undefined;
      const note = v.note?.trim() || undefined;
      await api.setStatus(caseId, { status: v.status, reason, note, decidedBy });
      message.success({ key: 'review', content: `已设为「${REVIEW_STATUS_LABEL[v.status]}」，窗口同步后可见` });
      form.resetFields();
      onDecided();
    } catch (e) {
      if (!(e instanceof ApiFailure)) setError('提交失败，请重试');
      else if (e.status === 403) onForbidden(e.message);
      else {
        const fields = (['status', 'reason', 'note'] as const).filter((f) => e.field(f));
        form.setFields(fields.map((f) => ({ name: f, errors: [e.field(f)!] })));
        const rest = e.details.filter((d) => !fields.includes(d.path as (typeof fields)[number]));
        if (!fields.length || rest.length) setError([e.message, ...rest.map((d) => d.message)].join('：'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="审批意见"><div data-testid="review-form">
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="status" label="审批结果" rules={[{ required: true, message: '请选择审批结果' }]}>
          <Radio.Group buttonStyle="solid">
            {REVIEW_STATUSES.map((s) => (
              <Radio.Button key={s} value={s}>{REVIEW_STATUS_LABEL[s]}</Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label={reasonLabel?.[0] ?? '理由'} extra={reasonLabel?.[1] ?? '不予许可、需补正时必填；其他结果可不填'}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="review-reason" />
        </Form.Item>
        <Form.Item name="note" label="备注" extra="可选，随审批结果同步到窗口">
          <Input.TextArea rows={2} maxLength={2000} data-testid="review-note" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="review-error" />}
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="review-submit">提交审批意见（审批人：{decidedBy}）</Button>
      </Form>
    </div></Card>
  );
}
