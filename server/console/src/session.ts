// The signed-in staff member as this tab knows it. The session itself is an HttpOnly cookie
// the page cannot read; the CSRF token lives in memory only (a reload asks the server again).
import type { SessionResponse } from '../../../shared/sync/staff';

export type StaffSession = SessionResponse;

let current: StaffSession | null = null;
export const currentSession = () => current;
export const setCurrentSession = (s: StaffSession | null) => { current = s; };

const KEY = 'yichuang.console';
/** List filters survive reloads within the tab. */
export function loadFilters<T>(fallback: T): T {
  try {
    return { ...fallback, ...(JSON.parse(sessionStorage.getItem(`${KEY}.filters`) ?? '{}') as Partial<T>) };
  } catch {
    return fallback;
  }
}
export const saveFilters = (f: unknown) => sessionStorage.setItem(`${KEY}.filters`, JSON.stringify(f));
