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

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(normalizeText(value));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [normalizeText(k)!, v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value}`);
}

export function chainInput(e: ChainLink, prevHash: string | null): string {
  return canonicalJson({ v: CHAIN_VERSION, prev: prevHash, id: e.id, caseId: e.caseId, type: e.type, deviceTime: e.deviceTime, staffNo: e.staffNo ?? null, payload: e.payload });
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
