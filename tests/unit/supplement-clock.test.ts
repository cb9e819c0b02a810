// 需补正 at the window (shared/domain/supplementClock.ts and its use in caseState.ts): properties
// over random histories of a 立等可取 case under review — the clock stands still exactly while
// the applicant is away, the countdown and the time to 办结 agree, 办结 waits until the
// supplement is recorded and the department goes on, and the 补正告知书 names exactly the
// failed materials of the latest 需补正.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedActions, applyEvent, completeBlocker, noticeKinds, projectCase, type CaseState } from '../../shared/domain/caseState';
import type { CaseEvent, CaseEventBody } from '../../shared/domain/caseEvents';
import { immediateClock, runningSeconds, supplementPagesProblem, supplementWait } from '../../shared/domain/supplementClock';
import { caseDeadline } from '../../shared/domain/timeliness';
import { TIER_MINUTES } from '../../shared/domain/catalogue';
import { BUILTIN_CALENDAR } from '../../shared/calendar/holidays';

const CASE = '01900000-0000-7000-8000-000000000002';
const T0 = Date.UTC(2026, 11, 1, 1, 0);
const iso = (second: number) => new Date(T0 + second * 1000).toISOString();
let n = 0;
const event = (body: CaseEventBody, second: number): CaseEvent => ({ ...body, id: `e${++n}`, caseId: CASE, at: iso(second), staffNo: '1001' }) as CaseEvent;
const MATERIALS = ['m1', 'm2', 'm3'];

const start = (): CaseState => {
  const r = projectCase([
    event({ type: 'case.opened', payload: {
      itemCode: 'X1', catalogueVersion: 1, caseNumber: '210100-01-20261201-0001-K', officeCode: '210100', windowCode: '01',
      applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' }, agent: null, answers: {},
      marks: { m1: { mark: 'verified' }, m2: { mark: 'verified' }, m3: { mark: 'verified' } },
    } }, 0),
    event({ type: 'case.decided', payload: { decision: 'accept', caseNumber: '210100-01-20261201-0001-K', tier: 'within60', promisedDate: null, missing: [] } }, 0),
  ]);
  if (!r.ok) throw new Error(r.problem);
  return r.state;
};

type Step =
  | { kind: 'review'; status: 'needsSupplement' | 'reviewing' | 'approved'; failed: string[] }
  | { kind: 'pages'; supplement: boolean; materials: string[] };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('review' as const), status: fc.constantFrom('needsSupplement' as const, 'reviewing' as const, 'approved' as const), failed: fc.subarray(MATERIALS) }),
  fc.record({ kind: fc.constant('pages' as const), supplement: fc.boolean(), materials: fc.subarray(MATERIALS, { minLength: 1 }) }),
);
let page = 0;
const bodyOf = (s: Step): CaseEventBody =>
  s.kind === 'review'
    ? { type: 'review.status', payload: {
        status: s.status, reason: s.status === 'needsSupplement' ? '材料不清' : null, note: null, decidedBy: '审批员', statusEventId: `s${++page}`, serverSeq: page,
        materials: MATERIALS.map((m) => ({ materialId: m, verdict: s.failed.includes(m) && s.status === 'needsSupplement' ? 'failed' as const : 'passed' as const, reason: s.failed.includes(m) ? `${m} 不清` : null })),
      } }
    : { type: 'case.pagesAttached', payload: {
        supplement: s.supplement || undefined,
        pages: s.materials.map((materialId) => ({ pageId: `p${++page}`, materialId, sha256: 'a'.repeat(64), bytes: 1000, contentType: 'image/webp', width: 100, height: 100, colour: 'grey', takenAt: iso(0) })),
      } };

/** The reference: seconds the clock stood still, read straight off the history. */
function referencePause(history: Array<{ step: Step; second: number }>, now: number): { paused: number; since: number | null; waiting: 'none' | 'applicant' | 'department'; failed: string[] | null } {
  let paused = 0;
  let since: number | null = null;
  let waiting: 'none' | 'applicant' | 'department' = 'none';
  let failed: string[] | null = null;
  for (const { step, second } of history) {
    if (step.kind === 'review') {
      if (step.status === 'needsSupplement') {
        since ??= second;
        waiting = 'applicant';
        failed = MATERIALS.filter((m) => step.failed.includes(m));
      } else {
        if (since !== null) paused += Math.max(0, second - since);
        since = null;
        waiting = 'none';
      }
    } else if (step.supplement && waiting === 'applicant') {
      paused += Math.max(0, second - since!);
      since = null;
      waiting = 'department';
    }
  }
  return { paused: paused + (since !== null ? now - since : 0), since, waiting, failed };
}

