// CSV for Excel (RFC 4180 plus what Excel needs): a UTF-8 byte-order mark so Chinese is not
// read as the ANSI code page, CRLF line ends, quoting of commas, quotes and line breaks, and a
// guard against formula injection (a name like '=HYPERLINK(…)' must stay text: OWASP's advice
// is a leading apostrophe). Used for trainee results and the back office's audit log.

export const BOM = '\uFEFF';

/** Characters that make Excel or LibreOffice evaluate a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as written, text guarded and quoted when it needs to be. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A whole document: BOM, rows joined by CRLF, a final CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The bytes to write to a .csv file (UTF-8, starting EF BB BF). */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}
