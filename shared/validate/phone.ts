// Mainland phone numbers. Mobile: 11 digits 1[3-9]…, typed with or without +86/0086/86 and
// with spaces, dashes or brackets. Landline (for applicants without a mobile, common at
// village points): area code 0xx/0xxx + 7–8 digit local number, optional extension.
import { normalizeInput, type Invalid } from './normalize';

export type PhoneResult = { ok: true; value: string } | Invalid;

export function validateMobile(input: string): PhoneResult {
  let digits = normalizeInput(input).replace(/[\s\-()（）]/g, '');
  if (digits === '') return { ok: false, message: '请输入手机号' };
  digits = digits.replace(/^(\+86|0086)/, '');
  if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) return { ok: false, message: '手机号只能包含数字' };
  if (digits.length !== 11) return { ok: false, message: '手机号应为11位' };
  if (!/^1[3-9]\d{9}$/.test(digits)) return { ok: false, message: '手机号号段无效，应以13–19开头' };
  return { ok: true, value: digits };
}

/** Normalised form 'area-local' or 'area-local-ext', e.g. '024-22345678'. */
export function validateLandline(input: string): PhoneResult {
  const s = normalizeInput(input).replace(/[\s()（）]/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (s === '') return { ok: false, message: '请输入固定电话' };
  if (!/^[\d-]+$/.test(s)) return { ok: false, message: '固定电话只能包含数字和“-”' };
  const m = /^(0(?:10|2\d|[3-9]\d{2}))-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/.exec(s);
  if (!m) return { ok: false, message: '固定电话格式应为“区号-号码”，如 024-22345678' };
  return { ok: true, value: [m[1], m[2], m[3]].filter(Boolean).join('-') };
}

/** A contact number: a mobile, or else a landline. The message speaks of the mobile, the usual case. */
export function validateContactPhone(input: string): PhoneResult {
  const mobile = validateMobile(input);
  if (mobile.ok) return mobile;
  const landline = validateLandline(input);
  return landline.ok ? landline : { ok: false, message: `${mobile.message}（固定电话请写为“区号-号码”）` };
}
