// Chinese labels of the console, built on the shared ones.
import { CASE_STATUS_LABEL } from '../../../shared/domain/case';
import type { IntakeStatus } from '../../../shared/sync/backoffice';
import type { CaseEventType, ReviewStatus } from '../../../shared/sync/protocol';
import type { LineStatus } from '../../../shared/engine/checklist';
import type { ClockBand } from '../../../shared/domain/caseState';

export { REVIEW_STATUS_LABEL } from '../../../shared/sync/protocol';

export const INTAKE_STATUS_LABEL: Record<IntakeStatus, string> = { opened: '受理中（窗口决定未上传）', ...CASE_STATUS_LABEL };

export const REVIEW_STATUS_COLOR: Record<ReviewStatus, string> = {
  reviewing: 'processing',
  approved: 'success',
  rejected: 'error',
  needsSupplement: 'warning',
  readyForPickup: 'cyan',
};

export const EVENT_LABEL: Record<CaseEventType, string> = {
  'case.opened': '窗口开始受理',
  'case.decided': '窗口作出受理决定',
  'case.supplemented': '申请人补正材料',
  'case.pagesAttached': '材料扫描件',
  'case.completed': '窗口办结',
  'case.terminated': '办件终止',
  'case.delivered': '窗口出件',
  'case.rated': '申请人评价',
};

export const LINE_STATUS_LABEL: Record<LineStatus, string> = {
  satisfied: '符合要求',
  deferred: '容缺待补',
  missing: '缺失',
  defective: '不符合法定形式',
  unchecked: '未核对',
};
export const LINE_STATUS_COLOR: Record<LineStatus, string> = {
  satisfied: 'success',
  deferred: 'warning',
  missing: 'error',
  defective: 'error',
  unchecked: 'default',
};

export const CLOCK_LABEL: Record<ClockBand, string> = { none: '', paused: '已挂起（计时暂停）', ok: '正常', dueSoon: '即将超时', overdue: '已超时' };
export const CLOCK_COLOR: Record<ClockBand, string> = { none: 'default', paused: 'purple', ok: 'green', dueSoon: 'orange', overdue: 'red' };
export { STAFF_ROLE_LABEL } from '../../../shared/sync/staff';
export { QUEUE_LABEL } from '../../../shared/sync/review';
export { AUDIT_ACTION_LABEL } from '../../../shared/sync/audit';

/** 2026-05-04 → 2026年5月4日. */
export const formatDay = (day: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
};

/** China time (UTC+8) whatever the staff browser's time-zone setting says: 2026-05-04 09:30. */
export const formatTime = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
};
