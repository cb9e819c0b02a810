// Calls to the back-office JSON API (/backoffice/api). The session is the HttpOnly cookie the
// browser sends by itself; every write carries this session's CSRF token. Errors arrive as
// { code, message, details? } in Chinese and are thrown as ApiFailure for the forms to show;
// a session that ended (time-out, signed out elsewhere, account disabled) signs the tab out.
import type { ErrorDetail } from '../../../shared/errors';
import type { CaseDetailResponse, CaseListResponse, CasePagesResponse, CatalogueItemResponse, DirectoryResponse } from '../../../shared/sync/backoffice';
import type { StatusEvent } from '../../../shared/sync/protocol';
import type { ClaimView, CorrectionRequest, ExtensionRequestView, QueueCounts, SetStatusRequest, Queue } from '../../../shared/sync/review';
import type { SessionResponse, StaffAccount, StaffInput, StaffUpdate } from '../../../shared/sync/staff';
import type { AuditListResponse, AuditQuery, AuditVerifyResponse } from '../../../shared/sync/audit';
import { CSRF_HEADER } from '../../../shared/sync/staff';
import type { CentreStatsResponse } from '../../../shared/sync/centreStats';
import type { RectificationActionRequest, RectificationListResponse, RectificationView } from '../../../shared/sync/rectification';
import type { RatingReasonsResponse } from '../../../shared/sync/ratingReasons';
import type { RatingReason } from '../../../shared/domain/ratingReasons';
import { currentSession } from './session';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: ErrorDetail[] = []) {
    super(message);
  }
  /** The message for one form field (`reason`, `note` …), if the server named it. */
  field(name: string): string | undefined {
    return this.details.find((d) => d.path === name || d.path.startsWith(`${name}.`))?.message;
  }
}

let onSignedOut: (message: string) => void = () => {};
/** Called when the server says the session is gone (401). */
export const whenSignedOut = (f: (message: string) => void) => { onSignedOut = f; };

async function request<T>(path: string, init: { method?: string; body?: unknown; quiet401?: boolean } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    const csrf = currentSession()?.csrfToken;
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(`/backoffice/api${path}`, { method, headers, credentials: 'same-origin', body: method === 'GET' ? undefined : JSON.stringify(init.body ?? {}) });
  } catch {
    throw new ApiFailure(0, 'network', '无法连接中心服务器，请检查网络后重试');
  }
  const json = (await res.json().catch(() => null)) as ({ code?: string; message?: string; details?: ErrorDetail[] } & T) | null;
  if (!res.ok) {
    const failure = new ApiFailure(res.status, json?.code ?? 'internal', json?.message ?? `服务器返回错误（${res.status}）`, json?.details ?? []);
    if (res.status === 401 && !init.quiet401) onSignedOut(failure.message);
    throw failure;
  }
  return json as T;
}

