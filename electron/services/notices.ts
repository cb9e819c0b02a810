// Notices of a stored case: which kinds it may print, their model (built from the case's own
// snapshot of the item, so a later catalogue never changes an old notice), and printing:
// PDF through the host's Chromium, archived with the case, then to the window's printer.
import { ID_DOCUMENT_LABEL } from '../../shared/validate/idDocument';
import path from 'node:path';
import type { Workstation } from './workstation';
import { getCaseRow, getSnapshot } from '../store/cases';
import { recordPrint } from '../store/noticePrints';
import { caseEvents } from '../store/caseEvents';
import { noticeKinds, projectCase, type CaseState } from '../../shared/domain/caseState';
import { eventsOf, firstEvent, type CaseEvent } from '../../shared/domain/caseEvents';
import type { Marks } from '../../shared/domain/checklist';
import { findClerk } from '../store/clerks';
import { getSetting, setSetting } from '../store/settings';
import { buildNotice, type PersonInput } from '../../shared/notice/build';

/** Pages scanned per material, from the case's case.pagesAttached events. */
function pagesPerMaterial(events: readonly CaseEvent[]): Record<string, number> {
  const n: Record<string, number> = {};
  for (const e of eventsOf(events, 'case.pagesAttached')) for (const p of e.payload.pages) n[p.materialId] = (n[p.materialId] ?? 0) + 1;
  return n;
}
import type { NoticeKind, NoticeModel } from '../../shared/notice/model';
import { paperSizeMm, type NoticeLayout } from '../../shared/notice/render';
import { Item, type SubCenter } from '../../shared/domain/catalogue';
import { ApplicantRecord, AgentRecord, applicantDisplayName } from '../../shared/domain/applicant';
import { refusalLines } from '../../shared/domain/case';
import { AppError } from '../../shared/errors';
import { noticeHtml, renderNoticePdf, type PdfRenderer } from '../print/pdf';
import { archiveNoticePdf } from '../print/archive';
import { encodeNoticeEscPos } from '../print/escpos';
import { sendRaw } from '../print/rawPrinter';
import { loadPrinterSettings, printerFor, type KeyValue } from '../print/settings';

/** What the host can do for printing. The Electron shell passes printToPDF and print(). */
export interface PrintPorts {
  pdf: PdfRenderer | null;
  /** Sends a rendered notice to an operating-system printer; absent where there is none (preview, tests). */
  printToDevice?: (html: string, opts: { deviceName: string; widthMm: number; heightMm: number | null }) => Promise<void>;
  archiveDir: string;
  /** Printers the operating system knows (Electron's getPrintersAsync); none in preview/tests. */
  listPrinters?: () => Promise<string[]>;
}

/** What notice building uses of the workstation. */
export type NoticeDeps = Pick<Workstation, 'db' | 'office' | 'window' | 'practice' | 'departmentName' | 'subCenters'>;
/** Printing also stamps the time and the clerk who printed. */
export type PrintNoticeDeps = Pick<Workstation, keyof NoticeDeps | 'now' | 'session'>;

function party(p: ApplicantRecord | AgentRecord): PersonInput {
  if ('kind' in p && p.kind === 'visitor') return { name: applicantDisplayName(p), idKind: null, idNumber: '', phone: p.phone ?? null };
  return 'creditCode' in p
    ? { name: p.name, idKind: '统一社会信用代码', idNumber: p.creditCode, phone: p.phone }
    : { name: p.name, idKind: ID_DOCUMENT_LABEL[p.idType ?? 'residentId'] as PersonInput['idKind'], idNumber: p.idNumber, phone: p.phone };
}

/** Everything a case's notice is built from: read from the file, or (at decision time) from memory. */
export interface NoticeFacts {
  state: CaseState;
  item: Item;
  events: readonly CaseEvent[];
  clerk: { name: string; staffNo: string };
  departmentName: string;
  subCenter: SubCenter | null;
  /** 本级不办理: the office(s) the decision sent the applicant to (case.decided redirectTo). */
  redirectTo?: { name: string; address: string; phone: string; places: Array<{ name: string; address: string; phone: string }> } | null;
}

export function noticeModelFor(ws: NoticeDeps, caseId: string, kind: NoticeKind): NoticeModel {
  const row = getCaseRow(ws.db, caseId);
  if (!row) throw new AppError('not_found', '找不到该办件');
  const events = caseEvents(ws.db, caseId);
  const projected = projectCase(events);
  if (!projected.ok) throw new Error(`case ${caseId} history does not project: ${projected.problem}`);
  // The projection, not the row: an extension or a 准予 result lives in the state only.
  if (!noticeKinds(projected.state).includes(kind)) throw new AppError('precondition_failed', '该办件不能打印此类文书');
  const item = Item.parse(JSON.parse(getSnapshot(ws.db, row.snapshotId)));
  const staffNo = projected.state.staffNo ?? row.staffNo;
  return noticeModel(ws, kind, {
    state: projected.state,
    item,
    events,
    clerk: findClerk(ws.db, staffNo) ?? { name: staffNo, staffNo },
    departmentName: ws.departmentName(item.departmentCode),
    subCenter: ws.subCenters().find((s) => s.code === item.subCenterCode) ?? null,
    redirectTo: firstEvent(events, 'case.decided')?.payload.redirectTo ?? null,
  });
}

