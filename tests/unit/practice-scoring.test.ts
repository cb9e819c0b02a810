import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoCatalogue } from '../../shared/demo/catalogue';
import type { Item, Material } from '../../shared/domain/catalogue';
import { DECISIONS, DECISION_LABEL, MARKS, type Decision, type MaterialMark } from '../../shared/domain/checklist';
import { applicableMaterials, evaluateLine, isRequired } from '../../shared/engine/checklist';
import { builtinPack } from '../../shared/practice/builtinPack';
import { NOTICE_FOR_DECISION, tierFor, expectedMarks } from '../../shared/practice/expected';
import { DEFECTS, DEFECT_LABEL, Scenario, scenarioErrors, type DeskMaterial, type ScenarioInput } from '../../shared/practice/scenario';
import { formatDuration, modelAttempt, scoreAttempt, share, type Attempt, type ScoreResult } from '../../shared/practice/scoring';
import { idCardCheckChar } from '../../shared/validate/idcard';

const scenarios = builtinPack.scenarios.map((s) => Scenario.parse(s));
const byId = (id: string) => scenarios.find((s) => s.id === id)!;
const itemOf = (s: Scenario) => demoCatalogue.items.find((i) => i.code === s.itemCode)!;

function score(id: string, change: (a: ReturnType<typeof modelAttempt>) => void = () => {}): ScoreResult {
  const s = byId(id);
  const attempt = modelAttempt(s, itemOf(s));
  change(attempt);
  return scoreAttempt(s, itemOf(s), attempt);
}

const failed = (r: ScoreResult) => r.points.filter((p) => p.earned < p.max);
const feedback = (r: ScoreResult) => failed(r).map((p) => p.feedback);

