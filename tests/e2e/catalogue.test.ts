// 目录导入 by the 值班长: a bad catalogue file is refused whole, every error is shown with
// the item, field and reason, and the catalogue in use stays exactly as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { startHarness, signIn, type Harness } from './harness';

describe('catalogue import', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-cat-'));
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a bad file is refused with every error located, and the catalogue version is unchanged', async () => {
    const { page } = h;
    await signIn(page, '1002'); // 值班长
    await page.getByRole('button', { name: '目录管理' }).click();
    const versionBefore = await page.getByTestId('catalogue-version').textContent();
    expect(versionBefore).toBe(String(demoCatalogue.version));

    // A newer version with three broken items, each broken in a different way.
    const bad = structuredClone(demoCatalogue) as unknown as { version: number; items: Array<Record<string, unknown> & { materials: Array<Record<string, unknown>> }> };
    bad.version = demoCatalogue.version + 1;
    bad.items[0].name = '';
    bad.items[1].materials[0].form = '扫描件';
    bad.items[2].immediateTier = 'within45';
    const file = path.join(dir, '目录-错误.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    await page.getByTestId('import-file').setInputFiles(file);

    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('未导入，当前目录保持不变');
    const rows = errors.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const codes = demoCatalogue.items.slice(0, 3).map((i) => i.code);
    expect(cells.map((c) => c[0])).toEqual(codes);
    expect(cells.map((c) => c[1])).toEqual(['名称name', '材料第1项 · 形式materials[0].form', '立等可取档次immediateTier']);
    for (const c of cells) expect(c[2]?.length).toBeGreaterThan(0); // a reason for each
    await h.shot('catalogue-import-errors');

    // Unchanged on screen and in the store.
    expect(await page.getByTestId('catalogue-version').textContent()).toBe(versionBefore);
    const ctx = await h.ws.dispatch('app.context', {});
    expect(ctx.ok && (ctx.value as { catalogueVersion: number }).catalogueVersion).toBe(demoCatalogue.version);
  });

  test('a clerk who is not 值班长 has no catalogue management', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await signIn(page, '1001');
    expect(await page.getByRole('button', { name: '目录管理' }).count()).toBe(0);
  });
});
