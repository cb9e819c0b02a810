// 好差评 as practised nationally (shared/domain/ratingReasons.ts): the classes of the five
// levels, the coded reasons a level may choose, and the projection's rule that a rating is one
// per visit and never dated before the service it rates (the same rule the server's push runs).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_RATING_REASONS, NATIONAL_RATING_REASONS, RATING_CLASS, RatingReasonList, ratingNeedsReason, ratingReasonsProblem, reasonsFor, type RatingReason,
} from '../../shared/domain/ratingReasons';
import { RATING_LEVELS, type CaseEvent, type CaseEventBody } from '../../shared/domain/caseEvents';
import { applyEvent, projectCase, type CaseState } from '../../shared/domain/caseState';
import { Catalogue } from '../../shared/domain/catalogue';
import { applyCatalogueDelta, diffCatalogue } from '../../shared/sync/catalogue-delta';
import { demoCatalogue } from '../../shared/demo/catalogue';

describe('rating classes and reasons', () => {
  it('classes 好评 非常满意/满意, 中评 基本满意, 差评 不满意/非常不满意', () => {
    expect(RATING_CLASS).toEqual({ verySatisfied: 'good', satisfied: 'good', basicallySatisfied: 'neutral', dissatisfied: 'bad', veryDissatisfied: 'bad' });
    expect(RATING_LEVELS.filter(ratingNeedsReason)).toEqual(['dissatisfied', 'veryDissatisfied']);
  });

  it('the national list is a valid list with the reasons provincial systems use', () => {
    expect(RatingReasonList.safeParse(NATIONAL_RATING_REASONS).success).toBe(true);
    const text = (c: string) => NATIONAL_RATING_REASONS.filter((r) => r.ratingClass === c).map((r) => r.text);
    expect(text('good')).toEqual(expect.arrayContaining(['一窗受理一次办结', '一次性告知需要补正的材料']));
    expect(text('bad')).toEqual(expect.arrayContaining(['同样内容的证明材料被要求多次提交', '多头跑窗口和部门']));
    expect(text('neutral').length).toBeGreaterThan(0);
  });

  it('a centre list with a repeated code or a class without reasons is refused', () => {
    const dup = [...NATIONAL_RATING_REASONS, { ...NATIONAL_RATING_REASONS[0], text: '另一条' }];
    expect(RatingReasonList.safeParse(dup).error?.issues[0].message).toBe('评价原因编码 H01 重复');
    const noNeutral = NATIONAL_RATING_REASONS.filter((r) => r.ratingClass !== 'neutral');
    expect(RatingReasonList.safeParse(noNeutral).error?.issues[0].message).toBe('中评至少要有一条评价原因');
  });

  it('a choice is allowed exactly when its codes are distinct, of the level’s class, few enough, and not empty for 差评', () => {
    const codes = NATIONAL_RATING_REASONS.map((r) => r.code);
    fc.assert(
      fc.property(fc.constantFrom(...RATING_LEVELS), fc.array(fc.constantFrom(...codes, 'X99'), { maxLength: 10 }), (level, chosen) => {
        const ofClass = new Set(reasonsFor(NATIONAL_RATING_REASONS, level).map((r) => r.code));
        const ok = new Set(chosen).size === chosen.length && chosen.length <= MAX_RATING_REASONS && chosen.every((c) => ofClass.has(c)) && (chosen.length > 0 || !ratingNeedsReason(level));
        const problem = ratingReasonsProblem(NATIONAL_RATING_REASONS, level, chosen);
        expect(problem === null).toBe(ok);
      }),
      { numRuns: 1000 },
    );
  });

  it('a centre’s own list travels in catalogue deltas: diff then apply gives the new list exactly', () => {
    const reasonArb = fc.record({ code: fc.constantFrom('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'C3'), ratingClass: fc.constantFrom('good', 'neutral', 'bad' as const), text: fc.constantFrom('甲', '乙', '丙') });
    const listArb = fc.option(fc.uniqueArray(reasonArb, { selector: (r) => r.code, minLength: 1, maxLength: 7 }), { nil: undefined });
    const base = demoCatalogue;
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const before: Catalogue = { ...base, ...(a ? { ratingReasons: a as RatingReason[] } : {}) };
        const after: Catalogue = { ...base, version: 2, ...(b ? { ratingReasons: b as RatingReason[] } : {}) };
        const next = applyCatalogueDelta(before, diffCatalogue(before, after), 2, after.publishedAt);
        expect(next.ratingReasons ?? []).toEqual(b ?? []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('one rating per visit, never dated before the service', () => {
  const CASE = '01900000-0000-7000-8000-0000000000aa';
  let n = 0;
  const ev = (body: CaseEventBody, at: string): CaseEvent => ({ ...body, id: `r${++n}`, caseId: CASE, at, staffNo: '1001' }) as CaseEvent;
  const DECIDED_AT = '2026-12-01T02:00:00.000Z'; // 10:00 China time, 1 December
  const decidedCase = (): CaseState => {
    const r = projectCase([
      ev({ type: 'case.opened', payload: { itemCode: 'X1', catalogueVersion: 1, caseNumber: 'N1', officeCode: '210100', windowCode: '01', applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' }, agent: null, answers: {}, marks: {} } }, '2026-12-01T01:50:00.000Z'),
      ev({ type: 'case.decided', payload: { decision: 'accept', caseNumber: 'N1', tier: null, promisedDate: null, missing: [] } }, DECIDED_AT),
    ]);
    if (!r.ok) throw new Error(r.problem);
    return r.state;
  };
  const rated = (extra: Record<string, unknown> = {}): CaseEventBody =>
    ({ type: 'case.rated', payload: { level: 'satisfied', reasonCategory: null, source: 'paper', comment: '', reasons: [], ...extra } }) as CaseEventBody;

  it('accepts a rating exactly when it is not before the decision (offsets of any sign, minutes either side)', () => {
    const s = decidedCase();
    fc.assert(
      fc.property(fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }), fc.constantFrom('Z', '+08:00', '-05:00'), (minutes, zone) => {
        const t = new Date(Date.parse(DECIDED_AT) + minutes * 60_000);
        const shift = zone === 'Z' ? 0 : zone === '+08:00' ? 8 : -5;
        const local = new Date(t.getTime() + shift * 3600_000).toISOString().slice(0, 19) + zone;
        const r = applyEvent(s, ev(rated(), local));
        expect(r.ok).toBe(minutes >= 0);
        if (!r.ok) expect(r.problem).toBe('评价时间早于所评价的服务（受理决定时间），不能记录');
      }),
      { numRuns: 500 },
    );
  });

  it('a paper form is dated between the visit’s day and the day it is entered', () => {
    const s = decidedCase();
    const enteredAt = '2026-12-03T03:00:00.000Z';
    const day = (d: string) => applyEvent(s, ev(rated({ formDate: d }), enteredAt));
    expect(day('2026-11-30')).toEqual({ ok: false, problem: '纸质评价表的日期 2026-11-30 早于办事日期 2026-12-01' });
    expect(day('2026-12-01').ok).toBe(true);
    expect(day('2026-12-03').ok).toBe(true);
    expect(day('2026-12-04')).toEqual({ ok: false, problem: '纸质评价表的日期 2026-12-04 晚于录入日期，请核对' });
  });

  it('a second rating of the same visit is refused, whatever its level', () => {
    const first = applyEvent(decidedCase(), ev(rated(), '2026-12-01T02:10:00.000Z'));
    expect(first.ok).toBe(true);
    for (const level of RATING_LEVELS) {
      const again = applyEvent((first as { state: CaseState }).state, ev(rated({ level }), '2026-12-01T02:20:00.000Z'));
      expect(again).toEqual({ ok: false, problem: '本次办事已评价，每次办事只能评价一次' });
    }
  });
});
