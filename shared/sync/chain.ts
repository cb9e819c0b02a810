// The window's tamper-evident record: each own event carries
//   hash = sha256(canonical encoding of { prev, id, caseId, type, deviceTime, staffNo, payload })
// where prev is the hash of the window's previous own event (null for the first). The server
// recomputes it at push and flags a break (an event altered, or one missing before it)
// without refusing anything; `npm run verify-chain` checks a workstation file the same way.
//
// Canonical encoding: JSON with object keys sorted by UTF-16 code units, no whitespace,
// numbers as JSON.stringify writes them, and every string (keys too) normalised by
// normalizeText first — so an old event whose text the server had to clean still hashes the
// same on both sides. sha256 itself is passed in (shared/ is pure; both sides use node:crypto).
import { normalizeText } from '../text/normalize';

export type Sha256Hex = (text: string) => string;

export interface ChainLink {
  id: string;
  caseId: string;
  type: string;
  deviceTime: string;
  staffNo: string | null;
  payload: unknown;
}

const CHAIN_VERSION = 1;

/**
 * `clean`: every string is already normalised (normalizeDeep ran on the value), so the
 * per-string normalisation is skipped; the text is the same (normalisation is idempotent).
 */
export function canonicalJson(value: unknown, clean = false): string {
  // A window writes its payloads canonically, so what the server parsed from one usually has
  // its keys in order already: then the native encoder writes the same text, several times faster.
  if (clean && typeof value === 'object' && value !== null && writesCanonically(value, 0)) return JSON.stringify(value);
  return encode(value, clean);
}

function encode(value: unknown, clean: boolean): string {
  if (value === null || typeof value === 'boolean') return value ? 'true' : value === false ? 'false' : 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(clean ? value : normalizeText(value));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + encode(value[i], clean);
    return out + ']';
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys: Array<[string, string]> = [];
    for (const k of Object.keys(o)) if (o[k] !== undefined) keys.push([clean ? k : normalizeText(k)!, k]);
    keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let out = '{';
    for (let i = 0; i < keys.length; i++) out += `${i ? ',' : ''}${JSON.stringify(keys[i][0])}:${encode(o[keys[i][1]], clean)}`;
    return out + '}';
  }
  throw new TypeError(`canonicalJson: ${typeof value}`);
}

/**
 * True when JSON.stringify(v) is exactly encode(v, true): only plain objects (keys already in
 * code-unit order), arrays, strings, booleans, null and finite numbers — nothing JSON.stringify
 * would write differently (toJSON, undefined, NaN) or canonicalJson refuses.
 */
function writesCanonically(v: unknown, depth: number): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'object' || depth > 64) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !writesCanonically(v[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    if (i && !(keys[i - 1] < keys[i])) return false;
    if (!writesCanonically(o[keys[i]], depth + 1)) return false;
  }
  return true;
}

const str = (s: string | null) => (s === null ? 'null' : JSON.stringify(normalizeText(s)));

/**
 * The text a link hashes, given the payload already in canonical form (the window stores payloads
 * canonically, so it encodes each once). Equal to canonicalJson of the whole link object: its
 * keys are written here in sorted order.
 */
export function chainInputCanonical(e: Omit<ChainLink, 'payload'>, payloadCanonical: string, prevHash: string | null): string {
  return `{"caseId":${str(e.caseId)},"deviceTime":${str(e.deviceTime)},"id":${str(e.id)},"payload":${payloadCanonical},"prev":${str(prevHash)},"staffNo":${str(e.staffNo ?? null)},"type":${str(e.type)},"v":${CHAIN_VERSION}}`;
}

export function chainInput(e: ChainLink, prevHash: string | null): string {
  return chainInputCanonical(e, canonicalJson(e.payload), prevHash);
}

export const eventHash = (e: ChainLink, prevHash: string | null, sha256: Sha256Hex): string => sha256(chainInput(e, prevHash));

export type ChainBreakKind = 'altered' | 'gap';
export interface ChainBreak {
  kind: ChainBreakKind;
  eventId: string;
  /** Chinese, for operators. */
  message: string;
}

export const CHAIN_BREAK_MESSAGE: Record<ChainBreakKind, string> = {
  altered: '事件内容与其校验值不符：该事件在窗口机的数据库中被改动过',
  gap: '事件链不连续：此前的一个或多个事件在窗口机的数据库中被删除或未上传',
};

/** Checks one link against the chain so far (head: the previous link's hash, or null before the first). */
export function checkLink(e: ChainLink & { hash: string; prevHash: string | null }, head: string | null, sha256: Sha256Hex): ChainBreak | null {
  if (eventHash(e, e.prevHash, sha256) !== e.hash) return { kind: 'altered', eventId: e.id, message: CHAIN_BREAK_MESSAGE.altered };
  if (e.prevHash !== head) return { kind: 'gap', eventId: e.id, message: CHAIN_BREAK_MESSAGE.gap };
  return null;
}
