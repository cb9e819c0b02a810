// What a catalogue import would change, shown to the 值班长 before it is applied: items added,
// changed (with the fields that differ) and removed, compared by 实施编码; plus whether the
// offices, windows, departments or sub-centres differ. Pure.
import type { Catalogue, Item } from '../domain/catalogue';

export interface ItemRef {
  code: string;
  name: string;
}
export interface CatalogueDiff {
  fromVersion: number;
  toVersion: number;
  added: ItemRef[];
  changed: Array<ItemRef & { fields: string[] }>;
  removed: ItemRef[];
  /** Other parts that differ: 部门, 分中心, 中心, 窗口, 同义词. */
  otherChanges: string[];
}

/** JSON with object keys sorted: a file's key order (or the store's) is not a change. */
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
const same = (a: unknown, b: unknown) => canon(a) === canon(b);
/** Lists compared as sets (the store lists them by code, a file in any order). */
const sameSet = (a: readonly unknown[], b: readonly unknown[]) => same([...a.map(canon)].sort(), [...b.map(canon)].sort());

function changedFields(a: Item, b: Item): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Item>;
  return [...keys].filter((k) => !same(a[k], b[k]));
}

const PARTS: Array<[keyof Catalogue, string]> = [
  ['departments', '部门'],
  ['subCenters', '分中心'],
  ['offices', '中心'],
  ['windows', '窗口'],
];

export function catalogueDiff(current: Catalogue | null, next: Catalogue): CatalogueDiff {
  const before = new Map((current?.items ?? []).map((i) => [i.code, i]));
  const after = new Map(next.items.map((i) => [i.code, i]));
  const ref = (i: Item): ItemRef => ({ code: i.code, name: i.name });
  const changed: CatalogueDiff['changed'] = [];
  for (const [code, item] of after) {
    const old = before.get(code);
    if (!old) continue;
    const fields = changedFields(old, item);
    if (fields.length) changed.push({ ...ref(item), fields });
  }
  const part = (c: Catalogue | null, k: keyof Catalogue) => ((c?.[k] as unknown[] | undefined) ?? []);
  const otherChanges = PARTS.filter(([k]) => !sameSet(part(current, k), part(next, k))).map(([, label]) => label);
  if (!sameSet(part(current, 'synonyms'), part(next, 'synonyms'))) otherChanges.push('同义词');
  return {
    fromVersion: current?.version ?? 0,
    toVersion: next.version,
    added: [...after.values()].filter((i) => !before.has(i.code)).map(ref),
    changed,
    removed: [...before.values()].filter((i) => !after.has(i.code)).map(ref),
    otherChanges,
  };
}
