// gzip in both directions with node:zlib only. Request bodies: the decompressed stream is
// what Fastify measures against bodyLimit, so a zip bomb is cut off at MAX_BODY_BYTES.
import { createGunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { HttpError } from './errors';

const gzipAsync = promisify(gzip);
/** Replies smaller than this are not worth compressing. */
const MIN_COMPRESS_BYTES = 1024;

export function registerCompression(app: FastifyInstance) {
  app.addHook('preParsing', async (req, _reply, payload) => {
    const enc = (req.headers['content-encoding'] ?? 'identity').toString().trim().toLowerCase();
    if (enc === 'identity' || enc === '') return payload;
    if (enc !== 'gzip') throw new HttpError(415, 'unsupported_media_type', `不支持的请求压缩方式 ${enc}，仅支持 gzip`);
    const gunzip = createGunzip() as ReturnType<typeof createGunzip> & { receivedEncodedLength: number };
    // Fastify compares Content-Length with the bytes received on the wire, not the inflated size.
    gunzip.receivedEncodedLength = 0;
    payload.on('data', (chunk: Buffer) => { gunzip.receivedEncodedLength += chunk.length; });
    payload.on('error', (err) => gunzip.destroy(err));
    gunzip.on('error', (err: Error & { statusCode?: number; code?: string }) => {
      err.statusCode = 400;
      err.code = 'BAD_ENCODING';
    });
    return (payload as Readable).pipe(gunzip);
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
