// 打印机设置 from the notice preview: the clerk points one notice kind at a network ESC/POS
// thermal printer; printing then sends the raw bytes there (and still archives the PDF). The
// dialog lists the system's printers (none here: no CUPS) and prints a test page first.
import { afterAll, beforeAll, expect, test } from 'vitest';
import net from 'node:net';
import iconv from 'iconv-lite';
import { DEMO_ITEMS } from '../../shared/demo/examples';
import { signIn, startHarness, type Harness } from './harness';
import { confirmDecision, demoItem, openDecision, openItem, poll, waitForNotice } from './flows';

let h: Harness;
let printer: net.Server;
const received: Buffer[] = [];
beforeAll(async () => {
  h = await startHarness();
  printer = net.createServer((s) => s.on('data', (d) => received.push(d)));
  await new Promise<void>((r) => printer.listen(0, '127.0.0.1', r));
  await signIn(h.page, '1001');
});
afterAll(async () => {
  printer?.close();
  await h?.close();
});

test('a notice kind sent to a network thermal printer gets ESC/POS bytes', async () => {
  const { page } = h;
  const port = (printer.address() as net.AddressInfo).port;
  await openItem(page, demoItem(DEMO_ITEMS.redirect));
  await page.getByTestId('applicant-name').fill('王小明'); // 引导 takes no ID card
  await openDecision(page, 'redirect');
  await confirmDecision(page);
  await waitForNotice(page, 'redirect');

  await page.getByTestId('printer-settings-open').click();
  const dialog = page.getByRole('dialog', { name: '打印机设置（本窗口）' });
  await dialog.getByRole('row', { name: /引导/ }).getByRole('button', { name: /^设\s*置$/ }).click();
  await dialog.getByRole('combobox').first().click();
  await page.getByTitle('网络热敏打印机').click();
  await dialog.getByPlaceholder(/IP 地址/).fill('127.0.0.1');
  await dialog.locator('.ant-input-number input').fill(String(port));
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await poll(() => dialog.getByRole('row', { name: /引导/ }).textContent()).toContain(`热敏打印机 127.0.0.1:${port}`);
  expect(await dialog.getByTestId('system-printers').textContent()).toContain('本机系统打印机');
  await h.shot('printer-settings');
  await dialog.getByTestId('printer-test-redirect').click();
  await poll(() => dialog.getByTestId('printer-test-result').textContent()).toBe(`测试页已发送到热敏打印机 127.0.0.1:${port}`);
  await poll(() => iconv.decode(Buffer.concat(received), 'gb18030')).toContain('打印测试页');
  await h.shot('printer-test-page');
  received.length = 0;
  await dialog.getByRole('button', { name: '关 闭' }).click();

  await page.getByTestId('notice-print').click();
  await poll(() => page.getByTestId('print-result').textContent()).toContain('已发送到热敏打印机');
  await poll(() => Buffer.concat(received).length).toBeGreaterThan(100);
  expect(Buffer.concat(received).subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
  expect(h.errors).toEqual([]);
});
