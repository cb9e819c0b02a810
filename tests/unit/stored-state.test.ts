// cases.state is stored without the fields that still hold a new case's defaults, its keys in
// jsonb's order (server/sync/storedState.ts). Properties: whatever the state, reading the
// stored text back gives the same state; nothing but defaults is left out; and a state stored
// whole (before the compact form) reads back unchanged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEvent, CaseStateSchema, type CaseState } from '../../shared/domain/caseState';
import type { CaseEvent } from '../../shared/domain/caseEvents';
import { fromStoredState, storedStateJson } from '../../server/sync/storedState';

const opened = applyEvent(null, {
  type: 'case.opened', id: 'e1', caseId: '01900000-0000-7000-8000-000000000001', at: '2026-12-01T01:00:00.000Z', staffNo: '1001',
  payload: {
    itemCode: 'X1', itemName: '无犯罪记录证明开具', catalogueVersion: 1, caseNumber: '210100-01-20261201-0001-K', officeCode: '210100', windowCode: '01',
    applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' }, agent: null, answers: { who: 'self' },
    marks: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`m${i}`, { mark: 'verified' }])),
  },
} as CaseEvent);
if (!opened.ok) throw new Error(opened.problem);
const NEW_CASE = opened.state;

/** A value for any field: its default (null, 0, []) as often as not, else something else. */
const valueArb = fc.oneof(
  fc.constantFrom(null, 0, [] as unknown[], '', false),
  fc.string(),
  fc.integer(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.constant(null)), { maxKeys: 9 }),
);
const stateArb = fc
  .record({
    changes: fc.dictionary(fc.constantFrom(...Object.keys(CaseStateSchema.shape)), valueArb),
    extra: fc.dictionary(fc.string({ maxLength: 12 }).filter((k) => !(k in CaseStateSchema.shape)), valueArb, { maxKeys: 3 }),
  })
  .map(({ changes, extra }) => ({ ...NEW_CASE, ...changes, ...extra }) as CaseState);

const jsonbOrder = (a: string, b: string) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('cases.state as stored', () => {
  it('reads back as the same state, whatever it holds', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(fromStoredState(JSON.parse(storedStateJson(s)))).toEqual(JSON.parse(JSON.stringify(s)));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves out only fields holding a new case's defaults, and writes the state's own fields in jsonb's key order", () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const stored = JSON.parse(storedStateJson(s)) as Record<string, unknown>;
        for (const [k, v] of Object.entries(s)) {
          if (v === undefined || k in stored) continue;
          expect([null, 0, '[]']).toContain(Array.isArray(v) ? JSON.stringify(v) : v);
          expect(NEW_CASE).toHaveProperty(k);
        }
        const own = Object.keys(stored).filter((k) => k in CaseStateSchema.shape);
        expect(own).toEqual([...own].sort(jsonbOrder));
      }),
      { numRuns: 300 },
    );
  });

  it('is about half the size of the whole state for a new case', () => {
    expect(storedStateJson(NEW_CASE).length).toBeLessThan(JSON.stringify(NEW_CASE).length * 0.6);
  });

  it('reads a state stored whole, before the compact form, unchanged; null stays null', () => {
    const whole = JSON.parse(JSON.stringify({ ...NEW_CASE, status: 'accepted', rating: 'satisfied' }));
    expect(fromStoredState(whole)).toEqual(whole);
    expect(fromStoredState(JSON.stringify(whole))).toEqual(whole);
    expect(fromStoredState(null)).toBeNull();
  });

  it('keeps a "__proto__" field as a field', () => {
    const s = JSON.parse(`{${JSON.stringify(NEW_CASE).slice(1, -1)},"__proto__":{"x":1}}`) as CaseState;
    const back = fromStoredState(JSON.parse(storedStateJson(s))) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ x: 1 });
  });
});
