import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILTIN_CALENDAR as cal, WorkCalendar } from '../../shared/calendar/holidays';
import { addWorkingDays, calendarCovers, isWorkingDay, workingDaysBetween } from '../../shared/calendar/workdays';

describe('isWorkingDay', () => {
  it.each([
    ['2025-01-26', true, '春节调休上班的星期日'],
    ['2025-01-28', false, '除夕'],
    ['2025-02-04', false, '春节最后一天（星期二）'],
    ['2025-02-08', true, '春节后调休上班的星期六'],
    ['2025-10-08', false, '国庆中秋第八天（星期三）'],
    ['2025-10-11', true, '国庆后调休上班的星期六'],
    ['2025-10-09', true, '节后第一个工作日'],
    ['2026-01-04', true, '元旦调休上班的星期日'],
    ['2026-02-23', false, '正月初七（星期一）'],
    ['2026-02-28', true, '调休上班的星期六'],
    ['2026-05-09', true, '劳动节调休上班的星期六'],
    ['2026-09-25', false, '中秋节（星期五）'],
    ['2026-09-20', true, '国庆调休上班的星期日'],
    ['2026-10-07', false, '国庆第七天（星期三）'],
    ['2026-03-14', false, '普通星期六'],
    ['2026-03-16', true, '普通星期一'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it('rejects impossible dates', () => {
    expect(() => isWorkingDay('2026-02-30', cal)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-16', 0, '2026-03-16', 'n = 0 is the same day'],
    ['2026-03-14', 0, '2026-03-14', 'n = 0 is the same day even on a weekend'],
    ['2026-03-16', 1, '2026-03-17', 'acceptance day does not count'],
    ['2026-03-13', 1, '2026-03-16', 'over a plain weekend'],
    ['2025-01-24', 1, '2025-01-26', 'into the 调休 Sunday before 春节'],
    ['2025-01-24', 3, '2025-02-05', 'across the 2025 春节 break'],
    ['2025-01-24', 6, '2025-02-08', 'onto the 调休 Saturday after 春节'],
    ['2025-09-26', 1, '2025-09-28', '国庆 2025: 调休 Sunday'],
    ['2025-09-26', 4, '2025-10-09', '国庆 2025: across the eight-day break'],
    ['2025-09-26', 6, '2025-10-11', '国庆 2025: onto the 调休 Saturday'],
    ['2025-12-31', 1, '2026-01-04', 'across the year into the 元旦 调休 Sunday'],
    ['2026-02-13', 1, '2026-02-14', '春节 2026: 调休 Saturday'],
    ['2026-02-13', 2, '2026-02-24', '春节 2026: across the nine-day break'],
    ['2026-09-18', 20, '2026-10-22', '法定时限 20 working days across 中秋 and 国庆'],
  ])('%s + %i → %s (%s)', (start, n, expected) => {
    expect(addWorkingDays(start, n, cal)).toBe(expected);
  });

  it('is the inverse of workingDaysBetween', () => {
    expect(workingDaysBetween('2026-09-18', '2026-10-22', cal)).toBe(20);
    expect(workingDaysBetween('2026-10-22', '2026-09-18', cal)).toBe(-20);
    expect(workingDaysBetween('2026-03-16', '2026-03-16', cal)).toBe(0);
  });
});

const dateArb = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('working-day properties', () => {
  it('the result is a working day for n ≥ 1 and strictly increases with n', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 40 }), (start, n) => {
      const a = addWorkingDays(start, n, cal);
      const b = addWorkingDays(start, n + 1, cal);
      expect(isWorkingDay(a, cal)).toBe(true);
      expect(a > start).toBe(true);
      expect(b > a).toBe(true);
    }));
  });

  it('workingDaysBetween counts back exactly n', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 0, max: 60 }), (start, n) => {
      expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
    }));
  });
});

describe('WorkCalendar', () => {
  it('knows which years it covers', () => {
    expect(calendarCovers('2026-06-01', cal)).toBe(true);
    expect(calendarCovers('2027-02-10', cal)).toBe(false);
  });

  it('imports an updated calendar and uses it', () => {
    const updated = WorkCalendar.parse({ version: 2, years: [...cal.years, { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-09'] }] });
    expect(isWorkingDay('2027-01-01', updated)).toBe(false);
    expect(isWorkingDay('2027-01-09', updated)).toBe(true);
    expect(addWorkingDays('2026-12-31', 1, updated)).toBe('2027-01-04');
  });

  it.each([
    [{ version: 1, years: [{ year: 2027, holidays: ['2027-02-30'], workdays: [] }] }, '日期应为有效的 YYYY-MM-DD 日期'],
    [{ version: 1, years: [{ year: 2027, holidays: ['2027/01/01'], workdays: [] }] }, '日期应为有效的 YYYY-MM-DD 日期'],
    [{ version: 1, years: [{ year: 2027, holidays: ['2026-01-01'], workdays: [] }] }, '日期须属于该年份'],
    [{ version: 1, years: [{ year: 2027, holidays: [], workdays: [] }, { year: 2027, holidays: [], workdays: [] }] }, '年份不能重复'],
  ])('refuses a bad calendar document (%#: %s)', (doc, message) => {
    const r = WorkCalendar.safeParse(doc);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('ships 2025 and 2026 with the published day counts', () => {
    const y = (n: number) => cal.years.find((x) => x.year === n)!;
    expect([y(2025).holidays.length, y(2025).workdays.length]).toEqual([28, 5]);
    expect([y(2026).holidays.length, y(2026).workdays.length]).toEqual([33, 6]);
    for (const year of cal.years) for (const d of year.workdays) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
  });
});
