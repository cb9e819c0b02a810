// Primitive schemas whose every accepted value fits the columns behind them, in SQLite and in
// PostgreSQL/PGlite alike. A value the schema admits but a column refuses would fail inside
// the push transaction, so the limits here are the columns' own (see docs/architecture.md,
// "Storable by construction").
import { z } from 'zod';

export const INT32_MAX = 2_147_483_647;
/** integer columns (catalogue versions, counts). */
export const Int32 = z.number().int().min(0).max(INT32_MAX);

// Years a timestamptz/date column stores without question and a business record can carry.
// PostgreSQL refuses year 0 and offsets beyond ±15:59, which an ISO regex alone admits.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const MAX_OFFSET_MINUTES = 14 * 60;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO 8601 time with an offset ('2026-12-01T09:30:00+08:00'), a real calendar moment. */
export function isInstant(s: string): boolean {
  const m = ISO_INSTANT.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, sec] = m;
  if (!realDay(+y, +mo, +d) || +h > 23 || +mi > 59 || (sec !== undefined && +sec > 59)) return false;
  if (m[8] !== 'Z' && (+m[9] * 60 + +m[10] > MAX_OFFSET_MINUTES || +m[10] > 59)) return false;
  return Number.isFinite(Date.parse(s));
}

/** 'YYYY-MM-DD', a real calendar day. */
export function isDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  return !!m && realDay(+m[1], +m[2], +m[3]);
}

export const Instant = z.string().max(40).refine(isInstant, { message: '应为带时区的 ISO 时间（1900–2199 年）' });
export const Day = z.string().refine(isDay, { message: '日期格式应为 YYYY-MM-DD' });

/** Free text of at most `max` characters (normalised at the boundary before it gets here). */
export const Text = (max: number) => z.string().max(max);
/** Free text that must say something. */
export const SomeText = (max: number, message = '不能为空') => z.string().max(max).refine((s) => s.trim().length > 0, { message });
