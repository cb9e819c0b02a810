// Input normalisation shared by every validator. Clerks type on Chinese input methods that
// easily produce full-width characters (１２３, ＡＢＣ, ｘ, －) or paste numbers with spaces:
// those are normalised, never rejected.

/** Full-width ASCII block U+FF01–U+FF5E maps onto U+0021–U+007E by a fixed offset. */
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width forms → half-width; ideographic space → space; trimmed; inner whitespace runs → one space. */
export function normalizeInput(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** For identifiers (ID numbers, credit codes, case numbers): also drops every inner space and upper-cases. */
export function normalizeIdentifier(s: string): string {
  return normalizeInput(s).replace(/\s/g, '').toUpperCase();
}

/** The shape every validator returns: the normalised value, or one Chinese message for the clerk. */
export type Invalid = { ok: false; message: string };
