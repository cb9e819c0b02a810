// Search keys of an item, computed once at catalogue import so start-up does no pinyin work.
//
// Format (both keys): one "doc" per searchable text — the name first, then each keyword —
// joined by ','; inside a doc one unit per character joined by ' '; inside a unit every
// reading joined by '|', the reading pinyin-pro picks in context first. Polyphones keep all
// their readings because a clerk types what they say: 银行 háng, 重庆 chóng, 会计 kuài.
// ASCII letters and digits in a name are units of their own; punctuation is dropped.
//   name 中国银行, keyword 存款 → pinyin "zhong guo yin hang|xing|heng,cun kuan"
//                               → initials "z g y h|x,c k"
import { pinyin, polyphonic } from 'pinyin-pro';

export interface SearchKeys {
  initials: string;
  pinyin: string;
}

export const DOC_SEP = ',';
export const UNIT_SEP = ' ';
export const ALT_SEP = '|';

const HAN = /\p{Script=Han}/u;
const ASCII_WORD = /^[0-9a-z]$/;

/** Full-width to half-width, lower case: the same folding applied to queries. */
export function foldText(s: string): string {
  // Pure CJK ideographs are already folded; skipping them keeps index building fast.
  return /^[\u4e00-\u9fff]*$/.test(s) ? s : s.normalize('NFKC').toLowerCase();
}

/** Readings of each character of `text`, as units (empty units are dropped). */
function unitsOf(text: string): string[][] {
  const chars = [...foldText(text)];
  const joined = chars.join('');
  const contextual = pinyin(joined, { toneType: 'none', type: 'array', v: true });
  const all = polyphonic(joined, { toneType: 'none', type: 'array', v: true });
  const units: string[][] = [];
  chars.forEach((ch, i) => {
    if (HAN.test(ch)) {
      const readings = new Set<string>();
      for (const r of [contextual[i], ...(all[i] ?? [])]) {
        if (!r || !/^[a-z]+$/.test(r)) continue;
        readings.add(r);
        // ü: most input methods type v, some clerks type u (lv / lu 律师).
        if (r.includes('v')) readings.add(r.replaceAll('v', 'u'));
      }
      if (readings.size > 0) units.push([...readings]);
    } else if (ASCII_WORD.test(ch)) {
      units.push([ch]);
    }
  });
  return units;
}

const initialsOf = (unit: string[]): string[] => [...new Set(unit.map((r) => r[0]))];

export function searchKeys(item: { name: string; keywords: readonly string[] }): SearchKeys {
  const docs = [item.name, ...item.keywords].map(unitsOf);
  return {
    pinyin: docs.map((d) => d.map((u) => u.join(ALT_SEP)).join(UNIT_SEP)).join(DOC_SEP),
    initials: docs.map((d) => d.map((u) => initialsOf(u).join(ALT_SEP)).join(UNIT_SEP)).join(DOC_SEP),
  };
}
