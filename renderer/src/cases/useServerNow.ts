import { useEffect, useState } from 'react';

/** The server's current time in ms, ticking every second (offset from the last queue fetch). */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const t = window.setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => window.clearInterval(t);
  }, [offsetMs]);
  return now;
}
