// 立等可取 eligibility: finished on the spot only when the materials are complete and in
// legal form (no 容缺, nothing missing, nothing unchecked), the 情形 are answered, the item
// has a tier, this office's level handles the item, and the item is not a sub-centre redirect.
// Every failed condition becomes one Chinese reason that names the materials or the rule.
import type { ImmediateTier, Item, Level, SubCenter } from '../domain/catalogue';
import { LEVEL_LABEL, TIER_LABEL, TIER_MINUTES } from '../domain/catalogue';
import type { Answers, Marks } from '../domain/checklist';
import { evaluateChecklist, isRequired, type ChecklistLine } from './checklist';

export interface Eligibility {
  eligible: boolean;
  /** The item's published tier (also when not eligible, so the screen can say what is at stake). */
  tier: ImmediateTier | null;
  limitMinutes: number | null;
  reasons: string[];
}

export interface EligibilityContext {
  officeLevel: Level;
  /** To name the sub-centre of a redirect item; its code is used when absent. */
  subCenters?: readonly SubCenter[];
}

/** '营业执照（复印件）', with the reason appended where the clerk needs it. */
function describe(line: ChecklistLine, withReason: boolean): string {
  const base = `${line.material.name}（${line.material.form}）`;
  return withReason && line.reason ? `${base}：${line.reason}` : base;
}

export function evaluateEligibility(item: Item, answers: Answers, marks: Marks, ctx: EligibilityContext): Eligibility {
  const tier = item.immediateTier;
  const result = (reasons: string[]): Eligibility => ({
    eligible: reasons.length === 0,
    tier,
    limitMinutes: tier ? TIER_MINUTES[tier] : null,
    reasons,
  });
  if (item.subCenterCode !== null) {
    const sub = ctx.subCenters?.find((s) => s.code === item.subCenterCode);
    return result([`本事项须到「${sub?.name ?? item.subCenterCode}」办理`]);
  }
  const reasons: string[] = [];
  if (tier === null) reasons.push('本事项不属于立等可取事项');
  if (!item.levels.includes(ctx.officeLevel)) reasons.push(`本中心（${LEVEL_LABEL[ctx.officeLevel]}）不能办理本事项`);
  const checklist = evaluateChecklist(item, answers, marks);
  if (checklist.unansweredSituations.length > 0) {
    reasons.push(`尚未选择情形：${checklist.unansweredSituations.map((s) => s.question).join('、')}`);
  }
  const required = checklist.lines.filter((l) => isRequired(l.material));
  const group = (status: ChecklistLine['status'], label: string, withReason: boolean, suffix = '') => {
    const named = required.filter((l) => l.status === status).map((l) => describe(l, withReason));
    if (named.length > 0) reasons.push(`${label}：${named.join('、')}${suffix}`);
  };
  group('missing', '缺少', false);
  group('defective', '不符合法定形式', true);
  group('deferred', '容缺待补', false, '（立等可取须材料齐全）');
  group('unchecked', '未核对', false);
  return result(reasons);
}

const LIMIT_TEXT: Record<ImmediateTier, string> = { within30: '30分钟内', within60: '1小时内', within120: '2小时内' };

/** One line for the banner: '立等可取 · 极速办（30分钟内）' or '不可立等可取：缺少：…；未核对：…'. */
export function eligibilityBanner(e: Eligibility): string {
  if (e.eligible && e.tier) return `立等可取 · ${TIER_LABEL[e.tier]}（${LIMIT_TEXT[e.tier]}）`;
  return `不可立等可取：${e.reasons.join('；')}`;
}
