// The header's sync status area: always visible, polls sync.status every few seconds (a
// cheap local read), shows online/offline, cases waiting to upload and when the last sync
// succeeded; details, errors and 中心服务器登记 in a popover. 立即同步 runs in the background:
// the clerk keeps working while it is out.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Descriptions, Popover } from 'antd';
import { bytesText, durationText, type SyncStatusView } from '../../../shared/sync/clientStatus';
import { invoke } from '../api';
import { cnTime } from '../cases/labels';
import { chinaClock } from '../../../shared/time';
import { ErrorAlert } from '../components/ErrorAlert';
import { EnrolDialog } from './EnrolDialog';
import { HeldUploads } from './HeldUploads';
import { sinceText } from './relativeTime';
import { announceSynced } from './syncEvents';
import './sync.css';

const POLL_MS = 2_500;

const STATE_LABEL: Record<SyncStatusView['state'], string> = {
  online: '在线',
  offline: '离线',
  syncing: '正在同步',
  notEnrolled: '未登记到中心服务器',
};

/** `canEnrol` (the 值班长): may enrol the window and re-queue held uploads. `onEnrolled`: the window's place and catalogue may have changed with the enrolment. */
export function SyncStatus({ canEnrol, onEnrolled }: { canEnrol: boolean; onEnrolled?: () => void }) {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [busy, setBusy] = useState(false);
  const [nowError, setNowError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const [nowMs, setNowMs] = useState(() => Date.now());
  // undefined until the first reading: the first one is not news.
  const lastSuccess = useRef<string | null | undefined>(undefined);

  const take = useCallback((s: SyncStatusView) => {
    setStatus(s);
    setUnreadable(false);
    setNowMs(Date.now());
    if (lastSuccess.current !== undefined && s.lastSuccessAt && s.lastSuccessAt !== lastSuccess.current) announceSynced();
    lastSuccess.current = s.lastSuccessAt;
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer = 0;
    // One reading at a time: a slow answer never piles up requests.
    const poll = () => {
      invoke('sync.status', {})
        .then(take, () => setUnreadable(true))
        .finally(() => {
          if (!stopped) timer = window.setTimeout(poll, POLL_MS);
        });
    };
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [take]);

  const syncNow = async () => {
    setBusy(true);
    setNowError(null);
    try {
      take(await invoke('sync.now', {}));
    } catch (e) {
      setNowError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!status) return <div className="sync-status" data-testid="sync-status" />;
  const practice = status.practice;
  const enrolled = !practice && status.state !== 'notEnrolled';
  const problem = !practice && (status.lastError !== null || status.notice !== null || status.rejected > 0 || status.held > 0);
  // A 立即同步 while the link is down is a retry: it stays 离线 until the server answers.
  const state = practice ? 'practice' : busy && status.state !== 'offline' ? 'syncing' : status.state;

  const details = (
    <div className="sync-details" data-testid="sync-details">
      {practice ? (
        <p>练习模式下的办件只保存在本机练习库，不会上传到中心服务器。</p>
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'state', label: '状态', children: status.reason ? `${STATE_LABEL[status.state]}（${status.reason}）` : STATE_LABEL[status.state] },
              ...(status.state === 'offline'
                ? [{ key: 'retry', label: '下次重试', children: <span data-testid="sync-next-retry">{status.retrying ? '正在重试…' : status.nextRetryAt ? chinaClock(status.nextRetryAt) : '—'}</span> }]
                : []),
              { key: 'server', label: '中心服务器', children: status.serverUrl ?? '未登记' },
              {
                key: 'pending',
                label: '待上传',
                children: status.pendingCases > 0 ? `${status.pendingCases} 件办件（${status.pending} 条记录）` : '无',
              },
              {
                key: 'pages',
                label: '扫描件',
                children: (
                  <span data-testid="sync-pages">
                    {status.pagesWaiting > 0
                      ? `${status.pagesWaiting} 页待上传，剩余 ${bytesText(status.pageBytesLeft)}${status.pageSecondsLeft !== null ? `，按当前网速${durationText(status.pageSecondsLeft)}` : ''}`
                      : '全部已上传'}
                    {status.pagesFailed > 0 ? `；${status.pagesFailed} 页无法上传` : ''}
                  </span>
                ),
              },
              {
                key: 'last',
                label: '上次成功同步',
                children: status.lastSuccessAt ? `${cnTime(status.lastSuccessAt)}（${sinceText(status.lastSuccessAt, nowMs)}）` : '从未同步',
              },
            ]}
          />
          {/* The error text itself says what happens next; offline is routine at a village office. */}
          {status.lastError ? (
            <Alert type="warning" showIcon title="上次同步未成功" description={status.lastError} data-testid="sync-error" />
          ) : (
            status.state === 'offline' && <p className="sync-hint">离线时照常受理：办件保存在本机，联网后自动上传，不会丢失。</p>
          )}
          {status.notice && <Alert type="warning" showIcon title={status.notice} data-testid="sync-notice" />}
          {status.rejected > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="sync-rejected"
              title={`${status.rejected} 条上传被中心服务器拒绝`}
              description="已记录在本机，不影响其他办件上传。请联系管理员核对。"
            />
          )}
          <HeldUploads count={status.held} canRetry={canEnrol} onRetried={take} />
          {!enrolled && !canEnrol && <p className="sync-hint">本机尚未登记到中心服务器，请值班长在此登记。</p>}
          <ErrorAlert error={nowError} testId="sync-now-error" />
          <div className="sync-dialog-actions">
            {canEnrol && (
              <Button
                onClick={() => {
                  setOpen(false);
                  setEnrolling(true);
                }}
                data-testid="sync-enrol-open"
              >
                中心服务器登记…
              </Button>
            )}
            {enrolled && (
              <Button type="primary" loading={busy} onClick={syncNow}>
                立即同步
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );

  return (
    <div className="sync-status" data-testid="sync-status" data-state={state} data-pending-cases={status.pendingCases}>
      <Popover trigger="click" placement="bottomRight" title="数据同步" content={details} open={open} onOpenChange={setOpen}>
        <button type="button" className="sync-trigger" title={status.lastError ?? status.message} aria-label={`同步状态：${status.message}`}>
          <span className={`sync-dot sync-dot-${state}`} aria-hidden />
          <span className="sync-message" data-testid="sync-message">
            {unreadable ? '无法读取同步状态' : status.message}
          </span>
          {enrolled && (
            <span className="sync-since" data-testid="sync-since">
              {status.lastSuccessAt ? `上次同步 ${sinceText(status.lastSuccessAt, nowMs)}` : '从未同步'}
            </span>
          )}
          {problem && (
            <span className="sync-alert" aria-label="有同步问题">
              !
            </span>
          )}
        </button>
      </Popover>
      {enrolled && (
        <Button size="small" ghost loading={busy} onClick={syncNow} data-testid="sync-now">
          立即同步
        </Button>
      )}
      {enrolling && (
        <EnrolDialog
          current={status}
          onCancel={() => setEnrolling(false)}
          onDone={(s) => {
            take(s);
            setEnrolling(false);
            onEnrolled?.();
          }}
        />
      )}
    </div>
  );
}
