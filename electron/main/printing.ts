// Printing through Electron's own Chromium: a hidden, sandboxed window that loads the notice
// HTML from a temporary file (fonts and QR are embedded in it), then printToPDF for the
// archive copy or print() to the window's chosen printer. Continuous 80 mm paper gets a page
// exactly as long as the content.
import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PdfRenderer } from '../print/pdf';
import type { PrintPorts } from '../services/notices';
import { pageSizeCss, type PaperSize } from '../../shared/notice/render';

const MICRONS_PER_MM = 1000;

async function withNotice<T>(html: string, size: PaperSize, use: (win: BrowserWindow, heightMm: number) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yichuang-print-')), 'notice.html');
  try {
    fs.writeFileSync(file, html);
    await win.loadFile(file);
    let heightMm = size.heightMm ?? 0;
    if (size.heightMm === null) {
      const px = (await win.webContents.executeJavaScript('document.documentElement.scrollHeight')) as number;
      heightMm = Math.ceil((px * 25.4) / 96) + 1;
      await win.webContents.insertCSS(pageSizeCss(size.widthMm, heightMm));
    }
    return await use(win, heightMm);
  } finally {
    win.destroy();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export const electronPdfRenderer: PdfRenderer = {
  htmlToPdf: (html, size) =>
    withNotice(html, size, async (win) => win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true })),
};

export const printToDevice: NonNullable<PrintPorts['printToDevice']> = (html, opts) =>
  withNotice(html, { widthMm: opts.widthMm, heightMm: opts.heightMm }, (win, heightMm) =>
    new Promise<void>((resolve, reject) => {
      win.webContents.print(
        {
          silent: true,
          deviceName: opts.deviceName,
          printBackground: true,
          margins: { marginType: 'none' },
          pageSize: { width: opts.widthMm * MICRONS_PER_MM, height: heightMm * MICRONS_PER_MM },
        },
        (ok, reason) => (ok ? resolve() : reject(new Error(`打印机「${opts.deviceName}」打印失败：${reason}`))),
      );
    }),
  );

/** Printer names for the settings screen, as the operating system reports them. */
export async function listPrinters(): Promise<string[]> {
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) return [];
  return (await win.webContents.getPrintersAsync()).map((p) => p.name);
}
