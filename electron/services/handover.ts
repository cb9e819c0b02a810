// 交接班: the sheet of the window's open cases for the next shift, shown and printed like a
// notice (PDF archived first, then the window's default printer).
import path from 'node:path';
import type { Workstation } from './workstation';
import type { PrintPorts } from './notices';
import { printerSettingsStore } from './notices';
import { windowCases } from '../store/stats';
import { handoverLines, type HandoverLine } from '../../shared/stats/window';
import { handoverText, renderHandoverHtml, type HandoverSheet } from '../../shared/stats/handoverHtml';
import { buildFontCss } from '../print/fonts';
import { loadPrinterSettings } from '../print/settings';
import { archiveNoticePdf } from '../print/archive';
import { AppError } from '../../shared/errors';
import { chinaDay } from '../../shared/time';

export type HandoverDeps = Pick<Workstation, 'db' | 'now' | 'session' | 'office' | 'window' | 'practice'>;

const cnDateTime = (d: Date) => {
  const c = new Date(d.getTime() + 8 * 3600_000);
  return `${c.getUTCFullYear()}年${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${String(c.getUTCHours()).padStart(2, '0')}:${String(c.getUTCMinutes()).padStart(2, '0')}`;
};

export function handover(ws: HandoverDeps): { lines: HandoverLine[]; html: string } {
  const now = ws.now();
  const lines = handoverLines(windowCases(ws.db, chinaDay(now)), now);
  const clerk = ws.session.clerk!;
  const sheet: HandoverSheet = { officeName: ws.office().name, windowName: ws.window().name, clerk, printedAt: cnDateTime(now), lines, practice: ws.practice };
  const text = handoverText(sheet);
  const fonts = buildFontCss([
    { family: 'serif', weight: 400, text },
    { family: 'serif', weight: 700, text },
    { family: 'sans', weight: 400, text },
  ]);
  return { lines, html: renderHandoverHtml(sheet, fonts) };
}

export async function printHandover(ws: HandoverDeps, ports: PrintPorts): Promise<{ archivedPath: string; printedTo: string | null; message: string }> {
  if (!ports.pdf) throw new AppError('precondition_failed', '本机无法生成 PDF，不能打印');
  const { html } = handover(ws);
  const size = { widthMm: 210, heightMm: 297 };
  const pdf = await ports.pdf.htmlToPdf(html, size);
  const printedAt = ws.now().toISOString();
  const archivedPath = await archiveNoticePdf({ caseDir: path.join(ports.archiveDir, '交接班'), kind: 'handover', printedAt, pdf });
  const choice = loadPrinterSettings(printerSettingsStore(ws))[ws.window().code]?.default ?? null;
  if (!choice || choice.type !== 'system' || !ports.printToDevice) return { archivedPath, printedTo: null, message: '已生成交接班清单 PDF 存档（未设置系统打印机）' };
  await ports.printToDevice(html, { deviceName: choice.deviceName, ...size });
  return { archivedPath, printedTo: choice.deviceName, message: `已发送到打印机 ${choice.deviceName}` };
}