const gapsArb = (len: number) => fc.array(fc.integer({ min: 0, max: 1800 }), { minLength: len, maxLength: len });

describe('需补正 stops the 立等可取 clock', () => {
  it('stands still exactly while the applicant is away; countdown, 办结 time and warnings agree', () => {
    const cal = BUILTIN_CALENDAR;
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 8 }).chain((steps) => fc.tuple(fc.constant(steps), gapsArb(steps.length), fc.integer({ min: 0, max: 7200 }))), ([steps, gaps, after]) => {
        let s = start();
        let second = 60;
        const history: Array<{ step: Step; second: number }> = [];
        steps.forEach((step, i) => {
          second += gaps[i];
          const r = applyEvent(s, event(bodyOf(step), second));
          if (!r.ok) throw new Error(r.problem);
          s = r.state;
          history.push({ step, second });
        });
        const now = new Date(T0 + (second + after) * 1000);
        const ref = referencePause(history, second + after);
        const tierSeconds = TIER_MINUTES.within60 * 60;

        // The time to 办结 leaves out exactly the time the clock stood still.
        expect(runningSeconds({ decidedAt: s.decidedAt!, clockPausedAt: s.clockPausedAt, pausedSeconds: s.pausedSeconds }, now)).toBe(second + after - ref.paused);
        expect(s.clockPausedAt).toBe(ref.since === null ? null : iso(ref.since));
        // The countdown says what is left of the tier after that running time, frozen while paused.
        const clock = immediateClock(s, now)!;
        expect(clock.paused).toBe(ref.since !== null);
        expect(clock.remainingMs).toBe((tierSeconds - (second + after - ref.paused)) * 1000);
        if (clock.paused) expect(immediateClock(s, new Date(now.getTime() + 3600_000))!.remainingMs).toBe(clock.remainingMs);
        // No 超时 warning while it stands still; the usual ones otherwise.
        const alert = caseDeadline({ caseId: s.id, caseNumber: s.caseNumber, itemName: '', applicantName: '', status: 'accepted', reviewStatus: s.reviewStatus, tier: s.tier, dueAt: s.dueAt, clockPausedAt: s.clockPausedAt, promisedDate: null, supplementDeadline: null, suspension: null }, now, cal);
        if (clock.paused) expect(alert).toBeNull();
        else expect(alert?.band ?? null).toBe(clock.remainingMs < 0 ? 'overdue' : clock.remainingMs <= 10 * 60_000 ? 'dueSoon' : null);

        // 办结 waits while the 需补正 is open, with the reason the clerk must act on.
        expect(supplementWait(s)).toBe(ref.waiting);
        const b = completeBlocker(s);
        expect(b === null).toBe(ref.waiting === 'none');
        expect(allowedActions(s, '2026-12-01').includes('complete')).toBe(ref.waiting === 'none');
        if (ref.waiting === 'applicant') expect(b?.message).toContain('请先记录申请人补正的材料');
        if (ref.waiting === 'department') expect(b?.message).toContain('等待后台审核');

        // The 补正告知书 lists exactly the failed materials of the latest 需补正, printable again later.
        expect(s.supplementRequest?.materials.map((m) => m.materialId) ?? null).toEqual(ref.failed);
        expect(noticeKinds(s).includes('supplementRequest')).toBe((ref.failed?.length ?? 0) > 0);
      }),
      { numRuns: 400 },
    );
  });

  it('a supplement needs a new page of every failed material, and only while the applicant is awaited', () => {
    let s = start();
    const r = applyEvent(s, event(bodyOf({ kind: 'review', status: 'needsSupplement', failed: ['m1', 'm3'] }), 120));
    if (!r.ok) throw new Error(r.problem);
    s = r.state;
    const names = (id: string) => ({ m1: '身份证', m3: '申请表' })[id] ?? id;
    expect(supplementPagesProblem(s, new Set(['m1']), names)).toBe('请为每项需补正的材料扫描新的页面，尚缺：申请表');
    expect(supplementPagesProblem(s, new Set(['m1', 'm3', 'm2']), names)).toBeNull();
    const done = applyEvent(s, event(bodyOf({ kind: 'pages', supplement: true, materials: ['m1', 'm3'] }), 600));
    if (!done.ok) throw new Error(done.problem);
    expect(supplementPagesProblem(done.state, new Set(['m1', 'm3']))).toBe('补正材料已记录，正等待后台审核');
    expect(supplementPagesProblem(start(), new Set(['m1']))).toBe('后台没有要求补正材料，无需记录补正');
    // The clock ran 120 s, stood still 480 s; the due instant moved by exactly that.
    expect(done.state.dueAt).toBe(iso(TIER_MINUTES.within60 * 60 + 480));
    expect(done.state.pausedSeconds).toBe(480);
  });
});
