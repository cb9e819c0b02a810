// Working-day arithmetic for promised deadlines (承诺时限) and supplement deadlines.
// Dates are 'YYYY-MM-DD' strings in China's calendar; arithmetic is done on UTC midnights so
// the machine's time zone never shifts a day.
import type { WorkCalendar } from './holidays';

const DAY_MS = 86_400_000;

function toTime(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Invalid date: ${date}`);
  }
  return t;
}
const toDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Lookup sets built once per calendar object. */
const indexCache = new WeakMap<WorkCalendar, { off: Set<string>; on: Set<string>; years: Set<number> }>();
function index(cal: WorkCalendar) {
  let ix = indexCache.get(cal);
  if (!ix) {
    ix = {
      off: new Set(cal.years.flatMap((y) => y.holidays)),
      on: new Set(cal.years.flatMap((y) => y.workdays)),
      years: new Set(cal.years.map((y) => y.year)),
    };
    indexCache.set(cal, ix);
  }
  return ix;
}

/**
 * Whether the calendar knows the holidays of the date's year. Outside it, weekends alone are
 * counted, which can be wrong: the UI should warn that the holiday calendar needs updating.
 */
export function calendarCovers(date: string, cal: WorkCalendar): boolean {
  toTime(date);
  return index(cal).years.has(Number(date.slice(0, 4)));
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const day = new Date(toTime(date)).getUTCDay();
  const ix = index(cal);
  if (ix.on.has(date)) return true;
  if (ix.off.has(date)) return false;
  return day !== 0 && day !== 6;
}

/**
 * The date n working days after startDate. The day of acceptance does not count (n = 1 is the
 * next working day); n = 0 returns startDate itself (即办件, finished the same day).
 */
export function addWorkingDays(startDate: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer: ${n}`);
  let t = toTime(startDate);
  for (let left = n; left > 0; ) {
    t += DAY_MS;
    if (isWorkingDay(toDate(t), cal)) left--;
  }
  return toDate(t);
}

/**
 * Working days d with from < d ≤ to, so that workingDaysBetween(a, addWorkingDays(a, n)) = n.
 * Negative when `to` is before `from` (an overdue deadline: how many working days late).
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const a = toTime(from);
  const b = toTime(to);
  if (b < a) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let t = a + DAY_MS; t <= b; t += DAY_MS) if (isWorkingDay(toDate(t), cal)) count++;
  return count;
}
