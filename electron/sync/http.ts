// Small JSON-over-HTTP client for the sync protocol: gzip request bodies, gzip replies,
// a timeout per call, replies validated with the protocol's zod schemas, and every failure
// turned into a SyncError that says whether retrying can help.
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { ApiError, type ApiErrorCode } from '../../shared/sync/protocol';

export type SyncErrorKind = 'network' | 'timeout' | 'server' | 'auth' | 'rejected' | 'protocol';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    /** Plain Chinese for the clerk's status area. */
    readonly userMessage: string,
    readonly status: number | null = null,
    readonly code: ApiErrorCode | null = null,
    readonly extra: { expectedSeq?: number; retryAfterSeconds?: number; held?: number } = {},
  ) {
    super(`${kind}${status ? ` ${status}` : ''}${code ? ` ${code}` : ''}: ${userMessage}`);
  }
  /** Set by the push: the batch this failure answered (local outbox numbers). */
  batch?: { size: number; firstSeq: number; lastSeq: number };
  /**
   * The server answered, but failed on this request's content: 5xx (not 429), or a body it
   * refused whole (400/413/415). Retrying the same entries may not help; splitting can.
   */
  get entryFailure(): boolean {
    if (this.status === null || this.status === 429) return false;
    return this.status >= 500 || (this.kind === 'rejected' && [400, 413, 415].includes(this.status));
  }
  /** Network trouble, timeouts, 5xx, 429 and garbled replies: try again later. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'protocol';
  }
}

export const OFFLINE_MESSAGE = '无法连接中心服务器（网络未连通），办件已保存在本机，联网后自动上传';
const TIMEOUT_MESSAGE = '连接中心服务器超时（网络较慢或不稳定），稍后自动重试';
const SERVER_MESSAGE = '中心服务器暂时出错，稍后自动重试';
const GARBLED_MESSAGE = '与中心服务器的通信中断（回复不完整），稍后自动重试';
export const TOKEN_MESSAGE = '本机的设备令牌已失效或被注销，请向管理员索取新的登记码重新登记；待上传的办件仍保存在本机';

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** Already serialised JSON (the outbox keeps payloads as JSON text: no parse and re-stringify). */
  rawBody?: string;
  /** Raw bytes (a page chunk): sent as application/octet-stream, never gzipped (images do not shrink). */
  bytes?: Uint8Array;
  timeoutMs: number;
  /** Aborts the call early (the loop found the server silent); reads as a timeout. */
  signal?: AbortSignal;
}

export interface HttpResult<T> {
  data: T;
  ms: number;
  requestBytes: number;
}

export type FetchLike = typeof fetch;

export async function requestJson<S extends z.ZodType>(
  fetchImpl: FetchLike,
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  opts: RequestOptions,
): Promise<HttpResult<z.output<S>>> {
  const headers: Record<string, string> = { 'accept-encoding': 'gzip', accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (opts.bytes) {
    body = new Uint8Array(opts.bytes);
    headers['content-type'] = 'application/octet-stream';
  } else if (opts.body !== undefined || opts.rawBody !== undefined) {
    const text = Buffer.from(opts.rawBody ?? JSON.stringify(opts.body), 'utf8');
    // Big bodies only go out on fast links (batches grow on fast replies): spend less CPU there.
    const gz = gzipSync(text, { level: text.length > 64 * 1024 ? 1 : 6 });
    body = new Uint8Array(gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.length) as ArrayBuffer);
    headers['content-type'] = 'application/json';
    headers['content-encoding'] = 'gzip';
  }
  const started = performance.now();
  let res: Response;
  let text: string;
  try {
    res = await fetchImpl(baseUrl.replace(/\/+$/, '') + path, { method, headers, body, signal: opts.signal ? AbortSignal.any([AbortSignal.timeout(opts.timeoutMs), opts.signal]) : AbortSignal.timeout(opts.timeoutMs) });
    text = await res.text();
  } catch (err) {
    const e = err as Error;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') throw new SyncError('timeout', TIMEOUT_MESSAGE);
    throw new SyncError('network', OFFLINE_MESSAGE);
  }
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (res.status >= 500 || res.ok) throw new SyncError(res.ok ? 'protocol' : 'server', res.ok ? GARBLED_MESSAGE : SERVER_MESSAGE, res.status);
    throw new SyncError('rejected', `中心服务器拒绝了请求（${res.status}）`, res.status);
  }
  if (!res.ok) throw toSyncError(res.status, json, res.headers.get('retry-after'));
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncError('protocol', GARBLED_MESSAGE, res.status);
  return { data: parsed.data, ms, requestBytes: body?.length ?? 0 };
}

function toSyncError(status: number, json: unknown, retryAfter: string | null): SyncError {
  const api = ApiError.safeParse(json);
  const code = api.success ? api.data.code : null;
  const message = api.success ? api.data.message : `中心服务器拒绝了请求（${status}）`;
  if (status === 401 && (code === 'token_invalid' || code === 'device_revoked' || code === 'token_missing')) {
    return new SyncError('auth', TOKEN_MESSAGE, status, code);
  }
  if (status === 429) {
    return new SyncError('server', '请求过于频繁，稍后自动重试', status, code, { retryAfterSeconds: Number(retryAfter) || 1 });
  }
  if (status >= 500) return new SyncError('server', SERVER_MESSAGE, status, code);
  return new SyncError('rejected', message, status, code, {
    ...(api.success && api.data.expectedSeq !== undefined ? { expectedSeq: api.data.expectedSeq } : {}),
    ...(api.success && api.data.held !== undefined ? { held: api.data.held } : {}),
  });
}
