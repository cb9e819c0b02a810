// In-memory item search for the one search box (docs/architecture.md §2). Built once from the catalogue
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
import { Postings } from './postings';
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

const POS_BITS = 128; // id or doc * 128 + position; names are ≤ 100 characters
type Posting = Int32Array;
const TRI = 36 * 36 * 36;

export function createSearchIndex(rows: readonly SearchRow[]): SearchIndex {
  const n = rows.length;
  const codes: string[] = new Array(n);
  const names: string[] = new Array(n);
  const lens = new Int32Array(n);
  const base: Omit<ItemSummary, 'matchedBy'>[] = new Array(n);
  const codeToId = new Map<string, number>();
  let maxLen = 0;
  for (let id = 0; id < n; id++) {
    const r = rows[id];
    codes[id] = r.code.toLowerCase();
    names[id] = foldText(r.name);
    lens[id] = Math.min(names[id].length, POS_BITS - 1);
    if (lens[id] > maxLen) maxLen = lens[id];
    base[id] = { code: r.code, name: r.name, departmentName: r.departmentName, immediateTier: r.immediateTier, subCenterCode: r.subCenterCode, levels: r.levels };
    codeToId.set(r.code, id);
  }

  // ── Chinese text: per character, the items whose name has it, as id*128 + first position,
  // in (first position, name length) order: emitted position by position over items sorted
  // by length, so a walk meets candidates roughly best first.
  const byLen = countingSortBy(lens, maxLen);
  const lastChar = new Int32Array(65536);
  let charPass = 0;
  const charPost = Postings.build(65536, (emit) => {
    charPass++;
    let from = 0;
    for (let pos = 0; pos < maxLen; pos++) {
      while (from < n && lens[byLen[from]] <= pos) from++;
      for (let k = from; k < n; k++) {
        const id = byLen[k];
        const c = names[id].charCodeAt(pos);
        const mark = charPass * (n + 1) + id + 1; // first occurrence only; no reset between passes
        if (lastChar[c] === mark) continue;
        lastChar[c] = mark;
        emit(c, id * POS_BITS + pos);
      }
    }
  });

  // ── Keywords (colloquial words), searched like names but ranked below them.
  const kwText: string[] = [];
  const kwItem: number[] = [];
  rows.forEach((r, id) => {
    for (const k of r.keywords) {
      kwText.push(foldText(k));
      kwItem.push(id);
    }
  });
  const kwCharPost = Postings.build(65536, (emit) => {
    kwText.forEach((s, doc) => {
      for (let p = 0; p < s.length; p++) if (s.indexOf(s[p]) === p) emit(s.charCodeAt(p), doc);
    });
  });

  // ── Pinyin: docs (name, then keywords) as interned units in one flat array; postings of
  // the initials of the first unit of a doc, of two and of three consecutive units anywhere,
  // and of each unit anywhere (for a single full syllable such as "zheng").
  const table = new UnitTable();
  const units: number[] = [];
  const docStart: number[] = [];
  const docItem: number[] = [];
  const docIsName: boolean[] = [];
  rows.forEach((r, id) => {
    const docs = r.pinyin.split(DOC_SEP);
    for (let k = 0; k < docs.length; k++) {
      docStart.push(units.length);
      docItem.push(id);
      docIsName.push(k === 0);
      if (docs[k].length === 0) continue;
      const us = docs[k].split(UNIT_SEP);
      for (let p = 0; p < us.length && p < POS_BITS; p++) units.push(table.intern(us[p]));
    }
  });
  const docCount = docItem.length;
  docStart.push(units.length);
  // Initials of each unit, flattened: most characters have one, polyphones up to three.
  const iniStart = new Int32Array(table.readings.length + 1);
  const iniData: number[] = [];
  table.initials.forEach((list, u) => {
    for (const a of list) iniData.push(a);
    iniStart[u + 1] = iniData.length;
  });
  const initial1 = Postings.build(36, (emit) => {
    for (let doc = 0; doc < docCount; doc++) {
      if (docStart[doc] === docStart[doc + 1]) continue;
      const u = units[docStart[doc]];
      for (let i = iniStart[u]; i < iniStart[u + 1]; i++) emit(iniData[i], doc * POS_BITS);
    }
  });
  const initial2 = Postings.build(36 * 36, (emit) => {
    for (let doc = 0; doc < docCount; doc++) {
      const s = docStart[doc];
      for (let x = s; x + 1 < docStart[doc + 1]; x++) {
        const u = units[x];
        const v = units[x + 1];
        for (let i = iniStart[u]; i < iniStart[u + 1]; i++)
          for (let j = iniStart[v]; j < iniStart[v + 1]; j++) emit(iniData[i] * 36 + iniData[j], doc * POS_BITS + x - s);
      }
    }
  });
  const initial3 = Postings.build(TRI, (emit) => {
    for (let doc = 0; doc < docCount; doc++) {
      const s = docStart[doc];
      for (let x = s; x + 2 < docStart[doc + 1]; x++) {
        const u = units[x];
        const v = units[x + 1];
        const w = units[x + 2];
        for (let i = iniStart[u]; i < iniStart[u + 1]; i++)
          for (let j = iniStart[v]; j < iniStart[v + 1]; j++)
            for (let k = iniStart[w]; k < iniStart[w + 1]; k++) emit((iniData[i] * 36 + iniData[j]) * 36 + iniData[k], doc * POS_BITS + x - s);
      }
    }
  });
  const unitPost = Postings.build(table.readings.length, (emit) => {
    for (let doc = 0; doc < docCount; doc++) {
      const s = docStart[doc];
      for (let x = s; x < docStart[doc + 1]; x++) emit(units[x], doc * POS_BITS + x - s);
    }
  });

  // ── 实施编码: sorted for prefix ranges, trigrams (once per code) for substrings.
  const sortedCodes = codes.slice().sort();
  const idOfFolded = new Map<string, number>();
  codes.forEach((c, id) => idOfFolded.set(c, id));
  const codeOrder = sortedCodes.map((c) => idOfFolded.get(c) as number);
  const lastOf = new Int32Array(TRI);
  let pass = 0;
  const codeTri = Postings.build(TRI, (emit) => {
    pass++;
    codes.forEach((s, id) => {
      const mark = pass * (n + 1) + id; // distinct per pass, so the stamps need no reset
      for (let p = 0; p + 2 < s.length; p++) {
        const key = trigramKey(s, p);
        if (key < 0 || lastOf[key] === mark) continue;
        lastOf[key] = mark;
        emit(key, id);
      }
    });
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

  /** Name tier of a match of q at pos in item id. */
  const nameTier = (pos: number, id: number, qLen: number): number =>
    pos === 0 ? (lens[id] === qLen ? T.exact : T.prefix) : T.substring;

  /** The shortest posting among q's characters, or undefined when one is missing. */
  function rarest(post: Postings, q: string): Posting | undefined {
    let key = -1;
    for (let p = 0; p < q.length; p++) {
      const c = q.charCodeAt(p);
      if (post.size(c) === 0) return undefined;
      if (key < 0 || post.size(c) < post.size(key)) key = c;
    }
    return post.get(key);
  }

  function nameStage(ctx: Ctx): void {
    const { q, top } = ctx;
    const firstList = charPost.get(q.charCodeAt(0));
    const rare = rarest(charPost, q);
    if (!firstList || !rare) return;
    if (rare.length * 4 < firstList.length) {
      // A rare character: verify its few items.
      for (let k = 0; k < rare.length; k++) {
        const id = Math.floor(rare[k] / POS_BITS);
        const pos = names[id].indexOf(q);
        if (pos < 0) continue;
        seen[id] = gen;
        top.add(id, score(nameTier(pos, id, q.length), usesOf(ctx, id), pos, lens[id]), V_NAME);
      }
      return;
    }
    // Items this window used jump the queue inside their tier, so score them first; the rest
    // (usage 0) arrive in the first character's (position, length) order, which bounds their
    // score from below: stop as soon as that bound cannot get in.
    for (const [code, uses] of ctx.usage) {
      if (!(uses > 0)) continue;
      const id = codeToId.get(code);
      if (id === undefined) continue;
      const pos = names[id].indexOf(q);
      if (pos < 0) continue;
      seen[id] = gen;
      top.add(id, score(nameTier(pos, id, q.length), uses, pos, lens[id]), V_NAME);
    }
    for (let k = 0; k < firstList.length; k++) {
      const id = Math.floor(firstList[k] / POS_BITS);
      if (seen[id] === gen) continue;
      const from = firstList[k] - id * POS_BITS;
      // Bound: a match starts at `from` or later; shorter names may still tie as exact.
      const boundTier = from === 0 ? (lens[id] <= q.length ? T.exact : T.prefix) : T.substring;
      if (score(boundTier, 0, from, lens[id]) >= top.bar) break;
      const pos = q.length === 1 ? from : names[id].indexOf(q, from);
      if (pos < 0) continue;
      seen[id] = gen;
      top.add(id, score(nameTier(pos, id, q.length), 0, pos, lens[id]), V_NAME);
    }
  }

  function keywordStage(ctx: Ctx): void {
    const { q } = ctx;
    const list = rarest(kwCharPost, q);
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
    const list = rarest(charPost, q);
    if (!list) return;
    beginStage();
    for (const entry of list) {
      const id = Math.floor(entry / POS_BITS);
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
    const tryList = (list: Posting | undefined): void => {
      if (!list) return;
      for (let k = 0; k < list.length; k++) {
        const entry = list[k];
        const doc = Math.floor(entry / POS_BITS);
        const pos = entry - doc * POS_BITS;
        const m = matchAt(units, docStart[doc], docStart[doc + 1], pos, q, table);
        if (m < 0) continue;
        const id = docItem[doc];
        const end = m >> 1;
        const tier = !docIsName[doc]
          ? T.pinyinKeyword
          : pos > 0
            ? T.pinyinInside
            : end === docStart[doc + 1] - docStart[doc]
              ? T.pinyinExact
              : T.pinyinPrefix;
        offer(id, score(tier, usesOf(ctx, id), pos, lens[id]), (m & 1) === 1 ? V_PINYIN : V_INITIALS);
      }
    };
    for (const key of keys.triples) tryList(initial3.get(key));
    for (const key of keys.pairs) tryList(initial2.get(key));
    if (keys.one) {
      // A single letter: names (and keywords) starting with it; anywhere would be noise.
      if (q.length === 1) tryList(initial1.get(letterIndex(q.charCodeAt(0))));
      else for (const u of table.unitsWithPrefix(q)) tryList(unitPost.get(u));
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
      const l = codeTri.get(trigramKey(q, p));
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
function countingSortBy(keys: ArrayLike<number>, maxKey: number): Int32Array {
  const count = new Int32Array(maxKey + 2);
  for (let i = 0; i < keys.length; i++) count[keys[i] + 1]++;
  for (let i = 1; i < count.length; i++) count[i] += count[i - 1];
  const out = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[count[keys[i]]++] = i;
  return out;
}
