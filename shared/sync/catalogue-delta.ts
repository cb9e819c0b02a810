// Catalogue deltas: the server diffs two published versions, the client applies the diff
// to the version it holds. Both sides use these functions, so a delta round-trips exactly.
import type { Catalogue } from '../domain/catalogue';
import type { CatalogueChanges } from './protocol';

// The five collections every catalogue has; the 好差评 reasons and the synonyms (optional on both sides) follow.
type Collections = Exclude<keyof CatalogueChanges, 'ratingReasons' | 'synonyms'>;
const KEY: { [K in Collections]: (x: Catalogue[K][number]) => string } = {
  departments: (d) => d.code,
  subCenters: (s) => s.code,
  offices: (o) => o.code,
  windows: (w) => `${w.officeCode}:${w.code}`,
  items: (i) => i.code,
};
const COLLECTIONS = Object.keys(KEY) as Collections[];

// Deterministic comparison: published JSON keeps key order, so stringify is enough.
function diff<T>(before: T[], after: T[], key: (x: T) => string): { upserted: T[]; removed: string[] } {
  const old = new Map(before.map((x) => [key(x), JSON.stringify(x)]));
  const upserted = after.filter((x) => old.get(key(x)) !== JSON.stringify(x));
  const present = new Set(after.map(key));
  const removed = [...old.keys()].filter((k) => !present.has(k));
  return { upserted, removed };
}

export function diffCatalogue(before: Catalogue, after: Catalogue): CatalogueChanges {
  const out = {} as Record<Collections, unknown>;
  for (const c of COLLECTIONS) out[c] = diff<unknown>(before[c], after[c], KEY[c] as (x: unknown) => string);
  // The 好差评 list is short and its order is what the applicant sees: when it changed, the
  // delta carries all of it (upserted, in order) and the codes it no longer has.
  const changes = out as CatalogueChanges;
  const was = before.ratingReasons ?? [];
  const now = after.ratingReasons ?? [];
  if (JSON.stringify(was) !== JSON.stringify(now)) {
    const kept = new Set(now.map((r) => r.code));
    changes.ratingReasons = { upserted: now, removed: was.map((r) => r.code).filter((c) => !kept.has(c)) };
  }
  // Synonyms have no key of their own (a word may move to another meaning): the whole list when it changed.
  if (JSON.stringify(before.synonyms ?? []) !== JSON.stringify(after.synonyms ?? [])) changes.synonyms = after.synonyms ?? [];
  return changes;
}

/** Applies a delta; order of the result follows `before`, new entries appended. Validate
 * the result with the `Catalogue` schema before storing it. */
export function applyCatalogueDelta(before: Catalogue, changes: CatalogueChanges, version: number, publishedAt: string): Catalogue {
  const next = { ...before, version, publishedAt } as Catalogue;
  for (const c of COLLECTIONS) {
    const key = KEY[c] as (x: unknown) => string;
    const removed = new Set(changes[c].removed);
    const byKey = new Map<string, unknown>(changes[c].upserted.map((x) => [key(x), x]));
    const kept = (before[c] as unknown[])
      .filter((x) => !removed.has(key(x)))
      .map((x) => {
        const k = key(x);
        const replaced = byKey.get(k);
        byKey.delete(k);
        return replaced ?? x;
      });
    (next as Record<Collections, unknown[]>)[c] = [...kept, ...byKey.values()];
  }
  if (changes.ratingReasons) {
    // The whole new list (see diffCatalogue); an empty one means back to the national list.
    if (changes.ratingReasons.upserted.length) next.ratingReasons = changes.ratingReasons.upserted;
    else delete next.ratingReasons;
  }
  if (changes.synonyms) {
    if (changes.synonyms.length) next.synonyms = changes.synonyms;
    else delete next.synonyms;
  }
  return next;
}
