// Request bodies cost the server at most the body limit: a gzip body is inflated only up to
// MAX_BODY_BYTES (a 1 GiB zip bomb is cut off there), and a request that fails
// authentication or the rate limit is answered before its body is read at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { BACKENDS, Outbox, call, enrolDevice, gzipJson, staff, startTestServer, type TestServer } from './server-harness';
import { SESSION_COOKIE } from '../../shared/sync/staff';
import type { InflateMeter } from '../../server/http/compression';
import { MAX_BODY_BYTES, type EnrolResponse } from '../../shared/sync/protocol';

const MiB = 1 << 20;
/** 1 MiB of zeros as one gzip member (~1 KB); members concatenate into one gzip stream. */
const ZEROS_MEMBER = gzipSync(Buffer.alloc(MiB), { level: 9 });
/** One zlib output chunk: how far past the limit inflation may run before it is stopped. */
const SLACK = 64 * 1024;

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  json: any;
  sentBytes: number;
  /** The answer came only after the whole body was sent. */
  bodyEnded: boolean;
  ms: number;
  /** With keepWriting: bytes the client still got out after the answer until the server hung up. */
  sentAfterAnswer: number;
}

/**
 * POSTs the headers at once, then writes `chunk` again and again until the server answers
 * (with keepWriting: until the server hangs up), at most `maxBytes`, after which the body
 * is ended.
 */
function postStreaming(url: string, path: string, headers: Record<string, string>, chunk: Buffer, maxBytes = Infinity, keepWriting = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    let sentBytes = 0, bodyEnded = false, answer: Omit<Answer, 'sentAfterAnswer'> | null = null, sentAtAnswer = 0;
    const finish = () => { req.destroy(); resolve({ ...answer!, sentAfterAnswer: sentBytes - sentAtAnswer }); };
    const req = request(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        answer = { status: res.statusCode!, headers: res.headers, json: JSON.parse(Buffer.concat(parts).toString() || 'null'), sentBytes, bodyEnded, ms: Date.now() - t0 };
        sentAtAnswer = sentBytes;
        if (!keepWriting || bodyEnded) finish();
      });
    });
    // The server hangs up on a caller that keeps sending after the answer.
    req.on('error', (e) => (answer ? finish() : reject(e)));
    req.flushHeaders();
    const pump = () => {
      if ((answer && !keepWriting) || req.destroyed) return;
      if (sentBytes >= maxBytes) { bodyEnded = true; req.end(); if (answer) finish(); return; }
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
    expect(meter).toMatchObject({ bodies: 1, cutOff: 0, bytes: Buffer.byteLength(JSON.stringify({ deviceId: dev.deviceId, batch: box.entries })) });
  });
});

describe.each(BACKENDS)('refused callers on %s: answered before their body is read', (backend) => {
  let t: TestServer;
  let dev: EnrolResponse;
  const meter: InflateMeter = { bodies: 0, bytes: 0, cutOff: 0 };
  const bomb = Buffer.concat(Array.from({ length: 16 }, () => ZEROS_MEMBER));
  const plain = Buffer.alloc(256 * 1024, 0x20);
  // One request per device, one enrolment per address: the second of each is over the limit.
  beforeAll(async () => {
    t = await startTestServer(backend, { inflateMeter: meter, rateLimit: { capacity: 1, refillPerSecond: 0.001 }, enrolRateLimit: { capacity: 1, refillPerSecond: 0.001 } });
    dev = await enrolDevice(t);
  });
  afterAll(async () => { await t?.close(); });

  /** An endless upload that must be answered with `status`/`code` without being read. */
  async function refused(path: string, headers: Record<string, string>, status: number, code: string, body = bomb) {
    const before = { ...meter };
    const r = await postStreaming(t.server.url, path, { 'content-encoding': 'gzip', ...headers }, body, 256 * MiB);
    expect(r.status).toBe(status);
    expect(r.json.code).toBe(code);
    expect(r.bodyEnded).toBe(false);
    expect(meter).toEqual(before); // no inflater was even created
    return r;
  }

  it('no device token, a forged one → 401 before the body is read (gzip or plain)', async () => {
    await refused('/sync/v1/push', {}, 401, 'token_missing');
    await refused('/sync/v1/push', { authorization: 'Bearer yc1_forged' }, 401, 'token_invalid');
    // A plain body would have hit the 2 MB limit (413) had it been read first.
    await refused('/sync/v1/push', { 'content-encoding': 'identity' }, 401, 'token_missing', plain);
  });

  it('a caller that keeps sending after the answer is cut off (at most one body limit more)', async () => {
    const r = await postStreaming(t.server.url, '/sync/v1/push', {}, plain, 256 * MiB, true);
    expect(r.status).toBe(401);
    expect(r.bodyEnded).toBe(false);
    // Loopback socket buffers hold a few MB besides what the server drops.
    expect(r.sentAfterAnswer).toBeLessThan(32 * MiB);
  });

  it('a legitimate window that finishes sending its body reads the answer and keeps the connection', async () => {
    // ~1.4 MB on the wire (random text barely compresses), sent whole by a client with an old token.
    const body = gzipJson({ deviceId: dev.deviceId, batch: [{ seq: 1, pad: randomBytes(1_000_000).toString('base64') }] });
    const r = await postStreaming(t.server.url, '/sync/v1/push', { 'content-encoding': 'gzip', 'content-length': String(body.length), authorization: 'Bearer yc1_revoked' }, body, body.length);
    expect(r.status).toBe(401);
    expect(r.headers.connection).not.toBe('close');
  });

  it('a device over its rate limit → 429 with Retry-After before the body is read', async () => {
    expect((await call(t.server.url, '/sync/v1/device', { token: dev.deviceToken })).status).toBe(200); // the bucket's one request
    const r = await refused('/sync/v1/push', { authorization: `Bearer ${dev.deviceToken}` }, 429, 'rate_limited');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('enrolment over the per-address limit, back office without a session, a forged CSRF token or a foreign Host, unknown paths', async () => {
    await refused('/sync/v1/enrol', {}, 429, 'rate_limited');
    const status = '/backoffice/api/cases/0190a000-0000-7000-8000-000000000000/status';
    await refused(status, { authorization: 'Bearer wrong' }, 401, 'unauthenticated');
    const c = await staff(t);
    const cookie = `${SESSION_COOKIE}=${c.cookie}`;
    const origin = new URL(t.server.url).origin;
    await refused(status, { cookie, origin, 'x-csrf-token': 'forged' }, 403, 'csrf_invalid');
    await refused(status, { cookie, origin: 'https://evil.example', 'x-csrf-token': c.csrf! }, 403, 'origin_invalid');
    await refused(status, { cookie, origin, 'x-csrf-token': c.csrf!, host: 'evil.example' }, 403, 'host_invalid');
    await refused('/sync/v1/nothing', { authorization: `Bearer ${dev.deviceToken}` }, 404, 'not_found');
  });
});
