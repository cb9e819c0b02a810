// E2E setup file: when a test fails, every page a harness has open is photographed into
// test-results/e2e-failures/ and its open dialogs' text and the browser errors are printed, so a
// failure seen once on a loaded CI machine can be read afterwards (the log keeps the text).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { livePages } from './harness';

const DIR = path.resolve('test-results/e2e-failures');

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const base = `${path.basename(task.file?.name ?? 'e2e', '.test.ts')}-${task.name}`.replace(/[^\p{L}\p{N}-]+/gu, '_').slice(0, 120);
  fs.mkdirSync(DIR, { recursive: true });
  let n = 0;
  for (const [page, errors] of livePages) {
    if (page.isClosed()) continue;
    const file = path.join(DIR, `${base}-${n++}.png`);
    const dialogs = await page
      .locator('.ant-modal-wrap:visible, .ant-alert:visible')
      .allInnerTexts()
      .catch(() => []);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`[e2e failure] ${task.name}\n  screenshot: ${file}\n  url: ${page.url()}\n  dialogs and alerts: ${JSON.stringify(dialogs)}\n  browser errors: ${JSON.stringify(errors.slice(-10))}`);
  }
});
