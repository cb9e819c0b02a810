// 本机扫描件保留 (a 值班长's setting): local copies of pages the centre confirmed are purged N
// days after it confirmed them — at once when the setting changes, and after every sync round.
import type { Db } from '../store/db';
import { tx } from '../store/db';
import { localPageHoldings, purgeAfterDays, purgeConfirmedPages, setPurgeAfterDays } from '../store/pagePurge';
import type { RetentionView } from '../../shared/scans/api';

const DAY_MS = 86_400_000;

/** Purges what the setting says may go by `now`; nothing when no setting is made. */
export function purgeExpiredPages(db: Db, now: Date): { pages: number; bytes: number } {
  const days = purgeAfterDays(db);
  if (days === null) return { pages: 0, bytes: 0 };
  return tx(db, () => purgeConfirmedPages(db, new Date(now.getTime() - days * DAY_MS).toISOString()));
}

export const retentionView = (db: Db): RetentionView => ({ purgeAfterDays: purgeAfterDays(db), ...localPageHoldings(db) });

export function setRetention(db: Db, days: number | null, now: Date): RetentionView {
  const purged = tx(db, () => {
    setPurgeAfterDays(db, days);
    return days === null ? 0 : purgeConfirmedPages(db, new Date(now.getTime() - days * DAY_MS).toISOString()).pages;
  });
  return { ...retentionView(db), purged };
}
