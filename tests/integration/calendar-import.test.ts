// The holiday calendar ships with the app and can be updated when the State Council
// publishes next year's schedule; promised dates then count the new holidays.
import { describe, expect, it } from 'vitest';
import { testWorkstation, testClock, ORG } from '../helpers/workstation';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';

const cal2027 = {
  version: BUILTIN_CALENDAR.version + 1,
  years: [...BUILTIN_CALENDAR.years, { year: 2027, holidays: ['2027-01-01', '2027-01-04'], workdays: [], source: '测试用日历' }],
};

describe('calendar update', () => {
  it('counts imported holidays in promised dates; only a supervisor may import; older versions are refused', async () => {
    const clock = testClock('2026-12-28T01:00:00.000Z'); // Monday 28 Dec 2026
    const ws = testWorkstation({ now: clock.now });
    const status = await ws.dispatch('calendar.status', {});
    expect(status).toMatchObject({ ok: true, value: { coversToday: true } });
    expect((await ws.dispatch('calendar.import', { json: JSON.stringify(cal2027) })).ok).toBe(false); // clerk
    ws.session.clerk = { ...ws.session.clerk!, role: 'supervisor' };
    const bad = await ws.dispatch('calendar.import', { json: JSON.stringify({ version: 9, years: [{ year: 2027, holidays: ['2027-02-30'], workdays: [] }] }) });
    expect(bad.ok ? null : bad.error.details?.[0].message).toMatch(/日期/);
    const ok = await ws.dispatch('calendar.import', { json: JSON.stringify(cal2027) });
    expect(ok).toMatchObject({ ok: true, value: { version: cal2027.version, years: [2025, 2026, 2027] } });
    expect((await ws.dispatch('calendar.import', { json: JSON.stringify(cal2027) })).ok).toBe(false); // not newer

    const marks = { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'verified' } };
    const r = await ws.dispatch('case.decide', { itemCode: 'T0000000002', answers: {}, marks, applicant: ORG, agent: null, decision: 'accept', startedAt: clock.now().toISOString() });
    if (!r.ok) throw new Error(r.error.message);
    const d = await ws.dispatch('case.get', { caseId: (r.value as { caseId: string }).caseId });
    // 5 working days from Mon 28 Dec: 29, 30, 31, (1 Jan and 4 Jan off) 5, 6 Jan
    expect(d.ok && (d.value as { summary: { promisedDate: string } }).summary.promisedDate).toBe('2027-01-06');
  });
});
