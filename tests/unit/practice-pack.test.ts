import { describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../shared/demo/catalogue';
import { DECISIONS } from '../../shared/domain/checklist';
import { IMMEDIATE_TIERS } from '../../shared/domain/catalogue';
import { evaluateChecklist } from '../../shared/engine/checklist';
import { validateIdCard } from '../../shared/validate/idcard';
import { validateCreditCode } from '../../shared/validate/creditCode';
import { builtinPack } from '../../shared/practice/builtinPack';
import { parsePack, type PackError, type ScenarioPack } from '../../shared/practice/scenario';

const json = JSON.stringify(builtinPack);

function parsed(): ScenarioPack {
  const r = parsePack(json, demoCatalogue);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.pack;
}

/** The built-in pack, as plain JSON to edit, with one scenario changed. */
function withScenario(index: number, change: (s: Record<string, any>) => void): string {
  const pack = JSON.parse(json);
  change(pack.scenarios[index]);
  return JSON.stringify(pack);
}

function errorsOf(text: string): PackError[] {
  const r = parsePack(text, demoCatalogue);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

const itemOf = (code: string) => demoCatalogue.items.find((i) => i.code === code)!;
const indexOf = (id: string) => builtinPack.scenarios.findIndex((s) => s.id === id);

describe('built-in pack', () => {
  it('parses and cross-checks against the demo catalogue', () => {
    expect(parsed().scenarios.length).toBeGreaterThanOrEqual(20);
  });

  it('covers every decision, every 立等可取 tier and none', () => {
    const s = parsed().scenarios;
    expect(new Set(s.map((x) => x.expected.decision))).toEqual(new Set(DECISIONS));
    expect(new Set(s.map((x) => x.expected.tier))).toEqual(new Set([...IMMEDIATE_TIERS, null]));
  });

  it('has agents, invalid ID and credit-code numbers, and a village-level public service', () => {
    const s = parsed().scenarios;
    expect(s.some((x) => x.agent && evaluateChecklist(itemOf(x.itemCode), x.facts, {}).agent)).toBe(true);
    expect(s.some((x) => x.expected.invalidIdNumber && !validateIdCard(x.persona.idNumber).ok)).toBe(true);
    expect(s.some((x) => x.expected.invalidIdNumber && x.agent && !validateIdCard(x.agent.idNumber).ok)).toBe(true);
    expect(s.some((x) => x.expected.invalidCreditCode)).toBe(true);
    const village = s.filter((x) => x.officeLevel === 'village' && itemOf(x.itemCode).name === '高龄津贴申领');
    expect(village.length).toBeGreaterThan(0);
  });

  it('uses valid numbers except where a scenario is about catching them', () => {
    for (const s of parsed().scenarios) {
      const ids = [s.persona.idNumber, ...(s.agent ? [s.agent.idNumber] : [])];
      if (!s.expected.invalidIdNumber) for (const n of ids) expect(validateIdCard(n).ok, `${s.id} ${n}`).toBe(true);
      const code = s.persona.company?.creditCode;
      if (code && !s.expected.invalidCreditCode) expect(validateCreditCode(code).ok, `${s.id} ${code}`).toBe(true);
      expect(s.persona.address ?? '沈阳市', s.id).toMatch(/^沈阳市/);
    }
  });
});

describe('parsePack: located Chinese errors', () => {
  it('refuses text that is not JSON', () => {
    const [e] = errorsOf('{ "schemaVersion": 1,');
    expect(e.message).toMatch(/^场景包 · \(文件\) · 不是有效的 JSON/);
  });

  it('names the scenario and the field of a schema error', () => {
    const errors = errorsOf(withScenario(1, (s) => {
      s.desk[0].state = 'lost';
      delete s.persona.name;
    }));
    const messages = errors.map((e) => e.message);
    expect(messages.some((m) => m.startsWith('场景 lx-02 · 桌面材料[1].状态 · '))).toBe(true);
    expect(messages.some((m) => m.startsWith('场景 lx-02 · 申请人.姓名 · '))).toBe(true);
    expect(messages.join('\n')).toMatch(/[\u4e00-\u9fff]/);
    expect(messages.join('\n')).not.toMatch(/Invalid|expected/);
  });

  it('requires a defect and its visible description on a defective material', () => {
    const errors = errorsOf(withScenario(0, (s) => {
      s.desk[1].state = 'defective';
    }));
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(['桌面材料[2].缺陷类型', '桌面材料[2].缺陷说明']));
  });

  it.each<[string, string, (s: Record<string, any>) => void, string, RegExp]>([
    ['an unknown item', 'lx-01', (s) => (s.itemCode = '21010099999999999901'), '事项编码', /没有实施编码为/],
    ['a material not in the item', 'lx-01', (s) => (s.desk[0].materialId = 'passport'), '桌面材料[1].材料', /没有材料 passport/],
    ['a situation option that does not exist', 'lx-01', (s) => (s.facts.household = 'abroad'), '情形事实.household', /没有选项 abroad/],
    ['a situation left without a fact', 'lx-01', (s) => delete s.facts.frequent, '情形事实.frequent', /缺少情形/],
    ['a material that does not apply to the facts', 'lx-02', (s) => s.desk.push({ materialId: 'agent-id', state: 'present', cardText: '身份证' }), '桌面材料[4].材料', /不在本次材料清单中/],
    ['a required material left off the desk', 'lx-02', (s) => s.desk.splice(1, 1), '桌面材料', /经营者身份证明/],
    ['an agent by the facts without an agent', 'lx-10', (s) => delete s.agent, '代理人', /须设定代理人/],
    ['an expected missing list that disagrees with the desk', 'lx-16', (s) => (s.expected.missing = []), '预期结果.缺失材料', /gps-cert/],
    ['a decision the checklist does not allow', 'lx-16', (s) => (s.expected.decision = 'accept'), '预期结果.决定', /清单只允许：一次性告知、不予受理/],
    ['accepting a defective material', 'lx-12', (s) => (s.expected = { ...s.expected, decision: 'accept', defective: ['resident-id'] }), '预期结果.决定', /不能为受理/],
    ['a tier the item does not earn', 'lx-06', (s) => (s.expected.tier = 'within30'), '预期结果.立等可取档次', /null/],
    ['a missing tier on a 立等可取 acceptance', 'lx-01', (s) => (s.expected.tier = null), '预期结果.立等可取档次', /within30/],
    ['redirect of an item handled at the window', 'lx-01', (s) => (s.expected = { ...s.expected, decision: 'redirect', tier: null }), '预期结果.决定', /不能引导/],
    ['accepting a sub-centre item', 'lx-08', (s) => (s.expected.decision = 'accept'), '预期结果.决定', /分中心办理/],
    ['accepting an item this level does not handle', 'lx-20', (s) => (s.expected.decision = 'accept'), '预期结果.决定', /应为引导或不予受理/],
    ['a refusal without a reason', 'lx-07', (s) => delete s.expected.refusalReason, '预期结果.不予受理理由', /须写明理由/],
    ['an invalid ID not marked to be caught', 'lx-13', (s) => (s.expected.invalidIdNumber = false), '预期结果.须发现身份证号错误', /应设为 true/],
    ['a valid credit code marked invalid', 'lx-04', (s) => (s.expected.invalidCreditCode = true), '预期结果.须发现信用代码错误', /应设为 false/],
  ])('reports %s', (_name, id, change, field, reason) => {
    const errors = errorsOf(withScenario(indexOf(id), change));
    const e = errors.find((x) => x.field === field);
    expect(e, errors.map((x) => x.message).join('\n')).toBeDefined();
    expect(e!.scenario).toBe(id);
    expect(e!.reason).toMatch(reason);
    expect(e!.message).toBe(`场景 ${id} · ${field} · ${e!.reason}`);
  });

  it('reports duplicate scenario ids', () => {
    const errors = errorsOf(withScenario(1, (s) => (s.id = 'lx-01')));
    expect(errors.map((e) => e.message)).toContain('场景 lx-01 · 编号 · 场景编号重复');
  });
});
