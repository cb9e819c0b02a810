// Server logs carry ids and codes only: request id, route, device id, error code (PostgreSQL
// SQLSTATE), table / column / constraint names. Never error messages or details, which embed
// the values of a request (PostgreSQL: `invalid input syntax for type integer: "王小明"`,
// `Failing row contains (…)`; PGlite even attaches the query parameters), never bodies or
// query strings.
import { LogController, type FastifyLoggerOptions, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

export interface LogSink {
  write(line: string): void;
}

const CODE = /^[\w.$-]{1,128}$/;
const FIELDS = ['code', 'statusCode', 'severity', 'schema', 'table', 'column', 'constraint', 'dataType', 'routine'] as const;
// "at fn (file:line:col)": where it happened, without the message line(s) above the frames.
const FRAME = /^at .{1,300}:\d+:\d+\)?$/;

/** What is logged of an error: its class, its codes and names, and its stack frames. */
export function safeError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { type: typeof err };
  const e = err as Record<string, unknown>;
  const out: Record<string, unknown> = { type: (e.constructor as { name?: string } | undefined)?.name ?? 'Object' };
  for (const k of FIELDS) {
    const v = e[k];
    if (typeof v === 'number' || (typeof v === 'string' && CODE.test(v))) out[k] = v;
  }
  if (typeof e.stack === 'string') {
    const frames = e.stack.split('\n').map((l) => l.trim()).filter((l) => FRAME.test(l)).slice(0, 12);
    if (frames.length) out.frames = frames;
  }
  return out;
}

const serializers = {
  err: safeError,
  req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0], route: req.routeOptions?.url }),
  res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
};

/** Fastify's own lines that would carry an error's message get a fixed text instead. */
class SafeLogController extends LogController {
  defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply) {
    if (this.isLogDisabled(request)) return;
    reply.log[reply.statusCode >= 500 ? 'error' : 'info']({ res: reply, err: error }, 'request failed');
  }
  writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply) {
    if (this.isLogDisabled(request)) return;
    reply.log.warn({ res: reply, err: error }, 'could not write the response head');
  }
  routeNotFound(request: FastifyRequest) {
    if (this.isLogDisabled(request)) return;
    request.log.info({ req: request }, 'route not found');
  }
}

/** Fastify options for logging: off unless enabled or given a sink (tests capture lines). */
export function loggerOptions(enabled: boolean | undefined, sink?: LogSink): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  if (!enabled && !sink) return { logger: false };
  // Fastify's type wants `message` and `stack` from the err serializer: exactly what is left out.
  const typed = serializers as unknown as NonNullable<FastifyLoggerOptions['serializers']>;
  return { logger: { level: 'info', serializers: typed, ...(sink ? { stream: sink } : {}) }, logController: new SafeLogController() };
}
