// 目录导入 by the 值班长: a bad catalogue file is refused whole, every error is shown with
// the item, field and reason, and the catalogue in use stays exactly as it was; a file with a
// JSON mistake is refused in plain Chinese with the line; a good file saved in GBK is read
// correctly and first shows what it would change (added, changed, removed items).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { startHarness, signIn, type Harness } from './harness';
import { encodeGbk } from '../helpers/gbk';

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

  test('a JSON mistake is refused in plain Chinese; a GBK file shows its changes first and is applied on 确认导入', async () => {
    const { page } = h;
    const broken = path.join(dir, '目录-逗号.json');
    fs.writeFileSync(broken, '{\n  "schemaVersion": 1,\n  "version": 9,\n}\n');
    await page.getByTestId('import-file').setInputFiles(broken);
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.textContent()).toContain('第 4 行第 1 列附近，此处应是用英文双引号括起的字段名');
    expect(await errors.textContent()).not.toMatch(/Expected|position/);

    const next = structuredClone(demoCatalogue);
    next.version = demoCatalogue.version + 1;
    const gone = next.items.findIndex((i) => i.name === '旅行社业务经营许可');
    next.items.splice(gone, 1);
    const food = next.items.find((i) => i.name === '食品经营许可')!;
    food.promisedDays = 10;
    next.items.push({ ...structuredClone(next.items.find((i) => i.name === '个体工商户注销登记')!), code: '21010000013112700509', name: '个体工商户变更登记' });
    const file = path.join(dir, '目录-GBK.json');
    fs.writeFileSync(file, encodeGbk(JSON.stringify(next, null, 2)));
    await page.getByTestId('import-file').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(`目录版本 ${demoCatalogue.version} → ${demoCatalogue.version + 1}：新增 1 项，修改 1 项，删除 1 项`);
    expect(await page.getByTestId('import-added').textContent()).toContain('个体工商户变更登记'); // GBK read as Chinese, not garbled
    expect(await page.getByTestId('import-changed').textContent()).toContain('食品经营许可');
    expect(await page.getByTestId('import-changed').textContent()).toContain('承诺时限');
    expect(await page.getByTestId('import-removed').textContent()).toContain('旅行社业务经营许可');
    // Nothing applied yet.
    expect(await page.getByTestId('catalogue-version').textContent()).toBe(String(demoCatalogue.version));
    await h.shot('catalogue-import-preview');
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('catalogue-version').textContent()).toBe(String(demoCatalogue.version + 1));
    const ctx = await h.ws.dispatch('app.context', {});
    expect(ctx.ok && (ctx.value as { itemCount: number }).itemCount).toBe(demoCatalogue.items.length);
    expect(h.errors).toEqual([]);
  });

  test('colloquial searches: 开小卖部 and 餐饮许可证 find their items; the 值班长 adds 烧烤店 and it works at once', async () => {
    const { page } = h;
    const local = page.getByTestId('synonyms-local');
    await local.fill('烧烤店，撸串=食品经营\n坏行');
    await page.getByTestId('synonyms-save').click();
    await expect.poll(() => page.getByTestId('synonyms-result').textContent()).toContain('第 2 行应写成「群众说法=目录用词」');
    await local.fill('烧烤店，撸串=食品经营');
    await page.getByTestId('synonyms-save').click();
    await expect.poll(() => page.getByTestId('synonyms-result').textContent()).toContain('已保存 1 条本窗口同义词');
    await page.getByTestId('nav-intake').click();
    const search = page.getByTestId('search-input');
    for (const [q, name] of [['开小卖部', '仅销售预包装食品备案'], ['餐饮许可证', '食品经营许可'], ['办个体户', '个体工商户设立登记'], ['烧烤店', '食品经营许可']]) {
      await search.fill(q);
      await expect.poll(() => page.locator('[role=option]').allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringContaining(name));
    }
    await search.fill('开小卖部');
    await expect.poll(() => page.locator('[role=option]').first().textContent()).toContain('仅销售预包装食品备案');
    await h.shot('search-colloquial');
    expect(h.errors).toEqual([]);
  });

  test('a clerk who is not 值班长 has no catalogue management', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await signIn(page, '1001');
    expect(await page.getByRole('button', { name: '目录管理' }).count()).toBe(0);
  });
});
