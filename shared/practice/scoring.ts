// The scoring engine of practice mode: one attempt at a scenario → a score out of 100 and
// feedback point by point, each naming the mistake in Chinese. Pure and deterministic: the
// same scenario, item and attempt always give the same result.
//
// Weights (sum 100): decision 30, materials 25, 情形 10, 立等可取 tier 10, identity numbers 10,
// notice 5, time 10. A part that does not apply to a scenario (no materials to judge after a
// refusal or redirect, no 情形, an item without a tier) adds its weight to the decision, so
// every scenario is scored out of 100. Pools split over several lines (materials, 情形) are
// shared out in whole points by largest remainder.
import { z } from 'zod';
import { IMMEDIATE_TIERS, TIER_LABEL, TIER_MINUTES, type ImmediateTier, type Item, type Material } from '../domain/catalogue';
import { Answers, DECISION_LABEL, Decision, Marks, type MaterialMark } from '../domain/checklist';
import { applicableMaterials, evaluateLine, isRequired, type LineStatus } from '../engine/checklist';
import { NOTICE_TITLE, NoticeKind } from '../notice/model';
import { validateCreditCode } from '../validate/creditCode';
import { validateIdCard } from '../validate/idcard';
import { normalizeIdentifier } from '../validate/normalize';
import { CHECKLIST_DECISIONS, NOTICE_FOR_DECISION, expectedMarks, tierFor } from './expected';
import { DEFECT_LABEL, REFERENCE_DAY, type DeskMaterial, type Scenario } from './scenario';

export const WEIGHTS = { decision: 30, materials: 25, situations: 10, tier: 10, identity: 10, notice: 5, time: 10 } as const;
/** A pass needs this score and the right decision. */
export const PASS_SCORE = 80;

export const Attempt = z.object({
  answers: Answers,
  marks: Marks,
  /** null when the trainee stopped without deciding. */
  decision: Decision.nullable(),
  /** Identity numbers as the trainee typed them (empty or absent when not entered). */
  applicant: z
    .object({
      idNumber: z.string().max(40).optional(),
      creditCode: z.string().max(40).optional(),
      agentIdNumber: z.string().max(40).optional(),
    })
    .default({}),
  /** The trainee reported an identity number (ID or credit code) as failing its check. */
  flaggedInvalidId: z.boolean(),
  noticeKind: NoticeKind.nullable(),
  elapsedSeconds: z.number().min(0),
  /** The 立等可取 tier the case got; derived from the checklist when absent. */
  tier: z.enum(IMMEDIATE_TIERS).nullable().optional(),
});
export type Attempt = z.input<typeof Attempt>;

export const ScorePoint = z.object({
  /** Stable key for statistics: 'decision', 'material:<id>', 'situation:<id>', 'tier', 'identity', 'notice', 'time'. */
  key: z.string(),
  label: z.string(),
  earned: z.number().int().min(0),
  max: z.number().int().min(0),
  /** One Chinese sentence naming the mistake; null when the point is earned in full. */
  feedback: z.string().nullable(),
});
export type ScorePoint = z.infer<typeof ScorePoint>;

export const ScoreResult = z.object({
  score: z.number().int().min(0).max(100),
  maxScore: z.literal(100),
  passed: z.boolean(),
  points: z.array(ScorePoint),
});
export type ScoreResult = z.infer<typeof ScoreResult>;

