import { AppError } from '../../../shared/errors';
import { getCaseRow } from '../../store/cases';
import { loadCaseState } from '../../store/caseLog';
import { noticeKinds } from '../../../shared/domain/caseState';
import { printNotice, printerSettingsStore, renderNotice, type PrintPorts } from '../notices';
import { loadPrinterSettings, setPrinter } from '../../print/settings';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

export function noticeHandlers(ws: Workstation, ports: PrintPorts): Pick<HandlerTable, 'notice.kinds' | 'notice.render' | 'notice.print' | 'print.settings' | 'print.setPrinter'> {
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
