import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applicableMaterials, evaluateChecklist, evaluateLine } from '../../shared/engine/checklist';
import type { Decision, Marks, MaterialMark } from '../../shared/domain/checklist';
import { baseItem, foodItem, fullAnswersArb, itemArb, marksArb, material, satisfyAll, someAnswersArb } from '../helpers/engineFixtures';

const ids = (ms: { id: string }[]) => ms.map((m) => m.id);
const selfNew = { applicant: 'self', kind: 'new' };

describe('applicableMaterials', () => {
  it.each([
    [{ applicant: 'self', kind: 'new' }, ['申请书', '营业执照', '法定代表人身份证', '经营场所平面图', '从业人员健康证明', '食品安全管理制度']],
    [{ applicant: 'agent', kind: 'new' }, ['申请书', '营业执照', '法定代表人身份证', '授权委托书', '代理人身份证', '经营场所平面图', '从业人员健康证明', '食品安全管理制度']],
    [{ applicant: 'self', kind: 'change' }, ['申请书', '营业执照', '法定代表人身份证', '经营场所平面图', '从业人员健康证明', '食品安全管理制度', '原食品经营许可证']],
    [{}, ['申请书', '营业执照', '法定代表人身份证', '经营场所平面图', '从业人员健康证明', '食品安全管理制度']],
    [{ applicant: 'somebody', kind: 'change' }, ['申请书', '营业执照', '法定代表人身份证', '经营场所平面图', '从业人员健康证明', '食品安全管理制度', '原食品经营许可证']],
  ])('answers %j → %j', (answers, expected) => {
    expect(ids(applicableMaterials(foodItem, answers))).toEqual(expected);
  });

  it('needs every situation of requiredWhen to match', () => {
    const item = baseItem({
      situations: foodItem.situations,
      materials: [material('both', { requiredWhen: { applicant: ['agent'], kind: ['change'] } })],
    });
    expect(ids(applicableMaterials(item, { applicant: 'agent', kind: 'change' }))).toEqual(['both']);
    expect(ids(applicableMaterials(item, { applicant: 'agent', kind: 'new' }))).toEqual([]);
    expect(ids(applicableMaterials(item, { applicant: 'agent' }))).toEqual([]);
  });
});

describe('evaluateLine: legal form of a mark', () => {
  const m = (form: '原件' | '复印件' | '原件核验', over = {}) => material('x', { form, ...over });
  const cases: [string, ReturnType<typeof m>, MaterialMark, string, string?][] = [
    ['original verified', m('原件'), { mark: 'verified' }, 'satisfied'],
    ['copy for an original', m('原件'), { mark: 'copyReceived' }, 'defective', '须提交原件，复印件不能代替'],
    ['copy for 原件核验', m('原件核验'), { mark: 'copyReceived' }, 'defective', '须出示原件核验'],
    ['copy for a copy', m('复印件'), { mark: 'copyReceived' }, 'satisfied'],
    ['original for a copy', m('复印件'), { mark: 'verified' }, 'satisfied'],
    ['e-cert for a paper-only original', m('原件'), { mark: 'eCert' }, 'defective', '本材料须提交纸质材料，电子证照不能代替'],
    ['e-cert from 电子证照', m('原件', { source: '电子证照' }), { mark: 'eCert' }, 'satisfied'],
    ['e-cert where electronic allowed', m('原件核验', { medium: '纸质或电子' }), { mark: 'eCert' }, 'satisfied'],
    ['pledge for 告知承诺', m('原件', { source: '告知承诺' }), { mark: 'pledged' }, 'satisfied'],
    ['pledge elsewhere', m('原件'), { mark: 'pledged' }, 'missing', '本材料不适用告知承诺，须提交材料'],
    ['deferred on 可容缺', m('复印件', { necessity: '可容缺' }), { mark: 'deferred' }, 'deferred', '容缺待补'],
    ['deferred on 必要', m('复印件'), { mark: 'deferred' }, 'missing', '本材料不属于可容缺材料，须当场提交'],
    ['missing with a note', m('原件'), { mark: 'missing', note: '申请人未带' }, 'missing', '申请人未带'],
    ['defective', m('原件'), { mark: 'defective' }, 'defective', '不符合法定形式'],
    ['too few copies', m('复印件', { copies: 2 }), { mark: 'copyReceived', copies: 1 }, 'defective', '份数不足：应交2份，实收1份'],
    ['enough copies', m('复印件', { copies: 2 }), { mark: 'copyReceived', copies: 2 }, 'satisfied'],
  ];
  it.each(cases)('%s', (_name, mat, mark, status, reason) => {
    const line = evaluateLine(mat, mark);
    expect(line.status).toBe(status);
    expect(line.reason).toBe(reason);
  });

  it('no mark is unchecked', () => {
    expect(evaluateLine(material('x'), undefined)).toEqual({ material: material('x'), status: 'unchecked' });
  });
});

