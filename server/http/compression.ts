// gzip in both directions with node:zlib only. A gzip request body is inflated only up to
// the body limit: the moment the inflated output passes it, the inflater is destroyed and
// the rest of the wire is dropped unread by zlib, so a zip bomb costs ~limit bytes of work.
import { createGunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { HttpError } from './errors';

const gzipAsync = promisify(gzip);
/** Replies smaller than this are not worth compressing. */
const MIN_COMPRESS_BYTES = 1024;

/** Counts gzip request bodies and the bytes inflated from them (tests, diagnostics). */
export interface InflateMeter {
  bodies: number;
  bytes: number;
  cutOff: number;
}

type Counted = Transform & { receivedEncodedLength: number };

function tooLarge(): Error {
  // Same code as Fastify's own limit, so one table maps both to 413 body_too_large.
  return Object.assign(new Error('inflated body over the limit'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
}

/** source → gunzip → counter; the counter stops the inflater as soon as `limit` is passed. */
function limitedGunzip(source: Readable, limit: number, meter?: InflateMeter): Readable {
  const gunzip = createGunzip();
  let inflated = 0;
  const out = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      inflated += chunk.length;
      if (meter) meter.bytes += chunk.length;
      if (inflated <= limit) return cb(null, chunk);
      if (meter) meter.cutOff++;
      stop();
      cb(tooLarge());
    },
  }) as Counted;
  const stop = () => {
    source.unpipe(gunzip);
    gunzip.destroy();
  };
  // Fastify compares Content-Length with the bytes received on the wire, not the inflated size.
  out.receivedEncodedLength = 0;
  // Also keeps the source flowing after stop(): what is still in flight is read and dropped.
  source.on('data', (chunk: Buffer) => { out.receivedEncodedLength += chunk.length; });
  source.on('error', (err) => { stop(); out.destroy(err); });
  gunzip.on('error', (err: Error & { statusCode?: number; code?: string }) => {
    err.statusCode = 400;
    err.code = 'BAD_ENCODING';
    out.destroy(err);
  });
  out.on('close', stop);
  if (meter) meter.bodies++;
  source.pipe(gunzip).pipe(out);
  return out;
}

export function registerCompression(app: FastifyInstance, meter?: InflateMeter) {
  app.addHook('preParsing', async (req, _reply, payload) => {
    const enc = (req.headers['content-encoding'] ?? 'identity').toString().trim().toLowerCase();
    if (enc === 'identity' || enc === '') return payload;
    if (enc !== 'gzip') throw new HttpError(415, 'unsupported_media_type', `不支持的请求压缩方式 ${enc}，仅支持 gzip`);
    return limitedGunzip(payload as Readable, req.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit!, meter);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const accepts = /\bgzip\b/i.test(req.headers['accept-encoding']?.toString() ?? '');
    if (!accepts || reply.getHeader('content-encoding') || payload == null) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    if (!body || body.length < MIN_COMPRESS_BYTES) return payload;
    reply.header('content-encoding', 'gzip');
    reply.header('vary', 'accept-encoding');
    reply.removeHeader('content-length');
    return gzipAsync(body);
  });
}
