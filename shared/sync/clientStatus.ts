// What the status area shows about sync (contract channels sync.status / sync.now / sync.enrol).
import { z } from 'zod';
import { chinaClock } from '../time';
import { WINDOW_EVENT_TYPES } from '../domain/caseEvents';

export const SYNC_STATES = ['online', 'offline', 'syncing', 'notEnrolled'] as const;
export const SyncState = z.enum(SYNC_STATES);

export const SyncStatusView = z.object({
  state: SyncState,
  /** Case events waiting to upload (the outbox). */
  pending: z.number().int().min(0),
  /** Cases with something waiting to upload. */
  pendingCases: z.number().int().min(0),
  lastSuccessAt: z.string().nullable(),
  /** Plain Chinese; null when the last attempt succeeded. */
  lastError: z.string().nullable(),
  serverUrl: z.string().nullable(),
  /** Lasting warning for the operator. */
  notice: z.string().nullable(),
  /** Uploads the server refused for good. */
  rejected: z.number().int().min(0),
  /** Uploads held back because the server kept failing on them (sync.held lists them). */
  held: z.number().int().min(0),
  /** Why the link is down in a few words (离线 only; null when unknown). */
  reason: z.string().nullable(),
  /** When the next try starts while offline (ISO); null when online or a try is out. */
  nextRetryAt: z.string().nullable(),
  /** Offline and a try is out right now. */
  retrying: z.boolean(),
  /** Scanned pages waiting to upload (after their cases' events), the bytes the centre does not hold yet, the time that takes at the link's current speed (null: not measured yet), and pages that cannot go. */
  pagesWaiting: z.number().int().min(0).default(0),
  pageBytesLeft: z.number().int().min(0).default(0),
  pageSecondsLeft: z.number().int().min(0).nullable().default(null),
  pagesFailed: z.number().int().min(0).default(0),
  practice: z.boolean(),
  /** One line for the status area. */
  message: z.string(),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

/** An upload taken out of the queue because the server failed on it while answering the rest. */
export const HeldUpload = z.object({
  eventId: z.string(),
  caseId: z.string(),
  caseNumber: z.string().nullable(),
  /** Only the window's own events are uploaded, so only they are ever held. */
  type: z.enum(WINDOW_EVENT_TYPES),
  message: z.string(),
  at: z.string(),
});
export type HeldUpload = z.infer<typeof HeldUpload>;

export const PRACTICE_SYNC_MESSAGE = '练习模式不同步';

/** 1.2 MB, 340 KB. */
export const bytesText = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
/** 约 3 分钟, 约 40 秒, 约 1.5 小时. */
export const durationText = (s: number): string => (s < 60 ? `约 ${s} 秒` : s < 3600 ? `约 ${Math.ceil(s / 60)} 分钟` : `约 ${(s / 3600).toFixed(1)} 小时`);
/** 「扫描件 12 页待上传（1.2 MB，约 3 分钟）」 */
export function pagesWaitingText(s: Pick<SyncStatusView, 'pagesWaiting' | 'pageBytesLeft' | 'pageSecondsLeft'>): string {
  if (!s.pagesWaiting) return '';
  const time = s.pageSecondsLeft !== null ? `，${durationText(s.pageSecondsLeft)}` : '';
  return `扫描件 ${s.pagesWaiting} 页待上传（${bytesText(s.pageBytesLeft)}${time}）`;
}

/** The status area's one line, e.g. 「已同步」「离线（服务器无响应），22:31:05 再试：3 件办件待上传」. */
export function syncMessage(s: Omit<SyncStatusView, 'message'>): string {
  if (s.practice) return PRACTICE_SYNC_MESSAGE;
  const waiting = [s.pendingCases > 0 ? `${s.pendingCases} 件办件待上传` : '', pagesWaitingText(s)].filter(Boolean).join('，');
  switch (s.state) {
    case 'notEnrolled':
      return waiting ? `未登记到中心服务器：${waiting}` : '未登记到中心服务器';
    case 'syncing':
      return waiting ? `正在同步：${waiting}` : '正在同步…';
    case 'offline': {
      const why = s.reason ? `离线（${s.reason}）` : '离线';
      const next = s.retrying ? '，正在重试' : s.nextRetryAt ? `，${chinaClock(s.nextRetryAt)} 再试` : '';
      return waiting ? `${why}${next}：${waiting}` : `${why}${next}`;
    }
    default:
      if (s.held > 0) return `在线：${s.held} 条上传被搁置`;
      return waiting ? `在线：${waiting}` : '已同步';
  }
}

export const SyncEnrolInput = z
  .object({
    serverUrl: z.url({ protocol: /^https?$/, message: '请输入中心服务器地址，例如 http://10.0.0.5:8787' }).max(300),
    code: z.string().trim().min(8, '登记码格式不正确').max(40),
  })
  .strict();
