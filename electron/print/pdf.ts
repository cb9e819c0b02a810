// Notice → PDF through whatever Chromium the host has: Electron passes webContents.printToPDF,
// tests pass Playwright's Chromium. The HTML is self-contained (fonts and QR embedded), so
// the PDF looks the same on every PC and can be archived with the case.
import { paperSizeMm, renderNoticeHtml } from '../../shared/notice/render';
import type { NoticeLayout, PaperSize } from '../../shared/notice/render';
import type { NoticeModel } from '../../shared/notice/model';
import { buildFontCss } from './fonts';
import type { FontFamily } from './fonts';
import { qrSvg } from './qr';

export interface PdfRenderer {
  /**
   * Prints the HTML to a PDF of the given paper size. heightMm null means continuous paper
   * (80 mm roll): the renderer makes the single page exactly as long as the content, e.g.
   * by measuring document height and adding `pageSizeCss(widthMm, measuredMm)`.
   */
  htmlToPdf(html: string, size: PaperSize): Promise<Buffer>;
}

/** The complete printable HTML of a notice: bundled fonts for its text and a QR of its number. */
export async function noticeHtml(model: NoticeModel, layout: NoticeLayout): Promise<string> {
  const number = model.caseNumber ?? model.noticeNumber ?? '';
  const qr = number ? await qrSvg(number) : undefined;
  const bare = renderNoticeHtml(model, layout, { qrSvg: qr });
  const families: FontFamily[] = layout === 'thermal80' ? ['sans'] : ['serif', 'sans'];
  const fontCss = buildFontCss({ text: bare, families, weights: [400, 700] });
  return renderNoticeHtml(model, layout, { qrSvg: qr, fontCss });
}

export async function renderNoticePdf(
  model: NoticeModel,
  layout: NoticeLayout,
  renderer: PdfRenderer,
): Promise<{ html: string; pdf: Buffer }> {
  const html = await noticeHtml(model, layout);
  const pdf = await renderer.htmlToPdf(html, paperSizeMm(layout));
  return { html, pdf };
}
