// case.deadlines on a real SQLite file: this window's 立等可取 and 承诺件 near or past their time,
// 容缺 supplements falling due, on the workstation's clock and holiday calendar; another
// window's cases are not this window's alarm; the query stays on the (status, day) index.
import { describe, expect, it } from 'vitest';
import { testWorkstation, testClock, PERSON, ORG } from '../helpers/workstation';
import type { Workstation } from '../../electron/services/workstation';
import type { Envelope } from '../../shared/errors';
import type { WindowDeadlines } from '../../shared/domain/timeliness';
import { openOfWindowPlan } from '../../electron/store/cases';
import { setSetting } from '../../electron/store/settings';
import { testCatalogue } from '../fixtures/catalogue';

async function call<T = unknown>(ws: Workstation, channel: string, input: unknown): Promise<T> {
  const r = (await ws.dispatch(channel, input)) as Envelope<T>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
const immediate = (startedAt: string) => ({
  itemCode: 'T0000000001', answers: { who: 'self' }, marks: { form: { mark: 'verified' }, id: { mark: 'eCert' } }, applicant: PERSON, agent: null, decision: 'accept', startedAt,
});
const promised = (startedAt: string, over: Record<string, unknown> = {}) => ({
  itemCode: 'T0000000002', answers: {}, marks: { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'verified' } }, applicant: ORG, agent: null,
  decision: 'accept', startedAt, ...over,
});

describe('超时预警 of this window (case.deadlines)', () => {
  it('counts a 立等可取 case near and past its tier, a 承诺件 on its last day, and lists 容缺 supplements due', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z'); // Friday 09:00
    const ws = testWorkstation({ now: clock.now });
    const quick = await call<{ caseId: string; caseNumber: string }>(ws, 'case.decide', immediate(clock.now().toISOString()));
    const slow = await call<{ caseId: string }>(ws, 'case.decide', promised(clock.now().toISOString())); // promised 2026-12-04
    const deferred = await call<{ caseId: string }>(ws, 'case.decide', promised(clock.now().toISOString(), {
      marks: { apply: { mark: 'verified' }, layout: { mark: 'verified' }, rules: { mark: 'deferred' } }, decision: 'acceptWithDeferral',
      deferral: { commitment: '三个工作日内补齐', supplementDeadline: '2026-12-02' },
    }));

    let d = await call<WindowDeadlines>(ws, 'case.deadlines', {});
    expect(d).toMatchObject({ overdue: 0, dueSoon: 0, alerts: [] });
    // Mon 30, Tue 1, Wed 2: the supplement is due in three working days, so it is listed already.
    expect(d.supplements).toEqual([expect.objectContaining({ caseId: deferred.caseId, workingDaysLeft: 3, overdue: false })]);
    clock.set('2026-11-27T01:21:00.000Z'); // 9 minutes left of 极速办 (30 min)
    d = await call<WindowDeadlines>(ws, 'case.deadlines', {});
    expect(d.alerts).toEqual([expect.objectContaining({ caseId: quick.caseId, kind: 'immediate', band: 'dueSoon', minutesLeft: 9 })]);
    clock.set('2026-11-27T01:31:00.000Z');
    d = await call<WindowDeadlines>(ws, 'case.deadlines', {});
    expect(d).toMatchObject({ overdue: 1, dueSoon: 0 });
    expect(d.alerts[0]).toMatchObject({ caseId: quick.caseId, band: 'overdue', applicantName: PERSON.name });

    await call(ws, 'case.complete', { caseId: quick.caseId }); // 办结: no longer running late
    clock.set('2026-12-03T02:00:00.000Z'); // Thursday: the 承诺件 is due tomorrow, the supplement was due yesterday
    d = await call<WindowDeadlines>(ws, 'case.deadlines', {});
    expect(d.alerts.map((a) => [a.caseId, a.kind, a.band, a.workingDaysLeft])).toEqual([
      [slow.caseId, 'promised', 'dueSoon', 1],
      [deferred.caseId, 'promised', 'dueSoon', 1], // the 容缺 case runs against the same promise
    ]);
    expect(d.supplements).toEqual([expect.objectContaining({ caseId: deferred.caseId, deadline: '2026-12-02', overdue: true })]);
    clock.set('2026-12-07T02:00:00.000Z'); // Monday after the promised Friday
    d = await call<WindowDeadlines>(ws, 'case.deadlines', {});
    expect(d.alerts.find((a) => a.caseId === slow.caseId)).toMatchObject({ band: 'overdue', workingDaysLeft: -1 });
    ws.close();
  });

  it('cases of another window on the same machine are not counted', async () => {
    const clock = testClock('2026-11-27T01:00:00.000Z');
    const catalogue = { ...testCatalogue, windows: [...testCatalogue.windows, { code: '02', officeCode: '210100', name: '2号窗口', kind: 'general' as const, departmentCodes: [] }] };
    const ws = testWorkstation({ now: clock.now, catalogue });
    await call(ws, 'case.decide', immediate(clock.now().toISOString()));
    setSetting(ws.db, 'device.windowCode', '02');
    ws.placementChanged();
    clock.set('2026-11-27T02:00:00.000Z');
    expect((await call<WindowDeadlines>(ws, 'case.deadlines', {})).overdue).toBe(0);
    setSetting(ws.db, 'device.windowCode', '01');
    ws.placementChanged();
    expect((await call<WindowDeadlines>(ws, 'case.deadlines', {})).overdue).toBe(1);
    expect(openOfWindowPlan(ws.db).join(' ')).toMatch(/USING INDEX cases_status_day/);
    ws.close();
  });
});