const qs = (q: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export interface CaseFilters {
  departmentCode?: string;
  officeCode?: string;
  status?: string;
  reviewStatus?: string;
}

/** The dashboard's query; an empty office or department means all within the caller's scope. */
export interface CentreStatsFilters { from: string; to: string; groupBy: string; officeCode?: string; departmentCode?: string }

const post = <T>(path: string, body: unknown = {}) => request<T>(path, { method: 'POST', body });
const c = (id: string) => `/cases/${encodeURIComponent(id)}`;

export const api = {
  signIn: (staffNo: string, password: string) => request<SessionResponse>('/session', { method: 'POST', body: { staffNo, password }, quiet401: true }),
  session: () => request<SessionResponse>('/session', { quiet401: true }),
  signOut: () => post<{ ok: true }>('/session/sign-out'),
  changePassword: (current: string, next: string) => post<{ ok: true }>('/session/password', { current, next }),
  directory: () => request<DirectoryResponse>('/directory'),
  queues: () => request<QueueCounts>('/queues'),
  cases: (queue: Queue, f: CaseFilters, before?: number) => request<CaseListResponse>(`/cases${qs({ queue, ...f, order: 'desc', before, limit: 50 })}`),
  casesXlsxUrl: (queue: Queue, f: CaseFilters) => `/backoffice/api/cases.xlsx${qs({ queue, ...f })}`,
  caseDetail: (id: string) => request<CaseDetailResponse>(c(id)),
  item: (code: string, version?: number) => request<CatalogueItemResponse>(`/catalogue/items/${encodeURIComponent(code)}${qs({ version })}`),
  claim: (id: string) => post<ClaimView>(`${c(id)}/claim`),
  release: (id: string) => post<{ ok: true }>(`${c(id)}/release`),
  assignees: (id: string) => request<{ staff: StaffAccount[] }>(`${c(id)}/assignees`),
  assign: (id: string, staffNo: string) => post<ClaimView>(`${c(id)}/assign`, { staffNo }),
  setStatus: (id: string, body: SetStatusRequest) => post<StatusEvent>(`${c(id)}/status`, body),
  casePages: (id: string) => request<CasePagesResponse>(`${c(id)}/pages`),
  correct: (id: string, body: CorrectionRequest) => post<StatusEvent>(`${c(id)}/corrections`, body),
  requestExtension: (id: string, days: number, reason: string) => post<ExtensionRequestView>(`${c(id)}/extension-requests`, { days, reason }),
  suspend: (id: string, reason: string) => post<StatusEvent>(`${c(id)}/suspend`, { reason }),
  resume: (id: string) => post<StatusEvent>(`${c(id)}/resume`),
  pendingExtensions: () => request<{ requests: ExtensionRequestView[] }>('/extension-requests'),
  decideExtension: (requestId: string, approve: boolean, note?: string) => post<ExtensionRequestView>(`/extension-requests/${encodeURIComponent(requestId)}/decision`, { approve, ...(note ? { note } : {}) }),
  staff: () => request<{ staff: StaffAccount[] }>('/staff'),
  addStaff: (s: StaffInput) => post<StaffAccount>('/staff', s),
  updateStaff: (staffNo: string, s: StaffUpdate) => post<StaffAccount>(`/staff/${encodeURIComponent(staffNo)}`, s),
  setStaffActive: (staffNo: string, active: boolean) => post<StaffAccount>(`/staff/${encodeURIComponent(staffNo)}/${active ? 'enable' : 'disable'}`),
  resetPassword: (staffNo: string, password: string) => post<StaffAccount>(`/staff/${encodeURIComponent(staffNo)}/reset-password`, { password }),
  audit: (q: Partial<AuditQuery>) => request<AuditListResponse>(`/audit${qs(q as Record<string, string | number | undefined>)}`),
  auditCsvUrl: (q: Partial<AuditQuery>) => `/backoffice/api/audit.csv${qs(q as Record<string, string | number | undefined>)}`,
  verifyAudit: () => request<AuditVerifyResponse>('/audit/verify'),
  centreStats: (q: CentreStatsFilters) => request<CentreStatsResponse>(`/stats/centre${qs({ ...q })}`),
  centreStatsXlsxUrl: (q: CentreStatsFilters) => `/backoffice/api/stats/centre.xlsx${qs({ ...q })}`,
  rectificationsXlsxUrl: (q: { standing?: string; invalidPending?: boolean }) => `/backoffice/api/rectifications.xlsx${qs({ standing: q.standing, invalidPending: q.invalidPending ? 'true' : undefined })}`,
  rectifications: (q: { standing?: string; invalidPending?: boolean }) =>
    request<RectificationListResponse>(`/rectifications${qs({ standing: q.standing, invalidPending: q.invalidPending ? 'true' : undefined })}`),
  actOnRectification: (caseId: string, body: RectificationActionRequest) => post<RectificationView>(`/rectifications/${encodeURIComponent(caseId)}`, body),
  rectificationSettings: () => request<{ settings: { officeCode: string; officeName: string; deadlineDays: number }[]; choices: number[] }>('/rectification-settings'),
  ratingReasons: () => request<RatingReasonsResponse>('/rating-reasons'),
  setRatingReasons: (baseVersion: number, reasons: RatingReason[] | null) => post<RatingReasonsResponse>('/rating-reasons', { baseVersion, reasons }),
  setRectificationDays: (officeCode: string, deadlineDays: number) => post<{ officeCode: string; deadlineDays: number }>('/rectification-settings', { officeCode, deadlineDays }),
};
