// The guided-checklist engine: item + 情形 answers + the clerk's marks → the checklist this
// case needs, what is outstanding, and which intake decisions the clerk may take. Pure.
//
// Rules (legal form of a material, 材料法定形式):
// - A material applies when every situation in its `requiredWhen` has an answer in the listed
//   values; with no `requiredWhen` it always applies. A situation whose answer is absent or
//   not one of its options counts as unanswered, so materials depending on it do not apply yet.
// - No mark → 'unchecked' (未核对).
// - 'verified' (原件已核验) satisfies every form: the clerk has seen the original.
// - 'copyReceived' (复印件已收) satisfies only form 复印件; for 原件/原件核验 it is 'defective'.
// - 'eCert' (电子证照已调取) satisfies any form when the material's source is 电子证照 or its
//   medium admits 电子; otherwise 'defective' (a paper material must be on paper).
// - 'pledged' (已签告知承诺) satisfies only materials whose source is 告知承诺; elsewhere it is
//   'missing' (nothing was handed in, and the commitment cannot replace this material).
// - 'deferred' (容缺待补) is valid only on 可容缺 materials; elsewhere it is 'missing'.
// - 'missing' / 'defective' are taken as marked; the clerk's note becomes the reason.
// - When the clerk recorded a number of copies below what the material asks for, a
//   satisfying mark becomes 'defective' (份数不足). No number recorded = as asked.
// - 非必要 materials are listed but never block a decision.
//
// Decisions:
// - Item with subCenterCode (handled at a sub-centre) → only 'redirect'; no checklist lines.
// - 'refuse' is available for every other item at any time: refusal rests on legal grounds
//   (not this body's competence, applicant not eligible), not on the state of the materials.
// - While a situation is unanswered → only 'refuse': the material list is not known yet.
// - 'accept' when every applicable required (必要 and 可容缺) material is satisfied.
// - 'acceptWithDeferral' when every required material is satisfied or deferred, at least one
//   is deferred (deferral is only possible on 可容缺 materials, see above).
// - 'notifyMissing' (一次性告知) when some required material is missing or defective and no
//   required material is unchecked: the notice must name every problem at once, so every
//   material must have been checked first. Unchecked lines also block the two accepts.
import type { Item, Material, Situation } from '../domain/catalogue';
import type { Answers, Decision, MaterialMark, Marks } from '../domain/checklist';
import { DECISIONS } from '../domain/checklist';

export type LineStatus = 'satisfied' | 'deferred' | 'missing' | 'defective' | 'unchecked';

export interface ChecklistLine {
  material: Material;
  status: LineStatus;
  mark?: MaterialMark;
  /** Why the line is not satisfied, in Chinese; printed on 一次性告知书. */
  reason?: string;
}

export interface ChecklistResult {
  /** One line per applicable material, in catalogue order. Empty for redirect items. */
  lines: ChecklistLine[];
  unansweredSituations: Situation[];
  /** Applicable 必要/可容缺 lines that are not satisfied. */
  outstanding: ChecklistLine[];
  /** An answered option says an agent (代理人) applies for the applicant. */
  agent: boolean;
  allowedDecisions: Decision[];
  /** The item is handled at a sub-centre: redirect instead of a checklist. */
  redirect: boolean;
}

/** 必要 and 可容缺 materials are required; 非必要 ones never block. */
export function isRequired(material: Material): boolean {
  return material.necessity !== '非必要';
}

/** The chosen option of each situation, only where the answer is one of its options. */
function validAnswer(situation: Situation, answers: Answers): string | undefined {
  const value = answers[situation.id];
  return situation.options.some((o) => o.value === value) ? value : undefined;
}

export function unansweredSituations(item: Item, answers: Answers): Situation[] {
  return item.situations.filter((s) => validAnswer(s, answers) === undefined);
}

export function applicableMaterials(item: Item, answers: Answers): Material[] {
  const answered = new Map(item.situations.map((s) => [s.id, validAnswer(s, answers)]));
  return item.materials.filter((m) =>
    Object.entries(m.requiredWhen ?? {}).every(([situationId, values]) => {
      const a = answered.get(situationId);
      return a !== undefined && values.includes(a);
    }),
  );
}

function acceptsElectronic(m: Material): boolean {
  return m.source === '电子证照' || m.medium !== '纸质';
}

/** The status of one material under the clerk's mark, by the rules above. */
export function evaluateLine(material: Material, mark: MaterialMark | undefined): ChecklistLine {
  if (!mark) return { material, status: 'unchecked' };
  const line = (status: LineStatus, reason?: string): ChecklistLine =>
    reason === undefined ? { material, status, mark } : { material, status, mark, reason };
  const copiesShort = () =>
    mark.copies !== undefined && mark.copies < material.copies
      ? line('defective', `份数不足：应交${material.copies}份，实收${mark.copies}份`)
      : line('satisfied');
  switch (mark.mark) {
    case 'verified':
      return copiesShort();
    case 'copyReceived':
      if (material.form === '复印件') return copiesShort();
      return line('defective', mark.note || (material.form === '原件' ? '须提交原件，复印件不能代替' : '须出示原件核验'));
    case 'eCert':
      return acceptsElectronic(material) ? line('satisfied') : line('defective', mark.note || '本材料须提交纸质材料，电子证照不能代替');
    case 'pledged':
      return material.source === '告知承诺' ? line('satisfied') : line('missing', mark.note || '本材料不适用告知承诺，须提交材料');
    case 'deferred':
      return material.necessity === '可容缺' ? line('deferred', mark.note || '容缺待补') : line('missing', mark.note || '本材料不属于可容缺材料，须当场提交');
    case 'missing':
      return line('missing', mark.note || '未提交');
    case 'defective':
      return line('defective', mark.note || '不符合法定形式');
  }
}

export function evaluateChecklist(item: Item, answers: Answers, marks: Marks): ChecklistResult {
  const unanswered = unansweredSituations(item, answers);
  const agent = item.situations.some((s) => {
    const v = validAnswer(s, answers);
    return s.options.some((o) => o.value === v && o.agent === true);
  });
  if (item.subCenterCode !== null) {
    return { lines: [], unansweredSituations: unanswered, outstanding: [], agent, allowedDecisions: ['redirect'], redirect: true };
  }
  const lines = applicableMaterials(item, answers).map((m) => evaluateLine(m, marks[m.id]));
  const required = lines.filter((l) => isRequired(l.material));
  const outstanding = required.filter((l) => l.status !== 'satisfied');
  const count = (s: LineStatus) => required.filter((l) => l.status === s).length;
  const allowed = new Set<Decision>(['refuse']);
  if (unanswered.length === 0) {
    const blocked = count('missing') + count('defective');
    if (outstanding.length === 0) allowed.add('accept');
    if (count('unchecked') === 0 && blocked === 0 && count('deferred') > 0) allowed.add('acceptWithDeferral');
    if (count('unchecked') === 0 && blocked > 0) allowed.add('notifyMissing');
  }
  return {
    lines,
    unansweredSituations: unanswered,
    outstanding,
    agent,
    allowedDecisions: DECISIONS.filter((d) => allowed.has(d)),
    redirect: false,
  };
}
