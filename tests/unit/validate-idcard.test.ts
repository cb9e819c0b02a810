import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idCardCheckChar, maskIdNumber, validateIdCard } from '../../shared/validate/idcard';
import { normalizeIdentifier, normalizeInput } from '../../shared/validate/normalize';

const NOW = new Date('2026-03-01T04:00:00Z');
const provinces = [11, 12, 13, 21, 22, 23, 31, 32, 33, 37, 44, 50, 51, 65, 81, 82];

/** A valid ID: real province, real birth date, computed check character. */
const validId = fc
  .record({
    province: fc.constantFrom(...provinces),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, seq }) => {
    const first17 = `${province}${String(rest).padStart(4, '0')}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return first17 + idCardCheckChar(first17);
  });

/** Turns some characters full-width and sprinkles spaces, as an input method would. */
const messUp = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).chain((wide) =>
    fc.constantFrom(' ', '', '\u3000').map((sp) =>
      sp + [...s].map((c, i) => (wide[i] ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('') + sp,
    ),
  );

describe('normalizeInput', () => {
  it('turns full-width digits, letters and punctuation into half-width and trims', () => {
    expect(normalizeInput('　１２３ＡＢＣｘ－（）　')).toBe('123ABCx-()');
    expect(normalizeInput('张  三')).toBe('张 三');
    expect(normalizeIdentifier(' 1101 0519 4912 3100 2ｘ ')).toBe('11010519491231002X');
  });
});

describe('validateIdCard', () => {
  it('accepts the GB 11643 example and reads birth date and sex from it', () => {
    expect(validateIdCard('11010519491231002X', NOW)).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: '女' });
  });

  it('accepts a lower-case x, full-width digits and spaces', () => {
    expect(validateIdCard('１１０１０５ １９４９１２３１ ００２ｘ', NOW)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it.each([
    ['', '请输入身份证号'],
    ['11010519491231002', '身份证号应为18位'],
    ['110105194912310021X', '身份证号应为18位'],
    ['1101051949123100AX', '身份证号前17位应为数字，最后一位为数字或X'],
    ['X10105194912310021', '身份证号前17位应为数字，最后一位为数字或X'],
    ['991051194912310020', '身份证号前两位不是有效的省级行政区划代码'],
    ['10010519491231002X', '身份证号前两位不是有效的省级行政区划代码'],
    ['110105194902300021', '身份证号中的出生日期无效'], // 30 February
    ['110105190002290021', '身份证号中的出生日期无效'], // 1900 is not a leap year
    ['110105189912310021', '身份证号中的出生日期无效'],
    ['110105203001010021', '身份证号中的出生日期晚于今天，请核对'],
    ['110105194912310021', '身份证号校验位错误，请核对最后一位'],
  ])('rejects %j with “%s”', (input, message) => {
    expect(validateIdCard(input, NOW)).toEqual({ ok: false, message });
  });

  it('accepts 29 February of a leap year', () => {
    const first17 = '11010520000229002';
    expect(validateIdCard(first17 + idCardCheckChar(first17), NOW)).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: '女' });
  });

  it('accepts every generated valid ID', () => {
    fc.assert(fc.property(validId, (id) => validateIdCard(id, NOW).ok === true));
  });

  it('detects any single changed character', () => {
    fc.assert(
      fc.property(validId, fc.nat(17), fc.constantFrom(...'0123456789X'), (id, pos, c) => {
        fc.pre(id[pos] !== c);
        const changed = id.slice(0, pos) + c + id.slice(pos + 1);
        return validateIdCard(changed, NOW).ok === false;
      }),
    );
  });

  it('gives the same result for full-width and spaced forms', () => {
    fc.assert(fc.property(validId.chain((id) => messUp(id).map((m) => [id, m] as const)), ([id, messy]) => {
      expect(validateIdCard(messy, NOW)).toEqual(validateIdCard(id, NOW));
    }));
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('110105********002X');
  });
  it('masks short input whole', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
  });
});
