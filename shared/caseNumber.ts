// Case numbers (办件编号) that never collide offline: every device can mint them without asking
// the server, because the office code and window code make the prefix unique in the province
// and the daily sequence is taken in the same transaction as the case (the next after the
// highest number of that window and day already stored).
//
//   210100-01-20261128-0007-H
//   office(6–12 digits) - window(2 of 0-9A-Z) - date YYYYMMDD - daily sequence(4 digits) - check
//
// The check character is ISO 7064 MOD 37,36 over the characters without separators: it
// catches every single-character typo. Practice-mode numbers carry the prefix 'LX', which is
// also inside the checksum, so deleting 'LX-' from a practice number never yields a valid
// real number.
import { z } from 'zod';
import { AppError, zodDetails } from './errors';
import { compactDateToIso } from './validate/date';
import { normalizeIdentifier } from './validate/normalize';

export const PRACTICE_PREFIX = 'LX';
/** Four digits of daily sequence per window. */
export const MAX_DAILY_SEQUENCE = 9999;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const CaseNumberParts = z.object({
  officeCode: z.string().regex(/^\d{6,12}$/, '中心编码应为 6–12 位数字'),
  windowCode: z.string().regex(/^[0-9A-Z]{2}$/, '窗口编码应为 2 位数字或大写字母'),
  /** Acceptance date, YYYY-MM-DD. */
  date: z.iso.date({ message: '日期应为有效的 YYYY-MM-DD 日期' }),
  /** Daily sequence of the window, from 1. */
  sequence: z.number().int().min(1, '序号从 1 开始').max(MAX_DAILY_SEQUENCE, `本窗口当日序号已用完（最多 ${MAX_DAILY_SEQUENCE}）`),
});
export type CaseNumberParts = z.infer<typeof CaseNumberParts>;

export type ParsedCaseNumber =
  | { ok: true; parts: CaseNumberParts; practice: boolean; /** canonical form with separators */ value: string }
  | { ok: false; message: string };

/** ISO 7064 MOD 37,36 (hybrid system) check character over [0-9A-Z]. */
export function caseNumberCheckChar(data: string): string {
  const M = 36;
  let p = M;
  for (const ch of data) {
    const a = ALPHABET.indexOf(ch);
    if (a < 0) throw new RangeError(`Not in [0-9A-Z]: ${ch}`);
    const s = (p + a) % M || M;
    p = (s * 2) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M];
}

const compactBody = (p: CaseNumberParts) => `${p.officeCode}${p.windowCode}${p.date.replace(/-/g, '')}${String(p.sequence).padStart(4, '0')}`;

function format(parts: CaseNumberParts, practice: boolean): string {
  const r = CaseNumberParts.safeParse(parts);
  if (!r.success) throw new AppError('invalid_input', '办件编号的组成部分不正确', zodDetails(r.error));
  const p = r.data;
  const prefix = practice ? PRACTICE_PREFIX : '';
  const check = caseNumberCheckChar(prefix + compactBody(p));
  const body = [p.officeCode, p.windowCode, p.date.replace(/-/g, ''), String(p.sequence).padStart(4, '0'), check].join('-');
  return practice ? `${PRACTICE_PREFIX}-${body}` : body;
}

/**
 * What every number of one window and day starts with, up to the sequence:
 * '210100-01-20261128-' (or 'LX-210100-01-20261128-'). Four fixed-width digits follow, so
 * the day's numbers sort by sequence and the highest one tells the next.
 */
export function caseNumberDayPrefix(parts: Omit<CaseNumberParts, 'sequence'>, practice = false): string {
  const body = `${parts.officeCode}-${parts.windowCode}-${parts.date.replace(/-/g, '')}-`;
  return practice ? `${PRACTICE_PREFIX}-${body}` : body;
}

/** The daily sequence of a number that starts with `prefix` (see caseNumberDayPrefix). */
export const sequenceAfterPrefix = (caseNumber: string, prefix: string): number => Number(caseNumber.slice(prefix.length, prefix.length + 4));

/** '210100-01-20261128-0007-H'. Throws AppError('invalid_input') on bad parts. */
export function formatCaseNumber(parts: CaseNumberParts): string {
  return format(parts, false);
}

/** 'LX-210100-01-20261128-0007-1': never accepted by the real checker. */
export function formatPracticeCaseNumber(parts: CaseNumberParts): string {
  return format(parts, true);
}

const BAD_FORMAT = { ok: false, message: '办件编号格式不正确' } as const;

/**
 * Reads a case number typed or scanned at the window: full-width characters, lower case,
 * spaces and dash look-alikes are normalised; separators may be omitted (the office code's
 * length follows from the total length). In real use a practice number is refused, and in
 * practice mode (`{ practice: true }`) a real number is refused, so the two never mix.
 */
export function parseCaseNumber(input: string, opts: { practice?: boolean } = {}): ParsedCaseNumber {
  let s = normalizeIdentifier(input).replace(/[\u2010-\u2015\u2212\ufe63]/g, '-');
  if (s === '') return { ok: false, message: '请输入办件编号' };
  const practice = s.startsWith(PRACTICE_PREFIX);
  if (practice && !opts.practice) return { ok: false, message: '练习办件编号不能用于真实业务' };
  if (!practice && opts.practice) return { ok: false, message: '真实办件编号不能用于练习模式' };
  if (practice) s = s.slice(PRACTICE_PREFIX.length).replace(/^-/, '');

  let fields: string[];
  if (s.includes('-')) {
    fields = s.split('-');
    if (fields.length !== 5) return BAD_FORMAT;
  } else {
    const officeLength = s.length - 15;
    if (officeLength < 6 || officeLength > 12) return BAD_FORMAT;
    fields = [s.slice(0, officeLength), s.slice(officeLength, officeLength + 2), s.slice(-13, -5), s.slice(-5, -1), s.slice(-1)];
  }
  const [officeCode, windowCode, compactDate, seq, check] = fields;
  const date = compactDateToIso(compactDate);
  if (!/^\d{6,12}$/.test(officeCode) || !/^[0-9A-Z]{2}$/.test(windowCode) || date === null || !/^\d{4}$/.test(seq) || seq === '0000' || !/^[0-9A-Z]$/.test(check)) {
    return BAD_FORMAT;
  }
  const parts: CaseNumberParts = { officeCode, windowCode, date, sequence: Number(seq) };
  const expected = caseNumberCheckChar((practice ? PRACTICE_PREFIX : '') + compactBody(parts));
  if (check !== expected) return { ok: false, message: '办件编号校验位错误，请核对' };
  return { ok: true, parts, practice, value: format(parts, practice) };
}
