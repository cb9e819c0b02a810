// GB 11643-1999 citizen identity number: 6-digit address code, 8-digit birth date, 3-digit
// sequence (odd = male), 1 check character by ISO 7064 MOD 11-2 ('X' stands for 10).
import { compactDateToIso } from './date';
import { normalizeIdentifier, type Invalid } from './normalize';

export type Sex = '男' | '女';
export type IdCardResult = { ok: true; value: string; birthDate: string; sex: Sex } | Invalid;

/**
 * First two digits of the address code: provinces, autonomous regions and municipalities (11–65),
 * 71 台湾, and 81/82/83 used by 港澳台居民居住证 numbers (same format and check).
 */
export const PROVINCE_CODES: ReadonlySet<number> = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82, 83,
]);

/** Weights 2^(17-i) mod 11 for positions 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** Today's date in China (UTC+8, no DST) as YYYY-MM-DD, whatever the machine's time zone. */
function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Validates a resident ID number. `now` is only for the "birth date not in the future" check
 * (injectable for tests). Lower-case x, full-width characters and spaces are normalised.
 */
export function validateIdCard(input: string, now: Date = new Date()): IdCardResult {
  const value = normalizeIdentifier(input);
  if (value === '') return { ok: false, message: '请输入身份证号' };
  if (value.length !== 18) return { ok: false, message: '身份证号应为18位' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: '身份证号前17位应为数字，最后一位为数字或X' };
  if (!PROVINCE_CODES.has(Number(value.slice(0, 2)))) return { ok: false, message: '身份证号前两位不是有效的省级行政区划代码' };
  const birthDate = compactDateToIso(value.slice(6, 14));
  if (birthDate === null || birthDate < '1900-01-01') return { ok: false, message: '身份证号中的出生日期无效' };
  if (birthDate > chinaToday(now)) return { ok: false, message: '身份证号中的出生日期晚于今天，请核对' };
  if (idCardCheckChar(value) !== value[17]) return { ok: false, message: '身份证号校验位错误，请核对最后一位' };
  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? '男' : '女' };
}

/**
 * For printed notices and screens: first 6 and last 4 characters visible, the rest '*'.
 * Anything too short to keep 4 hidden characters is masked whole (never leak a short number).
 */
export function maskIdNumber(id: string): string {
  const v = normalizeIdentifier(id);
  if (v.length < 14) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}
