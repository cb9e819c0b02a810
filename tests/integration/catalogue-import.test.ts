// Catalogue import: a bad document is refused whole with every error located (in Chinese),
// only a supervisor may import, and the catalogue in use stays as it was.
import { describe, expect, it } from 'vitest';
import { testWorkstation } from '../helpers/workstation';
import { testCatalogue } from '../fixtures/catalogue';
import { parseCatalogueJson } from '../../shared/catalogue/validate';

describe('catalogue import', () => {
  it('locates every error by item code and field, in Chinese', () => {
    const bad = structuredClone(testCatalogue) as unknown as { items: Record<string, unknown>[] };
    bad.items[0].name = '';
    bad.items[1].departmentCode = 'NOPE';
    (bad.items[2] as { materials: unknown[] }).materials = [{ id: 'x' }];
    const r = parseCatalogueJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const codes = r.errors.map((e) => e.itemCode);
    expect(codes).toContain('T0000000001');
    expect(codes).toContain('T0000000003');
    for (const e of r.errors) expect(e.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports cross-reference errors only when the schema passes', () => {
    const bad = structuredClone(testCatalogue);
    bad.items[1].departmentCode = 'NOPE';
    bad.items[0].materials[2].requiredWhen = { who: ['nobody'] };
    const r = parseCatalogueJson(JSON.stringify(bad));
    expect(r.ok ? [] : r.errors).toEqual([
      { itemCode: 'T0000000001', field: 'materials[2].requiredWhen.who', reason: '情形「who」没有选项「nobody」' },
      { itemCode: 'T0000000002', field: 'departmentCode', reason: '部门 NOPE 不存在' },
    ]);
  });

  it('is refused for a clerk, and a bad file changes nothing for a supervisor', async () => {
    const ws = testWorkstation();
    const before = (await ws.dispatch('catalogue.export', {})) as { ok: true; value: { json: string } };
    const clerkTry = await ws.dispatch('catalogue.import', { json: JSON.stringify(testCatalogue) });
    expect(clerkTry.ok ? null : clerkTry.error.code).toBe('forbidden');
    ws.session.clerk = { ...ws.session.clerk!, role: 'supervisor' };
    const r = await ws.dispatch('catalogue.import', { json: '{"schemaVersion":1,' });
    expect(r.ok ? null : r.error.code).toBe('catalogue_invalid');
    const after = (await ws.dispatch('catalogue.export', {})) as { ok: true; value: { json: string } };
    expect(after.value.json).toBe(before.value.json);
    const good = { ...testCatalogue, version: 2 };
    const ok = await ws.dispatch('catalogue.import', { json: JSON.stringify(good) });
    expect(ok).toMatchObject({ ok: true, value: { version: 2, itemCount: 3 } });
  });
});
