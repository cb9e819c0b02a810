// In-memory item search for the one search box (issue 2 §5). Built once from the catalogue
// rows (keys precomputed at import, see keys.ts) and answered without touching SQLite.
//
// Query kinds and how each is answered without scanning every item:
//   Chinese text  – 1–2 characters: a posting list per character / character pair, stored in
//                   (position, name length) order so the walk stops after `limit` hits;
//                   longer: the rarest pair's list, verified. Then keywords, then names that
//                   hold the characters in order (社保 → 社会保险…).
//   letters       – pinyin: initials (spjyxk), full (shipinjingying) or mixed, from postings
//                   of the first one/two/three initials, verified against every reading of
//                   polyphones. Then 实施编码 containing the letters.
//   digits        – 实施编码: prefix (sorted codes, early stop), then substring (trigrams).
// Ranking: match tier (exact name > name prefix > name substring > keyword > characters in
// order > pinyin exact/prefix/inside > pinyin keyword > code), then how often this window
// used the item, then the earlier match position, then the shorter name.
// An empty query returns no hits: ItemSummary.matchedBy has no "most used" reason to show.
import type { ItemSummary } from '../contract';
import type { ImmediateTier, Level } from '../domain/catalogue';
import { DOC_SEP, UNIT_SEP, foldText } from './keys';
import { UnitTable, initialsKeys, letterIndex, matchAt } from './pinyin-match';
import { parseQuery } from './query';
import { TopK } from './topk';

export interface SearchRow {
  code: string;
  name: string;
  keywords: readonly string[];
  departmentName: string;
  immediateTier: ImmediateTier | null;
  subCenterCode: string | null;
  levels: Level[];
  /** searchKeys(item).initials — kept for completeness; the index derives initials from `pinyin`. */
  initials: string;
  /** searchKeys(item).pinyin */
  pinyin: string;
}

export interface SearchOptions {
  limit: number;
  /** item code → how often this window picked it. */
  usage?: ReadonlyMap<string, number>;
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, opts: SearchOptions): ItemSummary[];
}

type MatchedBy = ItemSummary['matchedBy'];
const VIA: MatchedBy[] = ['name', 'keyword', 'initials', 'pinyin', 'code'];
const V_NAME = 0;
const V_KEYWORD = 1;
const V_INITIALS = 2;
const V_PINYIN = 3;
const V_CODE = 4;

const T = {
  exact: 0,
  prefix: 1,
  substring: 2,
  keywordExact: 3,
  keyword: 4,
  inOrder: 5,
  pinyinExact: 6,
  pinyinPrefix: 7,
  pinyinInside: 8,
  pinyinKeyword: 9,
  codeExact: 10,
  codePrefix: 11,
  codeInside: 12,
} as const;

const USAGE_MAX = 2 ** 26 - 1;
/** Lower is better: tier, then usage (more first), then position, then name length. */
function score(tier: number, uses: number, pos: number, len: number): number {
  const u = USAGE_MAX - Math.min(Math.max(uses, 0), USAGE_MAX);
  return ((tier * 2 ** 26 + u) * 128 + Math.min(pos, 127)) * 256 + Math.min(len, 255);
}

const POS_BITS = 128; // doc*128 + unit position; names are ≤ 100 characters
type Posting = number[];

