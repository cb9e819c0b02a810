// The sync schedule in the main process: a round on start, every few seconds while online,
// at once after a case is saved (nudge), exponential backoff with full jitter while offline,
// and the clerk's 立即同步 (syncNow). One round at a time; nothing here ever blocks a handler.
import type { SyncClient } from './client';
import { SyncError } from './http';
import { waitingCounts, listHeld } from '../store/outbox';
import { rejectedCount } from '../store/syncState';
import { pageQueue } from '../store/pageUploads';

export type SyncLoopState = 'online' | 'offline' | 'syncing' | 'notEnrolled';

export interface SyncStatus {
  state: SyncLoopState;
  /** Outbox entries (case events) waiting to upload. */
  pending: number;
  /** Cases with something waiting to upload. */
  pendingCases: number;
  lastSuccessAt: string | null;
  /** Plain Chinese, null when the last round succeeded. */
  lastError: string | null;
  serverUrl: string | null;
  /** Lasting warning for the operator (server data replaced, uploads refused …). */
  notice: string | null;
  /** Uploads the server refused for good (shown to the operator). */
  rejected: number;
  /** Uploads held back because the server kept failing on them (re-queued on request). */
  held: number;
  /** The page queue: pages waiting, bytes left, seconds left at the measured speed, pages that cannot go. */
  pagesWaiting: number;
  pageBytesLeft: number;
  pageSecondsLeft: number | null;
  pagesFailed: number;
}

export interface SyncLoopOptions {
  /** Between rounds while online. Default 5 s. */
  intervalMs?: number;
  /** First retry delay while offline; doubles per failure. Default 2 s. */
  backoffBaseMs?: number;
  /** Longest wait while offline. Default 5 min. */
  backoffCapMs?: number;
  /** Catalogue and accounts are fetched at most this often (and on syncNow). Default 5 min. */
  downEveryMs?: number;
  random?: () => number;
  onStatus?: (s: SyncStatus) => void;
}

export class SyncLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private failures = 0;
  private online: boolean | null = null;
  private lastDownAt = 0;
  private forceDown = true;
  private readonly o: Required<Omit<SyncLoopOptions, 'onStatus'>> & Pick<SyncLoopOptions, 'onStatus'>;

  constructor(readonly client: SyncClient, opts: SyncLoopOptions = {}) {
    this.o = {
      intervalMs: opts.intervalMs ?? 5_000,
      backoffBaseMs: opts.backoffBaseMs ?? 2_000,
      backoffCapMs: opts.backoffCapMs ?? 300_000,
      downEveryMs: opts.downEveryMs ?? 300_000,
      random: opts.random ?? Math.random,
      onStatus: opts.onStatus,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  /** A case was saved: upload it now unless the link is known to be down (backoff decides then). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.online !== false) this.schedule(0);
  }

  /** 立即同步: one full round now (after the one in flight), backoff reset. */
  async syncNow(): Promise<SyncStatus> {
    this.failures = 0;
    this.forceDown = true;
    if (this.running) await this.running;
    await this.round();
    this.scheduleNext();
    return this.status();
  }

  /** Delay before the next attempt after `failures` failed rounds: full jitter, capped. */
  backoffDelay(failures: number): number {
    const ceiling = Math.min(this.o.backoffCapMs, this.o.backoffBaseMs * 2 ** Math.max(0, failures - 1));
    return Math.round(this.o.random() * ceiling);
  }

  status(): SyncStatus {
    const db = this.client.db;
    const noPages = { pagesWaiting: 0, pageBytesLeft: 0, pageSecondsLeft: null, pagesFailed: 0 };
    if (!db.open) return { state: 'offline', pending: 0, pendingCases: 0, lastSuccessAt: null, lastError: null, serverUrl: null, notice: null, rejected: 0, held: 0, ...noPages };
    const st = this.client.state();
    const pending = waitingCounts(db);
    const pages = pageQueue(db);
    const base = {
      pending: pending.events, pendingCases: pending.cases, rejected: rejectedCount(db), held: listHeld(db).length,
      pagesWaiting: pages.pages, pageBytesLeft: pages.bytesLeft, pageSecondsLeft: pages.pages ? this.client.pages.secondsLeft() : null, pagesFailed: pages.failed,
    };
    if (!st) return { ...base, state: 'notEnrolled', lastSuccessAt: null, lastError: null, serverUrl: null, notice: null };
    const state: SyncLoopState = this.running ? 'syncing' : st.lastError ? 'offline' : this.online === false ? 'offline' : 'online';
    return { ...base, state, lastSuccessAt: st.lastSuccessAt, lastError: st.lastError, serverUrl: st.serverUrl, notice: st.notice };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.round().then(() => this.scheduleNext());
    }, ms);
    this.timer.unref?.();
  }

  private scheduleNext(): void {
    if (this.stopped || this.running) return;
    if (this.again) {
      this.again = false;
      this.schedule(0);
    } else if (this.online === false) {
      this.schedule(this.backoffDelay(this.failures));
    } else {
      this.schedule(this.o.intervalMs);
    }
  }

  /** Single flight: callers arriving during a round wait for it instead of starting another. */
  private round(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      this.emit();
      const down = this.forceDown || Date.now() - this.lastDownAt >= this.o.downEveryMs;
      const r = await this.client.syncRound({ down }).catch((err: unknown) => ({ ok: false, error: err instanceof SyncError ? err : null }));
      if (r.ok) {
        this.online = true;
        this.failures = 0;
        if (down) {
          this.lastDownAt = Date.now();
          this.forceDown = false;
        }
      } else if (r.error) {
        this.online = false;
        this.failures++;
      }
    })().finally(() => {
      this.running = null;
      this.emit();
    });
    return this.running;
  }

  private emit(): void {
    try {
      this.o.onStatus?.(this.status());
    } catch {
      // A listener's failure must not stop sync.
    }
  }
}
