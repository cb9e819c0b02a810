// Names (issue 12 §1): real lengths, emoji refused with a message, a pasted line break
// becomes nothing — in the shared validator and in the decision schema the handler parses.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeName, ORG_NAME_MAX, PERSON_NAME_MAX, validateOrgName, validatePersonName } from '../../shared/validate/name';
import { DecideInput } from '../../shared/domain/case';

const UYGHUR = '阿依古丽·买买提艾力·吐尔逊托合提·艾则孜·阿不都热合曼·库尔班江·热西提·依明·玉素甫·阿布都克热木·买合木提·努尔麦麦提';

const decide = (applicant: object, agent: object | null = null) =>
  DecideInput.safeParse({
    itemCode: 'T0000000001',
    answers: {},
    marks: {},
    applicant,
    agent,
    decision: 'accept',
    startedAt: '2026-11-27T01:00:00.000Z',
  });

describe('names', () => {
  it('a long transliterated name is kept whole, up to 100 characters; 101 is refused with the count', () => {
    expect(UYGHUR.length).toBeGreaterThan(60);
    expect(validatePersonName(UYGHUR)).toEqual({ ok: true, value: UYGHUR });
    const max = '阿'.repeat(PERSON_NAME_MAX - 1) + '·';
    expect(validatePersonName(max).ok).toBe(true);
    expect(validatePersonName(max + '提')).toEqual({ ok: false, message: '姓名不能超过 100 个字（现有 101 个字）' });
  });

  it('a company name may have 200 characters', () => {
    expect(validateOrgName('沈'.repeat(ORG_NAME_MAX)).ok).toBe(true);
    expect(validateOrgName('沈'.repeat(ORG_NAME_MAX + 1)).ok).toBe(false);
  });

  it('emoji are refused with a clear Chinese message, whatever their form', () => {
    for (const e of ['王小明😀', '王👍🏽', '❤️王', '王1️⃣', '🇨🇳王', '👨‍👩‍👧王']) {
      expect(validatePersonName(e)).toEqual({ ok: false, message: '姓名中不能有表情符号，请删除后重新输入' });
    }
    expect(validateOrgName('好味道🍜餐饮有限公司')).toEqual({ ok: false, message: '单位名称中不能有表情符号，请删除后重新输入' });
    // Ordinary CJK, rare characters outside the BMP and the name dot are not emoji.
    expect(validatePersonName('𠀾·王').ok).toBe(true);
  });

  it('a pasted line break becomes nothing, the name dots become ·, and blank is asked for', () => {
    expect(normalizeName('阿依古丽\r\n·买买提')).toBe('阿依古丽·买买提');
    expect(normalizeName('王\n小明')).toBe('王小明');
    expect(normalizeName('阿依古丽•买买提・艾力')).toBe('阿依古丽·买买提·艾力');
    expect(validatePersonName('  \n ')).toEqual({ ok: false, message: '请输入姓名' });
  });

  it('property: a normalised name has no line break and normalising again changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const n = normalizeName(s);
        expect(/[\r\n\u2028\u2029]/.test(n)).toBe(false);
        expect(normalizeName(n)).toBe(n);
        const r = validatePersonName(s);
        if (r.ok) expect(r.value).toBe(n);
      }),
    );
  });

  it('the decision schema (what the handler parses) applies the same rules to applicant, legal representative and agent', () => {
    const person = { kind: 'person', name: `${UYGHUR}\n`, idNumber: '11010519491231002X', phone: '13800138000' };
    const ok = decide(person);
    expect(ok.success && ok.data.applicant.kind === 'person' && ok.data.applicant.name).toBe(UYGHUR);
    const emoji = decide({ ...person, name: '王😀' });
    expect(emoji.success).toBe(false);
    expect(emoji.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['applicant.name: 姓名中不能有表情符号，请删除后重新输入']);
    const org = decide({ kind: 'organisation', name: '沈'.repeat(200), creditCode: '91350100M000100Y43', legalRepresentative: UYGHUR, phone: '13900139000' });
    expect(org.success).toBe(true);
    const agent = decide(person, { name: '王\r\n小明', idNumber: '11010519491231002X', phone: '13800138000' });
    expect(agent.success && agent.data.agent?.name).toBe('王小明');
  });
});
