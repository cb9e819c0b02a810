// Push batch size that follows the link: halve on timeouts and slow replies, double on fast
// ones, within 1…MAX_BATCH. A village link settles on small batches that finish in time.
import { MAX_BATCH } from '../../shared/sync/protocol';

export interface BatchSizeOptions {
  initial?: number;
  /** Replies faster than this grow the batch. */
  fastMs?: number;
  /** Replies slower than this shrink it. */
  slowMs?: number;
}

export class AdaptiveBatchSize {
  private size: number;
  private readonly fastMs: number;
  private readonly slowMs: number;
  constructor(opts: BatchSizeOptions = {}) {
    this.size = clamp(opts.initial ?? 50);
    this.fastMs = opts.fastMs ?? 1_000;
    this.slowMs = opts.slowMs ?? 8_000;
  }
  get current(): number {
    return this.size;
  }
  /** A batch of `sent` entries came back after `ms`. */
  replied(sent: number, ms: number): void {
    if (ms > this.slowMs) this.size = clamp(Math.floor(Math.min(this.size, sent) / 2));
    else if (ms < this.fastMs && sent >= this.size) this.size = clamp(this.size * 2);
  }
  /** The batch timed out or the link broke mid-way. */
  failed(): void {
    this.size = clamp(Math.floor(this.size / 2));
  }
}

const clamp = (n: number) => Math.max(1, Math.min(MAX_BATCH, n));
