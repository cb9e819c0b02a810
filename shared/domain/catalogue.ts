// The service catalogue: 事项 (Item) → 情形 (Situation) → 材料 (Material), plus the places
// where items are handled (Office, Window, SubCenter). One zod schema is the source of truth
// for the types, the import/export document and what the server publishes.
import { z } from 'zod';
import '../zodLocale';
import { RatingReasonList } from './ratingReasons';

export const LEVELS = ['city', 'county', 'township', 'village'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;
export const LEVEL_LABEL: Record<Level, string> = {
  city: '市级',
  county: '县(区)级',
  township: '乡(镇·街道)级',
  village: '村(社区)级',
};

export const ItemType = z.enum(['行政许可', '行政确认', '行政给付', '行政备案', '公共服务', '其他行政权力']);
export type ItemType = z.infer<typeof ItemType>;

export const ServeTarget = z.enum(['自然人', '法人']);
export type ServeTarget = z.infer<typeof ServeTarget>;

/** 立等可取 tiers: 极速办 ≤30 min, 快速办 ≤1 h, 高效办 ≤2 h. */
export const IMMEDIATE_TIERS = ['within30', 'within60', 'within120'] as const;
export const ImmediateTier = z.enum(IMMEDIATE_TIERS);
export type ImmediateTier = z.infer<typeof ImmediateTier>;
export const TIER_LABEL: Record<ImmediateTier, string> = { within30: '极速办', within60: '快速办', within120: '高效办' };
export const TIER_MINUTES: Record<ImmediateTier, number> = { within30: 30, within60: 60, within120: 120 };

export const MaterialForm = z.enum(['原件', '复印件', '原件核验']);
export type MaterialForm = z.infer<typeof MaterialForm>;
export const MaterialMedium = z.enum(['纸质', '电子', '纸质或电子']);
export type MaterialMedium = z.infer<typeof MaterialMedium>;
export const Necessity = z.enum(['必要', '非必要', '可容缺']);
export type Necessity = z.infer<typeof Necessity>;
export const MaterialSource = z.enum(['申请人', '电子证照', '部门核发', '告知承诺']);
export type MaterialSource = z.infer<typeof MaterialSource>;

export const WINDOW_KINDS = ['general', 'domain', 'functional', 'business'] as const;
export const WindowKind = z.enum(WINDOW_KINDS);
export type WindowKind = z.infer<typeof WindowKind>;
export const WINDOW_KIND_LABEL: Record<WindowKind, string> = {
  general: '无差别综合窗口',
  domain: '分领域综合窗口',
  functional: '功能性窗口',
  business: '营商服务窗口',
};

const code = z.string().trim().min(1).max(64);
const text = (max = 500) => z.string().trim().min(1).max(max);

export const Department = z.object({ code, name: text(60) });
export type Department = z.infer<typeof Department>;

export const SituationOption = z.object({
  value: code,
  label: text(60),
  /** Choosing this option means an agent (代理人) applies on the applicant's behalf. */
  agent: z.boolean().optional(),
});
export type SituationOption = z.infer<typeof SituationOption>;

export const Situation = z.object({
  id: code,
  question: text(120),
  options: z.array(SituationOption).min(2).max(12),
});
export type Situation = z.infer<typeof Situation>;

/** situationId → the answers under which a material is required (all situations must match). */
export const RequiredWhen = z.record(z.string(), z.array(z.string()).min(1));
export type RequiredWhen = z.infer<typeof RequiredWhen>;

export const Material = z.object({
  id: code,
  name: text(120),
  form: MaterialForm,
  copies: z.number().int().min(0).max(20),
  medium: MaterialMedium,
  necessity: Necessity,
  source: MaterialSource,
  requiredWhen: RequiredWhen.optional(),
  note: z.string().trim().max(500).optional(),
  /** Reference to a sample or blank form (样表/空表) kept at the window. */
  sampleRef: z.string().trim().max(200).optional(),
  /**
   * 共性材料 (身份证, 营业执照 …): the same applicant's pages of it from an earlier case may be
   * reused. Matched by material id across items, so a reusable material keeps one id everywhere.
   */
  reusable: z.boolean().optional(),
});
export type Material = z.infer<typeof Material>;

export const Item = z.object({
  /** 实施编码 */
  code: z.string().trim().regex(/^[0-9A-Z]{8,40}$/, '实施编码应为 8–40 位数字或大写字母'),
  name: text(100),
  departmentCode: code,
  type: ItemType,
  serveTargets: z.array(ServeTarget).min(1),
  levels: z.array(Level).min(1),
  /** 法定时限, working days (0 = 当场). */
  legalDays: z.number().int().min(0).max(365),
  /** 承诺时限, working days (0 = 当场办结, 即办件). */
  promisedDays: z.number().int().min(0).max(365),
  /** 挂起 allowed in all per case, working days (听证、检验、鉴定 …); DEFAULT_SUSPEND_LIMIT_DAYS when absent. */
  suspendLimitDays: z.number().int().min(0).max(365).optional(),
  fee: z.string().trim().max(200),
  conditions: z.string().trim().max(1000),
  location: z.string().trim().max(200),
  immediateTier: ImmediateTier.nullable(),
  /** Handled at a specialist sub-centre: the clerk redirects instead of accepting. */
  subCenterCode: code.nullable(),
  /** Colloquial words applicants use (开饭馆, 办证明 …); searched like the name. */
  keywords: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  situations: z.array(Situation).max(10),
  materials: z.array(Material).max(60),
});
export type Item = z.infer<typeof Item>;
/** Suspension limit of an item that does not set its own. */
export const DEFAULT_SUSPEND_LIMIT_DAYS = 30;

export const SubCenter = z.object({
  code,
  name: text(60),
  address: text(200),
  phone: z.string().trim().max(40),
  hours: z.string().trim().max(100),
});
export type SubCenter = z.infer<typeof SubCenter>;

export const Office = z.object({
  /** Administrative division code of the office, 6–12 digits. */
  code: z.string().regex(/^\d{6,12}$/, '中心编码应为 6–12 位数字'),
  name: text(60),
  level: Level,
  address: text(200),
  phone: z.string().trim().max(40),
  parentCode: z.string().nullable(),
});
export type Office = z.infer<typeof Office>;

export const Window = z.object({
  /** Two characters [0-9A-Z], unique inside its office; part of every case number. */
  code: z.string().regex(/^[0-9A-Z]{2}$/, '窗口编码应为 2 位数字或大写字母'),
  officeCode: z.string(),
  name: text(60),
  kind: WindowKind,
  /** For 分领域 windows: the department codes the window serves. */
  departmentCodes: z.array(z.string()).default([]),
});
export type Window = z.infer<typeof Window>;

export const CATALOGUE_SCHEMA_VERSION = 1;

export const Catalogue = z.object({
  schemaVersion: z.literal(CATALOGUE_SCHEMA_VERSION),
  /** Catalogue version published by the central server; grows by one per publication. */
  version: z.number().int().min(1),
  publishedAt: z.string().datetime({ offset: true }),
  departments: z.array(Department).min(1),
  subCenters: z.array(SubCenter),
  offices: z.array(Office).min(1),
  windows: z.array(Window),
  items: z.array(Item).min(1),
  /** The centre's 好差评 reasons (shared/domain/ratingReasons.ts); absent: the national list. */
  ratingReasons: RatingReasonList.optional(),
  /** 群众说法 → 目录用词 for the search box (shared/search/synonyms.ts); windows may add their own. */
  synonyms: z
    .array(z.object({ words: z.array(z.string().trim().min(1).max(20)).min(1).max(20), means: z.string().trim().min(1).max(30) }))
    .max(2000)
    .optional(),
});
export type Catalogue = z.infer<typeof Catalogue>;
