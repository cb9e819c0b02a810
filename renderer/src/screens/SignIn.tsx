// Sign-in. Keys typed after Enter, while the password is checked and the workbench comes up,
// are held and replayed into the search box once it has the keyboard (typeAhead.ts): a clerk
// who signs in and types the item's initials at once loses none. A refused sign-in drops them
// (they were not meant for the password field).
import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import type { WorkstationContext } from '../../../shared/contract';
import { invoke } from '../api';
import { holdKeys, releaseKeys } from '../intake/typeAhead';

export function SignIn({ context, onSignedIn }: { context: WorkstationContext; onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { staffNo: string; password: string }) => {
    setBusy(true);
    setError(null);
    holdKeys();
    try {
      await invoke('session.signIn', { staffNo: v.staffNo.trim().toUpperCase(), password: v.password });
      onSignedIn();
    } catch (e) {
      releaseKeys(false);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100%' }}>
      <Card style={{ width: 400 }} title={<span>一窗 · 综合窗口受理工作站</span>}>
        <Typography.Paragraph type="secondary">
          {context.office.name} · {context.window.name}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="工号" name="staffNo" rules={[{ required: true, message: '请输入工号' }]}>
            <Input autoFocus autoComplete="username" aria-label="工号" data-testid="signin-staffno" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" aria-label="密码" data-testid="signin-password" />
          </Form.Item>
          {error && <Typography.Paragraph type="danger" role="alert" data-testid="signin-error">{error}</Typography.Paragraph>}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
