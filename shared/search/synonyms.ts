// Colloquial searches: what applicants say at the window (办个体户, 开小卖部, 餐饮许可证) is not
// what the catalogue calls the item. A synonym list kept in the catalogue (and extended by the
// window's 值班长) maps words people use to the catalogue's words; filler verbs (办, 办理, 申请,
// 开 …) are dropped. When the query as typed finds fewer than the limit, the rewritten queries
// are searched too and their hits follow. Pure.
import { z } from 'zod';
import type { ItemSummary } from '../contract';
import type { SearchIndex, SearchOptions } from './index';
import { foldText } from './keys';

export const Synonym = z.object({
  /** What people say: 小卖部, 便利店 … */
  words: z.array(z.string().trim().min(1).max(20)).min(1).max(20),
  /** What the catalogue calls it: 预包装食品 */
  means: z.string().trim().min(1).max(30),
});
export type Synonym = z.infer<typeof Synonym>;
export const Synonyms = z.array(Synonym).max(2000);

/** Asking words around the thing itself: 我要办…, 申请…, …怎么办. */
const LEADING = /^(我要|我想|想要|想|要|请问|怎么|如何|去)?(办理|申请|申办|补办|办|开办|开|领取|领|做)(个|一个|一张|张)?/;
const TRAILING = /(怎么办|怎么办理|要什么材料|需要什么|在哪办|在哪里办|去哪办|手续)$/;

function rewrite(text: string, synonyms: readonly Synonym[]): string {
  const pairs = synonyms.flatMap((s) => s.words.map((w) => [foldText(w), foldText(s.means)] as const)).sort((a, b) => b[0].length - a[0].length);
  let out = text;
  for (const [w, means] of pairs) if (w && out.includes(w)) out = out.split(w).join(means);
  return out;
}

/** The queries to try after the one typed, in order (none when nothing changes). */
export function alternativeQueries(query: string, synonyms: readonly Synonym[]): string[] {
  const typed = foldText(query).replace(/\s+/g, '');
  if (!typed || /^[0-9a-z]+$/.test(typed)) return []; // pinyin and codes are not rewritten
  const bare = typed.replace(LEADING, '').replace(TRAILING, '');
  const out = [bare, rewrite(bare, synonyms), rewrite(typed, synonyms)];
  return [...new Set(out)].filter((q) => q.length > 0 && q !== typed);
}

/** The typed query's hits first, then those of its rewrites, up to the limit. */
export function searchWithSynonyms(index: Pick<SearchIndex, 'search'>, query: string, synonyms: readonly Synonym[], opts: SearchOptions): ItemSummary[] {
  const hits = index.search(query, opts);
  if (hits.length >= opts.limit) return hits;
  const seen = new Set(hits.map((h) => h.code));
  for (const q of alternativeQueries(query, synonyms)) {
    for (const h of index.search(q, opts)) {
      if (seen.has(h.code)) continue;
      seen.add(h.code);
      hits.push({ ...h, matchedBy: 'keyword' });
      if (hits.length >= opts.limit) return hits;
    }
  }
  return hits;
}

/** 「小卖部,便利店=预包装食品」 per line, as a 值班长 types them; every bad line named. */
export function parseSynonymLines(text: string): { ok: true; synonyms: Synonym[] } | { ok: false; errors: string[] } {
  const synonyms: Synonym[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([^=＝]+)[=＝](.+)$/.exec(line);
    if (!m) return void errors.push(`第 ${i + 1} 行应写成「群众说法=目录用词」，如：小卖部,便利店=预包装食品`);
    const parsed = Synonym.safeParse({ words: m[1].split(/[,，、]/).map((w) => w.trim()).filter(Boolean), means: m[2].trim() });
    if (!parsed.success) return void errors.push(`第 ${i + 1} 行：每个说法不超过 20 个字，目录用词不超过 30 个字，每行最多 20 个说法`);
    synonyms.push(parsed.data);
  });
  return errors.length ? { ok: false, errors } : { ok: true, synonyms };
}

export const synonymLines = (synonyms: readonly Synonym[]): string => synonyms.map((s) => `${s.words.join(',')}=${s.means}`).join('\n');
