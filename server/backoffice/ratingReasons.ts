// The centre's 好差评 reason lists, edited by admins in the console. They live in the published
// catalogue (Catalogue.ratingReasons) — the one place windows receive them from, in the whole
// list of a catalogue delta — so a save publishes the next catalogue version: the latest
// document with only its ratingReasons replaced, under the publication lock, with the audit
// record in the same transaction. A save names the version it edited; if another version was
// published meanwhile the save is refused (409) rather than silently undoing it.
import type { Db } from '../db/db';
import type { CatalogueStore } from '../catalogue/catalogue';
import { appendCatalogueVersion, lockCatalogue } from '../catalogue/catalogue';
import { NATIONAL_RATING_REASONS } from '../../shared/domain/ratingReasons';
import type { Catalogue } from '../../shared/domain/catalogue';
import type { RatingReasonsResponse, SetRatingReasonsRequest } from '../../shared/sync/ratingReasons';
import { recordAudit, type Actor } from './audit';
import { HttpError } from '../http/errors';

const NO_CATALOGUE = '尚未发布事项目录，评价原因随事项目录发布，请先发布事项目录';

const viewOf = (doc: Catalogue): RatingReasonsResponse => ({
  reasons: doc.ratingReasons ?? [...NATIONAL_RATING_REASONS],
  custom: !!doc.ratingReasons,
  catalogueVersion: doc.version,
});

export async function ratingReasons(catalogue: CatalogueStore): Promise<RatingReasonsResponse> {
  const latest = await catalogue.latest();
  if (!latest) throw new HttpError(404, 'no_catalogue', NO_CATALOGUE);
  return viewOf(latest);
}

export async function setRatingReasons(db: Db, actor: Actor, req: SetRatingReasonsRequest, now: Date): Promise<RatingReasonsResponse> {
  return db.transaction(async (tx) => {
    const latest = await lockCatalogue(tx);
    if (!latest) throw new HttpError(404, 'no_catalogue', NO_CATALOGUE);
    if (latest.version !== req.baseVersion) {
      throw new HttpError(409, 'conflict', `事项目录已更新为第 ${latest.version} 版（你修改的是第 ${req.baseVersion} 版），请刷新后重新修改评价原因`);
    }
    const { ratingReasons: _old, ...rest } = latest;
    const next = req.reasons ? { ...rest, ratingReasons: req.reasons } : rest;
    const published = await appendCatalogueVersion(tx, next, now);
    await recordAudit(tx, actor, 'catalogue.ratingReasons', {
      detail: { version: published.version, custom: !!req.reasons, count: req.reasons?.length ?? NATIONAL_RATING_REASONS.length },
    });
    return viewOf({ ...(next as Catalogue), version: published.version });
  });
}
