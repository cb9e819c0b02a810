// E2E harness: a real workstation host (demo catalogue, demo accounts) on a temp SQLite file,
// printing to PDF through the same headless Chromium, the preview server serving the built
// renderer and the same handler table, and a page at a clerk's usual screen size. The host's
// clock runs with real time plus a skew the tests may move forward (countdowns, deadlines).
// Requires `npm run build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Workstation } from '../../electron/services/workstation';
import { createHost, type Host, type HostOptions } from '../../electron/services/host';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { chromiumPdfRenderer, launchE2eChromium } from '../helpers/chromium';
import { DEMO_PASSWORD } from '../../shared/demo/password';

export const VIEWPORT = { width: 1366, height: 860 };
export const SCREENSHOT_DIR = path.resolve('docs/screenshots');
export { DEMO_PASSWORD };

export interface Harness {
  host: Host;
  /** The real workstation of the host. */
  ws: Workstation;
  /** Where printed notices are archived as PDF. */
  archiveDir: string;
  /** Moves the workstation's clock forward (never back). */
  advanceClock(ms: number): void;
  server: PreviewServer;
  browser: Browser;
  page: Page;
  /** Browser console errors and page errors seen so far (tests assert none). */
  errors: string[];
  /** Saves docs/screenshots/<name>.png once fonts are loaded (of `target`, the clerk's page by default). */
  shot(name: string, target?: Page): Promise<void>;
  close(): Promise<void>;
}

/** Pages of open harnesses with their browser errors (tests/e2e/failureReport.ts photographs them when a test fails). */
export const livePages = new Map<Page, string[]>();

export interface HarnessOptions {
  /** The real workstation's sync loop (short intervals for the sync E2E). */
  sync?: HostOptions['sync'];
  /** More Chromium flags (the fake camera: --use-fake-device-for-media-stream …). */
  chromiumArgs?: readonly string[];
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-'));
  const browser = await launchE2eChromium(opts.chromiumArgs);
  const archiveDir = path.join(dir, 'archive');
  let skew = 0;
  const host = createHost({
    dbPath: path.join(dir, 'yichuang.db'),
    practiceDbPath: path.join(dir, 'yichuang-practice.db'),
    now: () => new Date(Date.now() + skew),
    printing: { pdf: chromiumPdfRenderer(browser), archiveDir },
    sync: opts.sync,
  });
  const ws = host.real;
  const server = await startPreviewServer({ dispatch: host.dispatch, rendererDir: 'dist/renderer' });
  const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Failed requests are recorded with their URL (the console line does not name it).
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
  livePages.set(page, errors);
  await page.goto(server.url);
  // Without it antd animates its dialogs, and a click begun before a zoom starts misses (chromium.ts).
  if (!(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches))) throw new Error('E2E page does not prefer reduced motion');
  return {
    host,
    ws,
    archiveDir,
    advanceClock: (ms) => {
      skew += Math.max(0, ms);
    },
    server,
    browser,
    page,
    errors,
    async shot(name, target = page) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await target.evaluate(() => document.fonts.ready.then(() => undefined));
      // antd dialogs and popovers zoom in: wait until no enter/appear motion is running.
      await target.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear, .ant-zoom-big-enter, .ant-zoom-big-appear, .ant-fade-enter, .ant-fade-appear'));
      // Transitions finished, so a just-pressed button shows its final colour.
      await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
    },
    async close() {
      livePages.delete(page);
      await browser.close();
      await server.close();
      host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, staffNo: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('工号').fill(staffNo);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('search-input').waitFor();
}

/** Types a query into the focused search box and waits for a hit with the given item code. */
export async function searchFor(page: Page, query: string, code: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page.locator(`[role=option][data-code="${code}"]`).waitFor();
}

/** F4: close the current case (dropping an undecided intake when asked); waits until the empty search box has the keyboard again. */
export async function nextApplicant(page: Page): Promise<void> {
  await page.keyboard.press('F4');
  await page.waitForFunction(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return document.querySelector('[data-testid=leave-confirm]') !== null || (el?.getAttribute('data-testid') === 'search-input' && el.value === '');
  });
  const leave = page.getByTestId('leave-confirm');
  if (await leave.count()) await leave.click();
  await page.waitForFunction(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.getAttribute('data-testid') === 'search-input' && el.value === '';
  });
}
