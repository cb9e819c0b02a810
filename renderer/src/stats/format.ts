// How figures read on screen.
export const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** Seconds as 'm 分 s 秒' (or '—' when there is nothing to average). */
export function minutesText(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m ? `${m} 分 ${s % 60} 秒` : `${s} 秒`;
}
