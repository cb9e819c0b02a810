// The back-office API additions the console relies on: newest-first paging, the 待审批 filter,
// the directory for filters, and items resolved from the catalogue version of the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCatalogue } from '../../server/catalogue/catalogue';
import type { CaseListResponse, CatalogueItemResponse, DirectoryResponse } from '../../shared/sync/backoffice';
import { call, catalogueFixture, enrolDevice, OFFICE_A, Outbox, push, startTestServer, type TestServer } from './server-harness';

const FOOD = '11210100MB0000001A';
const ROAD = '11210100MB0000002B';

describe('back-office API for the console (PGlite)', () => {
  let t: TestServer;
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
    await call(t.server.url, `/backoffice/api/cases/${opened[0]}/status`, { body: { status: 'approved', decidedBy: '刘审批' } });
  });
  afterAll(() => t?.close());

  const list = async (q: string) => (await call(t.server.url, `/backoffice/api/cases?${q}`)).json as CaseListResponse;

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
  });

  it('lists offices and the latest catalogue departments for the filters', async () => {
    const dir = (await call(t.server.url, '/backoffice/api/directory')).json as DirectoryResponse;
    expect(dir.offices.map((o) => o.code)).toContain(OFFICE_A);
    expect(dir.departments.map((d) => d.name)).toEqual(['市场监督管理局', '交通运输局']);
    expect(dir.catalogueVersion).toBe(2);
  });

  it('names an item from the version the case was opened under, else from the latest', async () => {
    const v1 = (await call(t.server.url, `/backoffice/api/catalogue/items/${FOOD}?version=1`)).json as CatalogueItemResponse;
    expect([v1.item.name, v1.version, v1.exactVersion, v1.department?.name]).toEqual(['食品经营许可', 1, true, '市场监督管理局']);
    const missing = (await call(t.server.url, `/backoffice/api/catalogue/items/${FOOD}?version=9`)).json as CatalogueItemResponse;
    expect([missing.item.name, missing.version, missing.exactVersion]).toEqual(['食品经营许可（新办）', 2, false]);
    const unknown = await call(t.server.url, '/backoffice/api/catalogue/items/NOSUCHITEM00');
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toContain('NOSUCHITEM00');
  });

  it('says in Chinese what is wrong with a decision', async () => {
    const r = await call(t.server.url, `/backoffice/api/cases/${opened[1]}/status`, { body: { status: 'rejected', decidedBy: '' } });
    expect(r.status).toBe(400);
    for (const d of r.json.details) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.json.details.map((d: { path: string }) => d.path).sort()).toEqual(['decidedBy', 'reason']);
  });
});
