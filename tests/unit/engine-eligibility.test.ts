import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateEligibility, eligibilityBanner } from '../../shared/engine/eligibility';
import { applicableMaterials, evaluateChecklist, isRequired } from '../../shared/engine/checklist';
import type { Marks } from '../../shared/domain/checklist';
import { foodItem, fullAnswersArb, itemArb, marksArb, satisfyAll } from '../helpers/engineFixtures';

const selfNew = { applicant: 'self', kind: 'new' };
const all = satisfyAll(applicableMaterials(foodItem, selfNew));
const city = { officeLevel: 'city' as const };
const without = (marks: Marks, id: string): Marks => Object.fromEntries(Object.entries(marks).filter(([k]) => k !== id));
const subCenters = [{ code: 'CRJ', name: '公安出入境分中心', address: '沈阳市某路1号', phone: '024-1', hours: '' }];

describe('evaluateEligibility', () => {
  const table: [string, Parameters<typeof evaluateEligibility>, boolean, string[]][] = [
    ['complete, city office', [foodItem, selfNew, all, city], true, []],
    ['missing material named', [foodItem, selfNew, { ...all, 营业执照: { mark: 'missing' } }, city], false, ['缺少：营业执照（复印件）']],
    ['defective with reason', [foodItem, selfNew, { ...all, 申请书: { mark: 'copyReceived' } }, city], false, ['不符合法定形式：申请书（原件）：须提交原件，复印件不能代替']],
    ['容缺 is not complete', [foodItem, selfNew, { ...all, 经营场所平面图: { mark: 'deferred' } }, city], false, ['容缺待补：经营场所平面图（复印件）（立等可取须材料齐全）']],
    ['unchecked named', [foodItem, selfNew, without(all, '申请书'), city], false, ['未核对：申请书（原件）']],
    ['wrong level', [foodItem, selfNew, all, { officeLevel: 'township' }], false, ['本中心（乡(镇·街道)级）不能办理本事项']],
    ['no tier', [{ ...foodItem, immediateTier: null }, selfNew, all, city], false, ['本事项不属于立等可取事项']],
    ['unanswered situation', [foodItem, { applicant: 'self' }, all, city], false, ['尚未选择情形：办理类型']],
    ['redirect names the sub-centre', [{ ...foodItem, subCenterCode: 'CRJ' }, selfNew, all, { ...city, subCenters }], false, ['本事项须到「公安出入境分中心」办理']],
    ['non-required unchecked is fine', [foodItem, selfNew, without(all, '食品安全管理制度'), city], true, []],
  ];
  it.each(table)('%s', (_name, args, eligible, reasons) => {
    const e = evaluateEligibility(...args);
    expect(e.eligible).toBe(eligible);
    expect(e.reasons).toEqual(reasons);
  });

  it('groups several materials of one kind in one reason', () => {
    const e = evaluateEligibility(foodItem, selfNew, { ...all, 申请书: { mark: 'missing' }, 营业执照: { mark: 'missing' } }, city);
    expect(e.reasons).toEqual(['缺少：申请书（原件）、营业执照（复印件）']);
  });

  it('reports tier and time limit', () => {
    expect(evaluateEligibility({ ...foodItem, immediateTier: 'within60' }, selfNew, all, city)).toEqual({ eligible: true, tier: 'within60', limitMinutes: 60, reasons: [] });
  });
});

describe('eligibilityBanner', () => {
  it('shows the tier when eligible', () => {
    expect(eligibilityBanner(evaluateEligibility(foodItem, selfNew, all, city))).toBe('立等可取 · 极速办（30分钟内）');
    expect(eligibilityBanner({ eligible: true, tier: 'within120', limitMinutes: 120, reasons: [] })).toBe('立等可取 · 高效办（2小时内）');
  });
  it('names what is missing otherwise', () => {
    const e = evaluateEligibility(foodItem, selfNew, { ...all, 营业执照: { mark: 'missing' } }, city);
    expect(eligibilityBanner(e)).toBe('不可立等可取：缺少：营业执照（复印件）');
  });
});

describe('evaluateEligibility: properties', () => {
  const inputs = itemArb.chain((item) => fc.tuple(fc.constant(item), fullAnswersArb(item), marksArb(item), fc.constantFrom('city', 'county', 'township', 'village' as const)));

  it('eligible implies accept is allowed', () => {
    fc.assert(fc.property(inputs, ([item, answers, marks, level]) => {
      if (evaluateEligibility(item, answers, marks, { officeLevel: level }).eligible) {
        expect(evaluateChecklist(item, answers, marks).allowedDecisions).toContain('accept');
      }
    }));
  });

  it('satisfying marks make a tiered item eligible at each of its levels', () => {
    fc.assert(fc.property(itemArb.chain((item) => fc.tuple(fc.constant(item), fullAnswersArb(item))), ([item, answers]) => {
      const marks = satisfyAll(applicableMaterials(item, answers));
      for (const level of item.levels) {
        expect(evaluateEligibility(item, answers, marks, { officeLevel: level }).eligible).toBe(item.immediateTier !== null);
      }
    }));
  });

  it('a missing required material makes the case ineligible and is named', () => {
    fc.assert(fc.property(inputs.chain((t) => fc.tuple(fc.constant(t), fc.nat())), ([[item, answers, marks, level], pick]) => {
      const required = applicableMaterials(item, answers).filter(isRequired);
      fc.pre(required.length > 0);
      const m = required[pick % required.length];
      const e = evaluateEligibility(item, answers, { ...marks, [m.id]: { mark: 'missing' } }, { officeLevel: level });
      expect(e.eligible).toBe(false);
      expect(e.reasons.some((r) => r.startsWith('缺少：') && r.includes(m.name))).toBe(true);
    }));
  });

  it('redirect items are never eligible', () => {
    fc.assert(fc.property(inputs, ([item, answers, marks, level]) => {
      const e = evaluateEligibility({ ...item, subCenterCode: 'SUB' }, answers, marks, { officeLevel: level });
      expect(e.eligible).toBe(false);
      expect(e.reasons).toEqual(['本事项须到「SUB」办理']);
    }));
  });
});
