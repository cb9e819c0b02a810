// Down: back-office decisions pulled with a resumable cursor, catalogue versions and
// deltas, clerk accounts and window settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, OFFICE_A, Outbox, call, catalogueFixture, decideAs, enrolDevice, push, staff, startTestServer, type StaffClient, type TestServer } from './server-harness';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import { addClerk, deactivateClerk } from '../../server/admin/directory';
import { verifyPassword } from '../../server/crypto';
import { AppError } from '../../shared/errors';
import { Catalogue } from '../../shared/domain/catalogue';
import { applyCatalogueDelta } from '../../shared/sync/catalogue-delta';
import { CatalogueResponse, ClerksResponse, PullResponse, StatusEvent, type EnrolResponse } from '../../shared/sync/protocol';

describe.each(BACKENDS)('back-office decisions down to the windows on %s', (backend) => {
  let t: TestServer;
  let dev: EnrolResponse;
  let reviewer: StaffClient;
  let other: StaffClient;
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false });
    await publishCatalogue(t.db, catalogueFixture([{ code: '11210100MB0000001A', name: '食品经营许可' }]));
    dev = await enrolDevice(t);
    reviewer = await staff(t, 'reviewer');
    other = await staff(t, 'reviewer2');
  });
  afterAll(async () => { await t?.close(); });

  const setStatus = (caseId: string, body: { status: string; reason?: string }, who?: StaffClient) => decideAs(who ?? reviewer, caseId, body);

  it('back-office decisions reach the window page by page; a broken pull resumes from the saved cursor', async () => {
    const box = new Outbox();
    const ids = [0, 1, 2, 3, 4].map(() => box.open());
    ids.forEach((id, i) => box.add(id, 'case.decided', { decision: 'accept', caseNumber: `210102-01-0000${i}` }));
    expect((await push(t, dev, box.entries)).json.rejected).toEqual([]);
    for (const id of ids) expect((await setStatus(id, { status: 'reviewing' })).status).toBe(200);
    const ok = await setStatus(ids[0], { status: 'approved' });
    expect(StatusEvent.parse(ok.json)).toMatchObject({ caseId: ids[0], status: 'approved', caseNumber: '210102-01-00000', decidedBy: '审批员甲', payload: { staffNo: '5001' } });

    const seen: string[] = [];
    let cursor = 0;
    for (;;) {
      const r = await call(t.server.url, `/sync/v1/status-events?after=${cursor}&limit=2`, { token: dev.deviceToken });
      const page = PullResponse.parse(r.json);
      seen.push(...page.events.map((e) => `${e.caseId}:${e.status}`));
      cursor = page.nextCursor; // saved after every page
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(6);
    expect(seen.at(-1)).toBe(`${ids[0]}:approved`);
    // Later decisions arrive from the saved cursor, nothing repeated.
    await setStatus(ids[1], { status: 'rejected', reason: '经营场所不符合要求' });
    const more = PullResponse.parse((await call(t.server.url, `/sync/v1/status-events?after=${cursor}`, { token: dev.deviceToken })).json);
    expect(more.events.map((e) => [e.status, e.reason, e.decidedBy])).toEqual([['rejected', '经营场所不符合要求', '审批员甲']]);
    expect(more.serverId).toBe(dev.serverId);
  });

  it('back office: reasons are required for 不予许可/需补正; unaccepted cases cannot be approved', async () => {
    const dev = await enrolDevice(t); // its own outbox numbering
    const box = new Outbox();
    const accepted = box.open();
    box.add(accepted, 'case.decided', { decision: 'accept' });
    const refused = box.open();
    box.add(refused, 'case.decided', { decision: 'refuse', reason: '不属于本中心受理范围' });
    await push(t, dev, box.entries);
    const noReason = await setStatus(accepted, { status: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.details[0]).toMatchObject({ path: 'reason' });
    // A name in the request is refused: the decider is the signed-in person.
    const named = await reviewer.post(`/cases/${accepted}/status`, { status: 'reviewing', decidedBy: '冒名' });
    expect([named.status, named.json.code]).toEqual([400, 'invalid_input']);
    expect((await setStatus(accepted, { status: 'needsSupplement', reason: '缺少营业执照副本' })).status).toBe(200);
    const notAccepted = await setStatus(refused, { status: 'approved' });
    expect(notAccepted.status).toBe(409);
    expect((await setStatus('0190a000-0000-7000-8000-000000000000', { status: 'approved' })).status).toBe(404);
    // Another reviewer cannot decide a case held by the first.
    const held = await other.post(`/cases/${accepted}/status`, { status: 'reviewing' });
    expect([held.status, held.json.code]).toEqual([409, 'claimed_by_other']);
    expect(held.json.message).toContain('审批员甲');
    const detail = await reviewer.get(`/cases/${accepted}`);
    expect(detail.json.case.reviewStatus).toBe('needsSupplement');
    expect(detail.json.events.map((e: { type: string; staffNo: string }) => [e.type, e.staffNo])).toEqual([['case.opened', '1001'], ['case.decided', '1001']]);
    expect(detail.json.case.status).toBe('accepted');
    const list = await reviewer.get(`/cases?officeCode=${OFFICE_A}&reviewStatus=needsSupplement`);
    expect(list.json.cases.map((c: { id: string }) => c.id)).toContain(accepted);
  });

});

