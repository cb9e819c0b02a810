// Sends the page queue after the events: each page from where the server says it is (a cut
// link, a crashed window or a restarted server never restart a page from zero), in chunks sized
// to the link (about CHUNK_SECONDS of the measured speed, so a cut costs at most one chunk),
// checking before every chunk that no case event is waiting (events always go first). A page
// is done only when the server answers stored (its bytes are durable and match their sha256).
import { tx, type Db } from '../store/db';
import { markPageFailed, markPageStored, notePageSent, pageQueue, sendablePages, type PageUploadRow } from '../store/pageUploads';
import { pageData } from '../store/pages';
import { SyncError } from './http';
import { MAX_CHUNK_BYTES, PageUploadStatus } from '../../shared/sync/pages';

/** A chunk should take about this long on the wire. */
const CHUNK_SECONDS = 4;
const MIN_CHUNK = 4 * 1024;
const FIRST_CHUNK = 16 * 1024;

export interface PageTransport {
  status(sha256: string): Promise<PageUploadStatus>;
  chunk(sha256: string, offset: number, bytes: Uint8Array): Promise<{ status: PageUploadStatus; ms: number }>;
}

export interface PageRoundResult {
  stored: number;
  bytesSent: number;
}

export class PageUploader {
  /** Measured link speed (bytes per second), a moving average; null until the first chunk. */
  private speed: number | null = null;
  /** Bytes put on the wire in total (benchmarks count what a cut costs). */
  bytesSent = 0;

  constructor(
    private readonly db: Db,
    private readonly transport: PageTransport,
    private readonly now: () => Date,
    /** Sends waiting case events; called before every chunk when any are waiting. */
    private readonly eventsFirst: () => Promise<void>,
    private readonly eventsWaiting: () => boolean,
  ) {}

  /** Halved by every chunk lost on the way since the last one that arrived. */
  private lost = 0;

  /** Bytes of the next chunk: about CHUNK_SECONDS at the measured speed, smaller after losses (a flaky link still gets pieces through). */
  chunkSize(): number {
    const base = this.speed === null ? FIRST_CHUNK : Math.round((this.speed * CHUNK_SECONDS) / 1024) * 1024;
    return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK_BYTES, Math.floor(base / 2 ** this.lost)));
  }

  /** Seconds to send what is left at the link's current speed (null: not measured yet). */
  secondsLeft(): number | null {
    const { bytesLeft } = pageQueue(this.db);
    return this.speed ? Math.ceil(bytesLeft / this.speed) : null;
  }

  /** Uploads until the queue is empty (or `maxPages` were stored). Link failures propagate. */
  async uploadAll(maxPages = Infinity): Promise<PageRoundResult> {
    const result: PageRoundResult = { stored: 0, bytesSent: 0 };
    const skipped = new Set<string>();
    while (result.stored < maxPages) {
      if (this.eventsWaiting()) await this.eventsFirst();
      const next = sendablePages(this.db, 50).find((p) => !skipped.has(p.sha256));
      if (!next) break;
      const done = await this.uploadOne(next, result);
      if (done) result.stored++;
      else skipped.add(next.sha256);
    }
    return result;
  }

  /** True when stored; false when it cannot go now (its bytes were purged, or the server refused it for good). */
  private async uploadOne(page: PageUploadRow, result: PageRoundResult): Promise<boolean> {
    const data = pageData(this.db, page.sha256);
    if (!data) {
      markPageFailed(this.db, page.sha256, '本机已没有该扫描页的内容，无法上传');
      return false;
    }
    let st: PageUploadStatus;
    try {
      st = await this.transport.status(page.sha256);
    } catch (err) {
      if (this.refusedForGood(page, err)) return false;
      throw err;
    }
    let held = st.held;
    while (!st.stored) {
      if (this.eventsWaiting()) await this.eventsFirst();
      const size = this.chunkSize();
      const bytes = data.subarray(held, Math.min(data.length, held + size));
      let r;
      try {
        r = await this.transport.chunk(page.sha256, held, bytes);
      } catch (err) {
        if (err instanceof SyncError && err.code === 'offset_mismatch' && err.extra.held !== undefined) {
          held = err.extra.held;
          continue;
        }
        if (err instanceof SyncError && (err.kind === 'timeout' || err.kind === 'network')) this.slowDown();
        if (this.refusedForGood(page, err)) return false;
        throw err;
      } finally {
        this.bytesSent += bytes.length;
        result.bytesSent += bytes.length;
      }
      this.measure(bytes.length, r.ms);
      st = r.status;
      held = st.held;
      if (!st.stored) notePageSent(this.db, page.sha256, held);
    }
    tx(this.db, () => markPageStored(this.db, page.sha256, this.now().toISOString()));
    return true;
  }

  /** 404 page_unknown (its event was refused) or 422 page_invalid (the local bytes do not match): no retry helps. */
  private refusedForGood(page: PageUploadRow, err: unknown): boolean {
    if (!(err instanceof SyncError)) return false;
    if (err.code === 'page_unknown') {
      markPageFailed(this.db, page.sha256, '中心没有收到引用该扫描页的办件事件（可能已被拒收），该页未上传');
      return true;
    }
    if (err.code === 'page_invalid') {
      markPageFailed(this.db, page.sha256, '本机保存的扫描页已损坏（与其 sha256 不符），未上传');
      return true;
    }
    return false;
  }

  private measure(bytes: number, ms: number) {
    this.lost = 0;
    // Small chunks measure the round trip more than the bandwidth: weight by size.
    const sample = (bytes / Math.max(ms, 1)) * 1000;
    this.speed = this.speed === null ? sample : this.speed * 0.6 + sample * 0.4;
  }

  private slowDown() {
    this.lost = Math.min(this.lost + 1, 4);
  }
}
