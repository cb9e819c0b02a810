// Autosave of the intake being typed (草稿, shared/domain/intakeDraft.ts): each change is
// written through draft.save a short while after the last keystroke, one save in flight at a
// time so an older save can never land after a newer one. Nothing is written until something
// was typed. `flush` writes what is pending at once (before a reload or leaving the page).
import { useCallback, useEffect, useRef, useState } from 'react';
import { isBlankDraft } from '../../../shared/domain/intakeDraft';
import { invoke } from '../api';
import type { IntakeDraft } from './draft';

const DEBOUNCE_MS = 250;

export type AutosaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

export function useDraftAutosave(itemCode: string | null, startedAt: string, draft: IntakeDraft, enabled: boolean) {
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
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
          if (!dirty.current && on.current) setState(r.saved ? { kind: 'saved', at: r.savedAt } : { kind: 'idle' });
        },
        (e: Error) => setState({ kind: 'failed', message: e.message }),
      ),
    );
    return chain.current;
  }, [itemCode, startedAt]);

  useEffect(() => {
    latest.current = draft;
    if (!on.current || isBlankDraft(draft)) return;
    dirty.current = true;
    setState({ kind: 'pending' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(write, DEBOUNCE_MS);
  }, [draft, write]);

  // Leaving the page (reload, window closed): write what is pending now.
  useEffect(() => {
    const onHide = () => void write();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
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
  return { state, flush: write, stop };
}
