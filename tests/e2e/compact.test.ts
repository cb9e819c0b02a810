// 1280×720 (issue 12 §3): on a small screen the sticky title and 立等可取 verdict of a
// 7-material item stay compact, and a field's error is not hidden under them when the
// keyboard reaches it. Screenshot: docs/screenshots/intake-1280x720.png.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { signIn, startHarness, type Harness } from './harness';
import { openItem, poll } from './flows';

const item = demoCatalogue.items.find((i) => i.name === '网络预约出租汽车驾驶员从业资格证核发')!;

describe('a small screen', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.page.setViewportSize({ width: 1280, height: 720 });
    await signIn(h.page, '1001');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('the sticky title and verdict take at most a quarter of 720 px for a 7-material item', async () => {
    const { page } = h;
    expect(item.materials.length).toBe(7);
    await openItem(page, item);
    // The 情形 answered: the verdict now names every unchecked material (the longest it gets).
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');
    await page.keyboard.press('1');
    await poll(() => page.getByTestId('eligibility-banner').textContent()).toContain('未核对');
    const sticky = (await page.locator('.intake-sticky').boundingBox())!;
    expect(sticky.height).toBeLessThanOrEqual(720 / 4);
    await h.shot('intake-1280x720');
  });

  test('a field with an error, reached far down, shows clear of the sticky part', async () => {
    const { page } = h;
    const phone = page.getByTestId('applicant-phone');
    await phone.fill('12345');
    await phone.blur();
    await page.getByTestId('applicant-phone-error').waitFor();
    // Scroll the intake to the bottom, then bring the keyboard back to the field.
    await page.locator('.intake-area').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await phone.focus();
    await poll(async () => {
      const sticky = (await page.locator('.intake-sticky').boundingBox())!;
      const field = (await phone.boundingBox())!;
      return field.y >= sticky.y + sticky.height;
    }).toBe(true);
    const error = (await page.getByTestId('applicant-phone-error').boundingBox())!;
    expect(error.y + error.height).toBeLessThanOrEqual(720);
  });

  test('the browser reported no errors', () => {
    expect(h.errors).toEqual([]);
  });
});
