// Sign-in with the staff member's own 工号 and password. The server sets the session cookie
// and answers with who signed in; a lock-out or a wrong password is said in plain Chinese.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { api, ApiFailure } from './api';
import type { StaffSession } from './session';

interface Values { staffNo: string; password: string }

export function SignIn({ note, onSignedIn }: { note: string | null; onSignedIn: (s: StaffSession) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(v.staffNo.trim().toUpperCase(), v.password));
    } catch (e) {
      const f = e instanceof ApiFailure ? e : null;
      if (f?.field('staffNo')) form.setFields([{ name: 'staffNo', errors: [f.field('staffNo')!] }]);
      else setError(f?.message ?? '登录失败，请重试');
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="signin" title="后台工作人员登录">
      {note && <Alert type="warning" showIcon title={note} style={{ marginBottom: 16 }} data-testid="signin-note" />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="工号" name="staffNo" rules={[{ required: true, whitespace: true, message: '请输入工号' }]}>
          <Input autoComplete="username" data-testid="signin-staff-no" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]} extra="连续多次输错密码，账号将被暂时锁定。">
          <Input.Password autoComplete="current-password" data-testid="signin-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">登录</Button>
      </Form>
    </Card>
  );
}
