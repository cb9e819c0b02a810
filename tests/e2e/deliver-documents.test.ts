// 出件 in the browser for an applicant without a mainland ID card: the case was taken on a
// 港澳通行证, the clerk picks that document type in the 出件 dialog and the number is checked by
// the permit's rule (a resident-ID number is refused by the handler, in Chinese).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { signIn, startHarness, type Harness } from './harness';
import { poll } from './flows';

describe('出件 by the receiver’s document type', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await signIn(h.page, '1001');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a 港澳通行证 holder collects with the permit; another document is refused', async () => {
    const { page } = h;
    const decided = await h.host.dispatch('case.decide', {
      itemCode: DEMO_ITEMS.immediate30,
      answers: { applicant: 'self', household: 'local', frequent: 'no' },
      marks: { application: { mark: 'verified' }, 'resident-id': { mark: 'eCert' } },
      applicant: { kind: 'person', name: '陈大文', idType: 'hkMacaoPermit', idNumber: 'H12345678', phone: '13800138001' },
      agent: null,
      decision: 'accept',
      startedAt: new Date().toISOString(),
    });
    if (!decided.ok) throw new Error(decided.error.message);
    const { caseId, caseNumber } = decided.value as { caseId: string; caseNumber: string };
    const done = await h.host.dispatch('case.complete', { caseId });
    if (!done.ok) throw new Error(done.error.message);

    await page.keyboard.press('F3');
    await page.locator(`tr[data-case-number="${caseNumber}"]`).click();
    await page.getByTestId('action-deliver').click();
    const id = page.getByTestId('deliver-id');
    await id.fill('11010519491231002X');
    await page.getByTestId('deliver-confirm').click();
    await poll(() => page.getByTestId('deliver-error').textContent()).toContain('港澳居民来往内地通行证');

    await page.getByTestId('deliver-id-type').click();
    await page.locator('.ant-select-item-option[title="港澳居民来往内地通行证"]').click();
    await id.fill('H1234');
    await poll(() => page.getByTestId('deliver-dialog').textContent()).toContain('H 或 M 开头加 8 位数字');
    await id.fill('H12345678');
    expect(await page.getByTestId('deliver-dialog').textContent()).toContain('领取人（申请人）港澳居民来往内地通行证号码');
    await h.shot('deliver-hk-permit');
    await page.getByTestId('deliver-confirm').click();
    await page.getByTestId('deliver-done').waitFor();
    await poll(() => page.getByTestId('case-status').textContent()).toBe('已出件');
    expect(h.errors).toEqual([]);
  });
});
