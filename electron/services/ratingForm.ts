// The paper 政务服务评价表 of one case: shown, archived as PDF in the case's folder and sent to
// the window's default printer, like the 交接班 sheet. Its reasons are the window's list.
import path from 'node:path';
import type { Workstation } from './workstation';
import type { PrintPorts } from './notices';
import { printerSettingsStore } from './notices';
import { getCaseRow } from '../store/cases';
import { listRatingReasons } from '../store/catalogue';
import { ratingFormText, renderRatingFormHtml, type RatingFormSheet } from '../../shared/notice/ratingForm';
import { buildFontCss } from '../print/fonts';
import { loadPrinterSettings } from '../print/settings';
import { archiveNoticePdf } from '../print/archive';
import { AppError } from '../../shared/errors';
import { chinaDay } from '../../shared/time';

export type RatingFormDeps = Pick<Workstation, 'db' | 'now' | 'session' | 'office' | 'window' | 'practice'>;

const cnDay = (day: string) => `${+day.slice(0, 4)}年${+day.slice(5, 7)}月${+day.slice(8, 10)}日`;

export function ratingForm(ws: RatingFormDeps, caseId: string): { html: string; caseNumber: string } {
  const clerk = ws.session.clerk;
  if (!clerk) throw new AppError('unauthenticated', '请先登录');
  const row = getCaseRow(ws.db, caseId);
  if (!row) throw new AppError('not_found', '找不到该办件');
  if (row.rating) throw new AppError('conflict', `办件 ${row.caseNumber} 已评价，每次办事只能评价一次`);
  const sheet: RatingFormSheet = {
    officeName: ws.office().name, windowName: ws.window().name, caseNumber: row.caseNumber, itemName: row.itemName,
    clerk, visitDay: cnDay(chinaDay(new Date(row.acceptedAt))), reasons: listRatingReasons(ws.db), practice: ws.practice,
  };
  const text = ratingFormText(sheet);
  const fonts = buildFontCss([
    { family: 'serif', weight: 400, text },
    { family: 'serif', weight: 700, text },
    { family: 'sans', weight: 400, text },
  ]);
  return { html: renderRatingFormHtml(sheet, fonts), caseNumber: row.caseNumber };
}

export async function printRatingForm(ws: RatingFormDeps, ports: PrintPorts, caseId: string): Promise<{ archivedPath: string; printedTo: string | null; message: string }> {
  if (!ports.pdf) throw new AppError('precondition_failed', '本机无法生成 PDF，不能打印');
  const { html, caseNumber } = ratingForm(ws, caseId);
  const size = { widthMm: 210, heightMm: 297 };
  const pdf = await ports.pdf.htmlToPdf(html, size);
  const printedAt = ws.now().toISOString();
  const archivedPath = await archiveNoticePdf({ caseDir: path.join(ports.archiveDir, caseNumber), kind: 'ratingForm', printedAt, pdf });
  const choice = loadPrinterSettings(printerSettingsStore(ws))[ws.window().code]?.default ?? null;
  if (!choice || choice.type !== 'system' || !ports.printToDevice) return { archivedPath, printedTo: null, message: '已生成评价表 PDF 存档（未设置系统打印机）' };
  await ports.printToDevice(html, { deviceName: choice.deviceName, ...size });
  return { archivedPath, printedTo: choice.deviceName, message: `已发送到打印机 ${choice.deviceName}` };
}