/** Splits `total` whole points over `n` lines as evenly as possible, earlier lines first. */
export function share(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

/** '2 分 10 秒', '45 秒', '3 分'. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (m === 0) return `${r} 秒`;
  // 分钟, never a bare 分: beside a score, 「目标 5 分」 reads as five points.
  return r === 0 ? `${m} 分钟` : `${m} 分钟 ${r} 秒`;
}

const point = (key: string, label: string, max: number, earned: number, feedback: string | null): ScorePoint => ({
  key,
  label,
  earned: Math.max(0, Math.min(max, earned)),
  max,
  feedback: earned >= max ? null : feedback,
});

const materialName = (m: Material) => `${m.name}（${m.form}）`;

/** How the trainee's mark for one desk material compares with the desk: earned fraction and the mistake. */
function judgeMaterial(m: Material, desk: DeskMaterial | undefined, mark: MaterialMark | undefined): [number, string | null] {
  const status: LineStatus = evaluateLine(m, mark).status;
  const state = desk?.state ?? 'missing';
  const defect = desk?.defect ? DEFECT_LABEL[desk.defect] : '不符合法定形式';
  if (state === 'present') {
    if (status === 'satisfied') return [1, null];
    if (status === 'defective') return [0, `误判为不符合法定形式：${materialName(m)}`];
    return [0, `漏收材料：${materialName(m)}`];
  }
  if (state === 'missing') {
    if (status === 'missing' || (status === 'deferred' && m.necessity === '可容缺')) return [1, null];
    if (!isRequired(m) && status === 'unchecked') return [1, null];
    if (status === 'defective') return [0.5, `材料问题判断不准：${materialName(m)}应为缺失`];
    if (status === 'unchecked') return [0, `未核对材料，没有发现缺少：${materialName(m)}`];
    return [0, `缺少的材料被当作已收：${materialName(m)}`];
  }
  // defective
  if (status === 'defective') {
    return mark?.mark === 'defective' && !mark.note ? [0.5, `未写明材料缺陷原因：${m.name}（${defect}）`] : [1, null];
  }
  if (status === 'missing') return [0.5, `材料问题判断不准：${m.name}应为不符合法定形式（${defect}），不是缺失`];
  if (status === 'unchecked') return [0, `未核对材料，没有发现缺陷：${m.name}（${defect}）`];
  return [0, `错误接收了不符合法定形式的材料：${m.name}（${defect}）`];
}

/** The materials a scenario judges: those on the desk plus every required one of the facts' checklist. */
function judgedMaterials(scenario: Scenario, item: Item): Material[] {
  const onDesk = new Set(scenario.desk.map((d) => d.materialId));
  return applicableMaterials(item, scenario.facts).filter((m) => isRequired(m) || onDesk.has(m.id));
}

const TIER_TEXT = (t: ImmediateTier | null) => (t === null ? '不属立等可取' : `${TIER_LABEL[t]}（${TIER_MINUTES[t]}分钟内）`);

function identityMistakes(scenario: Scenario, attempt: z.output<typeof Attempt>): { catchFailed: string[]; typed: string[] } {
  const catchFailed: string[] = [];
  const typed: string[] = [];
  const exp = scenario.expected;
  const flagged = attempt.flaggedInvalidId;
  const idProblem = (n: string) => {
    const r = validateIdCard(n, REFERENCE_DAY);
    return r.ok ? null : r.message;
  };
  if (exp.invalidIdNumber && !flagged) {
    const msg = idProblem(scenario.persona.idNumber) ?? (scenario.agent ? idProblem(scenario.agent.idNumber) : null) ?? '';
    catchFailed.push(msg.startsWith('身份证号校验位错误') ? '未发现身份证号校验位错误' : `未发现身份证号错误：${msg}`);
  }
  if (exp.invalidCreditCode && !flagged) {
    const code = scenario.persona.company?.creditCode;
    const r = code !== undefined ? validateCreditCode(code) : { ok: true as const };
    const msg = r.ok ? '' : r.message;
    catchFailed.push(msg.startsWith('统一社会信用代码校验位错误') ? '未发现统一社会信用代码校验位错误' : `未发现统一社会信用代码错误：${msg}`);
  }
  if (!exp.invalidIdNumber && !exp.invalidCreditCode && flagged) catchFailed.push('误报证件号码错误：申请人的证件号码校验无误');
  const compare = (entered: string | undefined, actual: string | undefined, label: string) => {
    if (!entered || actual === undefined) return;
    if (normalizeIdentifier(entered) !== normalizeIdentifier(actual)) typed.push(`录入的${label}与证件不一致`);
  };
  compare(attempt.applicant.idNumber, scenario.persona.idNumber, '身份证号');
  compare(attempt.applicant.creditCode, scenario.persona.company?.creditCode, '统一社会信用代码');
  compare(attempt.applicant.agentIdNumber, scenario.agent?.idNumber, '代理人身份证号');
  return { catchFailed, typed };
}

export function scoreAttempt(scenario: Scenario, item: Item, input: Attempt): ScoreResult {
  const attempt = Attempt.parse(input);
  const exp = scenario.expected;
  const checklistScenario = CHECKLIST_DECISIONS.includes(exp.decision) && item.subCenterCode === null;
  const materials = checklistScenario ? judgedMaterials(scenario, item) : [];
  const situations = checklistScenario ? item.situations.filter((s) => s.id in scenario.facts) : [];
  const tierApplies = checklistScenario && (item.immediateTier !== null || exp.tier !== null);

  let decisionMax: number = WEIGHTS.decision;
  if (materials.length === 0) decisionMax += WEIGHTS.materials;
  if (situations.length === 0) decisionMax += WEIGHTS.situations;
  if (!tierApplies) decisionMax += WEIGHTS.tier;

  const points: ScorePoint[] = [];
  const right = attempt.decision === exp.decision;
  points.push(
    point(
      'decision',
      '受理决定',
      decisionMax,
      right ? decisionMax : 0,
      attempt.decision === null
        ? `未作出决定：应为${DECISION_LABEL[exp.decision]}`
        : `决定错误：应为${DECISION_LABEL[exp.decision]}，实际为${DECISION_LABEL[attempt.decision]}`,
    ),
  );

  share(WEIGHTS.situations, situations.length).forEach((max, i) => {
    const s = situations[i];
    const want = scenario.facts[s.id];
    const got = attempt.answers[s.id];
    const label = (v: string | undefined) => s.options.find((o) => o.value === v)?.label;
    const feedback =
      label(got) === undefined
        ? `未问清情形：${s.question}（应为「${label(want)}」）`
        : `情形选择错误：${s.question}应为「${label(want)}」，实际为「${label(got)}」`;
    points.push(point(`situation:${s.id}`, `情形：${s.question}`, max, got === want ? max : 0, feedback));
  });

  share(WEIGHTS.materials, materials.length).forEach((max, i) => {
    const m = materials[i];
    const desk = scenario.desk.find((d) => d.materialId === m.id);
    const [fraction, feedback] = judgeMaterial(m, desk, attempt.marks[m.id]);
    points.push(point(`material:${m.id}`, `材料：${m.name}`, max, Math.floor(max * fraction), feedback));
  });

  if (tierApplies) {
    const got = attempt.tier !== undefined ? attempt.tier : tierFor(item, scenario.officeLevel, attempt.answers, attempt.marks, attempt.decision);
    points.push(point('tier', '立等可取档次', WEIGHTS.tier, got === exp.tier ? WEIGHTS.tier : 0, `立等可取档次错误：应为${TIER_TEXT(exp.tier)}，实际为${TIER_TEXT(got)}`));
  }

  const { catchFailed, typed } = identityMistakes(scenario, attempt);
  const identityEarned = catchFailed.length ? 0 : typed.length ? WEIGHTS.identity / 2 : WEIGHTS.identity;
  points.push(point('identity', '证件号码核验', WEIGHTS.identity, identityEarned, [...catchFailed, ...typed].join('；')));

  const wantNotice = attempt.decision === null ? NOTICE_FOR_DECISION[exp.decision] : NOTICE_FOR_DECISION[attempt.decision];
  const noticeOk = attempt.decision !== null && attempt.noticeKind === wantNotice;
  points.push(
    point(
      'notice',
      '打印文书',
      WEIGHTS.notice,
      noticeOk ? WEIGHTS.notice : 0,
      attempt.noticeKind === null
        ? `未打印文书：应打印${NOTICE_TITLE[wantNotice]}`
        : `打印文书错误：应为${NOTICE_TITLE[wantNotice]}，实际为${NOTICE_TITLE[attempt.noticeKind]}`,
    ),
  );

  // Full marks within the target; then falling linearly to nothing at twice the target.
  const over = attempt.elapsedSeconds - exp.timeTargetSeconds;
  const timeEarned = over <= 0 ? WEIGHTS.time : Math.floor(WEIGHTS.time * Math.max(0, 1 - over / exp.timeTargetSeconds));
  points.push(point('time', '用时', WEIGHTS.time, timeEarned, `超出目标用时 ${formatDuration(Math.ceil(over))}`));

  const score = points.reduce((sum, p) => sum + p.earned, 0);
  return { score, maxScore: 100, passed: right && score >= PASS_SCORE, points };
}

/**
 * The model answer (示范): the attempt a careful clerk makes, within the time target. It
 * scores 100; the UI can show it after an attempt and tests use it as the full-score run.
 */
export function modelAttempt(scenario: Scenario, item: Item): z.output<typeof Attempt> {
  const exp = scenario.expected;
  return {
    answers: { ...scenario.facts },
    marks: expectedMarks(scenario, item),
    decision: exp.decision,
    applicant: {
      idNumber: scenario.persona.idNumber,
      ...(scenario.persona.company?.creditCode ? { creditCode: scenario.persona.company.creditCode } : {}),
      ...(scenario.agent ? { agentIdNumber: scenario.agent.idNumber } : {}),
    },
    flaggedInvalidId: exp.invalidIdNumber || exp.invalidCreditCode,
    noticeKind: NOTICE_FOR_DECISION[exp.decision],
    elapsedSeconds: exp.timeTargetSeconds,
  };
}
