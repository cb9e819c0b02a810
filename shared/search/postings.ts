// Posting lists for a dense integer key space, built in two passes into one Int32Array
// (count, then fill) instead of thousands of growing arrays: index building is part of
// start-up. Values keep the order in which they were emitted.
export type Emit = (key: number, value: number) => void;

export class Postings {
  private constructor(
    private readonly offsets: Int32Array,
    private readonly data: Int32Array,
  ) {}

  /** `each` must emit the same keys in both passes. */
  static build(keyCount: number, each: (emit: Emit) => void): Postings {
    const offsets = new Int32Array(keyCount + 1);
    each((key) => {
      offsets[key + 1]++;
    });
    for (let i = 0; i < keyCount; i++) offsets[i + 1] += offsets[i];
    const data = new Int32Array(offsets[keyCount]);
    const fill = offsets.slice(0, keyCount);
    each((key, value) => {
      data[fill[key]++] = value;
    });
    return new Postings(offsets, data);
  }

  size(key: number): number {
    return key >= 0 && key + 1 < this.offsets.length ? this.offsets[key + 1] - this.offsets[key] : 0;
  }

  /** The list for key, or undefined when empty. */
  get(key: number): Int32Array | undefined {
    if (this.size(key) === 0) return undefined;
    return this.data.subarray(this.offsets[key], this.offsets[key + 1]);
  }
}