describe('scoring: table of mistakes', () => {
  const decide = (d: Decision | null) => (a: Attempt) => {
    a.decision = d;
    a.noticeKind = d === null ? null : NOTICE_FOR_DECISION[d];
  };
  it.each<[string, string, (a: ReturnType<typeof modelAttempt>) => void, number, string[]]>([
    ['wrong decision', 'lx-16', decide('accept'), 70, ['决定错误：应为一次性告知，实际为受理']],
    [
      'accepting an expired ID',
      'lx-12',
      (a) => {
        decide('accept')(a);
        a.marks['resident-id'] = { mark: 'eCert' };
      },
      35,
      ['决定错误：应为一次性告知，实际为受理', '错误接收了不符合法定形式的材料：申请人居民身份证（已过期）', '立等可取档次错误：应为不属立等可取，实际为极速办（30分钟内）'],
    ],
    [
      'an unchecked material on a 立等可取 case',
      'lx-01',
      (a) => delete a.marks['application'],
      77,
      ['漏收材料：无犯罪记录证明申请表（原件）', '立等可取档次错误：应为极速办（30分钟内），实际为不属立等可取'],
    ],
    ['a present material marked missing', 'lx-02', (a) => (a.marks['resident-id'] = { mark: 'missing' }), 82, ['漏收材料：经营者身份证明（原件核验）', '立等可取档次错误：应为快速办（60分钟内），实际为不属立等可取']],
    ['a present material marked defective', 'lx-02', (a) => (a.marks['premises-pledge'] = { mark: 'defective', note: '没签字' }), 82, ['误判为不符合法定形式：经营场所申报承诺书（原件）', '立等可取档次错误：应为快速办（60分钟内），实际为不属立等可取']],
    ['a missing material taken as received', 'lx-16', (a) => (a.marks['gps-cert'] = { mark: 'copyReceived' }), 97, ['缺少的材料被当作已收：卫星定位装置安装证明（复印件）']],
    ['a missing material marked defective', 'lx-16', (a) => (a.marks['gps-cert'] = { mark: 'defective', note: '不清楚' }), 98, ['材料问题判断不准：卫星定位装置安装证明（复印件）应为缺失']],
    ['a defect without a reason for the notice', 'lx-19', (a) => (a.marks['check-authorization'] = { mark: 'defective' }), 98, ['未写明材料缺陷原因：家庭经济状况核查授权书（未签字盖章）']],
    ['a wrong 情形', 'lx-05', (a) => (a.answers.action = 'change'), 96, ['情形选择错误：申请类型？应为「新办」，实际为「变更」']],
    ['a 情形 never asked', 'lx-05', (a) => delete a.answers.vending, 97, ['未问清情形：是否利用自动售货设备从事食品销售？（应为「否」）']],
    ['an invalid ID not caught', 'lx-13', (a) => (a.flaggedInvalidId = false), 90, ['未发现身份证号校验位错误']],
    ['an agent’s invalid ID not caught', 'lx-23', (a) => (a.flaggedInvalidId = false), 90, ['未发现身份证号校验位错误']],
    ['an invalid credit code not caught', 'lx-14', (a) => (a.flaggedInvalidId = false), 90, ['未发现统一社会信用代码校验位错误']],
    ['a false alarm on a valid ID', 'lx-01', (a) => (a.flaggedInvalidId = true), 90, ['误报证件号码错误：申请人的证件号码校验无误']],
    ['an ID number typed wrong', 'lx-01', (a) => (a.applicant.idNumber = '210102199604120310'), 95, ['录入的身份证号与证件不一致']],
    ['the wrong notice', 'lx-11', (a) => (a.noticeKind = 'acceptance'), 95, ['打印文书错误：应为一次性告知书，实际为受理通知书']],
    ['no notice', 'lx-11', (a) => (a.noticeKind = null), 95, ['未打印文书：应打印一次性告知书']],
    ['over the time target', 'lx-01', (a) => (a.elapsedSeconds = 430), 95, ['超出目标用时 2 分钟 10 秒']],
    ['twice the time target', 'lx-01', (a) => (a.elapsedSeconds = 600), 90, ['超出目标用时 5 分钟']],
    ['accepting an applicant who is not eligible', 'lx-07', decide('accept'), 25, ['决定错误：应为不予受理，实际为受理']],
    ['no decision on a redirect', 'lx-08', decide(null), 20, ['未作出决定：应为引导至分中心', '未打印文书：应打印引导告知单']],
  ])('%s', (_name, id, change, expectedScore, expectedFeedback) => {
    const r = score(id, change);
    expect(feedback(r)).toEqual(expectedFeedback);
    expect(r.score).toBe(expectedScore);
    expect(r.maxScore).toBe(100);
    expect(r.points.reduce((s, p) => s + p.max, 0)).toBe(100);
  });

  it('passes only with the right decision and at least 80 points', () => {
    expect(score('lx-01').passed).toBe(true);
    expect(score('lx-01', (a) => (a.elapsedSeconds = 600)).passed).toBe(true);
    expect(score('lx-16', decide('accept')).passed).toBe(false);
    expect(score('lx-01', (a) => {
      delete a.marks['application'];
      a.flaggedInvalidId = true;
    }).passed).toBe(false);
  });

  it('accepts catching a defect by copies or form instead of the defective mark', () => {
    expect(score('lx-24', (a) => (a.marks['photos'] = { mark: 'verified', copies: 2 })).score).toBe(100);
    expect(score('lx-11', (a) => (a.marks['divorce-docs'] = { mark: 'copyReceived' })).score).toBe(100);
  });

  it('takes a recorded tier over the derived one', () => {
    expect(feedback(score('lx-01', (a) => (a.tier = 'within60')))).toEqual(['立等可取档次错误：应为极速办（30分钟内），实际为快速办（60分钟内）']);
  });

  it('folds parts that do not apply into the decision', () => {
    const refuse = score('lx-07');
    expect(refuse.points.map((p) => [p.key, p.max])).toEqual([['decision', 75], ['identity', 10], ['notice', 5], ['time', 10]]);
  });

  it('shares points in whole numbers', () => {
    expect(share(25, 7)).toEqual([4, 4, 4, 4, 3, 3, 3]);
    expect(share(10, 3)).toEqual([4, 3, 3]);
    expect(formatDuration(45)).toBe('45 秒');
    expect(formatDuration(130)).toBe('2 分钟 10 秒');
    expect(formatDuration(300)).toBe('5 分钟'); // 「目标 5 分」 read as points
  });
});

// ── Properties ──────────────────────────────────────────────────────────────

const satisfyingMarks = (m: Material) => MARKS.filter((k) => evaluateLine(m, { mark: k }).status === 'satisfied');

