// Small hand-built items and fast-check generators shared by the engine tests.
import fc from 'fast-check';
import type { Item, Level, Material, Situation } from '../../shared/domain/catalogue';
import { LEVELS } from '../../shared/domain/catalogue';
import type { Answers, Mark, Marks } from '../../shared/domain/checklist';

export const material = (id: string, over: Partial<Material> = {}): Material => ({
  id,
  name: id,
  form: '原件',
  copies: 1,
  medium: '纸质',
  necessity: '必要',
  source: '申请人',
  ...over,
});

export const baseItem = (over: Partial<Item> = {}): Item => ({
  code: '210100000001',
  name: '食品经营许可',
  departmentCode: 'SCJG',
  type: '行政许可',
  serveTargets: ['法人'],
  levels: ['city', 'county'],
  legalDays: 20,
  promisedDays: 5,
  fee: '不收费',
  conditions: '',
  location: '',
  immediateTier: 'within30',
  subCenterCode: null,
  keywords: [],
  situations: [],
  materials: [],
  ...over,
});

export const applicantSituation: Situation = {
  id: 'applicant',
  question: '申请人是否本人办理？',
  options: [
    { value: 'self', label: '本人办理' },
    { value: 'agent', label: '委托代理人办理', agent: true },
  ],
};
export const kindSituation: Situation = {
  id: 'kind',
  question: '办理类型',
  options: [
    { value: 'new', label: '新办' },
    { value: 'change', label: '变更' },
  ],
};

/** A food-business-licence-like item with every kind of material. */
export const foodItem = baseItem({
  situations: [applicantSituation, kindSituation],
  materials: [
    material('申请书', { form: '原件' }),
    material('营业执照', { form: '复印件', source: '电子证照', medium: '纸质或电子' }),
    material('法定代表人身份证', { form: '原件核验' }),
    material('授权委托书', { requiredWhen: { applicant: ['agent'] } }),
    material('代理人身份证', { form: '原件核验', requiredWhen: { applicant: ['agent'] } }),
    material('经营场所平面图', { form: '复印件', necessity: '可容缺' }),
    material('从业人员健康证明', { source: '告知承诺' }),
    material('食品安全管理制度', { form: '复印件', necessity: '非必要' }),
    material('原食品经营许可证', { requiredWhen: { kind: ['change'] } }),
  ],
});

/** The mark that satisfies a material in its legal form. */
export function satisfyingMark(m: Material): Mark {
  if (m.source === '告知承诺') return 'pledged';
  if (m.form === '复印件') return 'copyReceived';
  return 'verified';
}

export const satisfyAll = (materials: Material[]): Marks => Object.fromEntries(materials.map((m) => [m.id, { mark: satisfyingMark(m) }]));

// ---- generators -------------------------------------------------------------------------

const situationArb = (i: number): fc.Arbitrary<Situation> =>
  fc.integer({ min: 2, max: 4 }).chain((n) =>
    fc.array(fc.boolean(), { minLength: n, maxLength: n }).map((agents) => ({
      id: `s${i}`,
      question: `问题${i}`,
      options: agents.map((agent, k) => ({ value: `o${k}`, label: `选项${k}`, ...(agent ? { agent } : {}) })),
    })),
  );

const materialArb = (situations: Situation[], i: number): fc.Arbitrary<Material> =>
  fc
    .record({
      form: fc.constantFrom('原件', '复印件', '原件核验'),
      medium: fc.constantFrom('纸质', '电子', '纸质或电子'),
      necessity: fc.constantFrom('必要', '非必要', '可容缺'),
      source: fc.constantFrom('申请人', '电子证照', '部门核发', '告知承诺'),
      copies: fc.integer({ min: 0, max: 3 }),
      conditions: fc.subarray(situations).chain((subset) =>
        fc.tuple(...subset.map((s) => fc.subarray(s.options.map((o) => o.value), { minLength: 1 }).map((vals) => [s.id, vals] as const))),
      ),
    })
    .map(({ conditions, ...rest }) => ({
      id: `m${i}`,
      name: `材料${i}`,
      ...rest,
      ...(conditions.length > 0 ? { requiredWhen: Object.fromEntries(conditions) } : {}),
    }));

export const itemArb: fc.Arbitrary<Item> = fc
  .integer({ min: 0, max: 3 })
  .chain((ns) => (ns === 0 ? fc.constant([] as Situation[]) : fc.tuple(...Array.from({ length: ns }, (_, i) => situationArb(i)))))
  .chain((situations) =>
    fc
      .integer({ min: 0, max: 8 })
      .chain((nm) => (nm === 0 ? fc.constant([] as Material[]) : fc.tuple(...Array.from({ length: nm }, (_, i) => materialArb(situations, i)))))
      .chain((materials) =>
        fc.record({
          levels: fc.subarray([...LEVELS] as Level[], { minLength: 1 }),
          immediateTier: fc.constantFrom('within30', 'within60', 'within120', null),
        }).map(({ levels, immediateTier }) => baseItem({ situations, materials, levels, immediateTier })),
      ),
  );

/** Answers to every situation, each a valid option. */
export const fullAnswersArb = (item: Item): fc.Arbitrary<Answers> =>
  item.situations.length === 0
    ? fc.constant({})
    : fc.tuple(...item.situations.map((s) => fc.constantFrom(...s.options.map((o) => o.value)))).map((vals) =>
        Object.fromEntries(item.situations.map((s, k) => [s.id, vals[k]])),
      );

/** Answers to some situations (possibly none, possibly an unknown value). */
export const someAnswersArb = (item: Item): fc.Arbitrary<Answers> =>
  fc.tuple(...item.situations.map((s) => fc.option(fc.constantFrom(...s.options.map((o) => o.value), 'unknown'))), fc.constant(0)).map((vals) =>
    Object.fromEntries(item.situations.flatMap((s, k) => (vals[k] == null ? [] : [[s.id, vals[k] as string]]))),
  );

export const marksArb = (item: Item): fc.Arbitrary<Marks> =>
  fc.dictionary(
    fc.constantFrom('none', ...item.materials.map((m) => m.id)),
    fc.record({ mark: fc.constantFrom('verified', 'copyReceived', 'eCert', 'pledged', 'deferred', 'missing', 'defective') }),
    { maxKeys: item.materials.length },
  ) as fc.Arbitrary<Marks>;
