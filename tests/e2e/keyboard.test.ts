// Keyboard first (issue 12 §1–2), in Chromium at typing delay 0 against the real handlers:
// letters typed right after F2, F3→F2 or F4 all arrive in the search box ("wfzjl" whole), and
// Enter pressed at once after them opens the first hit of what was typed. A simple 立等可取
// 受理 is taken with keys only — no mouse event at all — and its keys are counted.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { nextApplicant, signIn, startHarness, type Harness } from './harness';
import { demoItem, poll } from './flows';

const focused = (h: Harness) => h.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('type') ?? null);

describe('keyboard first at the window', () => {
  let h: Harness;
  let firstHit: string;
  beforeAll(async () => {
    h = await startHarness();
    await signIn(h.page, '1001');
    // Pointer events the page receives from a real device (a key's synthetic click is not one).
    await h.page.evaluate(() => {
      const w = window as unknown as { pointerEvents: number };
      w.pointerEvents = 0;
      for (const t of ['pointerdown', 'mousedown', 'wheel']) window.addEventListener(t, (e) => e.isTrusted && w.pointerEvents++, true);
    });
    const r = await h.ws.dispatch('catalogue.search', { query: 'wfzjl', limit: 30 });
    firstHit = r.ok ? (r.value as { hits: { code: string }[] }).hits[0].code : '';
  });
  afterAll(async () => {
    await h?.close();
  });
  const pointerEvents = () => h.page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents);

  test('F3 then F2 then "wfzjl" and Enter at once: every letter arrives and the first hit opens', async () => {
    const { page } = h;
    await page.keyboard.press('F3');
    await page.getByTestId('queue').waitFor();
    await page.keyboard.press('F2');
    await page.keyboard.type('wfzjl', { delay: 0 });
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-testid=intake]').getAttribute('data-item-code')).toBe(firstHit);
    expect(await page.getByTestId('search-input').inputValue()).toBe('wfzjl');
  });

  test('F4 then typing at once: the new empty box gets every letter', async () => {
    const { page } = h;
    await page.keyboard.press('F4');
    await page.keyboard.type('wfzjl', { delay: 0 });
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-testid=intake]').getAttribute('data-item-code')).toBe(firstHit);
    expect(await page.getByTestId('search-input').inputValue()).toBe('wfzjl');
  });

  test('F2 from a 情形 question, then a query and Enter: the box is selected and replaced, nothing dropped', async () => {
    const { page } = h;
    await poll(() => focused(h)).toBe('radio');
    await page.keyboard.press('F2');
    await page.keyboard.type('wfzjl', { delay: 0 });
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('search-input').inputValue()).toBe('wfzjl');
    await poll(() => page.locator('[data-testid=intake]').getAttribute('data-item-code')).toBe(firstHit);
  });

  test('keys typed while an item opens are kept for it: query, Enter and five digits at once answer and mark everything', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    await nextApplicant(page);
    await page.keyboard.type(`${item.code}`, { delay: 0 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('11211', { delay: 0 }); // 本人, 本市户籍, 否; both materials 原件已核验
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('applicant-name');
    expect(await page.getByTestId('search-input').inputValue()).toBe(item.code);
    for (const [s, k] of [['applicant', 0], ['household', 0], ['frequent', 1]] as const) {
      expect(await page.getByTestId(`situation-${s}`).locator('input[type=radio]').nth(k).isChecked()).toBe(true);
    }
    expect(await page.locator('[data-testid=checklist] [role=listitem]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual(['satisfied', 'satisfied']);
    // Dropping this intake by keys too: F4 asks, Enter confirms.
    await page.keyboard.press('F4');
    await page.getByTestId('leave-confirm').waitFor();
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('leave-confirm');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
  });

  test('a simple 立等可取 受理 with keys only, the notice printed: counted, no pointer used', async () => {
    const { page } = h;
    const item = demoItem(DEMO_ITEMS.immediate30);
    await nextApplicant(page);
    const keys: string[] = [];
    const press = async (k: string) => {
      keys.push(k);
      await page.keyboard.press(k);
    };
    /** The clerk's typed text (the query, the applicant's data): not counted as keys. */
    const text = (t: string) => page.keyboard.type(t, { delay: 0 });

    await text(item.code);
    await page.locator(`[role=option][data-code="${item.code}"]`).waitFor();
    await press('Enter');
    await poll(() => focused(h)).toBe('radio');
    // 情形: 1 本人 → 1 本市户籍 → 2 否 (each digit moves on; after the last the materials have the keyboard).
    await press('1');
    await press('1');
    await press('2');
    await poll(() => focused(h)).toBe('material-application');
    // Both materials 1 = 原件已核验; after the last one the applicant's name field has the keyboard.
    await press('1');
    await press('1');
    await poll(() => focused(h)).toBe('applicant-name');
    await text('阿依古丽·买买提');
    await press('Tab');
    await text('11010519491231002X');
    await press('Tab');
    await text('13800138000');
    await poll(() => page.getByTestId('eligibility-banner').getAttribute('data-eligible')).toBe('true');
    await press('F6'); // 受理
    await poll(() => focused(h)).toBe('decision-confirm'); // the dialog opens on 确认
    await press('Enter');
    await page.getByTestId('case-number').waitFor();
    await poll(() => focused(h)).toBe('notice-print'); // the notice's 打印 has the keyboard once shown
    await press('Enter');
    await page.getByTestId('print-result').waitFor();
    await press('Escape');
    await page.getByTestId('notice-print').waitFor({ state: 'detached' });
    await press('F4');
    await poll(() => focused(h)).toBe('search-input');

    const stored = h.ws.db.prepare("SELECT decision, tier, applicant FROM cases WHERE decision = 'accept'").all() as { decision: string; tier: string; applicant: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0].tier).toBe('within30');
    expect(JSON.parse(stored[0].applicant).name).toBe('阿依古丽·买买提');
    expect(await pointerEvents()).toBe(0);
    // Search Enter, 3 answers, 2 marks, 2 Tabs, F6, Enter; then print, close, next applicant.
    expect(keys).toEqual(['Enter', '1', '1', '2', '1', '1', 'Tab', 'Tab', 'F6', 'Enter', 'Enter', 'Escape', 'F4']);
    expect(keys.length).toBeLessThanOrEqual(15);
    console.log(`keys for a simple 受理 (without typed text): ${keys.length - 3} to the case number, ${keys.length} with print, close and F4`);
  });

  test('decision keys act only on the intake on screen: F9 behind 今日办件 opens nothing, after F2 it opens 不予受理', async () => {
    const { page } = h;
    await page.keyboard.type('wfzjl', { delay: 0 });
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-testid=intake]').getAttribute('data-item-code')).toBe(firstHit);
    await page.getByTestId('decision-refuse').waitFor();
    await page.keyboard.press('F3');
    await page.getByTestId('queue').waitFor();
    await page.keyboard.press('F9');
    expect(await page.getByTestId('refusal-reasons').count()).toBe(0);
    await page.keyboard.press('F2');
    await page.keyboard.press('F9');
    await page.getByTestId('refusal-reasons').waitFor();
    await poll(() => focused(h)).toBe('refusal-reasons');
  });

  test('the browser reported no errors', () => {
    expect(h.errors).toEqual([]);
  });
});
