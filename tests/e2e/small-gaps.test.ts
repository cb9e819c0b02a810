// Issue 12's small gaps, in Chromium against the real handlers and SQLite file: keys typed
// while signing in reach the search box; the draft is written when the page goes away (not
// only after its debounce), and 放弃 drops the intake's scans with its text; 补正, 终止 and the rating panel open with the keyboard on 确认, so
// Enter confirms.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { applicableMaterials } from '../../shared/engine/checklist';
import type { Answers, Marks } from '../../shared/domain/checklist';
import { DEMO_PASSWORD, startHarness, type Harness } from './harness';
import { demoItem, poll } from './flows';
import { pngBytes } from '../helpers/images';

const FOOD_ORG = { kind: 'organisation', name: '沈阳市好味道餐饮有限公司', creditCode: '91350100M000100Y43', legalRepresentative: '赵丽', phone: '13900139000' } as const;
const DAY = 24 * 60 * 60_000;
const focused = (h: Harness) => h.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

describe('small gaps: keys, drafts on close, dialogs on 确认', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('letters typed right after Enter in the sign-in form land in the search box', async () => {
    const { page } = h;
    await page.getByLabel('工号').fill('1001');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.keyboard.type('wfzjl'); // while the password is checked and the workbench comes up
    await poll(() => page.getByTestId('search-input').inputValue()).toBe('wfzjl');
    await page.locator(`[role=option][data-code="${DEMO_ITEMS.immediate30}"]`).waitFor();
  });

  // 放弃 drops the scans with the text (renderer/src/scans/draftId.ts): a page taken for the intake is gone with it.
  const scanDraft = (code: string) => h.page.evaluate((k) => localStorage.getItem(k), `yichuang.scanDraft.${code}`);
  const addPage = async (draftId: string) => {
    const r = await h.host.dispatch('pages.add', { draftId, materialId: 'application', colour: 'grey', dataBase64: pngBytes(120, 170).toString('base64') });
    if (!r.ok) throw new Error(r.error.message);
  };
  const pagesOf = (draftId: string) => (h.ws.db.prepare('SELECT count(*) AS n FROM pages WHERE draft_id = ?').get(draftId) as { n: number }).n;

  test('closing the page writes the draft at once, before its debounce; 放弃草稿 drops its scans too', async () => {
    const { page } = h;
    await page.keyboard.press('Enter');
    await page.getByTestId('item-name').waitFor();
    const draftId = (await scanDraft(DEMO_ITEMS.immediate30))!;
    await addPage(draftId);
    await page.getByTestId('applicant-name').focus();
    await page.keyboard.type('欧阳明珠');
    await page.reload(); // no wait: only beforeunload/pagehide can have written it
    await page.getByTestId('draft-offer').waitFor();
    const row = h.ws.db.prepare('SELECT content FROM intake_drafts').get() as { content: string };
    expect(JSON.parse(row.content).applicant.person.name).toBe('欧阳明珠');
    expect(pagesOf(draftId)).toBe(1);
    await page.getByTestId('draft-discard').click();
    await poll(() => pagesOf(draftId)).toBe(0);
    expect(h.ws.db.prepare('SELECT count(*) AS n FROM intake_drafts').get()).toEqual({ n: 0 });
  });

  test('放弃并继续 (picking another item) drops the scans with the text', async () => {
    const { page } = h;
    await page.getByTestId('search-input').fill('wfzjl');
    await page.locator(`[role=option][data-code="${DEMO_ITEMS.immediate30}"]`).click();
    await page.getByTestId('item-name').waitFor();
    const draftId = (await scanDraft(DEMO_ITEMS.immediate30))!;
    await addPage(draftId);
    await page.getByTestId('applicant-name').fill('欧阳明珠');
    await page.getByTestId('search-input').fill('spjyxk');
    await page.locator(`[role=option][data-code="${DEMO_ITEMS.deferrable}"]`).click();
    await page.getByTestId('leave-confirm').click();
    await poll(() => pagesOf(draftId)).toBe(0);
    expect(await scanDraft(DEMO_ITEMS.immediate30)).toBeNull();
    await page.getByTestId('next-applicant').click(); // back to an empty screen, nothing typed
  });

  const deferred = async (): Promise<string> => {
    const item = demoItem(DEMO_ITEMS.deferrable);
    const answers: Answers = { action: 'new', applicant: 'self', vending: 'no' };
    const marks: Marks = Object.fromEntries(applicableMaterials(item, answers).map((m) => [m.id, { mark: m.necessity === '可容缺' ? 'deferred' : 'verified' }]));
    const r = await h.host.dispatch('case.terms', { itemCode: item.code, answers, marks });
    if (!r.ok) throw new Error(r.error.message);
    const d = await h.host.dispatch('case.decide', {
      itemCode: item.code, answers, marks, applicant: FOOD_ORG, agent: null, decision: 'acceptWithDeferral', startedAt: new Date().toISOString(),
      deferral: { commitment: '三个工作日内补齐', supplementDeadline: (r.value as { latestSupplementDeadline: string }).latestSupplementDeadline },
    });
    if (!d.ok) throw new Error(d.error.message);
    return (d.value as { caseNumber: string }).caseNumber;
  };
  const openCase = async (caseNumber: string) => {
    const { page } = h;
    await page.getByTestId('nav-queue').click();
    const lookup = page.getByTestId('case-lookup').locator('input');
    await lookup.fill(caseNumber);
    await lookup.press('Enter');
    await page.getByTestId('case-view').waitFor();
  };

  test('补正 opens on 确认: Enter records it; the rating panel takes a digit and Enter submits', async () => {
    const { page } = h;
    await openCase(await deferred());
    await page.getByTestId('action-supplement').click();
    await poll(() => focused(h)).toBe('case-dialog-ok');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('case-status').textContent()).not.toBe('待补正');

    await page.getByTestId('action-rate').click();
    await page.locator('.rating-levels').waitFor();
    await page.keyboard.press('1'); // 非常满意
    await poll(() => focused(h)).toBe('rating-submit');
    await page.keyboard.press('Enter');
    await page.getByTestId('rating-done').waitFor();
    await page.keyboard.press('Enter'); // 完成
    await poll(() => page.getByTestId('rating-panel').count()).toBe(0);
  });

  test('终止 opens on 确认 with the reason the rules allow it for: Enter terminates', async () => {
    const { page } = h;
    const number = await deferred();
    h.advanceClock(30 * DAY);
    await page.getByTestId('nav-intake').click();
    await openCase(number);
    await page.getByTestId('supplement-overdue').waitFor();
    await page.getByTestId('action-terminate').click();
    await poll(() => focused(h)).toBe('case-dialog-ok');
    expect(await page.getByTestId('case-dialog-text').inputValue()).toBe('补正期限届满，申请人未补交容缺材料');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已终止');
    expect(h.errors).toEqual([]);
  });
});
