// What a careful clerk does with a scenario's desk, in the workstation's own terms: the mark
// each material deserves, the notice each decision prints, and the 立等可取 tier that follows.
// Both the pack cross-check and the scoring engine rest on these, so they cannot disagree.
import type { ImmediateTier, Item, Level, Material } from '../domain/catalogue';
import type { Decision, Mark, MaterialMark, Marks } from '../domain/checklist';
import { evaluateEligibility } from '../engine/eligibility';
import type { NoticeKind } from '../notice/model';
import type { DeskMaterial, Scenario } from './scenario';

/** The one notice each intake decision prints. */
export const NOTICE_FOR_DECISION: Record<Decision, NoticeKind> = {
  accept: 'acceptance',
  acceptWithDeferral: 'deferredAcceptance',
  notifyMissing: 'missingMaterials',
  refuse: 'refusal',
  redirect: 'redirect',
};

/** Decisions after which the materials and 情形 were the clerk's job (not a refusal or redirect). */
export const CHECKLIST_DECISIONS: readonly Decision[] = ['accept', 'acceptWithDeferral', 'notifyMissing'];

/**
 * The natural mark for a material handed in as asked: a signed commitment for 告知承诺, the
 * e-certificate for electronic-only materials, a received copy for 复印件, otherwise the
 * original seen and verified. Each satisfies the material under the checklist engine.
 */
export function satisfyingMark(material: Material): Mark {
  if (material.source === '告知承诺') return 'pledged';
  if (material.medium === '电子') return 'eCert';
  if (material.form === '复印件') return 'copyReceived';
  return 'verified';
}

/**
 * The mark a desk material deserves. A missing 可容缺 material is deferred (容缺待补) when the
 * expected decision is 容缺受理; a defective one carries the visible defect as its note,
 * which the 一次性告知书 prints as the reason.
 */
export function expectedMark(material: Material, desk: DeskMaterial, decision: Decision): MaterialMark {
  switch (desk.state) {
    case 'present':
      return { mark: satisfyingMark(material) };
    case 'missing':
      return material.necessity === '可容缺' && decision === 'acceptWithDeferral'
        ? { mark: 'deferred', note: '容缺待补' }
        : { mark: 'missing', note: '未提交' };
    case 'defective':
      return { mark: 'defective', note: desk.defectText || '不符合法定形式' };
  }
}

/** Marks for every desk material that belongs to the item. */
export function expectedMarks(scenario: Scenario, item: Item): Marks {
  const marks: Marks = {};
  for (const d of scenario.desk) {
    const m = item.materials.find((x) => x.id === d.materialId);
    if (m) marks[m.id] = expectedMark(m, d, scenario.expected.decision);
  }
  return marks;
}

/** The tier a case gets: only an accepted case whose checklist is eligible for 立等可取. */
export function tierFor(item: Item, officeLevel: Level, answers: Scenario['facts'], marks: Marks, decision: Decision | null): ImmediateTier | null {
  if (decision !== 'accept') return null;
  const e = evaluateEligibility(item, answers, marks, { officeLevel });
  return e.eligible ? e.tier : null;
}

/**
 * The notice that counts for 打印文书, from what the workstation recorded as printed for the
 * case: the decision's own notice if it was printed, else the first one printed, else none
 * (a preview alone is not a print).
 */
export function scoredNotice(decision: Decision, printed: readonly NoticeKind[]): NoticeKind | null {
  const own = NOTICE_FOR_DECISION[decision];
  return printed.includes(own) ? own : (printed[0] ?? null);
}
