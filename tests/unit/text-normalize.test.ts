// Free text is normalised in one place (shared/text/normalize.ts): what the window stores, hashes
// and uploads is what the centre stores. Properties over arbitrary UTF-16, lone surrogates included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isNormalText, jsonNestingDepth, MAX_NESTING, normalizeDeep, normalizeParsedJson, normalizeText } from '../../shared/text/normalize';

const anyText = fc.string({ unit: 'binary', maxLength: 200 }); // every UTF-16 code unit, lone surrogates too
const controls = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u009f', '\r', '\r\n', '\u2028', '\u202e', '\ufeff');
const mixed = fc.array(fc.oneof(anyText, controls, fc.constantFrom('张三', 'é', 'e\u0301', '\ud800', '\udc00', '😀', '\t', '\n')), { maxLength: 12 }).map((xs) => xs.join(''));

describe('normalizeText', () => {
  it('leaves no control character but tab and LF, no lone surrogate, and is NFC', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        const n = normalizeText(s, 'replace')!;
        expect(n.isWellFormed()).toBe(true);
        expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\r\u2028\u2029]/.test(n)).toBe(false);
        expect(n.normalize('NFC')).toBe(n);
        expect(isNormalText(n)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent, and changes nothing in ordinary Chinese text', () => {
    fc.assert(fc.property(mixed, (s) => { expect(normalizeText(normalizeText(s)!)).toBe(normalizeText(s)); }), { numRuns: 300 });
    expect(normalizeText('沈阳市和平区南京南街1号\n第二行\t制表')).toBe('沈阳市和平区南京南街1号\n第二行\t制表');
  });

  it('refuses exactly the strings with a lone surrogate; replaces them otherwise', () => {
    fc.assert(fc.property(mixed, (s) => { expect(normalizeText(s, 'refuse') === null).toBe(!s.isWellFormed()); }), { numRuns: 300 });
    expect(normalizeText('材料\ud800说明', 'replace')).toBe('材料\ufffd说明');
    expect(normalizeText('a\u0000b\r\nc', 'replace')).toBe('ab\nc');
    expect(normalizeText('e\u0301')).toBe('é');
    expect(normalizeText('😀')).toBe('😀'); // a pair is a character, not a lone surrogate
  });
});

describe('normalizeDeep', () => {
  it('normalises keys and values anywhere, names the path of a refused string, keeps __proto__ a plain key', () => {
    // As a request arrives: JSON.parse makes "__proto__" an own key, never a prototype.
    const input = JSON.parse('{"marks":{"m1":{"note":"缺\\u0000页","extra":["\\ud83d"]}},"__proto__":{"x":1}}');
    const { value, issues } = normalizeDeep(input, 'refuse');
    expect(issues).toEqual([{ path: 'marks.m1.extra[0]', kind: 'loneSurrogate' }]);
    expect((value as { marks: { m1: { note: string } } }).marks.m1.note).toBe('缺页');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toContain('__proto__');
  });

  it('stops at MAX_NESTING without descending further', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const { issues } = normalizeDeep({ payload: deep }, 'replace');
    expect(issues).toEqual([expect.objectContaining({ kind: 'tooDeep' })]);
  });
});

describe('normalizeParsedJson', () => {
  const jsonWithOddText = fc.jsonValue({ maxDepth: 5, stringUnit: 'binary' }); // lone surrogates and controls too
  it('gives what normalizeDeep gives, and the value itself when that changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(jsonWithOddText, fc.jsonValue({ maxDepth: 5 }), fc.dictionary(mixed, mixed)), (raw) => {
        for (const policy of ['refuse', 'replace'] as const) {
          const input = JSON.parse(JSON.stringify(raw)) as unknown;
          const deep = normalizeDeep(input, policy);
          const fast = normalizeParsedJson(input, policy);
          expect(fast).toEqual(deep);
          if (JSON.stringify(deep.value) === JSON.stringify(input) && !deep.issues.length) expect(fast.value).toBe(input);
        }
      }),
      { numRuns: 400 },
    );
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(normalizeParsedJson({ payload: deep }, 'replace').issues).toEqual([expect.objectContaining({ kind: 'tooDeep' })]);
  });
});

describe('jsonNestingDepth', () => {
  it('equals the depth of the parsed value, strings with brackets and escapes notwithstanding', () => {
    const depth = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v as object).map(depth)) : 0);
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => { expect(jsonNestingDepth(JSON.stringify(v), 100)).toBe(depth(v)); }), { numRuns: 300 });
    expect(jsonNestingDepth('{"a":"[[[\\"{{"}')).toBe(1);
  });

  it('measures a 2 MB document of nested arrays without recursion', () => {
    const text = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(jsonNestingDepth(text, MAX_NESTING)).toBeGreaterThan(MAX_NESTING);
  });
});
