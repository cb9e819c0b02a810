import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, validateCreditCode } from '../../shared/validate/creditCode';

const charset = [...CREDIT_CODE_CHARSET];
const validCode = fc
  .tuple(
    fc.array(fc.constantFrom(...charset), { minLength: 2, maxLength: 2 }),
    fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
    fc.array(fc.constantFrom(...charset), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => {
    const first17 = [...a, ...b, ...c].join('');
    return first17 + creditCodeCheckChar(first17);
  });

describe('validateCreditCode', () => {
  it('accepts the GB 32100 example', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('normalises lower case, full-width characters and spaces', () => {
    expect(validateCreditCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateCreditCode('9135 0100 M000 100Y 43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it.each([
    ['', '请输入统一社会信用代码'],
    ['91350100M000100Y4', '统一社会信用代码应为18位'],
    ['91350100M000100Y433', '统一社会信用代码应为18位'],
    ['91350100M000100I43', '统一社会信用代码只能包含数字和大写字母（不使用I、O、Z、S、V）'],
    ['91350100O000100Y43', '统一社会信用代码只能包含数字和大写字母（不使用I、O、Z、S、V）'],
    ['9135010-M000100Y43', '统一社会信用代码只能包含数字和大写字母（不使用I、O、Z、S、V）'],
    ['9135A100M000100Y43', '统一社会信用代码第3–8位应为行政区划代码（数字）'],
    ['91350100M000100Y44', '统一社会信用代码校验位错误，请核对最后一位'],
  ])('rejects %j with “%s”', (input, message) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, message });
  });

  it('accepts every generated code with its computed check character', () => {
    fc.assert(fc.property(validCode, (code) => validateCreditCode(code).ok === true));
  });

  it('detects any single changed character', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.constantFrom(...charset), (code, pos, c) => {
        fc.pre(code[pos] !== c);
        return validateCreditCode(code.slice(0, pos) + c + code.slice(pos + 1)).ok === false;
      }),
    );
  });

  it('gives the same result for full-width forms', () => {
    fc.assert(fc.property(validCode, (code) => {
      const wide = [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
      expect(validateCreditCode(wide)).toEqual(validateCreditCode(code));
    }));
  });
});
