// Contract channels of the sync status area. Only the real workstation gets a SyncLoop
// (the host attaches it); a practice workstation has none and always answers 练习模式不同步.
import type { Workstation } from '../workstation';
import type { Db } from '../../store/db';
import type { HandlerTable } from '../dispatch';
import type { SyncLoop, SyncStatus } from '../../sync/loop';
import { SyncError } from '../../sync/http';
import { readSyncState, updateSyncState } from '../../store/syncState';
import { HELD_NOTICE } from '../../sync/client';
import { listHeld, requeueHeld } from '../../store/outbox';
import { audit } from '../../store/audit';
import { AppError } from '../../../shared/errors';
import { syncMessage, type SyncStatusView } from '../../../shared/sync/clientStatus';

/** A loop is found by its workstation's file (each workstation opens its own); a practice one has none. */
type SyncKey = Pick<Workstation, 'db' | 'practice'>;
type SyncDeps = SyncKey & Pick<Workstation, 'session' | 'catalogueChanged'>;

const loops = new WeakMap<Db, SyncLoop>();

/** Gives the real workstation its sync loop (never call this for a practice workstation). */
export function attachSync(ws: SyncKey, loop: SyncLoop): void {
  if (ws.practice) throw new Error('a practice workstation never syncs');
  loops.set(ws.db, loop);
}
export const syncOf = (ws: SyncKey): SyncLoop | null => (ws.practice ? null : (loops.get(ws.db) ?? null));

const PRACTICE: Omit<SyncStatusView, 'message'> = {
  state: 'notEnrolled', pending: 0, pendingCases: 0, lastSuccessAt: null, lastError: null, serverUrl: null, notice: null, rejected: 0, held: 0, reason: null, nextRetryAt: null, retrying: false, practice: true,
  pagesWaiting: 0, pageBytesLeft: 0, pageSecondsLeft: null, pagesFailed: 0,
};
const DETACHED: Omit<SyncStatusView, 'message'> = { ...PRACTICE, practice: false };

function view(s: SyncStatus | Omit<SyncStatusView, 'message'>): SyncStatusView {
  const v = { practice: false, ...s };
  return { ...v, message: syncMessage(v) };
}

export function syncHandlers(ws: SyncDeps): Pick<HandlerTable, 'sync.status' | 'sync.now' | 'sync.enrol' | 'sync.held' | 'sync.retryHeld'> {
  const current = (): SyncStatusView => {
    if (ws.practice) return view(PRACTICE);
    const loop = syncOf(ws);
    return view(loop ? loop.status() : DETACHED);
  };
  return {
    'sync.status': () => current(),
    'sync.held': () => ({ held: ws.practice ? [] : listHeld(ws.db) }),
    'sync.retryHeld': async () => {
      const loop = syncOf(ws);
      if (!loop) return current();
      const n = requeueHeld(ws.db);
      if (readSyncState(ws.db)?.notice === HELD_NOTICE) updateSyncState(ws.db, { notice: null });
      audit(ws.db, 'sync.retryHeld', ws.session.clerk!.staffNo, { requeued: n });
      return view(await loop.syncNow());
    },
    'sync.now': async () => {
      const loop = syncOf(ws);
      if (!loop) return current();
      return view(await loop.syncNow());
    },
    'sync.enrol': async ({ serverUrl, code }) => {
      const loop = syncOf(ws);
      if (!loop) return current();
      try {
        await loop.client.enrol(serverUrl, code);
      } catch (err) {
        if (err instanceof SyncError) {
          const offline = err.kind === 'network' || err.kind === 'timeout' || err.kind === 'server';
          throw new AppError(offline ? 'precondition_failed' : 'invalid_input', offline ? err.userMessage : `登记失败：${err.userMessage}`);
        }
        throw err;
      }
      const s = await loop.syncNow();
      ws.catalogueChanged();
      return view(s);
    },
  };
}

const CASE_CHANGES = ['case.decide', 'case.complete', 'case.supplement', 'case.terminate', 'case.deliver', 'case.rate', 'rating.submit'] as const;

/** Wraps the case handlers so every saved change wakes the sync loop (never waits for it). */
export function nudgeSyncAfter<T extends Partial<HandlerTable>>(ws: SyncKey, handlers: T): T {
  const out = { ...handlers } as Record<string, unknown>;
  for (const ch of CASE_CHANGES) {
    const h = handlers[ch] as ((input: never) => unknown) | undefined;
    if (!h) continue;
    out[ch] = async (input: never) => {
      const result = await h(input);
      syncOf(ws)?.nudge();
      return result;
    };
  }
  return out as T;
}
