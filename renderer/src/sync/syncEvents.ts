// The status area announces each new successful sync, so screens showing back-office
// statuses (今日办件) refresh within seconds instead of waiting for their own timer.
const SYNCED = 'yichuang:synced';

export function announceSynced(): void {
  window.dispatchEvent(new Event(SYNCED));
}

export function onSynced(listener: () => void): () => void {
  window.addEventListener(SYNCED, listener);
  return () => window.removeEventListener(SYNCED, listener);
}
