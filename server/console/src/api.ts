// Calls to the back-office JSON API (/backoffice/api) with the staff token. Errors arrive as
// { code, message, details? } in Chinese; they are thrown as ApiFailure for the forms to show.
import type { ErrorDetail } from '../../../shared/errors';
import type {
  CaseDetailResponse, CaseListResponse, CatalogueItemResponse, DirectoryResponse, SetStatusRequest,
} from '../../../shared/sync/backoffice';
import type { StatusEvent } from '../../../shared/sync/protocol';
import { loadSession } from './session';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: ErrorDetail[] = []) {
    super(message);
  }
  /** The message for one form field (`reason`, `note` …), if the server named it. */
  field(name: string): string | undefined {
    return this.details.find((d) => d.path === name)?.message;
  }
}

async function request<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const token = init.token ?? loadSession()?.token ?? '';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/backoffice/api${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  } catch {
    throw new ApiFailure(0, 'network', '无法连接中心服务器，请检查网络后重试');
  }
  const json = (await res.json().catch(() => null)) as ({ code?: string; message?: string; details?: ErrorDetail[] } & T) | null;
  if (!res.ok) throw new ApiFailure(res.status, json?.code ?? 'internal', json?.message ?? `服务器返回错误（${res.status}）`, json?.details ?? []);
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

export const api = {
  directory: (token?: string) => request<DirectoryResponse>('/directory', { token }),
  cases: (f: CaseFilters, before?: number) => request<CaseListResponse>(`/cases${qs({ ...f, order: 'desc', before, limit: 50 })}`),
  caseDetail: (id: string) => request<CaseDetailResponse>(`/cases/${encodeURIComponent(id)}`),
  item: (code: string, version?: number) => request<CatalogueItemResponse>(`/catalogue/items/${encodeURIComponent(code)}${qs({ version })}`),
  setStatus: (id: string, body: SetStatusRequest) => request<StatusEvent>(`/cases/${encodeURIComponent(id)}/status`, { method: 'POST', body }),
};
