// Nothing typed is lost (issue 12 §1), in Chromium against the real handlers and SQLite file:
// a half-entered intake is autosaved as a 草稿; a reload offers it and Enter restores every
// answer, mark, note, name and the open decision dialog with its text; switching items and F4
// ask before dropping it; signing out keeps it for the next sign-in; deciding deletes it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { signIn, startHarness, type Harness } from './harness';
import { demoItem, poll, settled } from './flows';

const LONG_NAME = '阿依古丽·买买提艾力·吐尔逊托合提·艾则孜'; // a 维吾尔族 name longer than the old 30-character cut

describe('intake drafts survive a reload and are never dropped without asking', () => {
  let h: Harness;
  const drafts = () => h.ws.db.prepare('SELECT item_code AS itemCode, content FROM intake_drafts').all() as { itemCode: string; content: string }[];
  const saved = () => poll(() => h.page.getByTestId('draft-status').getAttribute('data-state')).toBe('saved');

  beforeAll(async () => {
    h = await startHarness();
    await signIn(h.page, '1001');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a reload offers the draft; Enter restores answers, marks, the note, the applicant and the open 不予受理 dialog', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    await page.keyboard.type('wfzjl');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('item-name').textContent()).toBe(item.name);
    // 情形 by digits (each moves on): 本人, 本市户籍, 否; then the first material 缺失 with its reason.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');
    for (const k of ['1', '1', '2']) await page.keyboard.press(k);
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('无犯罪记录证明申请表');
    await page.keyboard.press('6');
    await page.keyboard.type('申请表未签字');
    await page.keyboard.press('Enter');
    await page.getByTestId('applicant-name').fill(LONG_NAME);
    await page.getByTestId('applicant-id').fill('1101051949'); // half-typed: kept as typed
    await page.getByTestId('decision-refuse').click();
    await page.getByTestId('refusal-reasons').fill('申请人不符合申请条件');
    await saved();
    expect(drafts()).toHaveLength(1);

    await page.reload();
    await page.getByTestId('draft-offer').waitFor();
    expect(await page.getByTestId('draft-offer').textContent()).toContain(`${item.name}（${LONG_NAME}）`);
    await settled(page);
    await h.shot('draft-offer');
    await page.keyboard.press('Enter'); // the question opens on 继续受理
    await page.getByTestId('decision-confirm').waitFor();
    expect(await page.getByTestId('refusal-reasons').inputValue()).toBe('申请人不符合申请条件');
    await page.getByRole('button', { name: '返回修改' }).click();
    expect(await page.getByTestId('item-name').textContent()).toBe(item.name);
    expect(await page.getByTestId('applicant-name').inputValue()).toBe(LONG_NAME);
    expect(await page.getByTestId('applicant-id').inputValue()).toBe('1101051949');
    const first = page.getByTestId('material-application');
    expect(await first.getAttribute('data-status')).toBe('missing');
    expect(await first.getByLabel('无犯罪记录证明申请表 说明').inputValue()).toBe('申请表未签字');
    for (const [s, k] of [['applicant', 0], ['household', 0], ['frequent', 1]] as const) {
      expect(await page.getByTestId(`situation-${s}`).locator('input[type=radio]').nth(k).isChecked()).toBe(true);
    }
  });

  test('picking another item asks first; 返回继续受理 keeps everything', async () => {
    const { page } = h;
    await page.keyboard.press('F2');
    await page.keyboard.type('护照');
    await page.locator(`[role=option][data-code="${DEMO_ITEMS.redirect}"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('leave-cancel').waitFor();
    expect(await page.locator('.ant-modal-confirm').textContent()).toContain('尚未作出决定');
    await settled(page);
    await h.shot('draft-leave-question');
    await page.getByTestId('leave-cancel').click();
    await page.getByTestId('leave-cancel').waitFor({ state: 'detached' });
    expect(await page.getByTestId('item-name').textContent()).toBe(demoItem(DEMO_ITEMS.immediate30).name);
    expect(await page.getByTestId('applicant-name').inputValue()).toBe(LONG_NAME);
    expect(drafts()).toHaveLength(1);
  });

  test('signing out keeps the draft; the next sign-in offers it again', async () => {
    const { page } = h;
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signout-confirm').click();
    await page.getByTestId('signin-submit').waitFor();
    expect(drafts()).toHaveLength(1);
    await signIn(page, '1001');
    await page.getByTestId('draft-continue').click();
    await poll(() => page.getByTestId('applicant-name').inputValue()).toBe(LONG_NAME);
  });

  test('F4 asks before dropping it; 放弃并继续 deletes the draft', async () => {
    const { page } = h;
    await page.keyboard.press('F4');
    await page.getByTestId('leave-confirm').waitFor();
    await settled(page);
    await page.keyboard.press('Enter'); // the question opens on its 确认 button
    await poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('data-testid'))).toBe('search-input');
    await poll(() => drafts().length).toBe(0);
    expect(await page.getByTestId('item-name').count()).toBe(0);
  });

  test('deciding deletes the draft with the case; nothing is offered after the next reload', async () => {
    const { page } = h;
    await page.keyboard.type('wfzjl');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');
    for (const k of ['1', '1', '2', '1', '1']) await page.keyboard.press(k);
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('applicant-name');
    await page.keyboard.type(LONG_NAME);
    await page.getByTestId('applicant-id').fill('11010519491231002X');
    await page.getByTestId('applicant-phone').fill('13800138000');
    await saved();
    expect(drafts()).toHaveLength(1);
    await page.keyboard.press('F6');
    await page.getByTestId('decision-confirm').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('case-number').waitFor();
    expect(drafts()).toHaveLength(0);
    const stored = h.ws.db.prepare('SELECT applicant FROM cases').all() as { applicant: string }[];
    expect(stored.map((r) => JSON.parse(r.applicant).name)).toEqual([LONG_NAME]);
    await page.reload();
    await page.getByTestId('search-input').waitFor();
    expect(await page.getByTestId('draft-offer').count()).toBe(0);
  });

  test('the browser reported no errors', () => {
    expect(h.errors).toEqual([]);
  });
});