/** Another way a careful clerk may record the same desk: any satisfying mark, any wording. */
function variedMark(m: Material, desk: DeskMaterial, decision: Decision, pick: number, note: string): MaterialMark {
  if (desk.state === 'present') {
    const ok = satisfyingMarks(m);
    return { mark: ok[pick % ok.length], ...(pick % 2 ? { copies: m.copies } : {}) };
  }
  if (desk.state === 'missing') {
    if (m.necessity === '可容缺' && decision === 'acceptWithDeferral') return { mark: 'deferred', note };
    return m.necessity === '可容缺' && pick % 2 ? { mark: 'deferred' } : { mark: 'missing', ...(pick % 3 ? { note } : {}) };
  }
  if (desk.defect === 'copyInsteadOfOriginal' && m.form !== '复印件' && pick % 2) return { mark: 'copyReceived' };
  if (desk.defect === 'insufficientCopies' && m.copies > 0 && pick % 2) return { mark: 'verified', copies: m.copies - 1 };
  return { mark: 'defective', note };
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** The same number as a clerk might type it: lower case, spaces, full-width digits. */
const typedVariant = (n: string, k: number) => [n, n.toLowerCase(), `${n.slice(0, 6)} ${n.slice(6, 14)} ${n.slice(14)}`, FULL_WIDTH(n)][k % 4];

function expectFull(r: ScoreResult) {
  expect(failed(r)).toEqual([]);
  expect(r.score).toBe(100);
  expect(r.passed).toBe(true);
}

describe('scoring: properties', () => {
  it('the model attempt of every built-in scenario scores 100', () => {
    for (const s of scenarios) expectFull(scoreAttempt(s, itemOf(s), modelAttempt(s, itemOf(s))));
  });

  it('any attempt that follows the expected outcome scores 100 (built-in scenarios, varied recording)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.nat(11), { minLength: 20, maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim().length > 0),
        (s, timeShare, picks, note) => {
          const item = itemOf(s);
          const a = modelAttempt(s, item);
          a.elapsedSeconds = Math.floor(s.expected.timeTargetSeconds * timeShare);
          s.desk.forEach((d, i) => {
            const m = item.materials.find((x) => x.id === d.materialId)!;
            a.marks[m.id] = variedMark(m, d, s.expected.decision, picks[i % picks.length], note.trim());
          });
          a.applicant.idNumber = typedVariant(s.persona.idNumber, picks[0]);
          if (a.applicant.agentIdNumber) a.applicant.agentIdNumber = typedVariant(a.applicant.agentIdNumber, picks[1]);
          if (a.applicant.creditCode) a.applicant.creditCode = typedVariant(a.applicant.creditCode, picks[2]);
          expectFull(scoreAttempt(s, item, a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a deliberate mistake lowers the score and is named: any wrong decision', () => {
    for (const s of scenarios) {
      for (const d of DECISIONS.filter((x) => x !== s.expected.decision)) {
        const a = modelAttempt(s, itemOf(s));
        a.decision = d;
        a.noticeKind = NOTICE_FOR_DECISION[d];
        const r = scoreAttempt(s, itemOf(s), a);
        expect(r.score).toBeLessThan(100);
        expect(r.passed).toBe(false);
        expect(feedback(r)).toContain(`决定错误：应为${DECISION_LABEL[s.expected.decision]}，实际为${DECISION_LABEL[d]}`);
      }
    }
  });

  it('a deliberate mistake lowers the score and is named: accepting a defective material', () => {
    const withDefects = scenarios.filter((s) => s.desk.some((d) => d.state === 'defective'));
    expect(withDefects.length).toBeGreaterThan(5);
    for (const s of withDefects) {
      const item = itemOf(s);
      for (const d of s.desk.filter((x) => x.state === 'defective')) {
        const m = item.materials.find((x) => x.id === d.materialId)!;
        const a = modelAttempt(s, item);
        a.marks[m.id] = { mark: satisfyingMarks(m)[0] };
        const r = scoreAttempt(s, item, a);
        expect(r.score).toBeLessThan(100);
        expect(feedback(r)).toContain(`错误接收了不符合法定形式的材料：${m.name}（${DEFECT_LABEL[d.defect!]}）`);
      }
    }
  });
});

// Generated scenarios: any item, any facts, any desk, with the outcome the engine implies.
const VALID_ID = (() => {
  const f = '21010219800101001';
  return f + idCardCheckChar(f);
})();

const windowItems: Item[] = demoCatalogue.items;
/** Items with a 可容缺 material are few; draw them often enough to reach 容缺受理. */
const deferrable = windowItems.filter((i) => i.materials.some((m) => m.necessity === '可容缺'));

const scenarioArb = fc
  .record({
    item: fc.oneof(fc.constantFrom(...windowItems), fc.constantFrom(...deferrable)),
    optionPicks: fc.array(fc.nat(20), { minLength: 10, maxLength: 10 }),
    statePicks: fc.array(fc.nat(20), { minLength: 60, maxLength: 60 }),
    levelPick: fc.nat(3),
    refuse: fc.boolean(),
    /** clean: all handed in; defer: only 可容缺 materials missing; mixed: anything goes. */
    mode: fc.constantFrom('clean', 'defer', 'mixed'),
    target: fc.integer({ min: 30, max: 7200 }),
  })
  .map(({ item, optionPicks, statePicks, levelPick, refuse, mode, target }): ScenarioInput => {
    const facts = Object.fromEntries(item.situations.map((s, i) => [s.id, s.options[optionPicks[i] % s.options.length].value]));
    const officeLevel = item.levels[levelPick % item.levels.length];
    const redirect = item.subCenterCode !== null;
    const desk: DeskMaterial[] = redirect
      ? []
      : applicableMaterials(item, facts)
          .filter(isRequired)
          .map((m, i) => {
            const k = mode === 'mixed' ? statePicks[i] : 2;
            if (mode === 'defer' && m.necessity === '可容缺') return { materialId: m.id, state: 'missing' };
            if (k % 3 === 0) return { materialId: m.id, state: 'missing' };
            if (k % 3 === 1) return { materialId: m.id, state: 'defective', defect: DEFECTS[k % DEFECTS.length], defectText: '检查发现问题', cardText: m.name };
            return { materialId: m.id, state: 'present', cardText: m.name };
          });
    const required = desk.map((d) => [d, item.materials.find((m) => m.id === d.materialId)!] as const);
    const blocked = required.some(([d, m]) => d.state === 'defective' || (d.state === 'missing' && m.necessity !== '可容缺'));
    const deferred = required.some(([d]) => d.state === 'missing');
    const decision: Decision = redirect ? 'redirect' : refuse ? 'refuse' : blocked ? 'notifyMissing' : deferred ? 'acceptWithDeferral' : 'accept';
    const draft = Scenario.parse({
      id: 'gen',
      title: '生成的场景',
      level: '综合',
      officeLevel,
      persona: { name: '测试', idNumber: VALID_ID, phone: '13800000000', ...(item.serveTargets.includes('自然人') ? {} : { company: { name: '测试公司', legalRepresentative: '测试' } }) },
      request: '我来办事',
      itemCode: item.code,
      facts,
      desk,
      expected: {
        decision,
        missing: desk.filter((d) => d.state === 'missing').map((d) => d.materialId),
        defective: desk.filter((d) => d.state === 'defective').map((d) => d.materialId),
        tier: null,
        timeTargetSeconds: target,
        refusalReason: '不符合申请条件',
      },
    });
    const agent = !redirect && item.situations.some((s) => s.options.some((o) => o.agent && o.value === facts[s.id]));
    const tier = tierFor(item, officeLevel, facts, expectedMarks(draft, item), decision);
    return {
      ...draft,
      ...(agent ? { agent: { name: '代理人', idNumber: VALID_ID, phone: '13900000000' } } : {}),
      expected: { ...draft.expected, tier },
    };
  });

describe('scoring: generated scenarios', () => {
  it('generates every decision and tier', () => {
    const sample = fc.sample(scenarioArb, { numRuns: 400, seed: 1 });
    expect(new Set(sample.map((s) => s.expected.decision))).toEqual(new Set(DECISIONS));
    expect(new Set(sample.map((s) => s.expected.tier)).size).toBe(4);
  });

  it('a generated scenario passes the pack cross-checks and its model attempt scores 100', () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0, max: 1, noNaN: true }), (input, timeShare) => {
        const s = Scenario.parse(input);
        const item = windowItems.find((i) => i.code === s.itemCode)!;
        expect(scenarioErrors(s, demoCatalogue).map((e) => e.message)).toEqual([]);
        const a = modelAttempt(s, item);
        a.elapsedSeconds = s.expected.timeTargetSeconds * timeShare;
        expectFull(scoreAttempt(s, item, a));
      }),
      { numRuns: 400 },
    );
  });
});
