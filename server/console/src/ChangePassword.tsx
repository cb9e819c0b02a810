// Own password change: required after an admin set or reset the password, offered any time.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { api, ApiFailure } from './api';

interface Values { current: string; next: string; again: string }

export function ChangePassword({ required, onDone, onCancel }: { required: boolean; onDone: () => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(v.current, v.next);
      onDone();
    } catch (e) {
      const f = e instanceof ApiFailure ? e : null;
      const fields = (['current', 'next'] as const).filter((k) => f?.field(k));
      if (fields.length) form.setFields(fields.map((k) => ({ name: k, errors: [f!.field(k)!] })));
      else setError(f?.message ?? '修改失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={required ? '请先修改密码' : '修改密码'} closable={!required} maskClosable={false} keyboard={!required} onCancel={onCancel} footer={null} data-testid="change-password">
      {required && <Alert type="info" showIcon title="首次登录或管理员重置密码后，须先设置自己的新密码。" style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item label="新密码" name="next" rules={[{ required: true, message: '请输入新密码' }]} extra="至少 8 位">
          <Input.Password autoComplete="new-password" data-testid="password-next" />
        </Form.Item>
        <Form.Item label="再次输入新密码" name="again" dependencies={['next']}
          rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) })]}>
          <Input.Password autoComplete="new-password" data-testid="password-again" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">保存新密码</Button>
      </Form>
    </Modal>
  );
}
