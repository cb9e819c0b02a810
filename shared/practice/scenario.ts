// Practice scenarios (练习场景): an applicant walking up to the window, what lies on the desk,
// and what a careful clerk should do. Packs of scenarios are JSON documents a trainer can
// import, edit and export; `parsePack` checks the schema and then the scenario against the
// catalogue and the checklist engine, so a pack can never expect an outcome the workstation
// would not allow.
import { jsonSyntaxMessage, plainIssue } from '../text/plainErrors';
import { stripBom } from '../text/decodeFile';
import { z } from 'zod';
import { IMMEDIATE_TIERS, LEVEL_LABEL, LEVELS, TIER_LABEL, type Catalogue } from '../domain/catalogue';
import { Answers, DECISION_LABEL, DECISIONS } from '../domain/checklist';
import { applicableMaterials, evaluateChecklist, isRequired, unansweredSituations } from '../engine/checklist';
import { validateCreditCode } from '../validate/creditCode';
import { validateIdCard } from '../validate/idcard';
import { CHECKLIST_DECISIONS, expectedMarks, tierFor } from './expected';

export const PACK_SCHEMA_VERSION = 1;

export const SCENARIO_LEVELS = ['入门', '进阶', '综合'] as const;
export const ScenarioLevel = z.enum(SCENARIO_LEVELS);
export type ScenarioLevel = z.infer<typeof ScenarioLevel>;

export const DESK_STATES = ['present', 'missing', 'defective'] as const;
export const DeskState = z.enum(DESK_STATES);
export type DeskState = z.infer<typeof DeskState>;

export const DEFECTS = ['expired', 'copyInsteadOfOriginal', 'wrongName', 'unsigned', 'insufficientCopies', 'other'] as const;
export const Defect = z.enum(DEFECTS);
export type Defect = z.infer<typeof Defect>;
/** Short Chinese name of a defect, used in feedback: '居民身份证（已过期）'. */
export const DEFECT_LABEL: Record<Defect, string> = {
  expired: '已过期',
  copyInsteadOfOriginal: '以复印件代替原件',
  wrongName: '姓名或名称不符',
  unsigned: '未签字盖章',
  insufficientCopies: '份数不足',
  other: '不符合法定形式',
};

const text = (max: number) => z.string().trim().min(1).max(max);
/** Identity numbers are kept exactly as printed on the persona's documents: deliberately invalid ones are allowed. */
const rawNumber = z.string().trim().min(1).max(40);

export const Company = z.object({
  name: text(100),
  /** Absent for a company not yet registered (设立登记). */
  creditCode: rawNumber.optional(),
  legalRepresentative: text(30),
});
export type Company = z.infer<typeof Company>;

export const Persona = z.object({
  name: text(30),
  idNumber: rawNumber,
  phone: z.string().trim().min(1).max(30),
  address: z.string().trim().max(200).optional(),
  company: Company.optional(),
  /** What the trainee sees of the person (age, manner): colour for the trainer, not scored. */
  description: z.string().trim().max(300).optional(),
});
export type Persona = z.infer<typeof Persona>;

export const AgentPersona = z.object({
  name: text(30),
  idNumber: rawNumber,
  phone: z.string().trim().min(1).max(30),
  /** Relation to the applicant, in the agent's words (女儿, 公司员工 …). */
  relation: z.string().trim().max(30).optional(),
});
export type AgentPersona = z.infer<typeof AgentPersona>;

export const DeskMaterial = z
  .object({
    /** A material id of the scenario's item. */
    materialId: text(64),
    state: DeskState,
    defect: Defect.optional(),
    /** What the trainee finds on inspection, e.g. '身份证有效期至 2024-05-01，已过期'. */
    defectText: z.string().trim().max(300).optional(),
    /** What the card shows at first glance. Not needed for a missing material: it is not on the desk. */
    cardText: z.string().trim().max(200).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.state === 'defective') {
      if (!m.defect) ctx.addIssue({ code: 'custom', path: ['defect'], message: '有缺陷的材料须写明缺陷类型' });
      if (!m.defectText) ctx.addIssue({ code: 'custom', path: ['defectText'], message: '有缺陷的材料须写明检查时看到的缺陷' });
    } else if (m.defect || m.defectText) {
      ctx.addIssue({ code: 'custom', path: ['defect'], message: '只有状态为 defective 的材料才能写缺陷' });
    }
    if (m.state !== 'missing' && !m.cardText) ctx.addIssue({ code: 'custom', path: ['cardText'], message: '桌上的材料须有卡片文字' });
  });