export function createSearchIndex(rows: readonly SearchRow[]): SearchIndex {
  const n = rows.length;
  const codes = rows.map((r) => r.code.toLowerCase());
  const names = rows.map((r) => foldText(r.name));
  const lens = names.map((s) => s.length);
  const base = rows.map((r) => ({
    code: r.code,
    name: r.name,
    departmentName: r.departmentName,
    immediateTier: r.immediateTier,
    subCenterCode: r.subCenterCode,
    levels: r.levels,
  }));
  const codeToId = new Map<string, number>();
  rows.forEach((r, i) => codeToId.set(r.code, i));

  // ── Chinese text: name postings per character and per character pair, in (first position,
  // name length) order, built position by position over items sorted by length.
  const charPost: (Posting | undefined)[] = new Array(65536);
  const pairPost = new Map<number, Posting>();
  let maxLen = 0;
  for (const l of lens) if (l > maxLen) maxLen = l;
  const byLen = countingSortBy(lens, maxLen);
  let from = 0;
  for (let pos = 0; pos < maxLen; pos++) {
    while (from < n && lens[byLen[from]] <= pos) from++;
    for (let k = from; k < n; k++) {
      const id = byLen[k];
      const s = names[id];
      const c = s.charCodeAt(pos);
      let firstChar = true;
      for (let p = 0; p < pos; p++) if (s.charCodeAt(p) === c) { firstChar = false; break; }
      if (firstChar) (charPost[c] ??= []).push(id);
      if (pos + 1 < s.length) {
        const c2 = s.charCodeAt(pos + 1);
        let firstPair = true;
        for (let p = 0; p < pos; p++) if (s.charCodeAt(p) === c && s.charCodeAt(p + 1) === c2) { firstPair = false; break; }
        if (firstPair) {
          const key = c * 65536 + c2;
          let list = pairPost.get(key);
          if (!list) pairPost.set(key, (list = []));
          list.push(id);
        }
      }
    }
  }

  // ── Keywords (colloquial words), searched like names but ranked below them.
  const kwText: string[] = [];
  const kwItem: number[] = [];
  const kwCharPost = new Map<number, Posting>();
  rows.forEach((r, id) => {
    for (const k of r.keywords) {
      const doc = kwText.length;
      const s = foldText(k);
      kwText.push(s);
      kwItem.push(id);
      for (let p = 0; p < s.length; p++) {
        const c = s.charCodeAt(p);
        if (s.indexOf(s[p]) !== p) continue;
        let list = kwCharPost.get(c);
        if (!list) kwCharPost.set(c, (list = []));
        list.push(doc);
      }
    }
  });

  // ── Pinyin: docs (name, then keywords) as interned units; postings of the initials of
  // one unit at the start of a doc, of two and three consecutive units anywhere, and of
  // each unit anywhere (for a single full syllable such as "zheng").
  const table = new UnitTable();
  const docUnits: number[][] = [];
  const docItem: number[] = [];
  const docIsName: boolean[] = [];
  const initial1: Posting[] = Array.from({ length: 36 }, () => []);
  const initial2: (Posting | undefined)[] = new Array(36 * 36);
  const initial3: (Posting | undefined)[] = new Array(36 * 36 * 36);
  const unitPost: Posting[] = [];
  rows.forEach((r, id) => {
    r.pinyin.split(DOC_SEP).forEach((docText, k) => {
      const doc = docUnits.length;
      const units = docText.length ? docText.split(UNIT_SEP).map((u) => table.intern(u)) : [];
      docUnits.push(units);
      docItem.push(id);
      docIsName.push(k === 0);
      const m = Math.min(units.length, POS_BITS);
      for (let p = 0; p < m; p++) {
        const entry = doc * POS_BITS + p;
        const u = units[p];
        (unitPost[u] ??= []).push(entry);
        const ia = table.initials[u];
        if (p === 0) for (const a of ia) initial1[a].push(entry);
        if (p + 1 >= m) continue;
        const ib = table.initials[units[p + 1]];
        const ic = p + 2 < m ? table.initials[units[p + 2]] : null;
        for (const a of ia) {
          for (const b of ib) {
            (initial2[a * 36 + b] ??= []).push(entry);
            if (ic) for (const c of ic) (initial3[(a * 36 + b) * 36 + c] ??= []).push(entry);
          }
        }
      }
    });
  });

  // ── 实施编码: sorted for prefix ranges, trigrams for substrings.
  const codeOrder = Array.from({ length: n }, (_, i) => i).sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0));
  const sortedCodes = codeOrder.map((i) => codes[i]);
  const codeTri: (Posting | undefined)[] = new Array(36 * 36 * 36);
  codes.forEach((s, id) => {
    let last = -1;
    for (let p = 0; p + 2 < s.length; p++) {
      const key = trigramKey(s, p);
      if (key < 0 || key === last) continue;
      const list = (codeTri[key] ??= []);
      if (list[list.length - 1] !== id) list.push(id);
      last = key;
    }
  });

  // Per-query scratch: `seen` marks items whose best score is already decided; `best` keeps the
  // best score of an item inside one stage that can reach it more than once.
  const seen = new Int32Array(n);
  const bestAt = new Int32Array(n);
  const best = new Float64Array(n);
  const bestVia = new Uint8Array(n);
  let gen = 0;
  let stageGen = 0;
  let touched: number[] = [];

  function search(raw: string, opts: SearchOptions): ItemSummary[] {
    const limit = Math.max(0, Math.floor(opts.limit));
    const q = parseQuery(raw);
    if (q.text.length === 0 || limit === 0 || n === 0) return [];
    const usage = opts.usage ?? EMPTY_USAGE;
    const top = new TopK(limit);
    gen++;
    const ctx: Ctx = { q: q.text, usage, top };
    if (q.kind === 'text') {
      nameStage(ctx);
      if (!top.full) keywordStage(ctx);
      if (!top.full && q.text.length > 1) inOrderStage(ctx);
    } else {
      if (q.kind === 'letters') pinyinStage(ctx);
      if (!top.full) codeStage(ctx);
    }
    return top.ids.map((id, i) => ({ ...base[id], matchedBy: VIA[top.via[i]] }));
  }

  interface Ctx {
    q: string;
    usage: ReadonlyMap<string, number>;
    top: TopK;
  }

  const usesOf = (ctx: Ctx, id: number): number => ctx.usage.get(rows[id].code) ?? 0;

  function beginStage(): void {
    stageGen++;
    touched = [];
  }
  function offer(id: number, s: number, via: number): void {
    if (seen[id] === gen) return;
    if (bestAt[id] !== stageGen) {
      bestAt[id] = stageGen;
      best[id] = s;
      bestVia[id] = via;
      touched.push(id);
    } else if (s < best[id]) {
      best[id] = s;
      bestVia[id] = via;
    }
  }
  function endStage(top: TopK): void {
    for (const id of touched) {
      seen[id] = gen;
      top.add(id, best[id], bestVia[id]);
    }
  }

  /** Name tiers for a match of q at pos in item id. */
  const nameTier = (pos: number, id: number, qLen: number): number =>
    pos === 0 ? (lens[id] === qLen ? T.exact : T.prefix) : T.substring;

  function nameStage(ctx: Ctx): void {
    const { q, top } = ctx;
    if (q.length <= 2) {
      const list = q.length === 1 ? charPost[q.charCodeAt(0)] : pairPost.get(q.charCodeAt(0) * 65536 + q.charCodeAt(1));
      if (!list) return;
      // Items this window used jump the queue inside their tier, so score them first; the
      // rest all have usage 0 and arrive in score order: stop once nothing can get in.
      for (const [code, uses] of ctx.usage) {
        if (!(uses > 0)) continue;
        const id = codeToId.get(code);
        if (id === undefined) continue;
        const pos = names[id].indexOf(q);
        if (pos < 0) continue;
        seen[id] = gen;
        top.add(id, score(nameTier(pos, id, q.length), uses, pos, lens[id]), V_NAME);
      }
      for (let k = 0; k < list.length; k++) {
        const id = list[k];
        if (seen[id] === gen) continue;
        const pos = names[id].indexOf(q);
        const s = score(nameTier(pos, id, q.length), 0, pos, lens[id]);
        if (s >= top.bar) break;
        seen[id] = gen;
        top.add(id, s, V_NAME);
      }
      return;
    }
    // Longer text: verify the items holding the query's rarest character pair.
    let list: Posting | undefined;
    for (let p = 0; p + 1 < q.length; p++) {
      const l = pairPost.get(q.charCodeAt(p) * 65536 + q.charCodeAt(p + 1));
      if (!l) return;
      if (!list || l.length < list.length) list = l;
    }
    if (!list) return;
    for (let k = 0; k < list.length; k++) {
      const id = list[k];
      const pos = names[id].indexOf(q);
      if (pos < 0) continue;
      seen[id] = gen;
      top.add(id, score(nameTier(pos, id, q.length), usesOf(ctx, id), pos, lens[id]), V_NAME);
    }
  }

  function keywordStage(ctx: Ctx): void {
    const { q } = ctx;
    let list: Posting | undefined;
    for (let p = 0; p < q.length; p++) {
      const l = kwCharPost.get(q.charCodeAt(p));
      if (!l) return;
      if (!list || l.length < list.length) list = l;
    }
    if (!list) return;
    beginStage();
    for (const doc of list) {
      const pos = kwText[doc].indexOf(q);
      if (pos < 0) continue;
      const id = kwItem[doc];
      const tier = kwText[doc].length === q.length ? T.keywordExact : T.keyword;
      offer(id, score(tier, usesOf(ctx, id), pos, lens[id]), V_KEYWORD);
    }
    endStage(ctx.top);
  }

  /** Names holding the query's characters in order, not adjacent: 社保 → 社会保险登记. */
  function inOrderStage(ctx: Ctx): void {
    const { q } = ctx;
    let list: Posting | undefined;
    for (let p = 0; p < q.length; p++) {
      const l = charPost[q.charCodeAt(p)];
      if (!l) return;
      if (!list || l.length < list.length) list = l;
    }
    if (!list) return;
    beginStage();
    for (const id of list) {
      if (seen[id] === gen) continue;
      const s = names[id];
      let at = s.indexOf(q[0]);
      const first = at;
      for (let p = 1; p < q.length && at >= 0; p++) at = s.indexOf(q[p], at + 1);
      if (at < 0) continue;
      offer(id, score(T.inOrder, usesOf(ctx, id), first, lens[id]), V_NAME);
    }
    endStage(ctx.top);
  }

  function pinyinStage(ctx: Ctx): void {
    const { q } = ctx;
    const keys = initialsKeys(q, table.prefixes);
    beginStage();
    const tryEntry = (entry: number): void => {
      const doc = Math.floor(entry / POS_BITS);
      const pos = entry - doc * POS_BITS;
      const m = matchAt(docUnits[doc], pos, q, table);
      if (m < 0) return;
      const id = docItem[doc];
      const full = (m & 1) === 1;
      const end = m >> 1;
      const tier = !docIsName[doc] ? T.pinyinKeyword : pos > 0 ? T.pinyinInside : end === docUnits[doc].length ? T.pinyinExact : T.pinyinPrefix;
      offer(id, score(tier, usesOf(ctx, id), pos, lens[id]), full ? V_PINYIN : V_INITIALS);
    };
    for (const key of keys.triples) for (const e of initial3[key] ?? []) tryEntry(e);
    for (const key of keys.pairs) for (const e of initial2[key] ?? []) tryEntry(e);
    if (keys.one) {
      if (q.length === 1) {
        // A single letter: names (and keywords) starting with it; anywhere would be noise.
        for (const e of initial1[letterIndex(q.charCodeAt(0))] ?? []) tryEntry(e);
      } else {
        for (const u of table.unitsWithPrefix(q)) for (const e of unitPost[u] ?? []) tryEntry(e);
      }
    }
    endStage(ctx.top);
  }

  function codeStage(ctx: Ctx): void {
    const { q, top } = ctx;
    // Prefix: used items first, then the sorted range in order (all usage 0, same tier).
    for (const [code, uses] of ctx.usage) {
      if (!(uses > 0)) continue;
      const id = codeToId.get(code);
      if (id === undefined || seen[id] === gen || !codes[id].startsWith(q)) continue;
      seen[id] = gen;
      top.add(id, score(codes[id].length === q.length ? T.codeExact : T.codePrefix, uses, 0, 0), V_CODE);
    }
    for (let k = lowerBound(sortedCodes, q); k < n && sortedCodes[k].startsWith(q); k++) {
      const id = codeOrder[k];
      if (seen[id] === gen) continue;
      const s = score(codes[id].length === q.length ? T.codeExact : T.codePrefix, 0, 0, 0);
      if (s >= top.bar) break;
      seen[id] = gen;
      top.add(id, s, V_CODE);
    }
    if (top.full || q.length < 3) return;
    let list: Posting | undefined;
    for (let p = 0; p + 2 < q.length; p++) {
      const key = trigramKey(q, p);
      const l = key < 0 ? undefined : codeTri[key];
      if (!l) return;
      if (!list || l.length < list.length) list = l;
    }
    for (const id of list ?? []) {
      if (seen[id] === gen) continue;
      const pos = codes[id].indexOf(q);
      if (pos <= 0) continue;
      seen[id] = gen;
      top.add(id, score(T.codeInside, usesOf(ctx, id), pos, 0), V_CODE);
    }
  }

  return { size: n, search };
}

const EMPTY_USAGE: ReadonlyMap<string, number> = new Map();

function trigramKey(s: string, p: number): number {
  const a = letterIndex(s.charCodeAt(p));
  const b = letterIndex(s.charCodeAt(p + 1));
  const c = letterIndex(s.charCodeAt(p + 2));
  return a < 0 || b < 0 || c < 0 ? -1 : (a * 36 + b) * 36 + c;
}

function lowerBound(sorted: readonly string[], q: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ids 0..n-1 ordered by key (small non-negative integers), stable. */
function countingSortBy(keys: readonly number[], maxKey: number): number[] {
  const count = new Array<number>(maxKey + 2).fill(0);
  for (const k of keys) count[k + 1]++;
  for (let i = 1; i < count.length; i++) count[i] += count[i - 1];
  const out = new Array<number>(keys.length);
  keys.forEach((k, id) => (out[count[k]++] = id));
  return out;
}
