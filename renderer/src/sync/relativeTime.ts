// "How long ago" for the status area: the clerk reads 「2 分钟前」 at a glance, not a timestamp.

/** '刚刚' under a minute, then minutes, hours and days; a time ahead of now reads 刚刚. */
export function sinceText(iso: string | null, nowMs: number): string {
  if (!iso) return '从未同步';
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds) || seconds < 60) return '刚刚';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时前`;
  return `${Math.floor(hours / 24)} 天前`;
}
