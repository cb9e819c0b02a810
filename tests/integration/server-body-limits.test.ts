// Request bodies cost the server at most the body limit: a gzip body is inflated only up to
// MAX_BODY_BYTES (a 1 GiB zip bomb is cut off there), and a request that fails
// authentication or the rate limit is answered before its body is read at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { BACKENDS, Outbox, enrolDevice, gzipJson, startTestServer, type TestServer } from './server-harness';
import type { InflateMeter } from '../../server/http/compression';
import { MAX_BODY_BYTES, type EnrolResponse } from '../../shared/sync/protocol';

const MiB = 1 << 20;
/** 1 MiB of zeros as one gzip member (~1 KB); members concatenate into one gzip stream. */
const ZEROS_MEMBER = gzipSync(Buffer.alloc(MiB), { level: 9 });
/** One zlib output chunk: how far past the limit inflation may run before it is stopped. */
const SLACK = 64 * 1024;

interface Answer { status: number; json: any; sentBytes: number; bodyEnded: boolean; ms: number }

/**
 * POSTs the headers at once, then writes `chunk` again and again until the server answers,
 * up to `maxBytes` (then the body is ended). `bodyEnded` says whether the answer came only
 * after the whole body was sent.
 */
function postStreaming(url: string, path: string, headers: Record<string, string>, chunk: Buffer, maxBytes = Infinity): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    let sentBytes = 0, bodyEnded = false, answered = false;
    const req = request(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const ms = Date.now() - t0;
        req.destroy();
        resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(parts).toString() || 'null'), sentBytes, bodyEnded, ms });
      });
    });
    // The server closes the connection after answering; a write still in flight then fails.
    req.on('error', (e) => { if (!answered) reject(e); });
    req.flushHeaders();
    const pump = () => {
      if (answered || req.destroyed) return;
      if (sentBytes >= maxBytes) { bodyEnded = true; req.end(); return; }
      const part = chunk.subarray(0, Math.min(chunk.length, maxBytes - sentBytes));
      sentBytes += part.length;
      if (req.write(part)) setImmediate(pump);
      else req.once('drain', pump);
    };
    pump();
  });
}

describe.each(BACKENDS)('request bodies on %s', (backend) => {
  let t: TestServer;
  let dev: EnrolResponse;
  const meter: InflateMeter = { bodies: 0, bytes: 0, cutOff: 0 };
  const push = { path: '/sync/v1/push', headers: () => ({ authorization: `Bearer ${dev.deviceToken}`, 'content-encoding': 'gzip' }) };
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false, inflateMeter: meter });
    dev = await enrolDevice(t);
  });
  afterAll(async () => { await t?.close(); });
  const reset = () => Object.assign(meter, { bodies: 0, bytes: 0, cutOff: 0 });
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it('a 1 GiB gzip bomb (1 MiB on the wire) is refused with 413, inflating only ~2 MB of it', async () => {
    reset();
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => ZEROS_MEMBER));
    expect(bomb.length).toBeLessThan(1.1 * MiB);
    const r = await postStreaming(t.server.url, push.path, { ...push.headers(), 'content-length': String(bomb.length) }, bomb, bomb.length);
    expect(r.status).toBe(413);
    expect(r.json.code).toBe('body_too_large');
    await settle(); // nothing keeps inflating after the answer
    expect(meter).toMatchObject({ bodies: 1, cutOff: 1 });
    expect(meter.bytes).toBeGreaterThan(MAX_BODY_BYTES);
    expect(meter.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES + SLACK);
    console.info(`[body-limits ${backend}] 1 GiB bomb: 413 after ${r.ms} ms, ${meter.bytes} bytes inflated`);
  });

  it('an endless gzip stream is cut off at the limit, not read to its end', async () => {
    reset();
    const r = await postStreaming(t.server.url, push.path, push.headers(), Buffer.concat(Array.from({ length: 64 }, () => ZEROS_MEMBER)), 256 * MiB);
    expect(r.status).toBe(413);
    expect(r.bodyEnded).toBe(false);
    await settle();
    expect(meter.cutOff).toBe(1);
    expect(meter.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES + SLACK);
  });

  it('a normal gzip push still works, inflated whole', async () => {
    reset();
    const box = new Outbox();
    box.open();
    const body = gzipJson({ deviceId: dev.deviceId, batch: box.entries });
    const r = await postStreaming(t.server.url, push.path, { ...push.headers(), 'content-length': String(body.length) }, body, body.length);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ appliedThrough: 1, applied: 1 });
    expect(meter).toMatchObject({ bodies: 1, cutOff: 0, bytes: JSON.stringify({ deviceId: dev.deviceId, batch: box.entries }).length });
  });
});
