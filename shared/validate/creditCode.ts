// GB 32100-2015 unified social credit code (统一社会信用代码): 1 registration-authority code,
// 1 organisation-type code, 6-digit administrative division code, 9-character organisation
// code, 1 check character; alphabet of 31 characters without I O Z S V.
import { normalizeIdentifier, type Invalid } from './normalize';

export type CreditCodeResult = { ok: true; value: string } | Invalid;

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^(i-1) mod 31 for positions 1..17. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** The check character for the first 17 characters (all from CREDIT_CODE_CHARSET). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

export function validateCreditCode(input: string): CreditCodeResult {
  const value = normalizeIdentifier(input);
  if (value === '') return { ok: false, message: '请输入统一社会信用代码' };
  if (value.length !== 18) return { ok: false, message: '统一社会信用代码应为18位' };
  if (![...value].every((c) => CREDIT_CODE_CHARSET.includes(c))) {
    return { ok: false, message: '统一社会信用代码只能包含数字和大写字母（不使用I、O、Z、S、V）' };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, message: '统一社会信用代码第3–8位应为行政区划代码（数字）' };
  if (creditCodeCheckChar(value) !== value[17]) return { ok: false, message: '统一社会信用代码校验位错误，请核对最后一位' };
  return { ok: true, value };
}
