// 练习管理 at the real window: a trainer signed in outside practice mode opens it from the header,
// opens a built-in scenario as a copy, adds an 无关材料, is told in Chinese what is wrong by field, sees what the
// trainee will see, saves it into a new own pack, and the real case tables stay empty.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn, startHarness, type Harness } from './harness';

describe('练习管理 outside practice mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a trainer writes a scenario: errors by field, the trainee preview, saved to an own pack', async () => {
    const { page } = h;
    await signIn(page, '9001');
    expect(await page.getByTestId('practice-banner').count()).toBe(0);
    await page.getByTestId('practice-manage').click();
    await page.getByRole('tab', { name: '场景', exact: true }).click();
    await page.getByTestId('scenario-edit-builtin-lx-01').click();
    const editor = page.getByTestId('scenario-editor');
    await editor.waitFor();
    await expect.poll(() => page.getByTestId('scenario-id').inputValue()).toBe('lx-01-copy');

    // A mistake first: no title.
    await page.getByTestId('scenario-title').fill('');
    await page.getByTestId('scenario-check').click();
    const issues = page.getByTestId('scenario-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain('标题不能为空');
    expect(await page.getByTestId('scenario-preview').count()).toBe(0);
    await h.shot('practice-scenario-editor-errors');

    await page.getByTestId('scenario-title').fill('自编：无犯罪记录证明（入职用）');
    await page.getByTestId('scenario-request').fill('我想在村口开个小卖部，要办什么？');
    // 无关材料: added, written and removed in the form (issue 12 §2); the trainee sees its card.
    await page.getByTestId('scenario-extra-add').click();
    await page.getByTestId('scenario-extra-add').click();
    await page.getByTestId('scenario-extra-card-0').fill('超市购物小票');
    await page.getByTestId('scenario-extra-remove-1').click();
    expect(await page.getByTestId('scenario-extra-1').count()).toBe(0);
    await page.getByTestId('scenario-check').click();
    await page.getByTestId('scenario-preview').waitFor();
    expect(await page.getByTestId('scenario-preview').textContent()).toContain('我想在村口开个小卖部');
    expect(await page.getByTestId('scenario-preview').textContent()).toContain('超市购物小票');
    expect(await page.getByTestId('scenario-issues').count()).toBe(0);

    // Saving needs an own pack: the built-in one is never changed.
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => page.getByTestId('scenario-error').textContent()).toContain('场景包编号');
    await page.getByTestId('scenario-pack').fill('class-x');
    await page.getByTestId('scenario-pack-title').fill('自编练习');
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => page.getByTestId('scenario-ok').textContent()).toContain('已保存到场景包「自编练习」第 1 版');
    await h.shot('practice-scenario-editor');

    await page.locator('.ant-drawer-close').last().click();
    await page.getByTestId('scenario-edit-class-x-lx-01-copy').waitFor();
    // 删除 asks first; a pack keeps at least one scenario, so this one is refused with the reason.
    await page.getByTestId('scenario-delete-class-x-lx-01-copy').click();
    await page.getByTestId('scenario-delete-confirm').click();
    await expect.poll(() => page.getByTestId('scenario-admin-error').textContent()).toContain('只剩这一个场景');
    // The real workstation holds no case and no pack: it all went to the practice file.
    const real = h.host.real.db;
    expect(real.prepare('SELECT count(*) AS n FROM practice_packs').get()).toEqual({ n: 0 });
    expect(real.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(h.errors).toEqual([]);
  });
});
