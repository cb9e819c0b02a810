import { chinaDay } from '../../../shared/time';
import { audit } from '../../store/audit';
import { calendarStatus, importCalendar } from '../calendar';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

type CalendarDeps = Pick<Workstation, 'db' | 'now' | 'session' | 'calendarChanged'>;

export function calendarHandlers(ws: CalendarDeps): Pick<HandlerTable, 'calendar.status' | 'calendar.import'> {
  return {
    'calendar.status': () => calendarStatus(ws.db, chinaDay(ws.now())),
    'calendar.import': ({ json }) => {
      const cal = importCalendar(ws.db, json);
      ws.calendarChanged();
      audit(ws.db, 'calendar.import', ws.session.clerk!.staffNo, { version: cal.version });
      return calendarStatus(ws.db, chinaDay(ws.now()));
    },
  };
}
