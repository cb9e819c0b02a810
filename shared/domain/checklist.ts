// Types of the guided checklist: answers to 情形 questions and the clerk's mark per material.
import { z } from 'zod';

/** situationId → chosen option value. */
export const Answers = z.record(z.string(), z.string());
export type Answers = z.infer<typeof Answers>;

export const MARKS = ['verified', 'copyReceived', 'eCert', 'pledged', 'deferred', 'missing', 'defective'] as const;
export const Mark = z.enum(MARKS);
export type Mark = z.infer<typeof Mark>;
export const MARK_LABEL: Record<Mark, string> = {
  verified: '原件已核验',
  copyReceived: '复印件已收',
  eCert: '电子证照已调取',
  pledged: '已签告知承诺',
  deferred: '容缺待补',
  missing: '缺失',
  defective: '不符合法定形式',
};

export const MaterialMark = z.object({
  mark: Mark,
  copies: z.number().int().min(0).max(50).optional(),
  /** Why a material is defective or missing, in the clerk's words; printed on 一次性告知书. */
  note: z.string().trim().max(200).optional(),
});
export type MaterialMark = z.infer<typeof MaterialMark>;

/** materialId → mark. A material with no entry has not been checked yet (未核对). */
export const Marks = z.record(z.string(), MaterialMark);
export type Marks = z.infer<typeof Marks>;

export const DECISIONS = ['accept', 'acceptWithDeferral', 'notifyMissing', 'refuse', 'redirect'] as const;
export const Decision = z.enum(DECISIONS);
export type Decision = z.infer<typeof Decision>;
export const DECISION_LABEL: Record<Decision, string> = {
  accept: '受理',
  acceptWithDeferral: '容缺受理',
  notifyMissing: '一次性告知',
  refuse: '不予受理',
  redirect: '引导至分中心',
};
