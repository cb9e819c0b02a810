// The official PRC public-holiday schedule (法定节假日 and 调休). Each year the State Council
// General Office publishes a notice in November for the following year; the app ships the
// years below and accepts an updated calendar document (validated by WorkCalendar).
import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD (zod's ISO date check knows month lengths and leap years). */
const isoDate = z.iso.date({ message: '日期应为有效的 YYYY-MM-DD 日期' });

export const HolidayYear = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Days off (holidays and the weekdays swapped into the break). */
    holidays: z.array(isoDate),
    /** Weekend days that are working days (调休上班). */
    workdays: z.array(isoDate),
    /** The notice the data was taken from. */
    source: z.string().max(200).optional(),
  })
  .refine((y) => [...y.holidays, ...y.workdays].every((d) => d.startsWith(`${y.year}-`)), {
    message: '日期须属于该年份',
  });
export type HolidayYear = z.infer<typeof HolidayYear>;

export const WorkCalendar = z
  .object({
    /** Grows by one per published update, so a device keeps the newest calendar. */
    version: z.number().int().min(1),
    years: z.array(HolidayYear).min(1),
  })
  .refine((c) => new Set(c.years.map((y) => y.year)).size === c.years.length, { message: '年份不能重复' });
export type WorkCalendar = z.infer<typeof WorkCalendar>;

/** Expands 'start'..'end' (inclusive) into every date between, for readable data below. */
function span(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）. */
const Y2025: HolidayYear = {
  year: 2025,
  source: '国办发明电〔2024〕12号',
  holidays: [
    '2025-01-01', // 元旦
    ...span('2025-01-28', '2025-02-04'), // 春节
    ...span('2025-04-04', '2025-04-06'), // 清明节
    ...span('2025-05-01', '2025-05-05'), // 劳动节
    ...span('2025-05-31', '2025-06-02'), // 端午节
    ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
  ],
  workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

/**
 * 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）.
 * Checked against several republications of the Xinhua text of the notice.
 */
const Y2026: HolidayYear = {
  year: 2026,
  source: '国办发明电〔2025〕7号',
  holidays: [
    ...span('2026-01-01', '2026-01-03'), // 元旦
    ...span('2026-02-15', '2026-02-23'), // 春节
    ...span('2026-04-04', '2026-04-06'), // 清明节
    ...span('2026-05-01', '2026-05-05'), // 劳动节
    ...span('2026-06-19', '2026-06-21'), // 端午节
    ...span('2026-09-25', '2026-09-27'), // 中秋节
    ...span('2026-10-01', '2026-10-07'), // 国庆节
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** The calendar shipped with the app. */
export const BUILTIN_CALENDAR: WorkCalendar = WorkCalendar.parse({ version: 1, years: [Y2025, Y2026] });
