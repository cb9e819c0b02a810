// cases.state as stored: the projected CaseState without the fields that still hold what a
// new case holds (null, 0, an empty list), its keys in jsonb's own order. Half of a new case's
// 46 fields are such defaults, and PostgreSQL parses every byte of the 10,000 states of a push
// into jsonb and sorts every object's keys (by length, then bytes; the sort returns at once on
// keys already in that order): the state was most of the database's work in a push
// (docs/benchmarks.md). SQL reads the same either way (`->>` of a missing key is NULL, as of a
// JSON null); JS reads go through fromStoredState, which puts the defaults back.
import { CaseStateSchema, NO_REVIEW, type CaseState } from '../../shared/domain/caseState';

/** The fields a stored state leaves out when they hold this value (what case.opened starts them with). */
const DEFAULTS = {
  itemName: null, agent: null, decision: null, decidedAt: null, staffNo: null, tier: null, dueAt: null, promisedDate: null,
  supplementDeadline: null, supplementedMaterialIds: [], completedAt: null, elapsedSeconds: null, terminatedAt: null,
  deliveredAt: null, delivery: null, rating: null, ratedAt: null, ...NO_REVIEW, reviewMaterials: null, supplementRequest: null,
  clockPausedAt: null, pausedSeconds: 0, pages: [],
} as const satisfies Partial<Record<keyof CaseState, null | 0 | readonly []>>;

/** jsonb's key order: shorter keys first, then by bytes. */
const jsonbKeyOrder = (a: string, b: string) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The state's own fields in jsonb order (computed once; a key outside the schema follows them). */
const STATE_KEYS = Object.keys(CaseStateSchema.shape).sort(jsonbKeyOrder);
const KNOWN = new Set(STATE_KEYS);

/** Whether a field holds exactly its own default (a null where the default is 0 is kept). */
const isDefault = (key: string, v: unknown) => {
  if (!Object.hasOwn(DEFAULTS, key)) return false;
  const d = DEFAULTS[key as keyof typeof DEFAULTS];
  return Array.isArray(d) ? Array.isArray(v) && v.length === 0 : v === d;
};

/**
 * JSON text of the state as stored: defaults left out, its own keys in jsonb order. (A copy in
 * that order written by JSON.stringify: several times faster than writing each value apart.)
 */
export function storedStateJson(s: CaseState): string {
  const o = s as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of STATE_KEYS) {
    const v = o[k];
    if (v !== undefined && !isDefault(k, v)) out[k] = v;
  }
  // (defineProperty: a "__proto__" key stays a field)
  for (const k of Object.keys(o)) if (!KNOWN.has(k) && o[k] !== undefined) Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
  return JSON.stringify(out);
}

/** A state as read from cases.state (stored compactly, or in full before that): whole again. null stays null. */
export function fromStoredState(raw: unknown): CaseState | null {
  if (raw === null || raw === undefined) return null;
  const o = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>;
  const whole: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(DEFAULTS)) whole[k] = Array.isArray(d) ? [] : d;
  // Spread, not assign: a stored "__proto__" key stays a field.
  return { ...whole, ...o } as unknown as CaseState;
}
