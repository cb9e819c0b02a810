// The working-day calendar: the one built into this release, unless a newer one (the State
// Council publishes next year's holidays each November) was imported or synced.
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/settings';
import { BUILTIN_CALENDAR, WorkCalendar } from '../../shared/calendar/holidays';
import { calendarCovers } from '../../shared/calendar/workdays';
import { AppError, zodDetails } from '../../shared/errors';

const KEY = 'calendar.json';

export function currentCalendar(db: Db): WorkCalendar {
  const stored = getSetting(db, KEY);
  if (!stored) return BUILTIN_CALENDAR;
  const parsed = WorkCalendar.safeParse(JSON.parse(stored));
  return parsed.success && parsed.data.version > BUILTIN_CALENDAR.version ? parsed.data : BUILTIN_CALENDAR;
}

export function importCalendar(db: Db, json: string): WorkCalendar {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new AppError('invalid_input', `不是有效的 JSON 文件：${(e as Error).message}`);
  }
  const parsed = WorkCalendar.safeParse(data);
  if (!parsed.success) throw new AppError('invalid_input', '节假日日历文件不符合要求，未导入', zodDetails(parsed.error));
  const current = currentCalendar(db);
  if (parsed.data.version <= current.version) {
    throw new AppError('conflict', `导入的日历版本（${parsed.data.version}）不比当前版本（${current.version}）新，未导入`);
  }
  setSetting(db, KEY, JSON.stringify(parsed.data));
  return parsed.data;
}

export function calendarStatus(db: Db, today: string) {
  const cal = currentCalendar(db);
  return { version: cal.version, years: cal.years.map((y) => y.year), coversToday: calendarCovers(today, cal) };
}
