// Names of people and organisations, as the applicant panel and every decision/delivery
// schema check them (the same function on both sides, so handler and renderer agree).
// - Real lengths: 维吾尔族 and other transliterated names run long ('·' between the parts), so
//   a person's name may have up to 100 characters and a company's up to 200 — never cut.
// - A pasted line break becomes nothing (names copied from a two-line cell are one name).
// - The dots people type between name parts (•・‧∙⋅ and the full-width ．) become '·' (U+00B7,
//   as on the ID card), so the same name always compares equal.
// - Emoji and other pictographs are refused with a message: no ID card or licence has one.
import { normalizeInput, type Invalid } from './normalize';

export const PERSON_NAME_MAX = 100;
export const ORG_NAME_MAX = 200;

const LINE_BREAKS = /[\r\n\u2028\u2029\u0085]+/g;
const NAME_DOTS = /[\u2022\u30fb\u2027\u2219\u22c5\uff0e\uff65]/g;
// Pictographs, their modifiers and joiners, keycap and flag parts.
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3\u{1f1e6}-\u{1f1ff}]/u;

/** What a name field holds once the clerk's paste or keystroke is applied: line breaks removed. */
export const stripLineBreaks = (s: string): string => s.replace(LINE_BREAKS, '');

/** A name as stored: line breaks removed, dots unified, full-width forms and spaces normalised. */
export function normalizeName(s: string): string {
  return normalizeInput(stripLineBreaks(s).replace(NAME_DOTS, '·'));
}

export type NameCheck = { ok: true; value: string } | Invalid;

function checkName(s: string, what: string, max: number, required: boolean): NameCheck {
  const value = normalizeName(s);
  if (!value) return required ? { ok: false, message: `请输入${what}` } : { ok: true, value };
  if (EMOJI.test(value)) return { ok: false, message: `${what}中不能有表情符号，请删除后重新输入` };
  if (value.length > max) return { ok: false, message: `${what}不能超过 ${max} 个字（现有 ${value.length} 个字）` };
  return { ok: true, value };
}

/** 申请人/代理人姓名, 法定代表人: up to 100 characters. */
export const validatePersonName = (s: string, what = '姓名'): NameCheck => checkName(s, what, PERSON_NAME_MAX, true);
/** 单位名称: up to 200 characters. */
export const validateOrgName = (s: string, what = '单位名称'): NameCheck => checkName(s, what, ORG_NAME_MAX, true);
/** A 来访人's 称呼 (引导 only): may be left empty. */
export const validateOptionalName = (s: string, what = '称呼'): NameCheck => checkName(s, what, PERSON_NAME_MAX, false);
