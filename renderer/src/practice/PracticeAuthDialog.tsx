// Entering or leaving practice mode: a trainer's or the signed-in clerk's own 工号 and 密码.
// The host checks them and writes the switch to the real audit trail.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { invoke } from '../api';
import { focusOnOpen } from '../components/dialogFocus';

export type PracticeSwitch = 'enter' | 'leave';

const TEXT: Record<PracticeSwitch, { title: string; hint: string; ok: string }> = {
  enter: {
    title: '进入练习模式',
    hint: '须由培训师或本窗口已登录的工作人员本人验证。练习中的办件、编号和文书均为练习，不具效力，不会同步到中心。',
    ok: '进入练习',
  },
  leave: {
    title: '退出练习模式',
    hint: '须由培训师或进入练习前已登录的工作人员本人验证。退出后回到正式办件。',
    ok: '退出练习',
  },
};

export function PracticeAuthDialog({ mode, onDone, onCancel }: { mode: PracticeSwitch; onDone: () => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const text = TEXT[mode];
  const submit = async (v: { staffNo: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await invoke(mode === 'enter' ? 'practice.enter' : 'practice.leave', { staffNo: v.staffNo.trim().toUpperCase(), password: v.password });
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Modal open title={text.title} onCancel={onCancel} footer={null} width={420} afterOpenChange={focusOnOpen('practice-auth', '[data-testid=practice-auth-staffno]')} data-testid="practice-auth">
      <Typography.Paragraph type="secondary">{text.hint}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="工号" name="staffNo" rules={[{ required: true, message: '请输入工号' }]}>
          <Input autoFocus autoComplete="off" aria-label="验证工号" data-testid="practice-auth-staffno" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="off" aria-label="验证密码" data-testid="practice-auth-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} data-testid="practice-auth-error" style={{ marginBottom: 12 }} />}
        <div className="practice-dialog-actions">
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="practice-auth-submit">
            {text.ok}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
