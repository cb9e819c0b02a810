// Free text crossing a boundary (the workstation contract, every server request, a pushed
// event) is normalised here and only here, so what the window stores, what it hashes into
// its event chain and what the centre stores are the same characters.
//
// - Control characters (C0, DEL, C1) are removed, except tab and line breaks; CR LF / CR /
//   U+2028 / U+2029 become LF. PostgreSQL cannot store U+0000 at all, and the rest only
//   make a name print differently from how it was typed.
// - Bidirectional overrides/isolates and U+FEFF are removed: they make a stored name
//   display differently from its characters.
// - Lone surrogates (half of an emoji, text pasted from some PDFs) are not characters:
//   'refuse' reports them (the clerk retypes), 'replace' turns each into U+FFFD (data that
//   was already accepted somewhere is kept rather than lost).
// - NFC, so the same name typed on two input methods compares equal.

const REMOVED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export type SurrogatePolicy = 'refuse' | 'replace';

export const hasLoneSurrogate = (s: string): boolean => !s.isWellFormed();

// Fast paths (this runs on every string of every event the window hashes): plain ASCII text
// needs nothing; other text without anything to remove needs only NFC.
const PLAIN_ASCII = /^[\x20-\x7e\t\n]*$/;
const TO_CLEAN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Normalised text; with 'refuse', null when a lone surrogate was found. */
export function normalizeText(s: string, policy: SurrogatePolicy = 'replace'): string | null {
  if (PLAIN_ASCII.test(s)) return s;
  if (!s.isWellFormed()) {
    if (policy === 'refuse') return null;
    s = s.replace(LONE_SURROGATE, '\ufffd');
  }
  if (!TO_CLEAN.test(s)) return s.normalize('NFC');
  return s.replace(LINE_BREAKS, '\n').replace(REMOVED, '').normalize('NFC');
}

/** True when normalizeText would leave the string as it is. */
export const isNormalText = (s: string): boolean => s.isWellFormed() && normalizeText(s) === s;

/** Deepest nesting of arrays/objects any boundary accepts (checked before recursive code runs). */
export const MAX_NESTING = 32;

export interface TextIssue {
  /** 'a.b[2].c' */
  path: string;
  kind: 'loneSurrogate' | 'tooDeep';
}

export const TEXT_ISSUE_MESSAGE: Record<TextIssue['kind'], string> = {
  loneSurrogate: '内容中有无法识别的字符（常见于从 PDF 或网页复制的文字），请删除该字符后重新输入',
  tooDeep: `内容嵌套层数超过 ${MAX_NESTING} 层`,
};

const pathOf = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/**
 * Normalises every string (keys included) of a JSON-like value. Returns a new value built
 * from plain objects and arrays (own data properties only, so a key such as `__proto__`
 * stays a key), and the issues found. Nesting deeper than MAX_NESTING is reported, never
 * descended into, so no recursion here or after it runs away.
 */
export function normalizeDeep(value: unknown, policy: SurrogatePolicy): { value: unknown; issues: TextIssue[] } {
  const issues: TextIssue[] = [];
  // The path is kept as a stack and written out only for an issue: this runs on every pushed event.
  const stack: Array<string | number> = [];
  const where = () => stack.reduce<string>((p, k) => pathOf(p, k), '') || '(根)';
  const text = (s: string) => {
    const n = normalizeText(s, policy);
    if (n === null) {
      issues.push({ path: where(), kind: 'loneSurrogate' });
      return s;
    }
    return n;
  };
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return text(v);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_NESTING) {
      issues.push({ path: where(), kind: 'tooDeep' });
      return null;
    }
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        stack.push(i);
        out[i] = walk(v[i], depth + 1);
        stack.pop();
      }
      return out;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v; // Buffers, Dates: not text
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) {
      stack.push(k);
      const key = text(k);
      stack[stack.length - 1] = key;
      const x = walk(o[k], depth + 1);
      // A key such as `__proto__` stays a key (assignment would set the prototype).
      if (key === '__proto__') Object.defineProperty(out, key, { value: x, enumerable: true, writable: true, configurable: true });
      else out[key] = x;
      stack.pop();
    }
    return out;
  };
  return { value: walk(value, 0), issues };
}

/**
 * normalizeDeep for a value made by JSON.parse (or a schema's copy of one): plain objects and
 * arrays of data properties and nothing else. When no string needs to change and nothing is
 * nested too deep — the usual pushed event — the value itself comes back, without a copy.
 */
export function normalizeParsedJson(value: unknown, policy: SurrogatePolicy): { value: unknown; issues: TextIssue[] } {
  return needsNormalizing(value, 0) ? normalizeDeep(value, policy) : { value, issues: [] };
}

/** True when normalizeDeep would change something in a JSON value or report an issue. */
function needsNormalizing(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return !PLAIN_ASCII.test(v) && normalizeText(v, 'refuse') !== v;
  if (v === null || typeof v !== 'object') return false;
  if (depth >= MAX_NESTING) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (needsNormalizing(v[i], depth + 1)) return true;
    return false;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return true; // not JSON: let normalizeDeep decide
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if ((!PLAIN_ASCII.test(k) && normalizeText(k, 'refuse') !== k) || needsNormalizing(o[k], depth + 1)) return true;
  }
  return false;
}

/** Nesting depth of a JSON text, found by scanning (no parse, no recursion); stops counting past `limit`. */
export function jsonNestingDepth(json: string, limit = MAX_NESTING): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
