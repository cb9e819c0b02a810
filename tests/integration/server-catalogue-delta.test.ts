// The catalogue delta the server computes, applied by the client to the version it holds,
// gives the published version: property over random edits of every collection.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogueFixture } from './server-harness';
import { applyCatalogueDelta, diffCatalogue } from '../../shared/sync/catalogue-delta';
import type { Catalogue } from '../../shared/domain/catalogue';

const code = (n: number) => `1121010000${String(n).padStart(8, '0')}`;
const base = (codes: number[]) => catalogueFixture(codes.map((n) => ({ code: code(n), name: `事项${n}` })));
const byKey = (c: Catalogue) => ({
  items: Object.fromEntries(c.items.map((i) => [i.code, i])),
  departments: Object.fromEntries(c.departments.map((d) => [d.code, d])),
  windows: Object.fromEntries(c.windows.map((w) => [`${w.officeCode}:${w.code}`, w])),
  offices: Object.fromEntries(c.offices.map((o) => [o.code, o])),
  subCenters: Object.fromEntries(c.subCenters.map((s) => [s.code, s])),
  synonyms: c.synonyms ?? [],
});

// 同义词: a few words people say for a few catalogue words, in any order (the list has no key).
const word = fc.constantFrom('小卖部', '便利店', '个体户', '饭馆', '餐馆', '营业执照', '食品经营', '小吃店');
const synonymList = fc.array(fc.record({ words: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }), means: word }), { maxLength: 6 });

describe('catalogue delta', () => {
  it('property: apply(old, diff(old, new)) equals new, and an unchanged catalogue has an empty delta', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(60), { minLength: 1, maxLength: 25 }),
        fc.uniqueArray(fc.nat(60), { minLength: 1, maxLength: 25 }),
        fc.array(fc.record({ ix: fc.nat(), days: fc.nat(30) }), { maxLength: 10 }),
        fc.boolean(),
        fc.option(synonymList, { nil: undefined }),
        fc.option(synonymList, { nil: undefined }),
        (oldCodes, newCodes, edits, renameDept, oldSynonyms, newSynonyms) => {
          const before = { ...base(oldCodes), ...(oldSynonyms ? { synonyms: oldSynonyms } : {}) };
          const after = { ...base(newCodes), ...(newSynonyms ? { synonyms: newSynonyms } : {}) };
          for (const e of edits) after.items[e.ix % after.items.length].promisedDays = e.days;
          if (renameDept) after.departments[0] = { ...after.departments[0], name: '市场监督管理局（新）' };
          after.windows.push({ code: '02', officeCode: after.offices[0].code, name: '二号窗口', kind: 'business', departmentCodes: [] });
          const delta = diffCatalogue(before, after);
          const rebuilt = applyCatalogueDelta(before, delta, 2, after.publishedAt);
          expect(byKey(rebuilt)).toEqual(byKey(after));
          expect(rebuilt.version).toBe(2);
          const same = diffCatalogue(after, structuredClone(after));
          const { synonyms, ...collections } = same;
          expect(synonyms).toBeUndefined();
          expect(Object.values(collections).every((c) => c.upserted.length === 0 && c.removed.length === 0)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
