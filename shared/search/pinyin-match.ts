// Matching a typed pinyin string against an item's per-character readings (see keys.ts).
// A query matches from character i when it splits into consecutive chunks, chunk n being a
// prefix of some reading of character i+n: "spjyxk", "shipinjingying", "shipinjy" and
// "zhongguoyinhang" all match 中国银行… / 食品经营许可 from the right character.

/** Letters a–z → 0–25, digits → 26–35: the alphabet of initials keys. */
export function letterIndex(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return -1;
}

/** Interned units: the readings of one character, shared by every doc that has it. */
export class UnitTable {
  readonly readings: string[][] = [];
  /** Distinct first letters of the readings, as letterIndex values. */
  readonly initials: number[][] = [];
  private readonly ids = new Map<string, number>();
  /** Every prefix of every reading: which chunks can start a syllable. */
  readonly prefixes = new Set<string>();

  intern(unit: string): number {
    let id = this.ids.get(unit);
    if (id === undefined) {
      id = this.readings.length;
      this.ids.set(unit, id);
      const rs = unit.split('|').filter((r) => r.length > 0);
      this.readings.push(rs);
      this.initials.push([...new Set(rs.map((r) => letterIndex(r.charCodeAt(0))))].filter((x) => x >= 0));
      for (const r of rs) for (let l = 1; l <= r.length; l++) this.prefixes.add(r.slice(0, l));
    }
    return id;
  }

  /** Unit ids that have a reading starting with `prefix`. */
  unitsWithPrefix(prefix: string): number[] {
    const out: number[] = [];
    this.readings.forEach((rs, id) => {
      if (rs.some((r) => r.startsWith(prefix))) out.push(id);
    });
    return out;
  }
}

const MAX_Q = 64;
const MAX_U = 128;
const failed = new Int32Array(MAX_Q * MAX_U);
let failGen = 0;

/**
 * Tries to match q against the doc units[docStart..docEnd) from unit docStart + pos. Returns
 * -1, or (units consumed up to, relative to docStart) * 2 + 1 when some chunk was longer than
 * one letter (full pinyin), * 2 + 0 when all chunks were initials.
 */
export function matchAt(units: ArrayLike<number>, docStart: number, docEnd: number, pos: number, q: string, table: UnitTable): number {
  if (q.length >= MAX_Q || docEnd - docStart >= MAX_U) return -1;
  failGen++;
  if (failGen === 0x7fffffff) {
    failed.fill(0);
    failGen = 1;
  }
  const m = walk(units, docStart, docEnd, docStart + pos, q, 0, table.readings);
  return m < 0 ? m : m - (docStart << 1);
}

function walk(units: ArrayLike<number>, base: number, end: number, ui: number, q: string, qi: number, readings: string[][]): number {
  if (qi === q.length) return ui << 1;
  if (ui >= end) return -1;
  const memo = (ui - base) * MAX_Q + qi;
  if (failed[memo] === failGen) return -1;
  const rs = readings[units[ui]];
  for (let k = 0; k < rs.length; k++) {
    const r = rs[k];
    const max = Math.min(r.length, q.length - qi);
    let m = 0;
    while (m < max && r.charCodeAt(m) === q.charCodeAt(qi + m)) m++;
    for (let l = m; l >= 1; l--) {
      const res = walk(units, base, end, ui + 1, q, qi + l, readings);
      if (res >= 0) return res | (l > 1 ? 1 : 0);
    }
  }
  failed[memo] = failGen;
  return -1;
}

/**
 * The initials keys a query can start with, by how many chunks its splits have:
 * `one` (a single chunk, the query itself), `pairs` (exactly two chunks), `triples`
 * (three or more: their first three initials). Keys are letterIndex values.
 */
export function initialsKeys(q: string, prefixes: ReadonlySet<string>): { one: boolean; pairs: number[]; triples: number[] } {
  const n = q.length;
  const MAX_CHUNK = 6;
  // splittable[i]: q[i..] splits into valid chunks.
  const splittable: boolean[] = new Array(n + 1).fill(false);
  splittable[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    for (let l = 1; l <= MAX_CHUNK && i + l <= n; l++) {
      if (splittable[i + l] && prefixes.has(q.slice(i, i + l))) {
        splittable[i] = true;
        break;
      }
    }
  }
  const pairs = new Set<number>();
  const triples = new Set<number>();
  const one = n <= MAX_CHUNK && prefixes.has(q);
  if (!splittable[0]) return { one, pairs: [], triples: [] };
  const a = letterIndex(q.charCodeAt(0));
  for (let j = 1; j <= MAX_CHUNK && j < n; j++) {
    if (!prefixes.has(q.slice(0, j)) || !splittable[j]) continue;
    const b = letterIndex(q.charCodeAt(j));
    if (n - j <= MAX_CHUNK && prefixes.has(q.slice(j))) pairs.add(a * 36 + b);
    for (let k = j + 1; k <= j + MAX_CHUNK && k < n; k++) {
      if (!prefixes.has(q.slice(j, k)) || !splittable[k]) continue;
      triples.add((a * 36 + b) * 36 + letterIndex(q.charCodeAt(k)));
    }
  }
  return { one, pairs: [...pairs], triples: [...triples] };
}