describe('evaluateChecklist: decisions', () => {
  const applicable = applicableMaterials(foodItem, selfNew);
  const all = satisfyAll(applicable);
  const without = (marks: Marks, id: string): Marks => Object.fromEntries(Object.entries(marks).filter(([k]) => k !== id));
  const table: [string, Record<string, string>, Marks, Decision[]][] = [
    ['nothing answered', {}, {}, ['refuse']],
    ['one situation unanswered, all marked', { applicant: 'self' }, all, ['refuse']],
    ['answered, nothing checked', selfNew, {}, ['refuse']],
    ['everything in legal form', selfNew, all, ['accept', 'refuse']],
    ['non-required unchecked does not block', selfNew, without(all, '食品安全管理制度'), ['accept', 'refuse']],
    ['可容缺 deferred', selfNew, { ...all, 经营场所平面图: { mark: 'deferred' } }, ['acceptWithDeferral', 'refuse']],
    ['必要 "deferred" is missing', selfNew, { ...all, 申请书: { mark: 'deferred' } }, ['notifyMissing', 'refuse']],
    ['one missing', selfNew, { ...all, 营业执照: { mark: 'missing' } }, ['notifyMissing', 'refuse']],
    ['missing and deferred', selfNew, { ...all, 营业执照: { mark: 'missing' }, 经营场所平面图: { mark: 'deferred' } }, ['notifyMissing', 'refuse']],
    ['one defective', selfNew, { ...all, 法定代表人身份证: { mark: 'copyReceived' } }, ['notifyMissing', 'refuse']],
    ['missing but another unchecked: check all first', selfNew, without({ ...all, 营业执照: { mark: 'missing' } }, '申请书'), ['refuse']],
    ['deferred but another unchecked', selfNew, without({ ...all, 经营场所平面图: { mark: 'deferred' } }, '申请书'), ['refuse']],
    ['agent: agent materials now required', { applicant: 'agent', kind: 'new' }, all, ['refuse']],
  ];
  it.each(table)('%s', (_name, answers, marks, decisions) => {
    expect(evaluateChecklist(foodItem, answers, marks).allowedDecisions).toEqual(decisions);
  });

  it('lists outstanding required lines with reasons and spots an agent', () => {
    const r = evaluateChecklist(foodItem, { applicant: 'agent', kind: 'new' }, { ...all, 营业执照: { mark: 'missing', note: '未带' } });
    expect(r.agent).toBe(true);
    expect(r.outstanding.map((l) => [l.material.id, l.status, l.reason])).toEqual([
      ['营业执照', 'missing', '未带'],
      ['授权委托书', 'unchecked', undefined],
      ['代理人身份证', 'unchecked', undefined],
    ]);
    expect(evaluateChecklist(foodItem, selfNew, {}).agent).toBe(false);
  });

  it('a redirect item offers only redirect and no checklist', () => {
    const item = { ...foodItem, subCenterCode: 'CRJ' };
    expect(evaluateChecklist(item, selfNew, all)).toMatchObject({ redirect: true, allowedDecisions: ['redirect'], lines: [], outstanding: [] });
  });

  it('an item without required materials can be accepted once answered', () => {
    expect(evaluateChecklist(baseItem(), {}, {}).allowedDecisions).toEqual(['accept', 'refuse']);
  });
});

describe('evaluateChecklist: properties', () => {
  const withInputs = itemArb.chain((item) => fc.tuple(fc.constant(item), fullAnswersArb(item), marksArb(item)));

  it('satisfying marks on every applicable material allow accept and leave nothing outstanding', () => {
    fc.assert(fc.property(itemArb.chain((item) => fc.tuple(fc.constant(item), fullAnswersArb(item))), ([item, answers]) => {
      const r = evaluateChecklist(item, answers, satisfyAll(applicableMaterials(item, answers)));
      expect(r.allowedDecisions).toEqual(['accept', 'refuse']);
      expect(r.outstanding).toEqual([]);
    }));
  });

  it('accept, acceptWithDeferral and notifyMissing exclude each other; refuse always stays', () => {
    fc.assert(fc.property(itemArb.chain((item) => fc.tuple(fc.constant(item), someAnswersArb(item), marksArb(item))), ([item, answers, marks]) => {
      const d = evaluateChecklist(item, answers, marks).allowedDecisions;
      expect(d).toContain('refuse');
      expect(d.filter((x) => x === 'accept' || x === 'acceptWithDeferral' || x === 'notifyMissing').length).toBeLessThanOrEqual(1);
    }));
  });

  it('accept is allowed exactly when nothing required is outstanding and all situations are answered', () => {
    fc.assert(fc.property(itemArb.chain((item) => fc.tuple(fc.constant(item), someAnswersArb(item), marksArb(item))), ([item, answers, marks]) => {
      const r = evaluateChecklist(item, answers, marks);
      expect(r.allowedDecisions.includes('accept')).toBe(r.outstanding.length === 0 && r.unansweredSituations.length === 0);
    }));
  });

  it('marks on 非必要 materials never change the allowed decisions', () => {
    fc.assert(fc.property(withInputs.chain(([item, answers, marks]) => fc.tuple(fc.constant(item), fc.constant(answers), fc.constant(marks), marksArb(item))), ([item, answers, marks, extra]) => {
      const optional = new Set(item.materials.filter((m) => m.necessity === '非必要').map((m) => m.id));
      const added = { ...marks, ...Object.fromEntries(Object.entries(extra).filter(([id]) => optional.has(id))) };
      expect(evaluateChecklist(item, answers, added).allowedDecisions).toEqual(evaluateChecklist(item, answers, marks).allowedDecisions);
    }));
  });

  it('redirect items only ever allow redirect', () => {
    fc.assert(fc.property(withInputs, ([item, answers, marks]) => {
      expect(evaluateChecklist({ ...item, subCenterCode: 'SUB' }, answers, marks).allowedDecisions).toEqual(['redirect']);
    }));
  });
});
