// The Fastify app: limits, gzip, auth, rate limits, zod validation and precise errors
// around the route table.
import Fastify, { type FastifyInstance, type FastifyError, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { z } from 'zod';
import '../../shared/zodLocale'; // validation messages staff and clerks read are Chinese
import { AppError, zodDetails } from '../../shared/errors';
import { MAX_BODY_BYTES } from '../../shared/sync/protocol';
import type { Db } from '../db/db';
import { CatalogueStore } from '../catalogue/catalogue';
import { HttpError } from './errors';
import { registerCompression, type InflateMeter } from './compression';
import { registerJsonBody } from './jsonBody';
import { normalizeDeep, TEXT_ISSUE_MESSAGE } from '../../shared/text/normalize';
import { TokenBuckets, type RateLimitOptions } from './rate-limit';
import { createGuard, originOf } from './auth';
import { hostPolicy } from './hosts';
import { DEFAULT_SESSION_OPTIONS, type SessionOptions } from '../staff/sessions';
import { dropUnreadBody } from './unread-body';
import { loggerOptions, type LogSink } from './logging';
import { routeTable, type RouteDef } from './routes';
import { openApiDocument } from './openapi';
import { CONSOLE_ROUTES, registerConsole } from './console';
import type { PushOptions } from '../sync/push';
import { fsBlobStore, type BlobStore } from '../pages/blobStore';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_CHUNK_BYTES, PAGE_CHUNK_TYPE } from '../../shared/sync/pages';

export interface AppOptions {
  db: Db;
  /** Names this server answers to besides its own (a reverse proxy's public name): "name" or "name:port". */
  allowedHosts?: string[];
  /** Fastify's trustProxy: the proxies whose X-Forwarded-For / -Proto are believed (audit address, Secure cookie). Default none. */
  trustProxy?: boolean | string | string[];
  /** Staff sessions: idle time-out, maximum age, lock-out (defaults in staff/sessions.ts). */
  session?: Partial<SessionOptions>;
  /** Minutes a claim (认领) holds before it returns to 待认领 (default 240). */
  claimMinutes?: number;
  /** The business clock: the China day queues and deadlines are counted on (tests move it). Default real time. */
  clock?: () => Date;
  /** Per client address on sign-in. Default 20, 1 per 3 s. */
  signInRateLimit?: RateLimitOptions;
  /** Per device; false disables (benchmarks). Default 120 requests, refilling 20/s. */
  rateLimit?: RateLimitOptions | false;
  /** Per client address on enrolment (guards codes against guessing). Default 10, 1 per 6 s. */
  enrolRateLimit?: RateLimitOptions;
  /** Test hook inside the push transaction (see PushOptions.beforeEntry). */
  pushHook?: PushOptions['beforeEntry'];
  /** Most cases a queue's Excel export holds (default QUEUE_EXPORT_LIMIT); the workbook says when the queue had more. */
  queueExportLimit?: number;
  /** How long a batch that overtook its predecessor waits for it (PushOptions.pipelineWaitMs). */
  pushPipelineWaitMs?: number;
  /** Test hook: counts gzip bodies and the bytes inflated from them. */
  inflateMeter?: InflateMeter;
  logger?: boolean;
  /** Where log lines go (default stdout); setting it turns logging on (tests capture lines). */
  logStream?: LogSink;
  /** Build of the back-office console served at /console/ (default dist/console). */
  consoleDir?: string;
  /** Where page bytes are kept (server/pages/blobStore.ts); default a new folder under the system's temp directory. */
  blobs?: BlobStore;
}

