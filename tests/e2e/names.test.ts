// Names at the applicant panel (issue 12 §1), in Chromium against the real handlers: a long
// transliterated name is neither cut nor refused, a pasted line break becomes nothing, an
// emoji is refused under the field and by the handler alike.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { signIn, startHarness, type Harness } from './harness';
import { demoItem, openItem, poll } from './flows';

const LONG = '阿依古丽·买买提艾力·吐尔逊托合提·艾则孜·阿不都热合曼·库尔班江·热西提'; // 37 characters, past the old 30

describe('applicant names', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await signIn(h.page, '1001');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a long transliterated name is kept whole', async () => {
    await openItem(h.page, demoItem(DEMO_ITEMS.immediate30));
    const name = h.page.getByTestId('applicant-name');
    await name.fill(LONG);
    await name.blur();
    expect(await name.inputValue()).toBe(LONG);
    expect(await h.page.getByTestId('applicant-name-error').count()).toBe(0);
  });

  test('a pasted line break becomes nothing, not a space', async () => {
    const name = h.page.getByTestId('applicant-name');
    await name.fill('');
    await name.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', '阿依古丽\r\n·买买提');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await poll(() => name.inputValue()).toBe('阿依古丽·买买提');
  });

  test('an emoji is refused at once with a clear message, and by the handler alike', async () => {
    const { page } = h;
    const name = page.getByTestId('applicant-name');
    await name.fill('王小明😀');
    await poll(() => page.getByTestId('applicant-name-error').textContent()).toBe('申请人姓名中不能有表情符号，请删除后重新输入');
    await page.getByTestId('applicant-panel').scrollIntoViewIfNeeded();
    await h.shot('applicant-name-emoji');
    // The handler says the same to any caller.
    const r = await h.ws.dispatch('case.decide', {
      itemCode: DEMO_ITEMS.immediate30,
      answers: {},
      marks: {},
      applicant: { kind: 'person', name: '王小明😀', idNumber: '11010519491231002X', phone: '13800138000' },
      agent: null,
      decision: 'accept',
      startedAt: new Date().toISOString(),
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.details?.map((d) => d.message)).toContain('姓名中不能有表情符号，请删除后重新输入');
  });

  test('the browser reported no errors', () => {
    expect(h.errors).toEqual([]);
  });
});
