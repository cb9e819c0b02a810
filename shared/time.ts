// China has one time zone (UTC+8, no DST): business days are counted in it whatever the
// workstation's own time-zone setting says.
const CHINA_OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD of `d` in China time. */
export function chinaDay(d: Date): string {
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → 'YYYYMMDD'. */
export function compactDay(day: string): string {
  return day.replaceAll('-', '');
}

/** HH:MM:SS of an instant in China time ('' when unreadable). */
export function chinaClock(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms + CHINA_OFFSET_MS).toISOString().slice(11, 19) : '';
}
