// Colloquial searches (shared/search/synonyms.ts) over the demo catalogue: 办个体户, 开小卖部 and
// 餐饮许可证 found nothing before; the typed query's hits still come first; a 值班长's lines parse
// with every bad line named.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSearchIndex, type SearchRow } from '../../shared/search/index';
import { searchKeys } from '../../shared/search/keys';
import { alternativeQueries, parseSynonymLines, searchWithSynonyms, synonymLines } from '../../shared/search/synonyms';
import { demoCatalogue } from '../../shared/demo/catalogue';

const rows: SearchRow[] = demoCatalogue.items.map((i) => ({
  code: i.code, name: i.name, keywords: i.keywords, departmentName: '', immediateTier: i.immediateTier, subCenterCode: i.subCenterCode, levels: i.levels, ...searchKeys(i),
}));
const index = createSearchIndex(rows);
const synonyms = demoCatalogue.synonyms ?? [];
const names = (q: string) => searchWithSynonyms(index, q, synonyms, { limit: 10 }).map((h) => h.name);

describe('colloquial searches', () => {
  it('办个体户, 开小卖部 and 餐饮许可证 find their items (they found nothing without the list)', () => {
    for (const q of ['办个体户', '开小卖部', '餐饮许可证']) expect(index.search(q, { limit: 10 }), q).toEqual([]);
    expect(names('办个体户')).toContain('个体工商户设立登记');
    expect(names('开小卖部')[0]).toBe('仅销售预包装食品备案');
    expect(names('餐饮许可证')).toContain('食品经营许可');
    expect(names('我要办低保')).toContain('最低生活保障');
  });

  it('the typed query\'s own hits always come first, unchanged, and nothing is listed twice', () => {
    fc.assert(
      fc.property(fc.constantFrom('食品', '个体', '社保', '证明', '许可', 'spjy', '小卖部', '身份证', '开'), (q) => {
        const own = index.search(q, { limit: 10 });
        const all = searchWithSynonyms(index, q, synonyms, { limit: 10 });
        expect(all.slice(0, own.length)).toEqual(own);
        expect(new Set(all.map((h) => h.code)).size).toBe(all.length);
        expect(all.length).toBeLessThanOrEqual(10);
      }),
    );
  });

  it('pinyin and codes are never rewritten', () => {
    expect(alternativeQueries('spjyxk', synonyms)).toEqual([]);
    expect(alternativeQueries('210100', synonyms)).toEqual([]);
  });
});

describe('the 值班长\'s lines', () => {
  it('round-trip, full-width separators accepted; bad lines named by number', () => {
    const r = parseSynonymLines('# 本窗口\n小卖部，便利店=预包装食品\n\n开饭店＝食品经营');
    expect(r).toEqual({ ok: true, synonyms: [{ words: ['小卖部', '便利店'], means: '预包装食品' }, { words: ['开饭店'], means: '食品经营' }] });
    if (r.ok) expect(parseSynonymLines(synonymLines(r.synonyms))).toEqual(r);
    const bad = parseSynonymLines('小卖部\n=食品\n' + 'x'.repeat(21) + '=y');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.slice(0, 5))).toEqual(['第 1 行', '第 2 行', '第 3 行']);
  });
});
