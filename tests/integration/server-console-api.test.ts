// The back-office API the console relies on: newest-first paging, the 待审批 filter, the
// directory for filters, and items resolved from the catalogue version of the case — each
// within the signed-in person's departments and offices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import type { CaseListResponse, CatalogueItemResponse, DirectoryResponse } from '../../shared/sync/backoffice';
import { catalogueFixture, decideAs, enrolDevice, OFFICE_A, OFFICE_B, Outbox, push, staff, startTestServer, type StaffClient, type TestServer } from './server-harness';

const FOOD = '11210100MB0000001A';
const ROAD = '11210100MB0000002B';

describe('back-office API for the console (PGlite)', () => {
  let t: TestServer;
  let both: StaffClient;
  const opened: string[] = [];

  beforeAll(async () => {
    t = await startTestServer('pglite');
    await publishCatalogue(t.db, catalogueFixture([{ code: FOOD, name: '食品经营许可' }, { code: ROAD, name: '道路运输经营许可', dept: 'JTJ' }]));
    // Version 2 renames the item: a case opened under version 1 keeps the old names.
    await publishCatalogue(t.db, catalogueFixture([{ code: FOOD, name: '食品经营许可（新办）' }, { code: ROAD, name: '道路运输经营许可', dept: 'JTJ' }]));
    const dev = await enrolDevice(t);
    const box = new Outbox();
    for (let i = 0; i < 5; i++) {
      const id = box.open(undefined, i % 2 ? ROAD : FOOD);
      box.add(id, 'case.decided', { decision: 'accept' });
      opened.push(id);
    }
    expect((await push(t, dev, box.entries)).json.rejected).toEqual([]);
    both = await staff(t, 'both');
    expect((await decideAs(both, opened[0], { status: 'approved' })).status).toBe(200);
  });
  afterAll(() => t?.close());

  const list = async (q: string, who = both) => (await who.get(`/cases?${q}`)).json as CaseListResponse;

  it('pages newest first without gaps or repeats, with item names', async () => {
    const first = await list('order=desc&limit=2');
    expect(first.cases.map((c) => c.id)).toEqual([opened[4], opened[3]]);
    expect(first.hasMore).toBe(true);
    expect(first.cases[0].itemName).toBe('食品经营许可（新办）');
    const second = await list(`order=desc&limit=2&before=${first.nextCursor}`);
    const third = await list(`order=desc&limit=2&before=${second.nextCursor}`);
    expect([...second.cases, ...third.cases].map((c) => c.id)).toEqual([opened[2], opened[1], opened[0]]);
    expect(third.hasMore).toBe(false);
  });

  it('filters cases without a decision (待审批) and by department', async () => {
    expect((await list('reviewStatus=none')).cases.map((c) => c.id)).toEqual(opened.slice(1));
    expect((await list('departmentCode=JTJ&order=desc')).cases.map((c) => c.id)).toEqual([opened[3], opened[1]]);
    // A reviewer of one department sees only its cases, whatever the filter asks for.
    const market = await staff(t, 'reviewer');
    expect((await list('order=desc', market)).cases.map((c) => c.id)).toEqual([opened[4], opened[2], opened[0]]);
    expect((await list('departmentCode=JTJ', market)).cases).toEqual([]);
  });

  it('lists offices and the latest catalogue departments for the filters', async () => {
    const dir = (await both.get('/directory')).json as DirectoryResponse;
    expect(dir.offices.map((o) => o.code)).toEqual([OFFICE_A, OFFICE_B]);
    expect(dir.departments.map((d) => d.name)).toEqual(['市场监督管理局', '交通运输局']);
    expect(dir.catalogueVersion).toBe(2);
    // Each person's own places only.
    const b = (await (await staff(t, 'officeB')).get('/directory')).json as DirectoryResponse;
    expect([b.offices.map((o) => o.code), b.departments.map((d) => d.code)]).toEqual([[OFFICE_B], ['SCJG']]);
  });

  it('names an item from the version the case was opened under, else from the latest', async () => {
    const v1 = (await both.get(`/catalogue/items/${FOOD}?version=1`)).json as CatalogueItemResponse;
    expect([v1.item.name, v1.version, v1.exactVersion, v1.department?.name]).toEqual(['食品经营许可', 1, true, '市场监督管理局']);
    const missing = (await both.get(`/catalogue/items/${FOOD}?version=9`)).json as CatalogueItemResponse;
    expect([missing.item.name, missing.version, missing.exactVersion]).toEqual(['食品经营许可（新办）', 2, false]);
    const unknown = await both.get('/catalogue/items/NOSUCHITEM00');
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toContain('NOSUCHITEM00');
  });

  it('says in Chinese what is wrong with a decision', async () => {
    const r = await both.post(`/cases/${opened[1]}/status`, { status: 'rejected' });
    expect(r.status).toBe(400);
    for (const d of r.json.details) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.json.details.map((d: { path: string }) => d.path).sort()).toEqual(['confirmed', 'reason']);
    const approve = await both.post(`/cases/${opened[1]}/status`, { status: 'approved', confirmed: true, result: { licenceName: '', licenceNumber: 'X1', validFrom: '2026-01-02', validUntil: '2026-01-01' } });
    expect(approve.json.details.map((d: { path: string; message: string }) => `${d.path} ${d.message}`).sort()).toEqual(['result.licenceName 请填写证照名称', 'result.validUntil 有效期截止日不能早于起始日']);
  });
});