const FASTIFY_ERRORS: Record<string, [number, HttpError['code'], string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，请分批上传`],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', '请求内容类型不受支持，请使用 application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_body', '请求内容为空'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', '请求内容不是合法的 JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_input', '请求长度与 Content-Length 不符'],
  BAD_ENCODING: [400, 'bad_encoding', '请求内容的 gzip 压缩数据已损坏'],
};
const APP_ERROR_STATUS: Partial<Record<AppError['code'], [number, HttpError['code']]>> = {
  invalid_input: [400, 'invalid_input'], catalogue_invalid: [400, 'invalid_input'], not_found: [404, 'not_found'],
  conflict: [409, 'conflict'], unauthenticated: [401, 'unauthenticated'], forbidden: [403, 'forbidden'], precondition_failed: [409, 'conflict'],
};

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof z.ZodError) return new HttpError(400, 'invalid_input', '请求内容不符合要求', { details: zodDetails(err) });
  if (err instanceof AppError && APP_ERROR_STATUS[err.code]) {
    const [status, code] = APP_ERROR_STATUS[err.code]!;
    return new HttpError(status, code, err.message, { details: err.details });
  }
  const e = err as FastifyError;
  const known = e?.code ? FASTIFY_ERRORS[e.code] : undefined;
  if (known) return new HttpError(known[0], known[1], known[2]);
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new HttpError(e.statusCode, 'invalid_input', '请求无效');
  return new HttpError(500, 'internal', '服务器内部错误，本次请求未写入任何数据，请稍后重试');
}

const notFound = (req: FastifyRequest) => new HttpError(404, 'not_found', `没有这个接口：${req.method} ${req.url.split('?')[0]}`);

/**
 * A request's text is normalised (shared/text/normalize.ts) before its schema sees it; a lone
 * surrogate or runaway nesting is refused with the field named.
 */
function cleanText(value: unknown): unknown {
  const { value: clean, issues } = normalizeDeep(value, 'refuse');
  if (issues.length) {
    throw new HttpError(400, 'invalid_input', TEXT_ISSUE_MESSAGE[issues[0].kind], { details: issues.map((i) => ({ path: i.path, message: TEXT_ISSUE_MESSAGE[i.kind] })) });
  }
  return clean;
}

export function buildApp(opts: AppOptions): { app: FastifyInstance; routes: RouteDef[]; registered: string[] } {
  const app = Fastify({
    ...loggerOptions(opts.logger, opts.logStream),
    bodyLimit: MAX_BODY_BYTES,
    // A village link is slow but a request that dribbles for minutes is an attack or a dead link.
    requestTimeout: 120_000,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: opts.trustProxy ?? false,
  });
  // Parses the Cookie header in onRequest: the staff session is known before any body is read.
  app.register(fastifyCookie);
  app.removeContentTypeParser('text/plain');
  registerJsonBody(app);
  // Page chunks arrive as raw bytes, at most one chunk's worth.
  app.addContentTypeParser(PAGE_CHUNK_TYPE, { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES }, (_req, body, done) => done(null, body));
  // "METHOD /path" of everything Fastify serves, so tests can hold the OpenAPI document to it.
  const registered: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') registered.push(`${m} ${r.url}`);
  });
  registerCompression(app, opts.inflateMeter);

  const session: SessionOptions = { ...DEFAULT_SESSION_OPTIONS, ...opts.session };
  const hosts = hostPolicy(opts.allowedHosts);
  const guard = createGuard({
    db: opts.db,
    session,
    hosts,
    signInBuckets: new TokenBuckets(opts.signInRateLimit ?? { capacity: 20, refillPerSecond: 1 / 3 }),
    deviceBuckets: opts.rateLimit === false ? null : new TokenBuckets(opts.rateLimit ?? { capacity: 120, refillPerSecond: 20 }),
    enrolBuckets: new TokenBuckets(opts.enrolRateLimit ?? { capacity: 10, refillPerSecond: 1 / 6 }),
  });
  // Every request names this server (DNS rebinding, foreign proxies); a write from a foreign
  // page is refused; unknown paths are answered before their body is read, like refused callers.
  app.addHook('onRequest', async (req) => {
    hosts.requireHost(req);
    hosts.refuseForeignOrigin(req);
    if (req.is404) throw notFound(req);
  });
  // API replies are data, never to be sniffed into something else or kept by a cache.
  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/console/assets/')) reply.header('x-content-type-options', 'nosniff').header('cache-control', req.url.startsWith('/console') ? 'no-cache' : 'no-store');
  });

  app.setErrorHandler((err, req, reply) => {
    const h = toHttpError(err);
    // Codes and names only: see logging.ts (the device id is bound to the request's logger).
    if (h.status >= 500) req.log.error({ err, route: req.routeOptions.url }, 'request failed');
    if (h.extra.retryAfter) reply.header('retry-after', String(h.extra.retryAfter));
    if (h.status === 401 && req.url.startsWith('/sync/')) reply.header('www-authenticate', 'Bearer');
    // Refused before its body arrived whole (413, or in onRequest): drop the rest, bounded.
    dropUnreadBody(req.raw);
    return reply.status(h.status).send(h.toBody());
  });
  app.setNotFoundHandler(async (req) => { throw notFound(req); });

  const catalogue = new CatalogueStore(opts.db);
  const routes = routeTable({ db: opts.db, catalogue, pushHook: opts.pushHook, pushPipelineWaitMs: opts.pushPipelineWaitMs, clock: opts.clock ?? (() => new Date()), claimMinutes: opts.claimMinutes ?? 240, queueExportLimit: opts.queueExportLimit, session, blobs: opts.blobs ?? fsBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'yichuang-pages-'))) });
  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.url,
      // Authentication and rate limits run before the body is read (see auth.ts).
      onRequest: guard.hook(r),
      handler: async (req, reply) => {
        const device = guard.device(req);
        const staff = guard.staff(req);
        // Push entries are cleaned and judged one by one (server/sync/push.ts), never as a whole.
        const body = r.rawBody ? req.body : r.body ? r.body.parse(r.entriesJudgedAlone ? req.body : cleanText(req.body)) : undefined;
        const query = r.query ? r.query.parse(cleanText(req.query ?? {})) : undefined;
        const params = r.params ? r.params.parse(cleanText(req.params)) : undefined;
        const out = await r.handler({ body, query, params, device, staff, from: originOf(req), req, reply });
        return reply.sent ? reply : out;
      },
    });
  }
  registerConsole(app, opts.consoleDir);
  const meta = [{ method: 'GET', url: '/openapi.json', summary: '本接口文档（OpenAPI 3.1）' }, ...CONSOLE_ROUTES];
  const doc = openApiDocument(routes, meta);
  app.get('/openapi.json', async () => doc);
  return { app, routes, registered };
}
