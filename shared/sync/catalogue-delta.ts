// Catalogue deltas: the server diffs two published versions, the client applies the diff
// to the version it holds. Both sides use these functions, so a delta round-trips exactly.
import type { Catalogue } from '../domain/catalogue';
import type { CatalogueChanges } from './protocol';

type Collections = keyof CatalogueChanges;
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
  return out as CatalogueChanges;
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
  return next;
}
