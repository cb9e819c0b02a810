import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateContactPhone, validateLandline, validateMobile } from '../../shared/validate/phone';

describe('validateMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１９９１２３４５６７８', '19912345678'],
  ])('normalises %j to %s', (input, value) => {
    expect(validateMobile(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', '请输入手机号'],
    ['1381234567a', '手机号只能包含数字'],
    ['1381234567', '手机号应为11位'],
    ['138123456789', '手机号应为11位'],
    ['12812345678', '手机号号段无效，应以13–19开头'],
    ['23812345678', '手机号号段无效，应以13–19开头'],
  ])('rejects %j with “%s”', (input, message) => {
    expect(validateMobile(input)).toEqual({ ok: false, message });
  });

  it('accepts every 1[3-9] + 9 digits number however it is spaced', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), fc.constantFrom('', ' ', '-'), (second, rest, sep) => {
        const n = `1${second}${rest}`;
        expect(validateMobile(`+86${sep}${n.slice(0, 3)}${sep}${n.slice(3, 7)}${sep}${n.slice(7)}`)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('validateLandline', () => {
  it.each([
    ['024-22345678', '024-22345678'],
    ['02422345678', '024-22345678'],
    ['(024)22345678', '024-22345678'],
    ['010-62345678', '010-62345678'],
    ['0411-8765432', '0411-8765432'],
    ['０２４－２２３４５６７８', '024-22345678'],
    ['024-22345678-801', '024-22345678-801'],
  ])('normalises %j to %s', (input, value) => {
    expect(validateLandline(input)).toEqual({ ok: true, value });
  });

  it.each(['22345678', '024-12345678', '024-223456', 'abc'])('rejects %j', (input) => {
    expect(validateLandline(input).ok).toBe(false);
  });
});

describe('validateContactPhone', () => {
  it('takes a mobile first and a landline otherwise', () => {
    expect(validateContactPhone('138 1234 5678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateContactPhone('024-22345678')).toEqual({ ok: true, value: '024-22345678' });
    expect(validateContactPhone('12345')).toEqual({ ok: false, message: '手机号应为11位（固定电话请写为“区号-号码”）' });
  });
});
