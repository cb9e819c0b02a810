// The claim holder's decision. Only the statuses the server allows now are offered; 准予 needs
// the 证照 and, like 不予许可, a confirmation that it is final. Input is checked by the server
// (one source of rules); its messages are shown next to the field they concern.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import type { CaseDetailResponse } from '../../../shared/sync/backoffice';
import type { ReviewStatus } from '../../../shared/sync/protocol';
import { api, ApiFailure } from './api';
import { REVIEW_STATUS_LABEL } from './labels';
import { ResultFields, resultBody, type ResultValues } from './ResultFields';
import type { StaffSession } from './session';
import { verdictBody, type Verdicts } from './MaterialPages';

const REASON_LABEL: Partial<Record<ReviewStatus, [string, string]>> = {
  rejected: ['不予许可的理由', '写明依据的法律法规条款和具体理由，将告知申请人'],
  needsSupplement: ['需补正的材料和要求', '逐项写明需要补充或更正的材料，窗口将据此一次性告知申请人'],
};
const FINAL: ReadonlySet<ReviewStatus> = new Set(['approved', 'rejected']);

interface Values { status: ReviewStatus; reason?: string; note?: string; result?: ResultValues }

export function ReviewForm({ detail, session, verdicts, onDecided }: { detail: CaseDetailResponse; session: StaffSession; verdicts: Verdicts; onDecided: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Values | null>(null);
  const reasonLabel = status ? REASON_LABEL[status] : undefined;
  const allowed = detail.actions.decide;

  const send = async (v: Values, confirmed: boolean) => {
    setBusy(true);
    setError(null);
    form.setFields((['reason', 'note', 'status'] as const).map((name) => ({ name, errors: [] })));
    try {
      const materials = verdictBody(verdicts);
      await api.setStatus(detail.case.id, { status: v.status, ...(materials.length ? { materials } : {}), reason: v.reason || undefined, note: v.note || undefined, result: v.status === 'approved' ? resultBody(v.result) : undefined, ...(confirmed ? { confirmed } : {}) });
      message.success({ key: 'review', content: `已设为「${REVIEW_STATUS_LABEL[v.status]}」，窗口同步后可见` });
      form.resetFields();
      onDecided();
    } catch (e) {
      if (!(e instanceof ApiFailure)) setError('提交失败，请重试');
      else {
        const fields = (['status', 'reason', 'note'] as const).filter((f) => e.field(f));
        form.setFields(fields.map((f) => ({ name: f, errors: [e.field(f)!] })));
        const rest = e.details.filter((d) => !fields.some((f) => d.path === f));
        if (!fields.length || rest.length) setError([e.message, ...rest.map((d) => d.message)].join('：'));
        if (e.status === 409) onDecided();
      }
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };
  // A final decision is confirmed in a dialog first: it cannot be changed afterwards.
  const submit = (v: Values) => (FINAL.has(v.status) ? setConfirming(v) : void send(v, false));

  return (
    <Card title="审批意见"><div data-testid="review-form">
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="status" label="审批结果" rules={[{ required: true, message: '请选择审批结果' }]}
          extra={allowed.length === 1 && allowed[0] === 'readyForPickup' ? '已作出最终决定；办理结果（证照、决定书）送到受理窗口后，设为待取件。' : undefined}>
          <Radio.Group buttonStyle="solid">
            {allowed.map((s) => <Radio.Button key={s} value={s}>{REVIEW_STATUS_LABEL[s]}</Radio.Button>)}
          </Radio.Group>
        </Form.Item>
        {status === 'approved' && <ResultFields />}
        {status && status !== 'approved' && status !== 'readyForPickup' && (
          <Form.Item name="reason" label={reasonLabel?.[0] ?? '理由'} extra={reasonLabel?.[1] ?? '不予许可、需补正时必填；其他结果可不填'}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="review-reason" />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注" extra="随审批结果同步到受理窗口，窗口人员可见">
          <Input.TextArea rows={2} maxLength={2000} data-testid="review-note" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="review-error" />}
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="review-submit">提交审批意见（审批人：{session.staff.name}）</Button>
      </Form>
      <Modal open={!!confirming} title={`确认作出「${confirming ? REVIEW_STATUS_LABEL[confirming.status] : ''}」决定？`} okText="确认，作出决定" cancelText="再看看"
        okButtonProps={{ danger: confirming?.status === 'rejected', loading: busy, 'data-testid': 'review-confirm' } as ButtonProps}
        onOk={() => confirming && void send(confirming, true)} onCancel={() => setConfirming(null)}>
        <p>准予和不予许可是最终决定，作出后<b>不可更改</b>；如确有错误，只能由科室负责人写明理由后更正。</p>
        {confirming?.status === 'approved' && confirming.result && <p>证照：{confirming.result.licenceName}，编号 {confirming.result.licenceNumber}</p>}
        {confirming?.status === 'rejected' && <p>理由：{confirming.reason || '（未填写）'}</p>}
      </Modal>
    </div></Card>
  );
}
