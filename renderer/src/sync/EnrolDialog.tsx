// 中心服务器登记: a supervisor types the centre's address and the one-time code the
// administrator issued; the window receives its device token and syncs at once.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import type { SyncStatusView } from '../../../shared/sync/clientStatus';
import { invoke } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { focusOnOpen } from '../components/dialogFocus';

export function EnrolDialog({ current, onDone, onCancel }: { current: SyncStatusView | null; onDone: (s: SyncStatusView) => void; onCancel: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const enrolled = current && current.state !== 'notEnrolled' && current.serverUrl;
  const submit = async (v: { serverUrl: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await invoke('sync.enrol', { serverUrl: v.serverUrl.trim(), code: v.code.trim().toUpperCase() }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Modal open title="中心服务器登记" onCancel={onCancel} footer={null} width={480} afterOpenChange={focusOnOpen('sync-enrol', '[data-testid=sync-enrol-url]')} data-testid="sync-enrol">
      <Typography.Paragraph type="secondary">
        输入中心服务器地址和管理员提供的一次性登记码。登记后本窗口自动上传办件、接收事项目录和审批结果。
      </Typography.Paragraph>
      {enrolled && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本机已登记到 ${current.serverUrl}`}
          description="重新登记后，尚未上传的办件会以新的设备身份上传，已上传的不受影响。仅在更换中心服务器或设备令牌失效时使用。"
        />
      )}
      <Form layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ serverUrl: current?.serverUrl ?? '' }}>
        <Form.Item label="中心服务器地址" name="serverUrl" rules={[{ required: true, message: '请输入中心服务器地址' }]}>
          <Input autoFocus autoComplete="off" placeholder="例如 http://10.0.0.5:8787" data-testid="sync-enrol-url" />
        </Form.Item>
        <Form.Item label="登记码" name="code" rules={[{ required: true, message: '请输入登记码' }]}>
          <Input autoComplete="off" placeholder="管理员提供的一次性登记码" data-testid="sync-enrol-code" />
        </Form.Item>
        <ErrorAlert error={error} testId="sync-enrol-error" />
        <div className="sync-dialog-actions">
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="sync-enrol-submit">
            登记
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
