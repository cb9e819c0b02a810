// The best `limit` hits of a query, kept sorted while candidates stream in, so a query never
// sorts all its candidates. Lower score = better; equal scores keep arrival order.
export class TopK {
  readonly ids: number[] = [];
  readonly scores: number[] = [];
  readonly via: number[] = [];
  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.ids.length >= this.limit;
  }

  /** Worst score that is still in; Infinity while there is room. */
  get bar(): number {
    return this.full ? this.scores[this.scores.length - 1] : Infinity;
  }

  add(id: number, score: number, via: number): void {
    if (score >= this.bar) return;
    let lo = 0;
    let hi = this.scores.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.scores[mid] <= score) lo = mid + 1;
      else hi = mid;
    }
    this.ids.splice(lo, 0, id);
    this.scores.splice(lo, 0, score);
    this.via.splice(lo, 0, via);
    if (this.ids.length > this.limit) {
      this.ids.pop();
      this.scores.pop();
      this.via.pop();
    }
  }
}