/** The notice of `kind` from the facts (pure but for the window's place). */
export function noticeModel(ws: Pick<Workstation, 'office' | 'window' | 'practice'>, kind: NoticeKind, f: NoticeFacts): NoticeModel {
  const { state, item } = f;
  const applicant = ApplicantRecord.parse(state.applicant);
  const agent = state.agent ? AgentRecord.parse(state.agent) : null;
  const decided = firstEvent(f.events, 'case.decided')!.payload;
  const delivered = firstEvent(f.events, 'case.delivered');
  const office = ws.office();
  const department = f.departmentName;
  const numbered = kind === 'missingMaterials' || kind === 'redirect';
  return buildNotice({
    kind,
    item,
    departmentName: department,
    answers: state.answers,
    marks: state.marks as Marks,
    applicant: party(applicant),
    agent: agent ? party(agent) : null,
    clerk: f.clerk,
    office,
    window: ws.window(),
    caseNumber: numbered ? null : state.caseNumber,
    noticeNumber: numbered ? state.caseNumber : null,
    acceptedAt: numbered ? null : state.decidedAt,
    promisedDate: state.promisedDate,
    issuedAt: kind === 'deliveryReceipt' && delivered ? delivered.at
      : kind === 'extension' && state.extension ? state.extension.at
        : kind === 'supplementRequest' && state.supplementRequest ? state.supplementRequest.at
          : state.decidedAt!,
    deferral: decided.decision === 'acceptWithDeferral' ? { commitment: decided.commitment!, supplementDeadline: decided.supplementDeadline! } : null,
    pages: pagesPerMaterial(f.events),
    refusal:
      decided.decision === 'refuse'
        ? {
            reasons: refusalLines(decided.reason ?? ''),
            applyTo: decided.applyTo || null,
            reviewOrgans: [`${office.name}所在地人民政府`, `${department || '作出决定的部门'}的上一级主管部门`],
            court: `${office.name}所在地有管辖权的人民法院`,
          }
        : null,
    redirect: f.redirectTo ? { ...f.redirectTo, hours: '' } : f.subCenter,
    delivery: delivered
      ? {
          method: delivered.payload.method === 'applicant' ? 'inPerson' : delivered.payload.method,
          to: delivered.payload.receiver ?? applicantDisplayName(applicant),
          toIdMasked: null,
          result: state.reviewResult ? state.reviewResult.licenceName : `${item.name}办理结果`,
          trackingNumber: delivered.payload.trackingNumber ?? null,
          deliveredAt: delivered.at,
          licence: state.reviewResult
            ? { name: state.reviewResult.licenceName, number: state.reviewResult.licenceNumber, validFrom: state.reviewResult.validFrom, validUntil: state.reviewResult.validUntil }
            : null,
        }
      : null,
    extension: state.extension
      ? { days: state.extension.days, reason: state.extension.reason, previousPromisedDate: state.extension.previousPromisedDate, promisedDate: state.extension.promisedDate, approvedAt: state.extension.at }
      : null,
    supplement: state.supplementRequest
      ? { requestedAt: state.supplementRequest.at, opinion: state.supplementRequest.reason, materials: state.supplementRequest.materials }
      : null,
    // A 引导 opens no case here: there is no progress to query (the notice says where to go instead).
    queryHint: kind === 'redirect' ? '' : `凭办件编号拨打 ${office.phone || '中心服务电话'} 或扫描二维码查询办理进度`,
    practice: ws.practice,
  });
}

export async function renderNotice(ws: NoticeDeps, caseId: string, kind: NoticeKind, layout: NoticeLayout): Promise<string> {
  return noticeHtml(noticeModelFor(ws, caseId, kind), layout);
}

const kv = (ws: Pick<Workstation, 'db'>): KeyValue => ({ get: (k) => getSetting(ws.db, k), set: (k, v) => setSetting(ws.db, k, v) });
export const printerSettingsStore = kv;

export interface PrintOutcome {
  archivedPath: string;
  printedTo: string | null;
  message: string;
}

/** Archive first (the PDF copy is the record), then print; a printer failure keeps the copy. */
export async function printNotice(ws: PrintNoticeDeps, ports: PrintPorts, caseId: string, kind: NoticeKind, layoutAsked: NoticeLayout | null): Promise<PrintOutcome> {
  if (!ports.pdf) throw new AppError('precondition_failed', '本机无法生成 PDF，不能打印');
  const model = noticeModelFor(ws, caseId, kind);
  const row = getCaseRow(ws.db, caseId)!;
  const choice = printerFor(loadPrinterSettings(kv(ws)), ws.window().code, kind);
  const layout = layoutAsked ?? choice?.layout ?? 'A4';
  const { html, pdf } = await renderNoticePdf(model, layout, ports.pdf);
  const printedAt = ws.now().toISOString();
  const archivedPath = await archiveNoticePdf({ caseDir: path.join(ports.archiveDir, row.caseNumber), kind, printedAt, pdf });
  const outcome = await (async (): Promise<PrintOutcome> => {
    if (!choice) return { archivedPath, printedTo: null, message: '未设置打印机，已生成 PDF 存档' };
    if (choice.type === 'escpos') {
      await sendRaw({ host: choice.host, port: choice.port }, encodeNoticeEscPos(model));
      return { archivedPath, printedTo: `${choice.host}:${choice.port}`, message: '已发送到热敏打印机' };
    }
    if (!ports.printToDevice) return { archivedPath, printedTo: null, message: '本环境没有系统打印机，已生成 PDF 存档' };
    const size = paperSizeMm(layout);
    await ports.printToDevice(html, { deviceName: choice.deviceName, ...size });
    return { archivedPath, printedTo: choice.deviceName, message: `已发送到打印机 ${choice.deviceName}` };
  })();
  // Recorded only once the notice is out (a printer failure above records nothing): practice
  // scoring reads this record, never the renderer's word.
  recordPrint(ws.db, { caseId, kind, printedAt, printedTo: outcome.printedTo, staffNo: ws.session.clerk?.staffNo ?? '' });
  return outcome;
}
