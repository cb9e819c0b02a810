import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';
import type { PrintPorts } from '../notices';
import { windowCases } from '../../store/stats';
import { windowBadRatings } from '../../store/badRatings';
import { windowDashboard, windowPeriod } from '../../../shared/stats/window';
import { handover, printHandover } from '../handover';
import { chinaDay } from '../../../shared/time';

export function statsHandlers(ws: Workstation, ports: PrintPorts): Pick<HandlerTable, 'stats.window' | 'stats.badRatings' | 'stats.handover' | 'stats.printHandover'> {
  return {
    'stats.window': ({ period }) => {
      const now = ws.now();
      const since = chinaDay(new Date(windowPeriod(period, now).from));
      return windowDashboard(windowCases(ws.db, since), period, now);
    },
    'stats.badRatings': () => ({ lines: windowBadRatings(ws.db, chinaDay(ws.now())) }),
    'stats.handover': () => handover(ws),
    'stats.printHandover': () => printHandover(ws, ports),
  };
}
