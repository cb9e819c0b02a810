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
