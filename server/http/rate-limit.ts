// Per-key token bucket in memory: enough for one server process. Each key holds up to
// `capacity` requests and regains `refillPerSecond`; an empty bucket means 429.
export interface RateLimitOptions {
  capacity: number;
  refillPerSecond: number;
}

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private opts: RateLimitOptions, private clock: () => number = Date.now) {}

  /** Takes one token; returns 0 when allowed, else seconds until one is available. */
  take(key: string): number {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: this.opts.capacity, at: now };
    b.tokens = Math.min(this.opts.capacity, b.tokens + ((now - b.at) / 1000) * this.opts.refillPerSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 100_000) this.prune(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.opts.refillPerSecond));
  }

  // Full buckets carry no information; dropping them bounds memory.
  private prune(now: number) {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.opts.refillPerSecond >= this.opts.capacity) this.buckets.delete(k);
    }
  }
}
