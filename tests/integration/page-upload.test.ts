// The server's side of pages, on PGlite and PostgreSQL: chunks at the offset the server holds
// (resumable, also across a server restart), idempotent, sha256 checked end to end, the type
// read from the bytes, only pages a case of the uploading device names, limits; and the back
// office sees a page only when signed in and within scope (out of scope = not found).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, OFFICE_A, OFFICE_B, Outbox, call, catalogueFixture, enrolDevice, push, staff, startTestServer, type TestServer } from './server-harness';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { startServer } from '../../server/index';
import { SESSION_COOKIE } from '../../shared/sync/staff';
import { pngBytes } from '../helpers/images';
import type { EnrolResponse } from '../../shared/sync/protocol';

const FOOD = '11210100MB0000001A';
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const ref = (pageId: string, data: Buffer, over: Record<string, unknown> = {}) => ({
  pageId, materialId: 'M1', sha256: sha(data), bytes: data.length, contentType: 'image/jpeg', width: 1, height: 1, colour: 'grey', takenAt: '2026-11-27T01:00:00.000Z', ...over,
});

describe.each(BACKENDS)('page uploads on %s', (backend) => {
  let t: TestServer;
  let dev: EnrolResponse;
  let other: EnrolResponse;
  let caseId: string;
  const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-blobs-'));
  const pageA = pngBytes(300, 400, 1);
  const pageB = pngBytes(200, 250, 2);
  const notImage = Buffer.from('这不是图片'.repeat(100));
  const url = () => t.server.url;
  const status = (d: EnrolResponse, s: string) => call(url(), `/sync/v1/pages/${s}`, { token: d.deviceToken });
  const chunk = (d: EnrolResponse, s: string, offset: number, bytes: Buffer) =>
    call(url(), `/sync/v1/pages/${s}?offset=${offset}`, { token: d.deviceToken, raw: bytes, headers: { 'content-type': 'application/octet-stream' } });
  const upload = async (d: EnrolResponse, data: Buffer, size = 1000) => {
    let r = await status(d, sha(data));
    while (!r.json.stored) r = await chunk(d, sha(data), r.json.held, data.subarray(r.json.held, r.json.held + size));
    return r;
  };

  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false, blobs: blobDir });
    await publishCatalogue(t.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }]));
    dev = await enrolDevice(t);
    other = await enrolDevice(t, OFFICE_B);
    const box = new Outbox();
    caseId = box.open(undefined, FOOD);
    box.add(caseId, 'case.decided', { decision: 'accept', promisedDate: '2026-12-31' });
    box.add(caseId, 'case.pagesAttached', { pages: [ref('pa', pageA), ref('pb', pageB), ref('pc', notImage)] });
    expect((await push(t, dev, box.entries)).json.rejected).toEqual([]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(blobDir, { recursive: true, force: true });
  });

  it('takes only pages a case of the uploading device names (events first)', async () => {
    expect((await status(dev, 'f'.repeat(64))).json.code).toBe('page_unknown');
    const foreign = await status(other, sha(pageA));
    expect(foreign.status).toBe(404);
    expect(foreign.json.code).toBe('page_unknown');
    expect((await chunk(other, sha(pageA), 0, pageA.subarray(0, 10))).status).toBe(404);
  });

  it('resumes from what the server holds, takes a resent chunk once, refuses a gap with the offset to use', async () => {
    const s = sha(pageA);
    expect((await status(dev, s)).json).toEqual({ sha256: s, bytes: pageA.length, held: 0, stored: false });
    expect((await chunk(dev, s, 0, pageA.subarray(0, 700))).json).toMatchObject({ held: 700, stored: false });
    // The reply was lost: the same chunk again changes nothing.
    expect((await chunk(dev, s, 0, pageA.subarray(0, 700))).json).toMatchObject({ held: 700, stored: false });
    const gap = await chunk(dev, s, 1400, pageA.subarray(1400, 2000));
    expect(gap.status).toBe(409);
    expect(gap.json).toMatchObject({ code: 'offset_mismatch', held: 700 });
    const past = await chunk(dev, s, 700, Buffer.concat([pageA.subarray(700), Buffer.from('extra')]));
    expect(past.status).toBe(400);
    expect((await upload(dev, pageA, 900)).json).toEqual({ sha256: s, bytes: pageA.length, held: pageA.length, stored: true });
    // Stored: every later call says so, and no chunk changes it.
    expect((await chunk(dev, s, 0, pageA.subarray(0, 10))).json).toMatchObject({ stored: true, held: pageA.length });
    const { rows } = await t.db.query<{ content_type: string; width: number; height: number; bytes: number }>('SELECT content_type, width, height, bytes FROM page_blobs WHERE sha256 = $1', [s]);
    // The type and size come from the bytes (the event said image/jpeg, 1×1).
    expect(rows).toEqual([{ content_type: 'image/png', width: 300, height: 400, bytes: pageA.length }]);
  });

  it('resumes after a server restart from the bytes on disk', async () => {
    const s = sha(pageB);
    expect((await chunk(dev, s, 0, pageB.subarray(0, 500))).json.held).toBe(500);
    await t.server.close();
    t.server = await startServer({ db: t.db, rateLimit: false, blobs: blobDir });
    expect((await status(dev, s)).json).toMatchObject({ held: 500, stored: false });
    expect((await upload(dev, pageB)).json.stored).toBe(true);
  });

  it('drops an upload whose bytes are not its sha256 or not an image', async () => {
    const forged = Buffer.from(pageA);
    forged[forged.length - 20] ^= 0xff;
    const box = new Outbox();
    // A second case naming a page whose claimed sha256 the forged bytes do not have.
    const other2 = await enrolDevice(t);
    const id = box.open(undefined, FOOD);
    box.add(id, 'case.decided', { decision: 'accept', promisedDate: '2026-12-31' });
    const wanted = pngBytes(300, 400, 9);
    box.add(id, 'case.pagesAttached', { pages: [ref('px', wanted)] });
    expect((await push(t, other2, box.entries)).json.rejected).toEqual([]);
    const bad = await chunk(other2, sha(wanted), 0, forged.subarray(0, wanted.length));
    expect(bad.status).toBe(422);
    expect(bad.json.code).toBe('page_invalid');
    expect((await status(other2, sha(wanted))).json).toMatchObject({ held: 0, stored: false });
    const text = await chunk(dev, sha(notImage), 0, notImage);
    expect(text.status).toBe(422);
    expect(text.json.message).toContain('不是图片');
  });

  it('serves a page only to signed-in staff within scope; out of scope answers like a case that does not exist', async () => {
    const reviewer = await staff(t, 'reviewer');
    const list = await reviewer.get(`/cases/${caseId}/pages`);
    expect(list.status).toBe(200);
    expect(list.json.pages.map((p: { pageId: string; stored: boolean }) => [p.pageId, p.stored])).toEqual([['pa', true], ['pb', true], ['pc', false]]);
    const res = await fetch(`${url()}/backoffice/api/cases/${caseId}/pages/pa`, { headers: { cookie: `${SESSION_COOKIE}=${reviewer.cookie}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(pageA)).toBe(true);
    expect((await reviewer.get(`/cases/${caseId}/pages/pc`)).status).toBe(404); // not uploaded yet

    const outside = await staff(t, 'officeB'); // SCJG but office B only: the case is at office A
    const nothing = await reviewer.get('/cases/0190f5e0-0000-7000-8000-000000000000/pages');
    const hidden = await outside.get(`/cases/${caseId}/pages`);
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual(nothing.json);
    expect((await outside.get(`/cases/${caseId}/pages/pa`)).json).toEqual(nothing.json);
    const admin = await staff(t, 'admin');
    expect((await admin.get(`/cases/${caseId}/pages/pa`)).status).toBe(403);
    expect((await fetch(`${url()}/backoffice/api/cases/${caseId}/pages/pa`)).status).toBe(401);
    void OFFICE_A;
  });
});
