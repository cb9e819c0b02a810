// Type-ahead: a letter typed while no field has the keyboard (focus fell to the page between
// two screens) is not dropped — the search box takes the focus inside that key event, so the
// browser inserts the letter there. Listens in the capture phase, before any screen's handler.
import type { InputRef } from 'antd';

export function catchStrayTyping(target: () => InputRef | null): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.key.length !== 1) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) return;
    target()?.focus();
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}

// Keys typed while an item is opening (after Enter in the search box, before its 情形 and
// materials are on screen) are held, then replayed to whatever has the keyboard once the
// intake shows: "wfzjl⏎112" answers the questions even when typed faster than the screen.
// Only single-character keys are held (digits and letters: the intake's keys); the intake's
// key handlers read `key`, so a replayed keydown acts like the real one.
let held: string[] | null = null;
const hold = (e: KeyboardEvent) => {
  if (held === null || !e.isTrusted || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.key.length !== 1) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  held.push(e.key);
};

/** Starts holding keys (an item was picked and is opening). */
export function holdKeys(): void {
  if (held !== null) return;
  held = [];
  window.addEventListener('keydown', hold, true);
}

function replayKey(key: string): void {
  const target = document.activeElement ?? document.body;
  // Text fields get the characters themselves (a replayed keydown types nothing).
  if (target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'search')) {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(target, target.value + key);
    target.dispatchEvent(new Event('input', { bubbles: true }));
  } else target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

/**
 * Stops holding: replays the held keys to the focused element when `replay` (else drops them,
 * e.g. the item failed to open). One key per task, so the screen has reacted to one (a
 * question answered, the focus moved on) before the next arrives; keys typed meanwhile join
 * the end of the queue, so the order is kept.
 */
export function releaseKeys(replay: boolean): void {
  if (held === null) return;
  const stop = () => {
    held = null;
    window.removeEventListener('keydown', hold, true);
  };
  if (!replay) return stop();
  const drain = () => {
    const key = held?.shift();
    if (key === undefined) return stop();
    replayKey(key);
    window.setTimeout(drain);
  };
  drain();
}
