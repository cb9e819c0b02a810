// A test page for the printer set for a notice (or the window's default): the same routes as
// a notice — a system printer through the host (Electron), a network ESC/POS printer raw on
// port 9100 — so a success here means the notices will print too.
import type { PrintPorts } from '../services/notices';
import type { PrinterChoice } from '../../shared/print/printers';
import { paperSizeMm } from '../../shared/notice/render';
import { TEST_PAGE_TITLE, testPageLines, type TestPageFacts } from '../../shared/print/testPage';
import { buildFontCss } from './fonts';
import { EscPosBuilder } from './escpos';
import { sendRaw } from './rawPrinter';
import { AppError } from '../../shared/errors';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function testPageHtml(f: TestPageFacts, layout: PrinterChoice['layout']): string {
  const size = paperSizeMm(layout);
  const page = size.heightMm ? `${size.widthMm}mm ${size.heightMm}mm` : `${size.widthMm}mm auto`;
  const text = [TEST_PAGE_TITLE, ...testPageLines(f)].join('');
  const fontCss = buildFontCss([{ family: 'sans', weight: 400, text }, { family: 'sans', weight: 700, text: TEST_PAGE_TITLE }]);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TEST_PAGE_TITLE}</title><style>${fontCss}</style>
<style>@page { size: ${page}; margin: 8mm; } body { font-family: 'Noto Sans SC', sans-serif; margin: 0; }
.frame { border: 1px solid #000; padding: 6mm; min-height: ${size.heightMm ? `${size.heightMm - 30}mm` : 'auto'}; box-sizing: border-box; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 6mm; } p { margin: 2mm 0; font-size: 11pt; }</style></head>
<body><div class="frame"><h1>${TEST_PAGE_TITLE}</h1>${testPageLines(f).map((l) => `<p>${esc(l)}</p>`).join('')}</div></body></html>`;
}

export function testPageEscPos(f: TestPageFacts): Buffer {
  const b = new EscPosBuilder().init().align('center').double(true).bold(true).line(TEST_PAGE_TITLE).double(false).bold(false).align('left').rule();
  for (const l of testPageLines(f)) b.line(l);
  return b.rule().feed(3).cut().build();
}

/** Prints it; the message says where it went, in the clerk's words. */
export async function printTestPage(ports: Pick<PrintPorts, 'printToDevice'>, choice: PrinterChoice, f: TestPageFacts): Promise<{ printedTo: string; message: string }> {
  if (choice.type === 'escpos') {
    await sendRaw({ host: choice.host, port: choice.port }, testPageEscPos(f));
    return { printedTo: `${choice.host}:${choice.port}`, message: `测试页已发送到热敏打印机 ${choice.host}:${choice.port}` };
  }
  if (!ports.printToDevice) throw new AppError('precondition_failed', '本环境没有系统打印机（预览模式），请在一窗程序中打印测试页');
  await ports.printToDevice(testPageHtml(f, choice.layout), { deviceName: choice.deviceName, ...paperSizeMm(choice.layout) });
  return { printedTo: choice.deviceName, message: `测试页已发送到打印机 ${choice.deviceName}` };
}