export type DeskMaterial = z.infer<typeof DeskMaterial>;

/** Something the applicant brought that the item does not ask for (a distraction). */
export const DeskExtra = z.object({
  cardText: text(200),
  detailText: z.string().trim().max(300).optional(),
});
export type DeskExtra = z.infer<typeof DeskExtra>;

export const ExpectedOutcome = z.object({
  decision: z.enum(DECISIONS),
  /** Material ids the clerk must find missing / defective (must agree with the desk). */
  missing: z.array(z.string()).default([]),
  defective: z.array(z.string()).default([]),
  /** 立等可取 tier the case gets when handled correctly, or null. */
  tier: z.enum(IMMEDIATE_TIERS).nullable(),
  /** An identity number (applicant's or agent's ID) fails its GB 11643 check and must be caught. */
  invalidIdNumber: z.boolean().default(false),
  /** The company's credit code fails its GB 32100 check and must be caught. */
  invalidCreditCode: z.boolean().default(false),
  timeTargetSeconds: z.number().int().min(30).max(7200),
  /** Why 不予受理 is right: shown to the trainee afterwards. Required for refuse. */
  refusalReason: z.string().trim().max(300).optional(),
  /** The trainer's explanation of the right handling, shown after the attempt. */
  explanation: z.string().trim().max(1000).optional(),
});
export type ExpectedOutcome = z.infer<typeof ExpectedOutcome>;

export const Scenario = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, '场景编号应为 1–40 位字母、数字或连字符'),
  title: text(60),
  level: ScenarioLevel,
  /** The level of the office where the trainee sits (a village 代办点, a district centre …). */
  officeLevel: z.enum(LEVELS),
  persona: Persona,
  agent: AgentPersona.optional(),
  /** The request in the applicant's own words: '我想开个小饭馆'. */
  request: text(200),
  itemCode: text(40),
  /** situationId → option value: the facts the trainee must find out by asking. */
  facts: Answers,
  /** situationId → how the applicant answers when asked, in their own words. */
  replies: z.record(z.string(), z.string().trim().max(200)).default({}),
  desk: z.array(DeskMaterial).max(60),
  extras: z.array(DeskExtra).max(20).default([]),
  expected: ExpectedOutcome,
});
export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

export const ScenarioPack = z.object({
  schemaVersion: z.literal(PACK_SCHEMA_VERSION),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, '场景包编号应为 1–40 位字母、数字或连字符'),
  title: text(60),
  version: z.number().int().min(1),
  scenarios: z.array(Scenario).min(1).max(500),
});
export type ScenarioPack = z.output<typeof ScenarioPack>;
export type ScenarioPackInput = z.input<typeof ScenarioPack>;

// ── Parsing and cross-checks ────────────────────────────────────────────────

export interface PackError {
  /** The scenario the error is in (its id, or '第N个' when the id itself is unusable). */
  scenario?: string;
  field: string;
  reason: string;
  /** '场景 <id> · 字段 · 原因', or '场景包 · 字段 · 原因' for the pack itself. */
  message: string;
}

export type PackParse = { ok: true; pack: ScenarioPack } | { ok: false; errors: PackError[] };

const FIELD_LABEL: Record<string, string> = {
  schemaVersion: '格式版本',
  version: '版本',
  scenarios: '场景',
  id: '编号',
  title: '标题',
  level: '难度',
  officeLevel: '办理层级',
  persona: '申请人',
  agent: '代理人',
  name: '姓名',
  idNumber: '身份证号',
  phone: '电话',
  address: '住址',
  company: '企业',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  description: '外貌描述',
  relation: '关系',
  request: '诉求',
  itemCode: '事项编码',
  facts: '情形事实',
  replies: '答问',
  desk: '桌面材料',
  materialId: '材料',
  state: '状态',
  defect: '缺陷类型',
  defectText: '缺陷说明',
  cardText: '卡片文字',
  extras: '无关材料',
  detailText: '细节',
  expected: '预期结果',
  decision: '决定',
  missing: '缺失材料',
  defective: '缺陷材料',
  tier: '立等可取档次',
  invalidIdNumber: '须发现身份证号错误',
  invalidCreditCode: '须发现信用代码错误',
  timeTargetSeconds: '目标用时（秒）',
  refusalReason: '不予受理理由',
  explanation: '讲解',
};

