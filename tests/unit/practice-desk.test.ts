// The desk the trainee sees: defects only on inspection, identity documents carrying the
// number the applicant should have written.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinPack } from '../../shared/practice/builtinPack';
import { Scenario } from '../../shared/practice/scenario';
import { creditCodeOnDocument, deskCards, ID_CARD_AGENT, ID_CARD_APPLICANT, idOnDocument, inspectCard, LICENCE_CARD } from '../../shared/practice/desk';
import { idCardCheckChar, validateIdCard } from '../../shared/validate/idcard';
import { validateCreditCode } from '../../shared/validate/creditCode';

const scenarios = builtinPack.scenarios.map((s) => Scenario.parse(s));

describe('desk cards', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('%s: no card shows a defect; inspecting a defective card does', (_id, s) => {
    const cards = deskCards(s);
    const defects = s.desk.filter((d) => d.state === 'defective').map((d) => d.defectText!);
    for (const c of cards) for (const d of defects) expect(c.cardText).not.toContain(d);
    const inspected = cards.map((c) => inspectCard(s, c.cardId));
    for (const d of defects) expect(inspected).toContain(d);
    // Missing materials are not on the desk; identity documents always are.
    expect(cards.filter((c) => c.kind === 'material')).toHaveLength(s.desk.filter((d) => d.state !== 'missing').length);
    expect(cards.map((c) => c.cardId)).toContain(ID_CARD_APPLICANT);
    expect(inspectCard(s, 'm999')).toBeNull();
  });

  it('the ID card and licence carry a number that passes its check, differing from a miswritten one only in the last character', () => {
    for (const s of scenarios) {
      const numbers = [
        [inspectCard(s, ID_CARD_APPLICANT), s.persona.idNumber],
        [s.agent ? inspectCard(s, ID_CARD_AGENT) : null, s.agent?.idNumber],
      ] as const;
      for (const [text, stated] of numbers) {
        if (text === null || stated === undefined) continue;
        const onCard = /公民身份号码：(\S+)/.exec(text)![1];
        expect(validateIdCard(onCard, new Date('2026-01-01')).ok).toBe(true);
        expect(onCard.slice(0, 17)).toBe(stated.slice(0, 17));
      }
      const code = s.persona.company?.creditCode;
      if (code) {
        const onLicence = /统一社会信用代码：(\S+)/.exec(inspectCard(s, LICENCE_CARD)!)![1];
        expect(validateCreditCode(onLicence).ok).toBe(true);
        expect(onLicence.slice(0, 17)).toBe(code.slice(0, 17));
      }
    }
  });

  it('a valid ID number is on the card unchanged; a wrong check character is corrected (property)', () => {
    const first17 = fc
      .tuple(fc.constantFrom('210102', '110105', '440305'), fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
      .map(([d, b, n]) => d + b.toISOString().slice(0, 10).replace(/-/g, '') + String(n).padStart(3, '0'));
    fc.assert(
      fc.property(first17, fc.constantFrom(...'0123456789X'), (f, last) => {
        const right = f + idCardCheckChar(f);
        expect(idOnDocument(right)).toBe(right);
        expect(idOnDocument(f + last)).toBe(right);
      }),
    );
    expect(idOnDocument('12345')).toBe('12345'); // nothing to correct: shown as stated
    expect(creditCodeOnDocument('not a code')).toBe('not a code');
  });
});
