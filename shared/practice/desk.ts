// The desk as the trainee sees it: cards for the materials the applicant put down, for the
// things they brought that the item does not need, and for their identity documents. A
// defect shows only when the trainee inspects the card, as with a real document.
//
// Identity documents: a scenario may state a number that fails its check (the applicant
// copied it wrongly onto the form). The document itself carries the right number, which the
// trainee needs to record the case, so inspecting the ID card or licence shows the number
// with its check character corrected.
import { creditCodeCheckChar, validateCreditCode } from '../validate/creditCode';
import { idCardCheckChar, validateIdCard } from '../validate/idcard';
import { normalizeIdentifier } from '../validate/normalize';
import type { DeskCard } from './api';
import { REFERENCE_DAY, type Scenario } from './scenario';

/** The resident ID number printed on the card: the stated one, or it with the right check character. */
export function idOnDocument(stated: string): string {
  if (validateIdCard(stated, REFERENCE_DAY).ok) return normalizeIdentifier(stated);
  const first17 = normalizeIdentifier(stated).slice(0, 17);
  if (/^\d{17}$/.test(first17)) {
    const fixed = first17 + idCardCheckChar(first17);
    if (validateIdCard(fixed, REFERENCE_DAY).ok) return fixed;
  }
  return stated;
}

/** The credit code printed on the business licence: the stated one, or it with the right check character. */
export function creditCodeOnDocument(stated: string): string {
  if (validateCreditCode(stated).ok) return normalizeIdentifier(stated);
  const first17 = normalizeIdentifier(stated).slice(0, 17);
  if (first17.length === 17) {
    const fixed = first17 + creditCodeCheckChar(first17);
    if (validateCreditCode(fixed).ok) return fixed;
  }
  return stated;
}

export const ID_CARD_APPLICANT = 'id-applicant';
export const ID_CARD_AGENT = 'id-agent';
export const LICENCE_CARD = 'licence';

/** Cards in a fixed order: materials on the desk, extras, identity documents. Missing materials have no card. */
export function deskCards(s: Scenario): DeskCard[] {
  const cards: DeskCard[] = [];
  s.desk.forEach((d, i) => {
    if (d.state !== 'missing') cards.push({ cardId: `m${i + 1}`, kind: 'material', cardText: d.cardText ?? '' });
  });
  s.extras.forEach((x, i) => cards.push({ cardId: `x${i + 1}`, kind: 'extra', cardText: x.cardText }));
  cards.push({ cardId: ID_CARD_APPLICANT, kind: 'identity', cardText: `${s.persona.name}的居民身份证` });
  if (s.agent) cards.push({ cardId: ID_CARD_AGENT, kind: 'identity', cardText: `${s.agent.name}（代理人）的居民身份证` });
  if (s.persona.company?.creditCode) cards.push({ cardId: LICENCE_CARD, kind: 'identity', cardText: `${s.persona.company.name}的营业执照` });
  return cards;
}

/** What the trainee reads on a close look at one card, or null when the scenario has no such card. */
export function inspectCard(s: Scenario, cardId: string): string | null {
  const material = /^m(\d+)$/.exec(cardId);
  if (material) {
    const d = s.desk[Number(material[1]) - 1];
    if (!d || d.state === 'missing') return null;
    return d.state === 'defective' ? (d.defectText ?? '不符合法定形式') : `${d.cardText}：仔细查看，未发现问题。`;
  }
  const extra = /^x(\d+)$/.exec(cardId);
  if (extra) {
    const x = s.extras[Number(extra[1]) - 1];
    return x ? (x.detailText ?? `${x.cardText}：仔细查看，未发现问题。`) : null;
  }
  if (cardId === ID_CARD_APPLICANT) return `居民身份证 · 姓名：${s.persona.name} · 公民身份号码：${idOnDocument(s.persona.idNumber)}`;
  if (cardId === ID_CARD_AGENT && s.agent) return `居民身份证 · 姓名：${s.agent.name} · 公民身份号码：${idOnDocument(s.agent.idNumber)}`;
  const company = s.persona.company;
  if (cardId === LICENCE_CARD && company?.creditCode) {
    return `营业执照 · 名称：${company.name} · 统一社会信用代码：${creditCodeOnDocument(company.creditCode)} · 法定代表人：${company.legalRepresentative}`;
  }
  return null;
}

/** '李明轩 · 某某公司 · 代理人：蒋晨 · 右腿截肢，拄拐' for the scenario list. */
export function personaSummary(s: Scenario): string {
  return [s.persona.name, s.persona.company?.name, s.agent ? `代理人：${s.agent.name}` : undefined, s.persona.description]
    .filter((x): x is string => !!x)
    .join(' · ');
}
