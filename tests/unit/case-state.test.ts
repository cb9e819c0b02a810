// One projection (shared/domain/caseState.ts) decides what a case is and what may follow, on the
// workstation and on the server. Properties over random histories: the projection never throws,
// the rules the buttons follow agree with what the projection accepts, and the back office's
// decisions never move a case back in time.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyEvent, completeBlocker, deliverBlocker, MAIN_NOTICE, noticeKinds, projectCase, rateBlocker, STATUS_AFTER_DECISION, supplementBlocker,
  terminateBlocker, type CaseState,
} from '../../shared/domain/caseState';
import type { CaseEvent, CaseEventBody } from '../../shared/domain/caseEvents';
import { DECISIONS } from '../../shared/domain/checklist';

const CASE = '01900000-0000-7000-8000-000000000001';
let n = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 1, minute)).toISOString();
const event = (body: CaseEventBody, minute = n): CaseEvent => ({ ...body, id: `e${++n}`, caseId: CASE, at: at(minute), staffNo: '1001' }) as CaseEvent;

const opened = (): CaseEventBody => ({
  type: 'case.opened',
  payload: {
    itemCode: 'X1', catalogueVersion: 1, caseNumber: '210100-01-20261201-0001-K', officeCode: '210100', windowCode: '01',
    applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' }, agent: null, answers: {}, marks: { m1: { mark: 'deferred' } },
  },
});
const decided = (decision: (typeof DECISIONS)[number]): CaseEventBody => ({
  type: 'case.decided',
  payload: {
    decision, caseNumber: '210100-01-20261201-0001-K', tier: decision === 'accept' ? 'within30' : null, promisedDate: null, missing: [],
    ...(decision === 'refuse' ? { reason: '不属于受理范围' } : {}),
    ...(decision === 'acceptWithDeferral' ? { commitment: '承诺补交', supplementDeadline: '2026-12-10' } : {}),
  },
});
const FOLLOW_UPS: Record<string, () => CaseEventBody> = {
  supplemented: () => ({ type: 'case.supplemented', payload: { materialIds: ['m1'], note: '' } }),
  completed: () => ({ type: 'case.completed', payload: { elapsedSeconds: 600, tier: null } }),
  terminated: () => ({ type: 'case.terminated', payload: { reason: '逾期未补正' } }),
  delivered: () => ({ type: 'case.delivered', payload: { method: 'applicant', label: '申请人本人领取' } }),
  rated: () => ({ type: 'case.rated', payload: { level: 'satisfied', reasonCategory: null, source: 'screen', comment: '' } }),
  reviewed: () => ({ type: 'review.status', payload: { status: 'approved', reason: null, note: null, decidedBy: '2001', statusEventId: 's1', serverSeq: 1 } }),
};

const bodyArb = fc.oneof(
  fc.constant(opened()),
  fc.constantFrom(...DECISIONS).map(decided),
  fc.constantFrom(...Object.values(FOLLOW_UPS)).map((f) => f()),
);

describe('case projection', () => {
  it('never throws on any order of events; a refused event leaves a reason, an accepted one a state', () => {
    fc.assert(
      fc.property(fc.array(bodyArb, { maxLength: 12 }), (bodies) => {
        let s: CaseState | null = null;
        for (const b of bodies) {
          const r = applyEvent(s, event(b));
          if (r.ok) s = r.state;
          else expect(r.problem.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the rules that show buttons agree with what the projection accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DECISIONS), fc.array(fc.constantFrom(...Object.keys(FOLLOW_UPS)), { maxLength: 6 }), (decision, steps) => {
        let s = projectCase([event(opened()), event(decided(decision))]);
        expect(s.ok && s.state.status).toBe(STATUS_AFTER_DECISION[decision]);
        for (const step of steps) {
          if (!s.ok) return;
          const st = s.state;
          const accepts = (k: string) => applyEvent(st, event(FOLLOW_UPS[k]())).ok;
          expect(completeBlocker(st) === null).toBe(accepts('completed'));
          expect(supplementBlocker(st) === null).toBe(accepts('supplemented'));
          expect(terminateBlocker(st, '2099-01-01') === null).toBe(accepts('terminated'));
          expect(rateBlocker(st) === null).toBe(accepts('rated'));
          if (deliverBlocker(st) === null) expect(accepts('delivered')).toBe(true); // the window's rule is stricter than the structure
          expect(noticeKinds(st)).toContain(MAIN_NOTICE[decision]);
          const next = applyEvent(st, event(FOLLOW_UPS[step]()));
          if (next.ok) s = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a back-office decision older than the one in effect joins the history but never sets the state back', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ minute: fc.integer({ min: 0, max: 50 }), status: fc.constantFrom('reviewing', 'approved', 'needsSupplement', 'readyForPickup') }), { minLength: 1, maxLength: 8 }), (reviews) => {
        let r = projectCase([event(opened(), 0), event(decided('accept'), 0)]);
        for (const v of reviews) {
          const e = event({ type: 'review.status', payload: { status: v.status as 'approved', reason: null, note: null, decidedBy: '2001', statusEventId: `s${n}`, serverSeq: 1 } }, v.minute);
          r = r.ok ? applyEvent(r.state, e) : r;
        }
        const latest = Math.max(...reviews.map((v) => v.minute));
        const winner = reviews.filter((v) => v.minute === latest).pop()!;
        expect(r.ok && r.state.reviewStatus).toBe(winner.status);
      }),
      { numRuns: 300 },
    );
  });

  it('a 容缺 case: 补正 makes it accepted again with the materials verified; 终止 only after the deadline', () => {
    const s = projectCase([event(opened()), event(decided('acceptWithDeferral'))]);
    if (!s.ok) throw new Error(s.problem);
    expect(terminateBlocker(s.state, '2026-12-10')).toMatchObject({ code: 'precondition_failed' });
    expect(terminateBlocker(s.state, '2026-12-11')).toBeNull();
    const after = applyEvent(s.state, event(FOLLOW_UPS.supplemented()));
    expect(after.ok && [after.state.status, after.state.marks.m1.mark, after.state.supplementedMaterialIds]).toEqual(['accepted', 'verified', ['m1']]);
    expect(applyEvent(s.state, event(opened()))).toMatchObject({ ok: false });
  });
});

describe('需补正 from the back office', () => {
  it('holds 办结 until the supplement is reviewed (a window rule, stricter than the structure)', () => {
    const s = projectCase([event(opened()), event(decided('accept'))]);
    if (!s.ok) throw new Error(s.problem);
    expect(completeBlocker(s.state)).toBeNull();
    expect(completeBlocker({ ...s.state, reviewStatus: 'needsSupplement' })).toMatchObject({ code: 'precondition_failed', message: expect.stringContaining('补正') });
    expect(completeBlocker({ ...s.state, reviewStatus: 'reviewing' })).toBeNull();
  });
});
