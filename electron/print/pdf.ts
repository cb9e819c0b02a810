// Notice → PDF through whatever Chromium the host has: Electron passes webContents.printToPDF,
// tests pass Playwright's Chromium. The HTML is self-contained (fonts and QR embedded), so
// the PDF looks the same on every PC and can be archived with the case.
import { paperSizeMm, renderNoticeHtml } from '../../shared/notice/render';
import type { NoticeLayout, PaperSize } from '../../shared/notice/render';
import type { NoticeModel } from '../../shared/notice/model';
import { noticeContent } from '../../shared/notice/content';
import { PRACTICE_MARK } from '../../shared/notice/model';
import { buildFontCss } from './fonts';
import type { FontRequest } from './fonts';
import { qrSvg } from './qr';

export interface PdfRenderer {
  /**
   * Prints the HTML to a PDF of the given paper size. heightMm null means continuous paper
   * (80 mm roll): the renderer makes the single page exactly as long as the content, e.g.
   * by measuring document height and adding `pageSizeCss(widthMm, measuredMm)`.
   */
  htmlToPdf(html: string, size: PaperSize): Promise<Buffer>;
}

/**
 * Which glyphs each family and weight must cover. Embedding only these keeps the HTML small
 * (the fonts are the bulk of it): bold is used by titles and labels, sans by the number line,
 * the practice bands and the watermark; thermal receipts are sans throughout.
 */
export function fontRequests(model: NoticeModel, layout: NoticeLayout): FontRequest[] {
  const c = noticeContent(model);
  const all = visibleText(renderNoticeHtml(model, layout));
  const bold = [
    model.office.name,
    c.title,
    c.numberLabel,
    ...c.fields.map(([k]) => k),
    ...c.tables.flatMap((t) => [t.heading, ...t.columns]),
    ...c.sections.map((s) => s.heading),
    model.practice ? `${PRACTICE_MARK}（练习模式，不具效力）` : '',
  ].join('');
  const sansExtra = `${c.numberLabel}：${c.number}扫码查询进度识别单号${model.practice ? `${PRACTICE_MARK}（练习模式，不具效力）` : ''}`;
  if (layout === 'thermal80') {
    return [
      { family: 'sans', weight: 400, text: all },
      { family: 'sans', weight: 700, text: bold + sansExtra },
    ];
  }
  return [
    { family: 'serif', weight: 400, text: all },
    { family: 'serif', weight: 700, text: bold },
    { family: 'sans', weight: 400, text: sansExtra },
    { family: 'sans', weight: 700, text: model.practice ? `${PRACTICE_MARK}（练习模式，不具效力）` : '' },
  ];
}

function visibleText(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, '');
}

/** The complete printable HTML of a notice: bundled fonts for its text and a QR of its number. */
export async function noticeHtml(model: NoticeModel, layout: NoticeLayout): Promise<string> {
  const number = model.caseNumber ?? model.noticeNumber ?? '';
  const qr = number ? await qrSvg(number) : undefined;
  return renderNoticeHtml(model, layout, { qrSvg: qr, fontCss: buildFontCss(fontRequests(model, layout)) });
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
