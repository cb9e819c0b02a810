// The clerk's intake flow in headless Chromium against the real handlers and a real SQLite
// file: sign in, find an item, answer its 情形, tick materials by keyboard, watch the
// 立等可取 banner, meet a redirect and a village-level item, and validate applicant details.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { nextApplicant, startHarness, searchFor, type Harness } from './harness';

const item = (code: string) => demoCatalogue.items.find((i) => i.code === code)!;
const subCenter = (code: string) => demoCatalogue.subCenters.find((s) => s.code === code)!;

describe('intake at the comprehensive window', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('sign-in refuses a wrong password with a message, then lets the clerk in', async () => {
    const { page } = h;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('工号');
    await page.keyboard.type('1001');
    await page.getByLabel('密码').fill('654321');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toBe('工号或密码错误');
    await h.shot('signin');

    await page.getByLabel('密码').fill('12345678');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-input').waitFor();
    expect(await page.getByTestId('header-clerk').textContent()).toContain('张敏（1001）');
    // Keyboard-first: the search box has the focus as soon as the workbench opens.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
  });

  test('pinyin initials find the 极速办 item; arrows and Enter open it', async () => {
    const { page } = h;
    const target = item(DEMO_ITEMS.immediate30);
    await page.keyboard.type('wfzjl');
    const hit = page.locator(`[role=option][data-code="${target.code}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain(target.name);
    expect(await hit.textContent()).toContain('极速办');
    expect(await hit.textContent()).toContain('拼音首字母');
    await h.shot('search');

    // Move the highlight onto the target with the arrows, then Enter.
    const index = await page.locator('[role=option]').evaluateAll((els, code) => els.findIndex((e) => e.getAttribute('data-code') === code), target.code);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('item-name').textContent()).toBe(target.name);
    expect(await page.getByTestId('item-code').textContent()).toBe(target.code);
  });

  test('answering 情形 and ticking materials by keyboard turns the banner to 立等可取 · 极速办', async () => {
    const { page } = h;
    const target = item(DEMO_ITEMS.immediate30);
    const banner = page.getByTestId('eligibility-banner');
    expect(await banner.textContent()).toContain('不可立等可取');
    expect(await banner.textContent()).toContain('尚未选择情形');

    // Focus is on the first question; each digit answers and moves on: 2 = 委托他人代为办理, 1 = 本市户籍, 2 = 否.
    await page.keyboard.press('2');
    await page.getByTestId('agent-section').waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('2');

    // The materials this case needs: always-required ones plus the agent's.
    const rows = page.locator('[data-testid=checklist] [role=listitem]');
    const expected = target.materials.filter((m) => !m.requiredWhen || (m.requiredWhen.applicant?.includes('agent') && Object.keys(m.requiredWhen).length === 1));
    await expect.poll(() => rows.count()).toBe(expected.length);
    // After the last answer the keyboard is on the first material.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(expected[0].name);

    // 6 = 缺失 on the first material: the reason field takes the keyboard; Enter moves on.
    await page.keyboard.press('6');
    await page.keyboard.type('申请人未带申请表');
    await page.keyboard.press('Enter');
    // The verdict is the handler's (case.terms): it arrives a moment after the key.
    await expect.poll(() => banner.textContent()).toContain(`缺少：${expected[0].name}`);
    let text = await banner.textContent();
    expect(text).toContain('不可立等可取');
    expect(text).toContain(`缺少：${expected[0].name}`);
    expect(text).toContain('未核对');
    expect(await banner.getAttribute('data-eligible')).toBe('false');
    expect(await page.getByTestId('decision-refuse').count()).toBe(1);
    await h.shot('checklist-incomplete');

    // Back to the first material, 1 = 原件已核验 on every line (focus advances by itself).
    await page.keyboard.press('Home');
    for (let i = 0; i < expected.length; i++) await page.keyboard.press('1');
    await expect.poll(() => banner.getAttribute('data-eligible')).toBe('true');
    text = await banner.textContent();
    expect(text).toContain('立等可取 · 极速办（30分钟内）');
    expect(text).not.toContain('不可立等可取');
    expect(await banner.getAttribute('data-eligible')).toBe('true');
    expect(await page.getByTestId('decision-accept').count()).toBe(1);
    for (let i = 0; i < expected.length; i++) expect(await rows.nth(i).getAttribute('data-status')).toBe('satisfied');
    await h.shot('checklist-eligible');
  });

  test('a redirect item shows the sub-centre name and address instead of a checklist', async () => {
    const { page } = h;
    const target = item(DEMO_ITEMS.redirect);
    const sub = subCenter(target.subCenterCode!);
    await nextApplicant(page);
    await page.keyboard.type('护照');
    const hit = page.locator(`[role=option][data-code="${target.code}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain('分中心办理');
    await hit.click();
    await page.getByTestId('redirect-card').waitFor();
    expect(await page.getByTestId('redirect-name').textContent()).toBe(sub.name);
    expect(await page.getByTestId('redirect-address').textContent()).toBe(sub.address);
    expect(await page.getByTestId('redirect-card').textContent()).toContain('本事项不在本中心办理');
    expect(await page.getByTestId('checklist').count()).toBe(0);
    expect(await page.getByTestId('decision-redirect').count()).toBe(1);
    await h.shot('redirect');
  });

  test('a two-character query finds a village-level item, which this city centre does not handle', async () => {
    const { page } = h;
    const target = demoCatalogue.items.find((i) => i.name === '高龄津贴申领')!;
    await nextApplicant(page);
    await page.keyboard.type('高龄');
    const hit = page.locator(`[role=option][data-code="${target.code}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain('本级不办理');
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId('level-warning').waitFor();
    expect(await page.getByTestId('level-warning').textContent()).toContain('本中心（市级）不办理本事项');
    expect(await page.getByTestId('eligibility-banner').textContent()).toContain('本中心（市级）不能办理本事项');
  });

  test('applicant ID numbers: a wrong check digit is refused, full-width digits are normalised', async () => {
    const { page } = h;
    await nextApplicant(page);
    await searchFor(page, 'wfzjl', DEMO_ITEMS.immediate30);
    await page.keyboard.press('Enter');
    const id = page.getByTestId('applicant-id');
    await id.waitFor();
    await page.getByTestId('applicant-name').fill('王小明');
    // Valid number 11010519491231002X typed with full-width digits and spaces: normalised, accepted.
    await id.fill('１１０１０５ １９４９１２３１ ００２ｘ');
    await id.blur();
    expect(await id.inputValue()).toBe('11010519491231002X');
    expect(await page.getByTestId('applicant-id-error').count()).toBe(0);
    // Last digit changed: the checksum message appears under the field.
    await id.fill('110105194912310021');
    await expect.poll(() => page.getByTestId('applicant-id-error').textContent()).toBe('身份证号校验位错误，请核对最后一位');
    await page.getByTestId('applicant-phone').fill('138 0013 800');
    await page.getByTestId('applicant-phone').blur();
    expect(await page.getByTestId('applicant-phone-error').textContent()).toContain('手机号应为11位');
    await page.getByTestId('applicant-panel').scrollIntoViewIfNeeded();
    await h.shot('applicant-invalid-id');
  });

  test('a 法人 item asks for the unit and its credit code, and offers 已签告知承诺 only where a pledge is allowed', async () => {
    const { page } = h;
    const target = item(DEMO_ITEMS.pledge);
    await nextApplicant(page);
    await searchFor(page, target.code, target.code); // by 实施编码
    await page.keyboard.press('Enter');
    const code = page.getByTestId('org-credit-code');
    await code.waitFor();
    await code.fill('9135 0100 M000 100Y 4４'); // wrong check character, with spaces and a full-width digit
    expect(await code.inputValue()).toBe('91350100M000100Y44');
    await expect.poll(() => page.getByTestId('org-credit-code-error').textContent()).toBe('统一社会信用代码校验位错误，请核对最后一位');
    await code.fill('91350100M000100Y43');
    await expect.poll(() => page.getByTestId('org-credit-code-error').count()).toBe(0); // after the fade-out

    // Materials are listed before every 情形 is answered when they always apply.
    for (const m of target.materials.filter((x) => !x.requiredWhen)) {
      const row = page.getByTestId(`material-${m.id}`);
      const offersPledge = (await row.getByRole('button', { name: /已签告知承诺/ }).count()) === 1;
      expect(offersPledge).toBe(m.source === '告知承诺');
    }
  });

  test('no half-typed search while an input method is composing', async () => {
    const { page } = h;
    await nextApplicant(page);
    const searches: string[] = [];
    page.on('request', (r) => r.url().endsWith('/api/catalogue.search') && searches.push(r.postData() ?? ''));
    const cdp = await page.context().newCDPSession(page);
    // Pinyin being composed: the box shows "gaoling" but nothing may be searched yet.
    await cdp.send('Input.imeSetComposition', { text: 'gaol', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.imeSetComposition', { text: 'gaoling', selectionStart: 7, selectionEnd: 7 });
    expect(await page.getByTestId('search-input').inputValue()).toBe('gaoling');
    // Well past the search debounce: a half-typed search would have been sent by now.
    await page.waitForTimeout(500);
    expect(searches).toEqual([]);
    expect(await page.locator('[role=option]').count()).toBe(0);
    // The IME commits 高龄: now it searches.
    await cdp.send('Input.insertText', { text: '高龄' });
    await page.locator('[role=option]').first().waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('高龄');
    expect(await page.locator('[role=option]').first().textContent()).toContain('高龄');
    expect(searches.map((b) => JSON.parse(b).query)).toEqual(['高龄']);
  });

  test('the browser reported no errors', () => {
    expect(h.errors).toEqual([]);
  });
});
