// How many cases the back office turned 需补正 or 待取件 that no clerk has opened since: the
// 今日办件 badge. Asked again after every sync, when a case is opened or closed, and each half minute.
import { useEffect, useState } from 'react';
import { invoke } from '../api';
import { onSynced } from '../sync/syncEvents';

export function useReviewAlerts(openCaseId: string | null): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const ask = () => void invoke('case.alerts', {}).then((r) => setCount(r.count), () => undefined);
    ask();
    const t = window.setInterval(ask, 30_000);
    const off = onSynced(ask);
    return () => {
      window.clearInterval(t);
      off();
    };
  }, [openCaseId]);
  return count;
}
