/** Database timestamps arrive as Date (pg, PGlite) and leave as ISO strings. */
export const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
/** bigint columns arrive as string (pg) or bigint/number (PGlite). */
export const num = (v: unknown) => Number(v ?? 0);
