// 超时预警 rules (shared/domain/timeliness.ts): 立等可取 against the tier's minutes, 承诺件 against
// the promised date in working days (holiday calendar), 容缺 supplements falling due.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseDeadline, IMMEDIATE_WARN_MINUTES, SUPPLEMENT_WARN_WORKDAYS, supplementDue, windowDeadlines, type DeadlineCase } from '../../shared/domain/timeliness';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';
import { addWorkingDays, workingDaysBetween } from '../../shared/calendar/workdays';
import { TIER_MINUTES, IMMEDIATE_TIERS } from '../../shared/domain/catalogue';
import { CASE_STATUSES } from '../../shared/domain/case';
import { chinaDay } from '../../shared/time';

const cal = BUILTIN_CALENDAR;
const base: DeadlineCase = {
  caseId: 'c1', caseNumber: '210100-01-20261127-0001', itemName: '事项', applicantName: '王小明', status: 'accepted', reviewStatus: null,
  tier: null, dueAt: null, promisedDate: null, supplementDeadline: null, suspension: null,
};
const NOW_RANGE = { min: Date.parse('2026-01-05T00:00:00Z'), max: Date.parse('2026-12-20T00:00:00Z') };

describe('立等可取', () => {
  it('即将超时 within the warning minutes, 已超时 after the tier ends, never once 办结 or not 受理', () => {
    fc.assert(
      fc.property(
        fc.integer(NOW_RANGE), fc.constantFrom(...IMMEDIATE_TIERS), fc.integer({ min: -300, max: 300 }), fc.constantFrom(...CASE_STATUSES),
        (acceptedMs, tier, offsetMin, status) => {
          const dueMs = acceptedMs + TIER_MINUTES[tier] * 60_000;
          const now = new Date(dueMs - offsetMin * 60_000 - 1); // offsetMin minutes (and a ms) before the due time
          const a = caseDeadline({ ...base, status, tier, dueAt: new Date(dueMs).toISOString() }, now, cal);
          if (status !== 'accepted') return a === null;
          // ms left = offsetMin minutes + 1 ms: whole minutes rounded toward zero, like the countdown.
          if (offsetMin < 0) return a?.band === 'overdue' && a.minutesLeft === offsetMin + 1;
          if (offsetMin < IMMEDIATE_WARN_MINUTES && a?.minutesLeft !== offsetMin) return false;
          if (offsetMin < IMMEDIATE_WARN_MINUTES) return a?.band === 'dueSoon' && a.kind === 'immediate';
          return a === null;
        },
      ),
    );
  });
});

describe('承诺件', () => {
  it('即将超时 with one working day or less left, 已超时 after the promised date, by the holiday calendar', () => {
    fc.assert(
      fc.property(fc.integer(NOW_RANGE), fc.integer({ min: -10, max: 10 }), (nowMs, n) => {
        const now = new Date(nowMs);
        const today = chinaDay(now);
        const promised = n >= 0 ? addWorkingDays(today, n, cal) : new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        const a = caseDeadline({ ...base, promisedDate: promised }, now, cal);
        if (promised < today) return a?.band === 'overdue' && a.workingDaysLeft! <= 0;
        if (workingDaysBetween(today, promised, cal) <= 1) return a?.band === 'dueSoon' && a.due === promised;
        return a === null;
      }),
    );
  });

  it('the National Day holiday counts: 2026-09-30 promised 2026-10-08 is still two working days ahead', () => {
    // 1–7 Oct 2026 are holidays; 8 Oct is the first working day after them.
    const now = new Date('2026-09-30T02:00:00Z');
    expect(caseDeadline({ ...base, promisedDate: '2026-10-09' }, now, cal)).toBeNull();
    expect(caseDeadline({ ...base, promisedDate: '2026-10-08' }, now, cal)).toMatchObject({ band: 'dueSoon', workingDaysLeft: 1 });
  });

  it('a final back-office decision, 待取件 or a 挂起 within its limit stops the warning', () => {
    const now = new Date('2026-11-30T02:00:00Z');
    const late = { ...base, promisedDate: '2026-11-20' };
    expect(caseDeadline(late, now, cal)?.band).toBe('overdue');
    expect(caseDeadline({ ...late, reviewStatus: 'approved' }, now, cal)).toBeNull();
    expect(caseDeadline({ ...late, reviewStatus: 'readyForPickup' }, now, cal)).toBeNull();
    const suspension = { since: '2026-11-18', until: '2026-12-10', reason: '鉴定', promisedDateAtLimit: '2026-12-30', by: '3011' };
    expect(caseDeadline({ ...late, suspension }, now, cal)).toBeNull();
    expect(caseDeadline({ ...late, status: 'completed' }, now, cal)).toBeNull();
  });
});

describe('容缺 supplements', () => {
  it('listed within the warning working days or past, only while 待补正', () => {
    fc.assert(
      fc.property(fc.integer(NOW_RANGE), fc.integer({ min: -5, max: 12 }), fc.constantFrom(...CASE_STATUSES), (nowMs, n, status) => {
        const now = new Date(nowMs);
        const today = chinaDay(now);
        const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        const s = supplementDue({ ...base, status, supplementDeadline: deadline }, now, cal);
        if (status !== 'awaitingSupplement') return s === null;
        if (deadline < today) return s?.overdue === true;
        return workingDaysBetween(today, deadline, cal) <= SUPPLEMENT_WARN_WORKDAYS ? s?.overdue === false : s === null;
      }),
    );
  });

  it('the window list: overdue first, then the soonest; counts match the alerts', () => {
    const now = new Date('2026-11-30T02:00:00Z');
    const r = windowDeadlines(
      [
        { ...base, caseId: 'a', caseNumber: 'A', promisedDate: '2026-12-01' },
        { ...base, caseId: 'b', caseNumber: 'B', tier: 'within30', dueAt: '2026-11-30T01:50:00Z' },
        { ...base, caseId: 'c', caseNumber: 'C', promisedDate: '2026-12-20' },
        { ...base, caseId: 'd', caseNumber: 'D', status: 'awaitingSupplement', promisedDate: '2026-12-20', supplementDeadline: '2026-12-01' },
      ],
      now,
      cal,
    );
    expect(r.alerts.map((a) => [a.caseId, a.band])).toEqual([['b', 'overdue'], ['a', 'dueSoon']]);
    expect(r).toMatchObject({ overdue: 1, dueSoon: 1 });
    expect(r.supplements.map((s) => s.caseId)).toEqual(['d']);
  });
});
