import { AppError } from '../../../shared/errors';
import { getCaseRow } from '../../store/cases';
import { noticeKindsFor, printNotice, renderNotice, type PrintPorts } from '../notices';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

export function noticeHandlers(ws: Workstation, ports: PrintPorts): Pick<HandlerTable, 'notice.kinds' | 'notice.render' | 'notice.print'> {
  return {
    'notice.kinds': ({ caseId }) => {
      const row = getCaseRow(ws.db, caseId);
      if (!row) throw new AppError('not_found', '找不到该办件');
      return { kinds: noticeKindsFor(row) };
    },
    'notice.render': async ({ caseId, kind, layout }) => ({ html: await renderNotice(ws, caseId, kind, layout) }),
    'notice.print': ({ caseId, kind, layout }) => printNotice(ws, ports, caseId, kind, layout),
  };
}
