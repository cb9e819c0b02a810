// The staff sign-in kept for this browser tab only (sessionStorage): closing the tab signs out.
export interface StaffSession {
  /** The server's staff token (YICHUANG_STAFF_TOKEN); empty when the server serves loopback callers without one. */
  token: string;
  /** Recorded as decidedBy on every status the staff member sets. */
  name: string;
}

const KEY = 'yichuang.console.session';

export function loadSession(): StaffSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as StaffSession | null;
    return s && typeof s.name === 'string' && typeof s.token === 'string' ? s : null;
  } catch {
    return null;
  }
}

export const saveSession = (s: StaffSession) => sessionStorage.setItem(KEY, JSON.stringify(s));
export const clearSession = () => sessionStorage.removeItem(KEY);

/** List filters survive reloads within the tab. */
export function loadFilters<T>(fallback: T): T {
  try {
    return { ...fallback, ...(JSON.parse(sessionStorage.getItem(`${KEY}.filters`) ?? '{}') as Partial<T>) };
  } catch {
    return fallback;
  }
}
export const saveFilters = (f: unknown) => sessionStorage.setItem(`${KEY}.filters`, JSON.stringify(f));
