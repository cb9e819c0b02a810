// Adversarial HTTP input: every bad body gets a precise 4xx (never a 500) and writes
// nothing; gzip both ways; the OpenAPI document covers every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { BACKENDS, Outbox, call, enrolDevice, gzipJson, push, startTestServer, type TestServer } from './server-harness';
import { buildApp } from '../../server/http/app';
import { MAX_BATCH, MAX_BODY_BYTES, type EnrolResponse } from '../../shared/sync/protocol';

/** Raw request so the response's Content-Encoding can be seen (fetch decodes silently). */
function rawGet(url: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; encoding?: string; body: Buffer }>((resolve, reject) => {
    const req = request(url + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(BACKENDS)('server HTTP input on %s', (backend) => {
  let t: TestServer;
  let dev: EnrolResponse;
  const events = () => t.db.query<{ n: unknown }>('SELECT count(*) AS n FROM case_events WHERE device_id = $1', [dev.deviceId]).then((r) => Number(r.rows[0].n));
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false });
    dev = await enrolDevice(t);
  });
  afterAll(async () => { await t?.close(); });

  const post = (raw: string | Buffer, headers: Record<string, string> = {}) =>
    call(t.server.url, '/sync/v1/push', { token: dev.deviceToken, raw, headers });

  it('malformed JSON → 400 malformed_json', async () => {
    const r = await post('{"deviceId": "x", "batch": [');
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('malformed_json');
  });

  it('wrong types → 400 invalid_input with located details', async () => {
    const r = await post(JSON.stringify({ deviceId: dev.deviceId, batch: [{ seq: 'one' }] }));
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('invalid_input');
    expect(r.json.details[0].path).toBe('batch[0].seq');
    const empty = await post('');
    expect(empty.status).toBe(400);
    expect(empty.json.code).toBe('empty_body');
    const proto = await post(`{"deviceId":"${dev.deviceId}","batch":[],"__proto__":{"x":1}}`);
    expect(proto.status).toBe(400);
  });

  it('a body over 2 MB → 413, plain or gzip-inflated (zip bomb)', async () => {
    const box = new Outbox();
    const c = box.open();
    while (JSON.stringify(box.entries).length < MAX_BODY_BYTES) box.add(c, 'case.rated', { pad: 'x'.repeat(60_000) });
    const body = { deviceId: dev.deviceId, batch: box.entries };
    const r = await post(JSON.stringify(body));
    expect(r.status).toBe(413);
    expect(r.json.code).toBe('body_too_large');
    const bomb = gzipSync(Buffer.from(JSON.stringify({ deviceId: dev.deviceId, batch: [{ seq: 1, pad: ' '.repeat(5 * MAX_BODY_BYTES) }] })));
    expect(bomb.length).toBeLessThan(MAX_BODY_BYTES / 10);
    const z = await post(bomb, { 'content-encoding': 'gzip' });
    expect(z.status).toBe(413);
    expect(await events()).toBe(0);
  });

  it(`a batch over ${MAX_BATCH} entries is refused whole`, async () => {
    const box = new Outbox();
    for (let i = 0; i <= MAX_BATCH; i++) box.open();
    const r = await push(t, dev, box.entries);
    expect(r.status).toBe(400);
    expect(r.json.details.some((d: { message: string }) => d.message.includes(String(MAX_BATCH)))).toBe(true);
    expect(await events()).toBe(0);
  });

  it('wrong media type or encoding → 415; broken gzip → 400', async () => {
    expect((await post('hello', { 'content-type': 'text/plain' })).status).toBe(415);
    const br = await post(JSON.stringify({}), { 'content-encoding': 'br' });
    expect(br.status).toBe(415);
    expect(br.json.code).toBe('unsupported_media_type');
    const broken = await post(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(broken.status).toBe(400);
    expect(broken.json.code).toBe('bad_encoding');
  });

  it('accepts a gzip body and compresses large replies', async () => {
    const box = new Outbox();
    const c = box.open();
    box.add(c, 'case.decided', { decision: 'accept', materials: Array.from({ length: 30 }, (_, i) => ({ id: `M${i}`, mark: 'verified' })) });
    const r = await post(gzipJson({ deviceId: dev.deviceId, batch: box.entries }), { 'content-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ appliedThrough: 2, applied: 2 });
    const doc = await rawGet(t.server.url, '/openapi.json', { 'accept-encoding': 'gzip' });
    expect(doc.status).toBe(200);
    expect(doc.encoding).toBe('gzip');
    const plain = await rawGet(t.server.url, '/openapi.json', {});
    expect(plain.encoding).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).openapi).toBe('3.1.0');
  });

  it('property: any JSON or byte soup gets an answer below 500 and never a write', async () => {
    const entryLike = fc.record({ seq: fc.oneof(fc.integer(), fc.constant(1)), id: fc.string(), caseId: fc.uuid(), type: fc.string(), payload: fc.jsonValue(), deviceTime: fc.string() }, { requiredKeys: [] });
    const bodies = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ deviceId: fc.constant(dev.deviceId), batch: fc.array(fc.oneof(entryLike, fc.jsonValue()), { maxLength: 5 }) }).map((v) => JSON.stringify(v)),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    const before = await events();
    await fc.assert(fc.asyncProperty(bodies, async (raw) => {
      const r = await post(raw);
      expect(r.status).toBeLessThan(500);
      expect(typeof r.json.code === 'string' || typeof r.json.appliedThrough === 'number').toBe(true);
    }), { numRuns: 60 });
    // Entries that passed the envelope but not PushEntry were acknowledged as rejected, never stored.
    expect(await events()).toBe(before);
  });

  it('unknown routes and bad query strings are precise 4xx', async () => {
    const nf = await call(t.server.url, '/sync/v1/nothing', { token: dev.deviceToken });
    expect(nf.status).toBe(404);
    expect(nf.json.code).toBe('not_found');
    const q = await call(t.server.url, '/sync/v1/status-events?limit=100000', { token: dev.deviceToken });
    expect(q.status).toBe(400);
    expect(q.json.details[0].path).toBe('limit');
  });
});

describe('OpenAPI document', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer('pglite'); });
  afterAll(async () => { await t?.close(); });

  it('is served at /openapi.json and lists every registered route with its schemas', async () => {
    const r = await call(t.server.url, '/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.json;
    expect(doc.openapi).toBe('3.1.0');
    // What Fastify actually registers on an identical app.
    const { app, registered } = buildApp({ db: t.db });
    await app.ready();
    await app.close();
    expect(registered.length).toBeGreaterThan(10);
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`));
    expect(new Set(documented)).toEqual(new Set(registered.map((r) => r.replace(/:(\w+)/g, '{$1}'))));
    for (const route of [
      'POST /sync/v1/enrol', 'GET /sync/v1/device', 'POST /sync/v1/push', 'GET /sync/v1/status-events', 'GET /sync/v1/catalogue/version',
      'GET /sync/v1/catalogue', 'GET /sync/v1/clerks', 'GET /sync/v1/window', 'GET /backoffice/api/cases', 'GET /backoffice/api/cases/{caseId}',
      'POST /backoffice/api/cases/{caseId}/status', 'GET /backoffice/api/rejected', 'GET /openapi.json',
    ]) expect(documented).toContain(route);
    const pushOp = doc.paths['/sync/v1/push'].post;
    expect(pushOp.requestBody.content['application/json'].schema.properties.batch.maxItems).toBe(MAX_BATCH);
    expect(pushOp.responses['409']).toBeDefined();
    expect(pushOp.security).toEqual([{ deviceToken: [] }]);
  });
});
