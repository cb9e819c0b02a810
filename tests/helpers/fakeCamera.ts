// The stand-in for a document camera (高拍仪) in E2E tests: Chromium's fake capture device fed
// with an MJPEG file of a generated document page, so the product's real camera path
// (getUserMedia → preview → capture → compress → store) runs unchanged. Named as a stand-in.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { documentPage } from '../fixtures/documentPages';

/**
 * Writes `<dir>/camera.mjpeg`: page k of the document fixtures as the camera sees it, a few
 * frames — the page alone, or with `onDeskDegrees` lying turned on a dark desk (what the
 * capture's 自动找边校正 straightens).
 */
export async function writeFakeCameraFile(dir: string, k = 0, onDeskDegrees: number | null = null): Promise<string> {
  const browser: Browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1240 / 794 });
    await page.setContent(documentPage(k).html);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    let frame = await page.screenshot({ type: onDeskDegrees === null ? 'jpeg' : 'png', ...(onDeskDegrees === null ? { quality: 90 } : {}) });
    if (onDeskDegrees !== null) {
      const desk = await browser.newPage({ viewport: { width: 1600, height: 1904 }, deviceScaleFactor: 1 });
      await desk.setContent(`<body style="margin:0;background:#3a3630;display:flex;align-items:center;justify-content:center;height:1904px">
        <img style="width:1240px;transform:rotate(${onDeskDegrees}deg)" src="data:image/png;base64,${frame.toString('base64')}"></body>`);
      await desk.evaluate(() => document.images[0].decode());
      frame = await desk.screenshot({ type: 'jpeg', quality: 90 });
    }
    const file = path.join(dir, 'camera.mjpeg');
    fs.writeFileSync(file, Buffer.concat(Array.from({ length: 5 }, () => frame)));
    return file;
  } finally {
    await browser.close();
  }
}

export const fakeCameraArgs = (file: string) => ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];

/** A two-page PDF of document pages, as a file the clerk would import. */
export async function writeDocumentPdf(dir: string): Promise<string> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(`${documentPage(1).html.replace('</body>', '')}${documentPage(2).html.replace(/^[\s\S]*<body>/, '<div style="break-before: page"></div>')}`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = path.join(dir, '营业执照及申请书.pdf');
    fs.writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
    return file;
  } finally {
    await browser.close();
  }
}
