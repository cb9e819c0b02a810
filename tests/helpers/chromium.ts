// Headless Chromium for tests and benchmarks: finds a Chromium-family browser already on the
// machine (never downloads one) and offers a PdfRenderer like Electron's printToPDF.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { PdfRenderer } from '../../electron/print/pdf';
import { pageSizeCss } from '../../shared/notice/render';
import type { PaperSize } from '../../shared/notice/render';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
  }
  for (const p of CANDIDATES) if (existsSync(p)) return p;
  try {
    // Playwright's own browser, only if it is already installed (executablePath never downloads).
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // not installed
  }
  throw new Error('No Chromium found: run `apt-get install chromium` or set CHROMIUM_PATH to a Chromium/Chrome/Edge binary.');
}

/** `extraArgs`: e.g. Chromium's fake capture device (the stand-in for a document camera). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * E2E tests run as a user who asked the system for reduced motion: the app then turns antd's
 * animations off, so a click never lands on a dialog that is still zooming in on a busy machine
 * (a dialog sits at its final place for a few frames before its zoom starts: a click begun there
 * ends on the dialog's frame). Chromium's --force-prefers-reduced-motion does not reach headless
 * pages, so every page and context of this browser gets Playwright's emulation instead; the
 * harness checks that the page sees it. Benchmarks keep the animations (what a clerk sees by default).
 */
export async function launchE2eChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await launchChromium(extraArgs);
  const newPage = browser.newPage.bind(browser);
  const newContext = browser.newContext.bind(browser);
  browser.newPage = (options = {}) => newPage({ reducedMotion: 'reduce', ...options });
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

export const mmToPx = (mm: number) => Math.round((mm * 96) / 25.4);

/** Loads a notice HTML into a page sized to its paper, with fonts ready. */
export async function loadHtml(page: Page, html: string, size: PaperSize): Promise<void> {
  await page.setViewportSize({ width: mmToPx(size.widthMm), height: mmToPx(size.heightMm ?? 200) });
  await page.emulateMedia({ media: 'screen' });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** A fresh page (own context) with the notice loaded: for screenshots. */
export async function openHtml(browser: Browser, html: string, size: PaperSize): Promise<Page> {
  const page = await browser.newPage();
  await loadHtml(page, html, size);
  return page;
}

/**
 * The same contract Electron fulfils with webContents.printToPDF. Like the app's hidden print
 * window, one page is kept and reused; calls are serialised on it.
 */
export function chromiumPdfRenderer(browser: Browser): PdfRenderer {
  let page: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const print = async (html: string, size: PaperSize): Promise<Buffer> => {
    page ??= browser.newPage();
    const p = await page;
    await loadHtml(p, html, size);
    if (size.heightMm === null) {
      await p.emulateMedia({ media: 'print' });
      const px = await p.evaluate(() => document.documentElement.scrollHeight);
      await p.addStyleTag({ content: pageSizeCss(size.widthMm, Math.ceil((px * 25.4) / 96) + 1) });
    }
    return p.pdf({ preferCSSPageSize: true, printBackground: true });
  };
  return {
    htmlToPdf(html, size) {
      const next = queue.then(() => print(html, size));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
