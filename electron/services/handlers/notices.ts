import { AppError } from '../../../shared/errors';
import { getCaseRow } from '../../store/cases';
import { loadCaseState } from '../../store/caseLog';
import { noticeKinds } from '../../../shared/domain/caseState';
import { printNotice, printerSettingsStore, renderNotice, type PrintNoticeDeps, type PrintPorts } from '../notices';
import { loadPrinterSettings, printerFor, setPrinter } from '../../print/settings';
import { printTestPage } from '../../print/testPage';
import { NOTICE_TITLE } from '../../../shared/notice/model';
import type { HandlerTable } from '../dispatch';

export function noticeHandlers(ws: PrintNoticeDeps, ports: PrintPorts): Pick<HandlerTable, 'notice.kinds' | 'notice.render' | 'notice.print' | 'print.settings' | 'print.setPrinter' | 'print.testPage'> {
  const empty = { default: null, byKind: {} };
  const view = async () => ({
    printers: loadPrinterSettings(printerSettingsStore(ws))[ws.window().code] ?? empty,
    systemPrinters: (await ports.listPrinters?.()) ?? [],
  });
  return {
    'print.settings': () => view(),
    'print.setPrinter': async ({ kind, choice }) => {
      setPrinter(printerSettingsStore(ws), ws.window().code, kind, choice);
      return view();
    },
    'print.testPage': async ({ kind }) => {
      const settings = loadPrinterSettings(printerSettingsStore(ws));
      const choice = kind === 'default' ? (settings[ws.window().code]?.default ?? null) : printerFor(settings, ws.window().code, kind);
      if (!choice) throw new AppError('precondition_failed', kind === 'default' ? '请先设置默认打印机' : `请先为「${NOTICE_TITLE[kind]}」或默认打印机设置打印机`);
      const printerLabel = choice.type === 'escpos' ? `热敏打印机 ${choice.host}:${choice.port}` : `${choice.deviceName}（${choice.layout === 'thermal80' ? '80mm 热敏' : choice.layout}）`;
      try {
        return await printTestPage(ports, choice, {
          officeName: ws.office().name, windowName: ws.window().name, slotLabel: kind === 'default' ? '默认打印机' : NOTICE_TITLE[kind], printerLabel,
          printedAt: new Date(ws.now().getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' '),
        });
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('precondition_failed', `测试页未能打印：打印机 ${printerLabel} 没有响应，请检查电源、网线和地址`);
      }
    },
    'notice.kinds': ({ caseId }) => {
      const row = getCaseRow(ws.db, caseId);
      if (!row) throw new AppError('not_found', '找不到该办件');
      // The projection: an extension (延长办理期限通知书) lives in the state, not the row.
      return { kinds: noticeKinds(loadCaseState(ws.db, caseId) ?? row) };
    },
    'notice.render': async ({ caseId, kind, layout }) => ({ html: await renderNotice(ws, caseId, kind, layout) }),
    'notice.print': ({ caseId, kind, layout }) => printNotice(ws, ports, caseId, kind, layout),
  };
}
