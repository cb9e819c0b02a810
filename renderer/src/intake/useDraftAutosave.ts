// Autosave of the intake being typed (草稿, shared/domain/intakeDraft.ts): each change is
// written through draft.save a while after the last keystroke (debounced: a clerk typing a
// name costs one save, not one per key), one save in flight at a time so an older save can
// never land after a newer one. Nothing is written until something was typed. Nothing typed is
// lost to the debounce: what is pending is written at once when a field of the intake loses
// the keyboard (blur), when a decision dialog opens, before leaving (flush) and when the page
// goes away (beforeunload, pagehide, hidden).
// The save state ("正在保存草稿…", "草稿已保存") lives in a small store that only DraftStatus
// reads, so a keystroke does not re-render the intake screen twice more for it.
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { isBlankDraft } from '../../../shared/domain/intakeDraft';
import { invoke } from '../api';
import type { IntakeDraft } from './draft';

export const DRAFT_SAVE_DEBOUNCE_MS = 1_000;

export type AutosaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

/** The save state, read by DraftStatus only. */
export class AutosaveStatus {
  private state: AutosaveState = { kind: 'idle' };
  private readonly listeners = new Set<() => void>();
  get = (): AutosaveState => this.state;
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  set(next: AutosaveState): void {
    if (next.kind === this.state.kind && (next.kind !== 'saved' || (this.state.kind === 'saved' && this.state.at === next.at))) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}

export function useAutosaveState(status: AutosaveStatus): AutosaveState {
  return useSyncExternalStore(status.subscribe, status.get);
}

export function useDraftAutosave(itemCode: string | null, startedAt: string, draft: IntakeDraft, enabled: boolean) {
  const status = useRef(new AutosaveStatus()).current;
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<IntakeDraft>(draft);
  const dirty = useRef(false);
  const stopped = useRef(false);
  const on = useRef(enabled);
  on.current = enabled && itemCode !== null && !stopped.current;

  const write = useCallback(() => {
    window.clearTimeout(timer.current);
    if (!dirty.current || !on.current || !itemCode) return chain.current;
    dirty.current = false;
    const content = latest.current;
    chain.current = chain.current.then(() =>
      invoke('draft.save', { itemCode, startedAt, content }).then(
        (r) => {
          if (!dirty.current && on.current) status.set(r.saved ? { kind: 'saved', at: r.savedAt } : { kind: 'idle' });
        },
        (e: Error) => status.set({ kind: 'failed', message: e.message }),
      ),
    );
    return chain.current;
  }, [itemCode, startedAt, status]);

  useEffect(() => {
    latest.current = draft;
    if (!on.current || isBlankDraft(draft)) return;
    dirty.current = true;
    status.set({ kind: 'pending' });
    window.clearTimeout(timer.current);
    // A decision dialog opening is a moment the clerk stops typing: write now.
    timer.current = window.setTimeout(write, draft.decisionForm.open ? 0 : DRAFT_SAVE_DEBOUNCE_MS);
  }, [draft, write, status]);

  // Leaving the page (reload, window closed, app hidden) and a field left: write what is pending now.
  useEffect(() => {
    const now = () => void write();
    const onHidden = () => document.visibilityState === 'hidden' && now();
    // A text field left (Tab to the next one, a click elsewhere); moving between material rows is not.
    const onLeft = (e: FocusEvent) => (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && now();
    window.addEventListener('beforeunload', now);
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onHidden);
    document.addEventListener('focusout', onLeft);
    return () => {
      window.removeEventListener('beforeunload', now);
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onHidden);
      document.removeEventListener('focusout', onLeft);
    };
  }, [write]);

  /** Stops autosaving (the intake is being decided or discarded): nothing pending is written. */
  const stop = useCallback(() => {
    window.clearTimeout(timer.current);
    dirty.current = false;
    stopped.current = true;
    on.current = false;
    return chain.current;
  }, []);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { status, flush: write, stop };
}
