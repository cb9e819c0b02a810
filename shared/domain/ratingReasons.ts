// 好差评 as the national 政务服务好差评 system practises it: five levels in three classes
// (好评 非常满意/满意, 中评 基本满意, 差评 不满意/非常不满意) and, per class, a coded list of
// reasons the applicant ticks. The lists are data: a centre publishes its own with the
// catalogue (Catalogue.ratingReasons) and every window receives it with the catalogue's sync;
// without one, the list below (modelled on the provincial systems' published lists) applies.
import { z } from 'zod';
import type { RATING_LEVELS } from './caseEvents';

export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_CLASSES = ['good', 'neutral', 'bad'] as const;
export type RatingClass = (typeof RATING_CLASSES)[number];
export const RATING_CLASS_LABEL: Record<RatingClass, string> = { good: '好评', neutral: '中评', bad: '差评' };
/** 好评 非常满意/满意, 中评 基本满意, 差评 不满意/非常不满意. */
export const RATING_CLASS: Record<RatingLevel, RatingClass> = {
  verySatisfied: 'good',
  satisfied: 'good',
  basicallySatisfied: 'neutral',
  dissatisfied: 'bad',
  veryDissatisfied: 'bad',
};

/** One reason of a list: its code (kept in the rating), the class it belongs to and its words. */
export const RatingReason = z.object({
  code: z.string().trim().regex(/^[0-9A-Za-z_-]{1,20}$/, '评价原因编码应为 1–20 位字母、数字、下划线或连字符'),
  ratingClass: z.enum(RATING_CLASSES, { message: '评价类别应为好评、中评或差评' }),
  text: z.string().trim().min(1, '请填写评价原因的文字').max(60, '评价原因最多 60 个字'),
});
export type RatingReason = z.infer<typeof RatingReason>;
/** A centre's whole list; codes unique, every class offered at least one reason. */
export const RatingReasonList = z
  .array(RatingReason)
  .max(100, '评价原因清单最多 100 条')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (seen.has(r.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `评价原因编码 ${r.code} 重复` });
      seen.add(r.code);
    });
    for (const c of RATING_CLASSES) {
      if (!list.some((r) => r.ratingClass === c)) ctx.addIssue({ code: 'custom', path: [], message: `${RATING_CLASS_LABEL[c]}至少要有一条评价原因` });
    }
  });

const reason = (code: string, ratingClass: RatingClass, text: string): RatingReason => ({ code, ratingClass, text });
/** The default list (H 好评, Z 中评, C 差评), as provincial 好差评 systems word them. */
export const NATIONAL_RATING_REASONS: readonly RatingReason[] = [
  reason('H01', 'good', '一窗受理一次办结'),
  reason('H02', 'good', '一次性告知需要补正的材料'),
  reason('H03', 'good', '可以先受理后补材料'),
  reason('H04', 'good', '不用提交证明'),
  reason('H05', 'good', '办理时间比承诺的短'),
  reason('H06', 'good', '服务热情、解答清楚'),
  reason('H07', 'good', '可以网上办理，少跑腿'),
  reason('Z01', 'neutral', '等候时间较长'),
  reason('Z02', 'neutral', '办事指南不够清楚'),
  reason('Z03', 'neutral', '需要提交的材料较多'),
  reason('Z04', 'neutral', '服务态度一般'),
  reason('C01', 'bad', '未一次性告知需要补正的材料'),
  reason('C02', 'bad', '同样内容的证明材料被要求多次提交'),
  reason('C03', 'bad', '多头跑窗口和部门'),
  reason('C04', 'bad', '办理时间超过承诺时限'),
  reason('C05', 'bad', '工作人员态度生硬、推诿'),
  reason('C06', 'bad', '办事指南与实际要求不一致'),
  reason('C07', 'bad', '要求提供法律法规规定以外的材料'),
  reason('C08', 'bad', '系统故障无法办理'),
];

/** At most this many reasons ticked in one rating. */
export const MAX_RATING_REASONS = 8;
/** 差评 needs at least one reason (the national rule); 好评 and 中评 may give none. */
export const ratingNeedsReason = (l: RatingLevel | null | undefined): boolean => !!l && RATING_CLASS[l] === 'bad';

/** The reasons a level may choose from, in the list's order. */
export const reasonsFor = (list: readonly RatingReason[], level: RatingLevel): RatingReason[] => list.filter((r) => r.ratingClass === RATING_CLASS[level]);

/**
 * Why these reason codes cannot go with this level under this list (null: they can). Unknown
 * codes, codes of another class, repeats, too many, or none for a 差评 are refused in Chinese.
 */
export function ratingReasonsProblem(list: readonly RatingReason[], level: RatingLevel, codes: readonly string[]): string | null {
  if (ratingNeedsReason(level) && codes.length === 0) return '差评须选择至少一项评价原因';
  if (codes.length > MAX_RATING_REASONS) return `评价原因最多选择 ${MAX_RATING_REASONS} 项`;
  if (new Set(codes).size !== codes.length) return '评价原因有重复';
  const byCode = new Map(list.map((r) => [r.code, r]));
  for (const c of codes) {
    const r = byCode.get(c);
    if (!r) return `评价原因 ${c} 不在本中心的评价原因清单中`;
    if (r.ratingClass !== RATING_CLASS[level]) return `评价原因“${r.text}”属于${RATING_CLASS_LABEL[r.ratingClass]}，与所选评价等级不符`;
  }
  return null;
}
