// Uploads held back at this window because the central server kept failing on them while it
// took everything else: which cases they belong to and what the server said, and (for the
// 值班长, once the administrator has fixed the server) 重新上传, which queues them again.
import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import type { HeldUpload, SyncStatusView } from '../../../shared/sync/clientStatus';
import { invoke } from '../api';
import { cnTime } from '../cases/labels';
import { WINDOW_EVENT_LABEL } from '../../../shared/domain/eventLabels';
import { ErrorAlert } from '../components/ErrorAlert';

export function HeldUploads({ count, canRetry, onRetried }: { count: number; canRetry: boolean; onRetried: (s: SyncStatusView) => void }) {
  const [held, setHeld] = useState<HeldUpload[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (count > 0) invoke('sync.held', {}).then((r) => setHeld(r.held), setError);
  }, [count]);
  if (count === 0) return null;
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      onRetried(await invoke('sync.retryHeld', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="error"
      showIcon
      data-testid="sync-held"
      title={`${count} 条上传被搁置`}
      description={
        <>
          <div>中心服务器多次无法保存以下记录，其余办件照常上传。记录保存在本机，不会丢失。</div>
          <ul className="sync-held-list">
            {held.map((h) => (
              <li key={h.eventId}>
                {h.caseNumber ?? '（未编号）'} · {WINDOW_EVENT_LABEL[h.type]} · {cnTime(h.at)} 搁置：{h.message}
              </li>
            ))}
          </ul>
          {canRetry ? (
            <Button size="small" loading={busy} onClick={retry} data-testid="sync-retry-held">
              重新上传
            </Button>
          ) : (
            <div className="sync-hint">管理员处理后，请值班长点「重新上传」。</div>
          )}
          <ErrorAlert error={error} testId="sync-retry-held-error" />
        </>
      }
    />
  );
}
