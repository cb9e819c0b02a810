// Arbitrary values for one field of a pushed entry, our own generator: any JSON (runaway
// nesting, numbers at and beyond every bound, wrong types) and any Unicode (NUL and other
// controls, lone surrogates, bidi overrides, combining marks that NFC folds, astral
// characters), and — to reach what a schema admits and a column might not — values of the
// field's own kind near its bounds: strings exactly at and one past their length, dates at the
// edges of the calendar and of PostgreSQL's, enum values, objects of the field's own shape.
import fc from 'fast-check';
import type { z } from 'zod';
import { Day, Instant } from '../../shared/domain/storable';
import { checksOf, defOf, peel } from './schemaPaths';

const chr = (n: number) => String.fromCharCode(n);
/** Characters that a store, a normaliser or a screen treats specially. */
const SPECIAL = [
  '\u0000', '\u0001', '\u0008', '\t', '\n', '\u000b', '\r', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u2028', '\u2029',
  '\u200b', '\u200d', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\ufffd', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff',
  '\u0301', '\u0308', '\u1100', '\u1161', '\u212b', 'A\u030a', '\u{1f600}', '\u{20000}', '\u{10ffff}', '"', '\\', '/', "'", '%', '_', '字',
];
const unit = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.integer({ min: 0, max: 0xffff }).map(chr), // every UTF-16 unit, lone surrogates included
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('a', 'Z', '0', ' ', '-', '申', '请'),
);
const pad2 = (n: number) => String(n).padStart(2, '0');
const year = fc.oneof(fc.constantFrom(0, 1, 1899, 1900, 1970, 2026, 2199, 2200, 9999), fc.integer({ min: 0, max: 9999 }));
/** 'YYYY-MM-DD' strings, mostly well-formed, at and beyond the edges of months and of the years a column stores. */
const FIRST = Date.UTC(1900, 0, 1);
const LAST = Date.UTC(2199, 11, 31, 23, 59, 59, 999);
/** A real moment within the years a record may carry (what the schema admits, if not in the future). */
const plausible = fc.integer({ min: FIRST, max: LAST }).map((t) => new Date(t));
export const dayish = fc.oneof(
  fc.tuple(year, fc.integer({ min: 0, max: 13 }), fc.oneof(fc.constantFrom(0, 1, 28, 29, 30, 31, 32), fc.integer({ min: 1, max: 28 })))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`),
  plausible.map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('1900-01-01', '2199-12-31', '2024-02-29', '2026-02-29', '1900-02-29', '2000-02-29'),
);
const zone = fc.oneof(
  fc.constant('Z'),
  fc.tuple(fc.constantFrom('+', '-'), fc.constantFrom(0, 8, 13, 14, 15, 16, 23, 99), fc.constantFrom(0, 30, 59, 60)).map(([s, h, m]) => `${s}${pad2(h)}:${pad2(m)}`),
);
/** ISO instants, at and beyond the edges of the clock, the calendar and PostgreSQL's offsets. */
export const instantish = fc.oneof(
  fc.tuple(dayish, fc.constantFrom(0, 12, 23, 24), fc.constantFrom(0, 59, 60), fc.option(fc.constantFrom('00', '59', '60', '59.999999999', '00.5')), zone)
    .map(([d, h, mi, s, z]) => `${d}T${pad2(h)}:${pad2(mi)}${s === null ? '' : `:${s}`}${z}`),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), // years −271821 … 275760 as JavaScript writes them
  // Real moments in the past, in any offset PostgreSQL takes, with up to nanoseconds (it keeps microseconds).
  fc.tuple(fc.integer({ min: FIRST, max: Date.now() }), fc.integer({ min: -14 * 4, max: 14 * 4 }), fc.constantFrom('', '.5', '.123456', '.999999999'))
    .map(([t, q, frac]) => {
      const local = new Date(t + q * 15 * 60_000).toISOString().slice(0, 19);
      const m = Math.abs(q) * 15;
      return `${local}${frac}${q === 0 ? 'Z' : `${q < 0 ? '-' : '+'}${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`}`;
    }),
  fc.constantFrom('1900-01-01T00:00:00+14:00', '1900-01-01T00:00:00Z', '1900-01-01T00:00:00-14:00', '2199-12-31T23:59:59.999999999-14:00'),
);

const NASTY = [
  '', ' ', '\u3000', 'null', 'undefined', 'true', '0', '-1', '1e999', 'NaN', '__proto__', 'constructor', 'toString', '{"a":1}', '[]',
  "'; DROP TABLE cases; --", '\\u0000', '%00', '\u0000', 'a\u0000b', '\ud83d', 'x\udfff', '\u202e申请人', '\ufeff张三', '\r\n', 'e\u0301'.repeat(50),
  '\u1100\u1161'.repeat(30), 'x'.repeat(3000), '字'.repeat(70_000), // the last beyond any payload
];
export const wildString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: dayish },
  { weight: 1, arbitrary: instantish },
);
/** Keys: what a record or an unknown key may be called. */
export const wildKey: fc.Arbitrary<string> = fc.oneof(fc.string({ unit, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'toJSON', '', 'm1', 'k'.repeat(65), '\u0000', '\ud800'));

const EDGE_NUMBERS = [0, -0, 1, -1, 0.5, -0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, -1e308, Number.MAX_VALUE, 5e-324, 1e-7, Number.NaN, Infinity, -Infinity];
/** Numbers JSON can carry (NaN and ±Infinity become null on the wire, as JSON.stringify writes them). */
export const wildNumber: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer(), fc.double(), fc.integer({ min: -100, max: 400_000_000 }));

/** `depth` levels of alternating objects and arrays around one string. */
const nestedTo = (depth: number): unknown => {
  let v: unknown = '底';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
};
const leaf = fc.oneof(wildString, wildNumber, fc.boolean(), fc.constant(null));
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(wildKey, tie('tree'), { maxKeys: 4 })),
}));
/** Any JSON value: leaves, trees of any shape, nesting far past any bound. */
export const wildJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 3, arbitrary: tree },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 70 }).map(nestedTo) },
);

const bound = (s: z.ZodType, check: string, key: string) => checksOf(s).find((c) => c.check === check)?.[key] as number | undefined;

/** Strings of exactly `n` UTF-16 units (± what NFC and the normaliser remove) in several scripts. */
const ofLength = (n: number): fc.Arbitrary<string> =>
  fc.constantFrom(
    'x'.repeat(n), '字'.repeat(n), '\u{20000}'.repeat(Math.floor(n / 2)) + 'x'.repeat(n % 2), // astral: two units each
    'A\u030a'.repeat(Math.ceil(n / 2)), // NFC folds each pair into one unit
    'x'.repeat(Math.max(0, n - 1)) + '\u0000', 'x'.repeat(n) + '\u202e', '\ud800' + 'x'.repeat(Math.max(0, n - 1)), ' '.repeat(n),
  );

function nearString(s: z.ZodType): fc.Arbitrary<unknown> {
  // Dates are strings refined by a function zod cannot describe: known by the schema itself.
  if (s === Instant) return fc.oneof({ weight: 3, arbitrary: instantish }, { weight: 1, arbitrary: wildString });
  if (s === Day) return fc.oneof({ weight: 3, arbitrary: dayish }, { weight: 1, arbitrary: wildString });
  const d = defOf(s);
  const patterns = [d.pattern, ...checksOf(s).map((c) => c.pattern)].filter((p): p is RegExp => p instanceof RegExp);
  const max = bound(s, 'max_length', 'maximum');
  const min = bound(s, 'min_length', 'minimum');
  const arbs: fc.Arbitrary<unknown>[] = [wildString, dayish, instantish];
  if (d.format === 'uuid') arbs.push(fc.uuid({ version: 7 }), fc.uuid());
  for (const p of patterns) {
    try {
      arbs.push(fc.stringMatching(p));
    } catch {
      // A pattern fast-check cannot generate from: the other strings still reach the field.
    }
  }
  for (const n of [max, max === undefined ? undefined : max + 1, min, min === undefined || min === 0 ? undefined : min - 1]) if (n !== undefined) arbs.push(ofLength(n));
  return fc.oneof(...arbs);
}

function nearNumber(s: z.ZodType): fc.Arbitrary<unknown> {
  const lo = bound(s, 'greater_than', 'value');
  const hi = bound(s, 'less_than', 'value');
  const edges = [lo, hi].filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).flatMap((x) => [x, x - 1, x + 1, x + 0.5, x - 0.5]);
  const inside = fc.integer({ min: Math.max(lo ?? -(2 ** 31), -(2 ** 31)), max: Math.min(hi ?? 2 ** 31 - 1, 2 ** 31 - 1) });
  return fc.oneof(wildNumber, inside, ...(edges.length ? [fc.constantFrom(...edges)] : []), fc.constantFrom('1', '1.0', ''));
}

/** A length of an array or record at and around its schema's bounds, or a small one. */
const sizeNear = (s: z.ZodType) => {
  const max = bound(s, 'max_length', 'maximum');
  return fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(...(max === undefined ? [0] : [max, max + 1])) });
};

const nearCache = new Map<z.ZodType, fc.Arbitrary<unknown>>();
/** Values of a field's own kind and shape, near its bounds: the ones a schema may admit (and the store must then take). */
export function nearValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  let a = nearCache.get(schema);
  if (!a) nearCache.set(schema, (a = build(schema)));
  return a;
}

function build(schema: z.ZodType): fc.Arbitrary<unknown> {
  const { inner, nullable } = peel(schema);
  const d = defOf(inner);
  const own = ((): fc.Arbitrary<unknown> => {
    switch (d.type) {
      case 'string': return nearString(inner);
      case 'number': return nearNumber(inner);
      case 'boolean': return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1));
      case 'enum': {
        const values = Object.values(d.entries as Record<string, string>);
        return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom(...values).map((v) => v.toUpperCase() + ' ') });
      }
      case 'literal': return fc.constantFrom(...(d.values as unknown[]));
      case 'object': {
        const shape = d.shape as Record<string, z.ZodType>;
        const required = Object.keys(shape).filter((k) => defOf(shape[k]).type !== 'optional');
        return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, nearValue(v)])), { requiredKeys: required });
      }
      case 'array': {
        const element = nearValue(d.element as z.ZodType);
        // Mostly distinct elements; near the bound, one element repeated (enough to cross it).
        return fc.oneof(fc.array(element, { maxLength: 3 }), fc.tuple(sizeNear(inner), element).map(([n, v]) => Array.from({ length: n }, () => structuredClone(v))));
      }
      case 'record': {
        const value = nearValue(d.valueType as z.ZodType);
        return fc.oneof(
          fc.dictionary(fc.oneof(wildKey, nearValue(d.keyType as z.ZodType) as fc.Arbitrary<string>), value, { maxKeys: 4 }),
          // Around a key-count bound (none in the schema's checks: it is a refinement), one value under many keys.
          fc.tuple(fc.constantFrom(199, 200, 201, 499, 500, 501), value).map(([n, v]) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}`, structuredClone(v)]))),
        );
      }
      case 'union': return fc.oneof(...(d.options as z.ZodType[]).map(nearValue));
      default: return wildJson;
    }
  })();
  return nullable ? fc.oneof(fc.constant(null), own) : own;
}