describe.each(BACKENDS)('catalogue and accounts down to the windows on %s', (backend) => {
  let t: TestServer;
  let dev: EnrolResponse;
  beforeAll(async () => {
    t = await startTestServer(backend, { rateLimit: false });
    dev = await enrolDevice(t);
  });
  afterAll(async () => { await t?.close(); });

  it('publishes catalogue versions and serves full, delta and current answers', async () => {
    const none = await call(t.server.url, '/sync/v1/catalogue/version', { token: dev.deviceToken });
    expect(none.status).toBe(404);
    expect(none.json.code).toBe('no_catalogue');
    const v1 = catalogueFixture([
      { code: '11210100MB0000001A', name: '食品经营许可' },
      { code: '11210100MB0000002B', name: '诊所备案' },
      { code: '11210100MB0000003C', name: '道路运输证', dept: 'JTJ' },
    ]);
    expect(await publishCatalogue(t.db, v1)).toMatchObject({ version: 1, itemCount: 3 });
    const v2doc = structuredClone(v1);
    v2doc.items[0].promisedDays = 5;
    v2doc.items.splice(1, 1);
    v2doc.items.push({ ...v2doc.items[0], code: '11210100MB0000004D', name: '网络预约出租汽车驾驶员从业资格证核发' });
    expect((await publishCatalogue(t.db, v2doc)).version).toBe(2);

    const get = async (since: number) => CatalogueResponse.parse((await call(t.server.url, `/sync/v1/catalogue?sinceVersion=${since}`, { token: dev.deviceToken })).json);
    const full = await get(0);
    if (full.kind !== 'full') throw new Error('expected full');
    expect(full.catalogue.version).toBe(2);
    expect(full.catalogue.items.map((i) => i.code)).toEqual(['11210100MB0000001A', '11210100MB0000003C', '11210100MB0000004D']);

    const delta = await get(1);
    if (delta.kind !== 'delta') throw new Error('expected delta');
    expect(delta.changes.items.upserted.map((i) => i.code).sort()).toEqual(['11210100MB0000001A', '11210100MB0000004D']);
    expect(delta.changes.items.removed).toEqual(['11210100MB0000002B']);
    expect(delta.changes.departments).toEqual({ upserted: [], removed: [] });
    // Applying the delta to version 1 gives exactly what a full download gives.
    const stored1 = { ...v1, version: 1 };
    const rebuilt = Catalogue.parse(applyCatalogueDelta(stored1, delta.changes, delta.version, delta.publishedAt));
    expect(JSON.stringify([...rebuilt.items].sort((a, b) => a.code.localeCompare(b.code))))
      .toBe(JSON.stringify([...full.catalogue.items].sort((a, b) => a.code.localeCompare(b.code))));

    expect(await get(2)).toEqual({ kind: 'current', version: 2 });
    expect((await get(99)).kind).toBe('full');
    expect((await call(t.server.url, '/sync/v1/catalogue/version', { token: dev.deviceToken })).json.version).toBe(2);
  });

  it('refuses a bad catalogue file whole, locating every error', async () => {
    const bad = catalogueFixture([{ code: 'lower-case', name: '坏事项' }, { code: '11210100MB0000009Z', name: '未知部门事项', dept: 'NOPE' }]) as unknown as Record<string, unknown>;
    const before = await t.db.query<{ n: unknown }>('SELECT count(*) AS n FROM catalogue_versions');
    const err = await publishCatalogue(t.db, bad).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.details.map((d: { path: string }) => d.path)).toContain('items[0].code');
    const refs = await publishCatalogue(t.db, { ...bad, items: [(bad.items as unknown[])[1]] }).catch((e) => e);
    expect(refs.details).toEqual([{ path: 'items[0].departmentCode', message: '部门 NOPE 不存在' }]);
    const after = await t.db.query<{ n: unknown }>('SELECT count(*) AS n FROM catalogue_versions');
    expect(Number(after.rows[0].n)).toBe(Number(before.rows[0].n));
  });

  it('downloads clerk accounts for offline sign-in and the window settings', async () => {
    await addClerk(t.db, { staffNo: '1001', name: '张敏', role: 'clerk', officeCode: OFFICE_A, windowCode: '01' }, 'mima123456');
    await addClerk(t.db, { staffNo: '1002', name: '李强', role: 'supervisor', officeCode: OFFICE_A, windowCode: '01' }, 'mima654321');
    await addClerk(t.db, { staffNo: '2001', name: '王芳', role: 'clerk', officeCode: '210103', windowCode: '01' }, 'mima000000');
    await deactivateClerk(t.db, '1002');
    const r = ClerksResponse.parse((await call(t.server.url, '/sync/v1/clerks', { token: dev.deviceToken })).json);
    // 1002 is disabled: not sent at all (the window drops accounts that are absent).
    expect(r.clerks.map((c) => [c.staffNo, c.active])).toEqual([['1001', true]]);
    expect(verifyPassword('mima123456', r.clerks[0].passwordHash)).toBe(true);
    expect(verifyPassword('wrong', r.clerks[0].passwordHash)).toBe(false);
    const w = await call(t.server.url, '/sync/v1/window', { token: dev.deviceToken });
    expect(w.json).toMatchObject({ office: { code: OFFICE_A }, window: { code: '01', kind: 'general' }, settings: { printer: '默认打印机' } });
  });
});
