// Small pages that stay legible, measured: generated document pages (Chinese text at 10.5 pt,
// a table, a red seal) rendered as a 200 dpi scan would give them, compressed by the window's
// own code (renderer/src/scans/compress.ts, run in headless Chromium), and read by Tesseract
// (chi_sim) before and after. The compressed page must read at ≥ 98 % of the original's
// accuracy, stay small (median ≤ 40 KB), and colour must keep the seal red.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { openScanLab, type ScanLab } from '../helpers/scanLab';
import { accuracy, ocr } from '../helpers/ocr';
import { imageSize } from '../../shared/scans/imageSize';
import { sniffImageType } from '../../shared/scans/page';

let browser: Browser;
let lab: ScanLab;
beforeAll(async () => {
  browser = await launchChromium();
  lab = await openScanLab(browser);
});
afterAll(async () => {
  await lab?.close();
  await browser?.close();
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
describe('compressed pages stay legible', () => {
  const sizes: number[] = [];
  for (const k of [0, 1, 2]) {
    it(`page ${k + 1}: grey and colour read at ≥ 98 % of the original`, { timeout: 240_000 }, async () => {
      const page = await lab.original(k);
      const base = accuracy(await ocr(page.png), page.truth);
      expect(base).toBeGreaterThan(0.7); // the judge itself can read the page
      for (const colour of ['grey', 'colour'] as const) {
        const c = await lab.compress(page.png, colour);
        // What the window would store: a real image its own checks accept, sized from its bytes.
        expect(sniffImageType(c.bytes)).toBe(c.contentType);
        expect(imageSize(c.bytes)).toEqual({ width: c.width, height: c.height });
        const read = accuracy(await ocr(c.decodedPng), page.truth);
        expect(read / base, `${colour}: ${read.toFixed(4)} vs ${base.toFixed(4)}`).toBeGreaterThanOrEqual(0.98);
        if (colour === 'colour') expect(c.redPixels).toBeGreaterThan(2000);
        else expect(c.redPixels).toBe(0);
        sizes.push(c.bytes.length);
      }
    });
  }
  it('median page ≤ 40 KB', () => {
    expect(sizes).toHaveLength(6);
    expect(median(sizes)).toBeLessThanOrEqual(40 * 1024);
  });

  it('a page photographed tilted on a desk is found, straightened and reads as well as the flat scan; a flat scan is left as it is', { timeout: 240_000 }, async () => {
    const page = await lab.original(1);
    const base = accuracy(await ocr(page.png), page.truth);
    const tilted = await lab.onDesk(page.png, 6);
    const c = await lab.compress(tilted, 'grey', 0, true);
    expect(c.straightened).toBe(true);
    // Upright A4 again (√2 : 1), the desk gone.
    expect(c.height / c.width).toBeCloseTo(Math.SQRT2, 1);
    const read = accuracy(await ocr(c.decodedPng), page.truth);
    expect(read / base, `straightened: ${read.toFixed(4)} vs ${base.toFixed(4)}`).toBeGreaterThanOrEqual(0.98);
    // The flat scan fills its frame: refused, compressed as it came.
    expect((await lab.compress(page.png, 'grey', 0, true)).straightened).toBe(false);
  });

  it('a page that turns sideways is stored upright: rotation swaps the sides', { timeout: 60_000 }, async () => {
    const page = await lab.original(0);
    const c = await lab.compress(page.png, 'grey', 90);
    expect(c.width).toBeGreaterThan(c.height);
  });
});
