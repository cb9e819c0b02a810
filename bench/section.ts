// What a benchmark part returns to bench/run.ts, which renders it into docs/benchmarks.md.
export interface BenchTable {
  caption?: string;
  headers: string[];
  rows: (string | number)[][];
}

export interface BenchSection {
  /** Stable id: the marker that keeps this section's place in docs/benchmarks.md. */
  id: string;
  title: string;
  /** Lines of prose above the tables (what was measured, the targets, verdicts). */
  summary: string[];
  tables: BenchTable[];
  notes?: string[];
}

/** Percentile (0–100) of samples in milliseconds, nearest-rank. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length, Math.max(1, rank)) - 1];
}

export const ms = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** Milliseconds as seconds with two decimals ('n/a' where not measured). */
export const secs = (v: number): string => (Number.isFinite(v) ? (v / 1000).toFixed(2) : 'n/a');
