// Identity documents of applicants without a mainland resident ID card. Each is checked as far
// as a published rule goes; where none is published (older permanent-residence cards, foreign
// passports) only the shape is checked, and the message says what the clerk should see.
// - 居民身份证: GB 11643 (validateIdCard).
// - 港澳居民来往内地通行证 (card since 2013): H (香港) or M (澳门) and 8 digits; the older
//   booklet's 10 digits after the letter are still accepted.
// - 台湾居民来往大陆通行证 (card since 2015): 8 digits.
// - 外国人永久居留身份证, 2023 edition: 18 characters starting with 9 — 9, the 2-digit province
//   code where it was issued, a 3-digit nationality code, the birth date YYYYMMDD, a 3-digit
//   sequence and the GB 11643 check character (the same MOD 11-2 as the resident ID card).
//   2017 edition: 15 characters — 3-letter ISO nationality code, 2-digit province code, birth
//   date YYMMDD, then four digits (sequence and check; that check's rule is not published here:
//   shape, province and date only).
// - 护照 (passport): 5–17 letters and digits (ICAO 9303 allows up to 9 in the MRZ field, some
//   countries print longer numbers); a Chinese ordinary passport is E and 8 digits or E, a letter
//   and 7 digits.
import { z } from 'zod';
import { compactDateToIso } from './date';
import { idCardCheckChar, PROVINCE_CODES, validateIdCard } from './idcard';
import { normalizeIdentifier, type Invalid } from './normalize';

export const ID_DOCUMENT_TYPES = ['residentId', 'hkMacaoPermit', 'taiwanPermit', 'foreignPermanentResident', 'passport'] as const;
export const IdDocumentType = z.enum(ID_DOCUMENT_TYPES);
export type IdDocumentType = z.infer<typeof IdDocumentType>;

export const ID_DOCUMENT_LABEL: Record<IdDocumentType, string> = {
  residentId: '居民身份证',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanentResident: '外国人永久居留身份证',
  passport: '护照',
};

export type IdDocumentResult = { ok: true; value: string } | Invalid;

const ok = (value: string): IdDocumentResult => ({ ok: true, value });
const no = (message: string): IdDocumentResult => ({ ok: false, message });
const chinaToday = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function permanentResident(v: string, now: Date): IdDocumentResult {
  if (v.length === 18) {
    if (!/^9\d{16}[\dX]$/.test(v)) return no('外国人永久居留身份证（2023 版）号码应为 18 位，以 9 开头，最后一位为数字或X');
    if (!PROVINCE_CODES.has(Number(v.slice(1, 3)))) return no('外国人永久居留身份证号码第 2–3 位不是有效的省级行政区划代码');
    const birth = compactDateToIso(v.slice(6, 14));
    if (birth === null || birth < '1900-01-01' || birth > chinaToday(now)) return no('外国人永久居留身份证号码中的出生日期无效');
    if (idCardCheckChar(v) !== v[17]) return no('外国人永久居留身份证号码校验位错误，请核对最后一位');
    return ok(v);
  }
  if (v.length === 15) {
    if (!/^[A-Z]{3}\d{12}$/.test(v)) return no('外国人永久居留身份证（2017 版）号码应为 3 位国籍字母代码加 12 位数字');
    if (!PROVINCE_CODES.has(Number(v.slice(3, 5)))) return no('外国人永久居留身份证号码第 4–5 位不是有效的省级行政区划代码');
    const yy = v.slice(5, 7);
    // YYMMDD: the century that puts the birth date in the past.
    const full = (c: string) => compactDateToIso(`${c}${yy}${v.slice(7, 11)}`);
    const birth = [full('20'), full('19')].find((d) => d !== null && d <= chinaToday(now));
    if (!birth) return no('外国人永久居留身份证号码中的出生日期无效');
    return ok(v);
  }
  return no('外国人永久居留身份证号码应为 18 位（2023 版，以 9 开头）或 15 位（2017 版）');
}

/** Checks a document number of `type`; the value is normalised (half-width, upper case, no spaces). */
export function validateIdDocument(type: IdDocumentType, input: string, now: Date = new Date()): IdDocumentResult {
  if (type === 'residentId') return validateIdCard(input, now);
  const v = normalizeIdentifier(input).replace(/[()（）]/g, '');
  if (v === '') return no(`请输入${ID_DOCUMENT_LABEL[type]}号码`);
  switch (type) {
    case 'hkMacaoPermit':
      return /^[HM](\d{8}|\d{10})$/.test(v) ? ok(v) : no('港澳居民来往内地通行证号码应为 H 或 M 开头加 8 位数字（如 H12345678）');
    case 'taiwanPermit':
      return /^\d{8}$/.test(v) ? ok(v) : no('台湾居民来往大陆通行证号码应为 8 位数字');
    case 'foreignPermanentResident':
      return permanentResident(v, now);
    case 'passport':
      if (/^E/.test(v) && v.length === 9 && !/^E(\d{8}|[A-HJ-NP-Z]\d{7})$/.test(v)) return no('中国护照号码应为 E 加 8 位数字，或 E、一个字母加 7 位数字');
      return /^[A-Z0-9]{5,17}$/.test(v) ? ok(v) : no('护照号码应为 5–17 位字母或数字');
  }
}
