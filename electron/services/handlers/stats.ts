import type { HandlerTable } from '../dispatch';
import type { PrintPorts } from '../notices';
import { windowCases } from '../../store/stats';
import { windowBadRatings } from '../../store/badRatings';
import { windowDashboard, windowPeriod } from '../../../shared/stats/window';
import { handover, printHandover, type HandoverDeps } from '../handover';
import { chinaDay } from '../../../shared/time';
import { WINDOW_EXPORT_LABEL, WINDOW_PERIOD_LABEL, type WindowPeriod } from '../../../shared/stats/window';
import { handoverSheet, queueSheet, windowStatsSheets, workbook, type Sheet } from '../exports';
import { todayQueue, type QueueDeps } from './cases';

type StatsDeps = HandoverDeps & QueueDeps;

export function statsHandlers(ws: StatsDeps, ports: PrintPorts): Pick<HandlerTable, 'stats.window' | 'stats.badRatings' | 'stats.handover' | 'stats.printHandover' | 'export.xlsx'> {
  const dashboard = (period: WindowPeriod) => {
    const now = ws.now();
    const since = chinaDay(new Date(windowPeriod(period, now).from));
    return windowDashboard(windowCases(ws.db, since), period, now);
  };
  const badRatings = () => windowBadRatings(ws.db, chinaDay(ws.now()));
  return {
    'stats.window': ({ period }) => dashboard(period),
    'stats.badRatings': () => ({ lines: badRatings() }),
    // The same results as the screens' own channels, so the workbook holds what is shown.
    'export.xlsx': async ({ table, period }) => {
      const sheets: Sheet[] = table === 'queue' ? [queueSheet(todayQueue(ws).cases)]
        : table === 'handover' ? [handoverSheet(handover(ws).lines)]
        : windowStatsSheets(dashboard(period), badRatings());
      const day = chinaDay(ws.now());
      const what = table === 'windowStats' ? `${WINDOW_EXPORT_LABEL[table]}（${WINDOW_PERIOD_LABEL[period]}）` : WINDOW_EXPORT_LABEL[table];
      return { fileName: `${what}-${ws.window().name}-${day}.xlsx`, dataBase64: (await workbook(sheets)).toString('base64') };
    },
    'stats.handover': () => handover(ws),
    'stats.printHandover': () => printHandover(ws, ports),
  };
}