/** ['desk', 2, 'state'] → '桌面材料[3].状态' (1-based, as a trainer counts). */
export function fieldLabel(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p + 1}]`;
    else out += (out ? '.' : '') + (FIELD_LABEL[String(p)] ?? String(p));
  }
  return out || '(整体)';
}

function packError(scenario: string | undefined, field: string, reason: string): PackError {
  const where = scenario === undefined ? '场景包' : `场景 ${scenario}`;
  return { ...(scenario === undefined ? {} : { scenario }), field, reason, message: `${where} · ${field} · ${reason}` };
}

/** Dates in identity numbers are judged against a fixed day so that parsing stays deterministic. */
export const REFERENCE_DAY = new Date('2026-01-01T00:00:00+08:00');

export function parsePack(json: string, catalogue: Catalogue): PackParse {
  let data: unknown;
  const text = stripBom(json);
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [packError(undefined, '(文件)', jsonSyntaxMessage(text, e))] };
  }
  return validatePack(data, catalogue);
}

export function validatePack(data: unknown, catalogue: Catalogue): PackParse {
  const parsed = ScenarioPack.safeParse(data, { error: z.locales.zhCN().localeError, reportInput: true });
  if (!parsed.success) {
    const raw = (data as { scenarios?: unknown } | null)?.scenarios;
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const [head, index, ...rest] = issue.path;
        if (head === 'scenarios' && typeof index === 'number') {
          const id = Array.isArray(raw) ? (raw[index] as { id?: unknown } | undefined)?.id : undefined;
          return packError(typeof id === 'string' && id ? id : `第${index + 1}个`, fieldLabel(rest), plainIssue(issue));
        }
        return packError(undefined, fieldLabel(issue.path), plainIssue(issue));
      }),
    };
  }
  const pack = parsed.data;
  const errors: PackError[] = [];
  const seen = new Set<string>();
  for (const s of pack.scenarios) {
    if (seen.has(s.id)) errors.push(packError(s.id, '编号', '场景编号重复'));
    seen.add(s.id);
    errors.push(...scenarioErrors(s, catalogue));
  }
  return errors.length ? { ok: false, errors } : { ok: true, pack };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set(a).size === new Set([...a, ...b]).size;

/** Cross-checks of one schema-valid scenario against the catalogue and the engines. */
export function scenarioErrors(s: Scenario, catalogue: Catalogue): PackError[] {
  const errors: PackError[] = [];
  const err = (field: string, reason: string) => errors.push(packError(s.id, field, reason));
  const item = catalogue.items.find((i) => i.code === s.itemCode);
  if (!item) {
    err('事项编码', `目录中没有实施编码为 ${s.itemCode} 的事项`);
    return errors;
  }
  const redirect = item.subCenterCode !== null;
  const checklistDecision = CHECKLIST_DECISIONS.includes(s.expected.decision);

  // 情形: real situations and options; every one answered so the trainee can find the list.
  for (const [sid, value] of Object.entries(s.facts)) {
    const situation = item.situations.find((x) => x.id === sid);
    if (!situation) err(`情形事实.${sid}`, `事项「${item.name}」没有此情形`);
    else if (!situation.options.some((o) => o.value === value)) {
      err(`情形事实.${sid}`, `「${situation.question}」没有选项 ${value}（可选：${situation.options.map((o) => o.value).join('、')}）`);
    }
  }
  if (!redirect) {
    for (const u of unansweredSituations(item, s.facts)) if (!(u.id in s.facts)) err(`情形事实.${u.id}`, `缺少情形「${u.question}」的事实`);
  }
  for (const sid of Object.keys(s.replies)) if (!(sid in s.facts)) err(`答问.${sid}`, '答问对应的情形没有事实');

  // The desk: materials of this item, applicable to the facts, each once.
  const applicable = redirect ? [] : applicableMaterials(item, s.facts);
  const deskIds = new Set<string>();
  s.desk.forEach((d, i) => {
    const field = `桌面材料[${i + 1}].材料`;
    const m = item.materials.find((x) => x.id === d.materialId);
    if (!m) err(field, `事项「${item.name}」没有材料 ${d.materialId}`);
    else if (!redirect && !applicable.includes(m)) err(field, `按情形事实，「${m.name}」不在本次材料清单中（无关材料请放在无关材料中）`);
    if (deskIds.has(d.materialId)) err(field, `材料 ${d.materialId} 重复`);
    deskIds.add(d.materialId);
  });
  if (checklistDecision && !redirect) {
    for (const m of applicable) if (isRequired(m) && !deskIds.has(m.id)) err('桌面材料', `缺少对「${m.name}」（${m.id}）的设定：出示、缺失或有缺陷`);
  }
  const idsIn = (state: DeskState) => s.desk.filter((d) => d.state === state).map((d) => d.materialId);
  if (!sameSet(s.expected.missing, idsIn('missing'))) err('预期结果.缺失材料', `应与桌面上缺失的材料一致：${idsIn('missing').join('、') || '无'}`);
  if (!sameSet(s.expected.defective, idsIn('defective'))) err('预期结果.缺陷材料', `应与桌面上有缺陷的材料一致：${idsIn('defective').join('、') || '无'}`);

  // People: an agent exactly when the facts say so; a company for items only legal persons apply for.
  if (!redirect) {
    const agentByFacts = evaluateChecklist(item, s.facts, {}).agent;
    if (agentByFacts && !s.agent) err('代理人', '情形事实为代理人办理，须设定代理人');
    if (!agentByFacts && s.agent) err('代理人', '情形事实为本人办理，不应设定代理人');
  }
  if (!item.serveTargets.includes('自然人') && !s.persona.company) err('申请人.企业', '本事项只面向法人，须设定企业');
  const badId = !validateIdCard(s.persona.idNumber, REFERENCE_DAY).ok || (s.agent !== undefined && !validateIdCard(s.agent.idNumber, REFERENCE_DAY).ok);
  if (badId !== s.expected.invalidIdNumber) {
    err('预期结果.须发现身份证号错误', badId ? '申请人或代理人身份证号校验不通过，应设为 true' : '身份证号均校验通过，应设为 false');
  }
  const code = s.persona.company?.creditCode;
  const badCode = code !== undefined && !validateCreditCode(code).ok;
  if (badCode !== s.expected.invalidCreditCode) {
    err('预期结果.须发现信用代码错误', badCode ? '统一社会信用代码校验不通过，应设为 true' : '没有校验不通过的统一社会信用代码，应设为 false');
  }

  // The outcome must be one the workstation allows for this desk.
  const decision = s.expected.decision;
  if (decision === 'refuse' && !s.expected.refusalReason) err('预期结果.不予受理理由', '预期不予受理时须写明理由');
  // 本级不办理: the clerk guides the applicant to the level that handles it, or refuses.
  const elsewhere = !redirect && !item.levels.includes(s.officeLevel);
  if (redirect !== (decision === 'redirect') && !(elsewhere && decision === 'redirect')) {
    err('预期结果.决定', redirect ? '本事项由分中心办理，预期决定应为引导至分中心' : '本事项在综合窗口办理，不能引导至分中心');
    return errors;
  }
  if (elsewhere && decision !== 'refuse') {
    if (decision !== 'redirect') err('预期结果.决定', `本层级（${LEVEL_LABEL[s.officeLevel]}）不能办理「${item.name}」，预期决定应为引导或不予受理`);
    return errors;
  }
  if (errors.length) return errors; // the engine checks below need a consistent desk
  const marks = expectedMarks(s, item);
  const allowed = evaluateChecklist(item, s.facts, marks).allowedDecisions;
  if (!allowed.includes(decision)) {
    err('预期结果.决定', `按桌面材料，清单只允许：${allowed.map((d) => DECISION_LABEL[d]).join('、')}；不能为${DECISION_LABEL[decision]}`);
  }
  const tier = tierFor(item, s.officeLevel, s.facts, marks, decision);
  if (tier !== s.expected.tier) {
    err('预期结果.立等可取档次', `按事项和桌面材料应为 ${tier === null ? 'null（不属立等可取）' : `${tier}（${TIER_LABEL[tier]}）`}`);
  }
  return errors;
}
