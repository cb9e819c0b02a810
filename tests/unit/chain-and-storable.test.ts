// The window's hash chain (shared/sync/chain.ts) and the storable primitives
// (shared/domain/storable.ts) both sides rely on.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import crypto from 'node:crypto';
import { canonicalJson, checkLink, eventHash } from '../../shared/sync/chain';
import { isDay, isInstant } from '../../shared/domain/storable';
import { normalizeDeep } from '../../shared/text/normalize';

const sha = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const shuffleKeys = (v: unknown, seed: number): unknown => {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, seed));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    entries.sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7));
    return Object.fromEntries(entries.map(([k, x]) => [k, shuffleKeys(x, seed)]));
  }
  return v;
};

describe('canonical encoding and chain links', () => {
  it('is the same whatever the key order, and for text before and after normalisation', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (v, seed) => {
        expect(canonicalJson(shuffleKeys(v, seed))).toBe(canonicalJson(v));
      }),
      { numRuns: 300 },
    );
    expect(canonicalJson({ note: '缺\u0000页\r\n' })).toBe(canonicalJson({ note: '缺页\n' }));
  });

  it('writes the same text by its native fast path (keys already in order) as by sorting', () => {
    // Reference: keys sorted by code unit at every level, JSON.stringify for everything else.
    const reference = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        return `{${Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(',')}}`;
      }
      return JSON.stringify(v);
    };
    const sortedCopy = (v: unknown): unknown => JSON.parse(reference(v)); // as a window stores it (integer-like keys still come first)
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (raw, seed) => {
        const v = normalizeDeep(raw, 'replace').value;
        for (const x of [v, sortedCopy(v), shuffleKeys(v, seed)]) {
          expect(canonicalJson(x, true)).toBe(reference(x));
          expect(canonicalJson(x, true)).toBe(canonicalJson(x));
        }
      }),
      { numRuns: 300 },
    );
    // What JSON.stringify would write differently is never taken by the fast path.
    expect(() => canonicalJson({ a: [1, Number.NaN] }, true)).toThrow(TypeError);
    expect(canonicalJson({ a: 1, b: undefined }, true)).toBe('{"a":1}');
    expect(canonicalJson({ a: new Date(0) }, true)).toBe('{"a":{}}');
    expect(canonicalJson({ b: 1, '10': 2, '9': 3 }, true)).toBe('{"10":2,"9":3,"b":1}');
  });

  it('finds an altered event and a missing one, and accepts an intact chain', () => {
    const links: Array<{ id: string; caseId: string; type: string; deviceTime: string; staffNo: string; payload: unknown; hash: string; prevHash: string | null }> = [];
    let prev: string | null = null;
    for (let i = 0; i < 4; i++) {
      const e = { id: `e${i}`, caseId: 'c1', type: 'case.rated', deviceTime: '2026-12-01T01:00:00Z', staffNo: '1001', payload: { level: 'satisfied', n: i } };
      const hash = eventHash(e, prev, sha);
      links.push({ ...e, hash, prevHash: prev });
      prev = hash;
    }
    let head: string | null = null;
    for (const l of links) {
      expect(checkLink(l, head, sha)).toBeNull();
      head = l.hash;
    }
    expect(checkLink({ ...links[1], payload: { level: 'dissatisfied', n: 1 } }, links[0].hash, sha)).toMatchObject({ kind: 'altered' });
    expect(checkLink(links[2], links[0].hash, sha)).toMatchObject({ kind: 'gap' }); // links[1] deleted
  });
});

describe('storable instants and days', () => {
  it('refuses what PostgreSQL would refuse and an ISO regex admits', () => {
    for (const bad of ['0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00+23:59', '2026-01-01T00:00:00+14:60', '9999-12-31T23:59:59Z', '2026-01-01']) {
      expect(isInstant(bad), bad).toBe(false);
    }
    for (const good of ['2026-12-01T09:30:00+08:00', '2026-12-01T01:30:00.123456789Z', '2024-02-29T00:00:00Z', '2026-12-01T09:30+08:00']) expect(isInstant(good), good).toBe(true);
    expect([isDay('2026-02-29'), isDay('2024-02-29'), isDay('0000-01-01'), isDay('2026-13-01')]).toEqual([false, true, false, false]);
  });

  it('every accepted instant is a finite moment in 1900–2199', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }), fc.integer({ min: -16 * 60, max: 16 * 60 }), (d, off) => {
        const sign = off < 0 ? '-' : '+';
        const a = Math.abs(off);
        const s = `${d.toISOString().slice(0, 19)}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
        if (isInstant(s)) {
          const y = Number(s.slice(0, 4));
          expect(y >= 1900 && y <= 2199 && a <= 14 * 60 && Number.isFinite(Date.parse(s))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('chain input', () => {
  it('the fast encoding equals canonicalJson of the whole link', async () => {
    const { chainInput } = await import('../../shared/sync/chain');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.option(fc.string({ maxLength: 20 })), fc.jsonValue({ maxDepth: 3 }), fc.option(fc.stringMatching(/^[0-9a-f]{64}$/)), (id, staffNo, payload, prev) => {
        const link = { id, caseId: 'c\u0000', type: 'case.rated', deviceTime: '2026-12-01T01:00:00Z', staffNo, payload };
        expect(chainInput(link, prev)).toBe(canonicalJson({ v: 1, prev, id, caseId: 'c\u0000', type: 'case.rated', deviceTime: '2026-12-01T01:00:00Z', staffNo, payload }));
      }),
      { numRuns: 300 },
    );
  });
});
