// The 超时 warnings of this window (case.deadlines), asked every half minute, after each sync
// and when a case is opened or closed. The handler applies the rules; this only carries them.
import { useEffect, useState } from 'react';
import type { WindowDeadlines } from '../../../shared/domain/timeliness';
import { invoke } from '../api';
import { onSynced } from '../sync/syncEvents';

const REFRESH_MS = 30_000;

export function useDeadlines(refreshKey: unknown): WindowDeadlines | null {
  const [d, setD] = useState<WindowDeadlines | null>(null);
  useEffect(() => {
    const ask = () => void invoke('case.deadlines', {}).then(setD, () => undefined);
    ask();
    const t = window.setInterval(ask, REFRESH_MS);
    const off = onSynced(ask);
    return () => {
      window.clearInterval(t);
      off();
    };
  }, [refreshKey]);
  return d;
}
