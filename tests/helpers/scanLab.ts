// The product's page compression (renderer/src/scans/compress.ts, bundled as the renderer is)
// run in headless Chromium on generated document pages: the original as a 200 dpi scan would
// give it, and what the window would store. Used by the legibility test and the benchmark.
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { documentPage } from '../fixtures/documentPages';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCAN_DPI = 200;

async function bundle(): Promise<string> {
  const out = await build({
    // The compression and the capture's straightening, as the renderer bundles them.
    stdin: { contents: "export * from './renderer/src/scans/compress'; export * from './renderer/src/scans/straighten';", resolveDir: ROOT, loader: 'ts' },
    bundle: true, format: 'iife', globalName: 'ycScans', write: false, platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export interface Compressed {
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
  /** The frame's sheet was found and straightened before compression (straighten: true). */
  straightened: boolean;
  /** The stored page decoded back to pixels, losslessly, for the OCR. */
  decodedPng: Buffer;
  millis: number;
  /** Clearly red pixels (a seal) in the decoded page. */
  redPixels: number;
}

export interface ScanLab {
  /** Page k as a 200 dpi scan (PNG) and its text. */
  original(k: number): Promise<{ png: Buffer; truth: string }>;
  compress(png: Buffer, colour: 'grey' | 'colour', rotation?: 0 | 90 | 180 | 270, straighten?: boolean): Promise<Compressed>;
  /** The page as a 高拍仪 would see it lying on a dark desk, turned by `degrees` (PNG). */
  onDesk(png: Buffer, degrees: number): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openScanLab(browser: Browser): Promise<ScanLab> {
  const render = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: SCAN_DPI / 96 });
  const work: Page = await browser.newPage();
  await work.setContent('<!doctype html><html><body></body></html>');
  await work.addScriptTag({ content: await bundle() });
  return {
    async original(k) {
      const doc = documentPage(k);
      await render.setContent(doc.html);
      await render.evaluate(() => document.fonts.ready.then(() => undefined));
      return { png: await render.screenshot({ type: 'png' }), truth: doc.truth };
    },
    async onDesk(png, degrees) {
      const b64 = await work.evaluate(
        async ({ b64, degrees }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = Math.round(img.width * 1.3);
          c.height = Math.round(img.height * 1.2);
          const g = c.getContext('2d')!;
          g.fillStyle = '#3a3630'; // a wooden desk in a dim office
          g.fillRect(0, 0, c.width, c.height);
          g.translate(c.width / 2, c.height / 2);
          g.rotate((degrees * Math.PI) / 180);
          g.drawImage(img, -img.width / 2, -img.height / 2);
          return c.toDataURL('image/png').split(',')[1];
        },
        { b64: png.toString('base64'), degrees },
      );
      return Buffer.from(b64, 'base64');
    },
    async compress(png, colour, rotation = 0, straighten = false) {
      const r = await work.evaluate(
        async ({ b64, colour, rotation, straighten }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const lab = (window as any).ycScans;
          const t0 = performance.now();
          const frame = straighten ? lab.straightenFrame(img) : null;
          const page = await lab.compressPage(frame?.page ?? img, { rotation, crop: null }, colour);
          const millis = performance.now() - t0;
          const bmp = await createImageBitmap(page.blob);
          const c = document.createElement('canvas');
          c.width = bmp.width;
          c.height = bmp.height;
          const g = c.getContext('2d')!;
          g.drawImage(bmp, 0, 0);
          const px = g.getImageData(0, 0, c.width, c.height).data;
          let red = 0;
          for (let i = 0; i < px.length; i += 4) if (px[i] > 180 && px[i + 1] < 90 && px[i + 2] < 90) red++;
          const decoded = c.toDataURL('image/png').split(',')[1];
          return { bytes: await lab.blobToBase64(page.blob), contentType: page.contentType, width: page.width, height: page.height, decoded, millis, red, straightened: !!frame?.page };
        },
        { b64: png.toString('base64'), colour, rotation, straighten },
      );
      return { bytes: Buffer.from(r.bytes, 'base64'), contentType: r.contentType, width: r.width, height: r.height, decodedPng: Buffer.from(r.decoded, 'base64'), millis: r.millis, redPixels: r.red, straightened: r.straightened };
    },
    async close() {
      await render.close();
      await work.close();
    },
  };
}
