// Sign-in: the server's staff token and the staff member's name (recorded as 审批人). The token is
// checked against the server before it is kept for this tab.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { api, ApiFailure } from './api';
import type { StaffSession } from './session';

export function SignIn({ note, onSignedIn }: { note: string | null; onSignedIn: (s: StaffSession) => void }) {
  const [form] = Form.useForm<StaffSession>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: StaffSession) => {
    setBusy(true);
    setError(null);
    try {
      const token = (v.token ?? '').trim();
      await api.directory(token);
      onSignedIn({ token, name: v.name.trim() });
    } catch (e) {
      const msg = e instanceof ApiFailure ? e.message : '登录失败，请重试';
      if (e instanceof ApiFailure && e.status === 403) form.setFields([{ name: 'token', errors: [msg] }]);
      else setError(msg);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="signin" title="工作人员登录">
      {note && <Alert type="warning" showIcon title={note} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="后台令牌" name="token" extra="由服务器管理员提供（YICHUANG_STAFF_TOKEN）。在服务器本机访问且未配置令牌时可留空。">
          <Input.Password autoComplete="off" data-testid="signin-token" />
        </Form.Item>
        <Form.Item label="审批人姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写审批人姓名' }, { max: 60, message: '姓名最多 60 个字' }]}
          extra="记录在每条审批意见上，同步到受理窗口。">
          <Input autoComplete="name" data-testid="signin-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">登录</Button>
      </Form>
    </Card>
  );
}
