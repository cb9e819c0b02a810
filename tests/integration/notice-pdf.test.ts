// Every notice kind printed to PDF in headless Chromium through the same PdfRenderer contract
// Electron fulfils; the text is read back with pdfjs and checked for what the applicant needs.
// Also saves the PNGs in docs/screenshots/ (they are what the applicant takes home).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { noticeHtml, renderNoticePdf } from '../../electron/print/pdf';
import { archiveNoticePdf } from '../../electron/print/archive';
import { NOTICE_KINDS } from '../../shared/notice/model';
import type { NoticeKind } from '../../shared/notice/model';
import { paperSizeMm } from '../../shared/notice/render';
import type { NoticeLayout } from '../../shared/notice/render';
import { chromiumPdfRenderer, launchChromium, mmToPx, openHtml } from '../helpers/chromium';
import { fixture, ID_MASKED } from '../helpers/noticeFixtures';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; widthMm: number; heightMm: number }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n';
  }
  const [x0, y0, x1, y1] = (await doc.getPage(1)).view;
  await doc.cleanup();
  const toMm = (pt: number) => Math.round((pt * 25.4) / 72);
  return { text: text.replace(/\s+/g, ''), pages: doc.numPages, widthMm: toMm(x1 - x0), heightMm: toMm(y1 - y0) };
}

const SCREENSHOTS = path.resolve('docs/screenshots');

async function screenshot(kind: NoticeKind, layout: NoticeLayout, practice: boolean): Promise<void> {
  const model = fixture(kind, practice);
  const html = await noticeHtml(model, layout);
  const size = paperSizeMm(layout);
  const page = await openHtml(browser, html, size);
  try {
    // Screen media shows the sheet on a grey desk exactly as the preview does.
    // Grow the viewport to the whole sheet so the fixed practice watermark covers all of it.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: mmToPx(size.widthMm), height });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `notice-${kind}${practice ? '-practice' : ''}-${layout}.png`), fullPage: true });
  } finally {
    await page.close();
  }
}

describe('notices printed to PDF in Chromium', () => {
  for (const kind of NOTICE_KINDS) {
    it(`${kind}: A4 PDF carries the number, masked ID, materials and dates`, async () => {
      const model = fixture(kind);
      const { pdf } = await renderNoticePdf(model, 'A4', chromiumPdfRenderer(browser));
      const { text, widthMm, heightMm } = await pdfText(pdf);
      expect([widthMm, heightMm]).toEqual([210, 297]);
      expect(text).toContain((model.caseNumber ?? model.noticeNumber)!);
      expect(text).toContain(model.item.name.replace(/\s/g, ''));
      if (kind !== 'redirect') expect(text).toContain(ID_MASKED);
      expect(text).not.toContain('210102199003071234');
      if (kind === 'deliveryReceipt') expect(text).toContain('SF1402345678901');
      else for (const r of model.received) expect(text).toContain(r.name);
      for (const r of model.missing) expect(text).toContain(r.reason.replace(/\s/g, ''));
      if (model.acceptedAt) expect(text).toContain('2026年5月12日10:30');
      if (model.promisedDate) expect(text).toContain('2026年5月19日');
      expect(text).toContain('二〇二六年五月十二日');
      expect(text).toContain('盖章处');
      expect(text).not.toContain('练习');
      await screenshot(kind, 'A4', false);
      await screenshot(kind, 'thermal80', false);
    });
  }

  it('a practice notice carries the watermark in A4, A5 and thermal PDFs', async () => {
    for (const layout of ['A4', 'A5', 'thermal80'] as const) {
      const { pdf } = await renderNoticePdf(fixture('acceptance', true), layout, chromiumPdfRenderer(browser));
      const { text } = await pdfText(pdf);
      expect(text.split('练习·无效').length - 1).toBeGreaterThan(10);
    }
    await screenshot('acceptance', 'A4', true);
    await screenshot('acceptance', 'A5', true);
    await screenshot('acceptance', 'thermal80', true);
  });

  it('the thermal receipt is one 80 mm wide page as long as its content', async () => {
    const { pdf } = await renderNoticePdf(fixture('materialReceipt'), 'thermal80', chromiumPdfRenderer(browser));
    const { pages, widthMm, heightMm, text } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(widthMm).toBe(80);
    expect(heightMm).toBeGreaterThan(100);
    expect(text).toContain('食品经营许可申请书');
  });

  it('archives the printed PDF under the case folder', async () => {
    const model = fixture('acceptance');
    const { pdf } = await renderNoticePdf(model, 'A4', chromiumPdfRenderer(browser));
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'yc-archive-')), model.caseNumber!);
    const first = await archiveNoticePdf({ caseDir: dir, kind: model.kind, printedAt: model.issuedAt, pdf });
    const again = await archiveNoticePdf({ caseDir: dir, kind: model.kind, printedAt: model.issuedAt, pdf });
    expect(path.basename(first)).toBe('acceptance-20260512104200.pdf');
    expect(path.basename(again)).toBe('acceptance-20260512104200-2.pdf');
    expect((await pdfText(pdf)).text).toContain(model.caseNumber!);
  });
});
