// A back-office staff member as a browser would be: signs in with 工号 and password, keeps the
// session cookie, sends the CSRF token and a same-origin Origin on every write. `url` may be
// changed between calls (two servers on one database share sessions).
import { scryptSync } from 'node:crypto';
import { request } from 'node:http';
import { formatPasswordHash } from '../../shared/auth/passwordHash';
import { DEMO_PASSWORD } from '../../shared/demo/password';
import { SESSION_COOKIE, type SessionResponse, type StaffMember } from '../../shared/sync/staff';
import type { Queryable } from '../../server/db/db';
import { seedStaff } from '../../server/staff/accounts';

/** DEMO_PASSWORD at the lowest cost the verifier accepts (N=2^14): tests sign in often. */
const salt = Buffer.from('yichuang-test-salt');
export const TEST_STAFF_HASH = formatPasswordHash({ N: 2 ** 14, r: 8, p: 1, salt, key: scryptSync(DEMO_PASSWORD, salt, 64, { N: 2 ** 14, r: 8, p: 1 }) });
export const STAFF_PASSWORD = DEMO_PASSWORD;

export const addTestStaff = (db: Queryable, ...members: StaffMember[]) => Promise.all(members.map((m) => seedStaff(db, m, TEST_STAFF_HASH)));

export interface Reply {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

export class StaffClient {
  cookie: string | null = null;
  csrf: string | null = null;
  session: SessionResponse | null = null;
  constructor(public url: string) {}

  async call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; csrf?: string | null; origin?: string | null } = {}): Promise<Reply> {
    const method = init.method ?? (init.body !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = { 'user-agent': 'yichuang-test', ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}) };
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      const origin = init.origin === undefined ? new URL(this.url).origin : init.origin;
      if (origin !== null) headers.origin = origin;
      const csrf = init.csrf === undefined ? this.csrf : init.csrf;
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    Object.assign(headers, init.headers);
    const body = method === 'GET' ? undefined : JSON.stringify(init.body ?? {});
    // node:http, not fetch: a test must be able to send any Host header.
    const res = await new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
      const req = request(this.url + path, { method, headers }, (r) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
          resolve({ status: r.statusCode!, headers: h, text: Buffer.concat(parts).toString() });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
    let json: unknown = null;
    try { json = JSON.parse(res.text); } catch { /* not JSON */ }
    return { ...res, json };
  }

  /** POST to /backoffice/api + path. */
  post = (path: string, body: unknown = {}) => this.call(`/backoffice/api${path}`, { method: 'POST', body });
  get = (path: string) => this.call(`/backoffice/api${path}`);

  async signIn(staffNo: string, password = STAFF_PASSWORD): Promise<Reply> {
    const r = await this.call('/backoffice/api/session', { method: 'POST', body: { staffNo, password } });
    const set = r.headers.get('set-cookie');
    const m = set ? new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(set) : null;
    if (r.status === 200 && m) {
      this.cookie = m[1];
      this.session = r.json as SessionResponse;
      this.csrf = this.session.csrfToken;
    }
    return r;
  }
}

/** Signs in or throws. */
export async function signedIn(url: string, staffNo: string): Promise<StaffClient> {
  const c = new StaffClient(url);
  const r = await c.signIn(staffNo);
  if (r.status !== 200) throw new Error(`sign-in ${staffNo} failed: ${r.status} ${r.text}`);
  return c;
}
