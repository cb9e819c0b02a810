// Who may call a route, decided from the request line and headers alone (an onRequest hook),
// so Fastify never reads or inflates the body of a caller that is refused: an
// unauthenticated or rate-limited upload costs the server one token lookup.
//   device  — Bearer device token (sync protocol)
//   staff   — the staff session cookie, the route's roles, and on writes the session's
//             X-CSRF-Token and a same-origin Origin
//   signIn  — anyone, rate-limited per address, same-origin Origin (no login CSRF)
//   none    — anyone, rate-limited per address (enrolment: the one-time code is the credential)
// Nothing is trusted for being local: a reverse proxy on the same machine gets no rights.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { authenticate, type Device } from '../sync/devices';
import { authenticateSession, type Origin, type SessionOptions, type SignedIn } from '../staff/sessions';
import { staffScope, type Scope } from '../staff/scope';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/sync/staff';
import { HttpError } from './errors';
import type { TokenBuckets } from './rate-limit';
import type { RouteDef } from './routes';
import type { HostPolicy } from './hosts';

export interface GuardOptions {
  db: Db;
  /** Per device id; null = no limit. */
  deviceBuckets: TokenBuckets | null;
  /** Per client address on open routes (enrolment). */
  enrolBuckets: TokenBuckets;
  /** Per client address on sign-in (the account lock-out is in the database; this blunts spraying). */
  signInBuckets: TokenBuckets;
  session: SessionOptions;
  hosts: HostPolicy;
}

function sameSecret(a: string, b: string) {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function limit(buckets: TokenBuckets | null, key: string) {
  const wait = buckets?.take(key) ?? 0;
  if (wait) throw new HttpError(429, 'rate_limited', `请求过于频繁，请 ${wait} 秒后再试`, { retryAfter: wait });
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isWrite = (req: FastifyRequest) => WRITES.has(req.method);

export const originOf = (req: FastifyRequest): Origin => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });

export interface StaffRequest {
  session: SignedIn;
  scope: Scope;
}

export function createGuard(opts: GuardOptions) {
  const devices = new WeakMap<FastifyRequest, Device>();
  const staff = new WeakMap<FastifyRequest, StaffRequest>();
  return {
    /** onRequest hook for a route of the table. */
    hook(def: Pick<RouteDef, 'auth' | 'roles' | 'forbidden' | 'beforePasswordChange'>) {
      return async (req: FastifyRequest, _reply: FastifyReply) => {
        if (def.auth === 'device') {
          const device = await authenticate(opts.db, req.headers.authorization);
          // Every later log line of this request (errors, "request completed") names the device.
          (req.log as { setBindings?: (b: object) => void }).setBindings?.({ deviceId: device.id });
          limit(opts.deviceBuckets, device.id);
          devices.set(req, device);
        } else if (def.auth === 'staff') {
          const session = await authenticateSession(opts.db, req.cookies?.[SESSION_COOKIE], originOf(req), opts.session);
          (req.log as { setBindings?: (b: object) => void }).setBindings?.({ staffNo: session.staff.staffNo });
          if (isWrite(req)) {
            opts.hosts.requireSameOrigin(req);
            const sent = req.headers[CSRF_HEADER];
            if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
              throw new HttpError(403, 'csrf_invalid', '请求缺少有效的安全令牌（X-CSRF-Token），已拒绝。请刷新页面后重试');
            }
          }
          if (session.staff.mustChangePassword && !def.beforePasswordChange) {
            throw new HttpError(403, 'password_change_required', '首次登录或密码被重置后须先修改密码');
          }
          if (def.roles && !def.roles.includes(session.staff.role)) throw new HttpError(403, 'forbidden', def.forbidden ?? '你的账号无权使用此功能');
          staff.set(req, { session, scope: staffScope(session.staff) });
        } else if (def.auth === 'signIn') {
          limit(opts.signInBuckets, req.ip);
          opts.hosts.requireSameOrigin(req);
        } else {
          limit(opts.enrolBuckets, req.ip);
        }
      };
    },
    /** The device the hook authenticated (device routes only). */
    device(req: FastifyRequest): Device {
      return devices.get(req) as Device;
    },
    /** The signed-in staff member and their scope (staff routes only). */
    staff(req: FastifyRequest): StaffRequest {
      return staff.get(req) as StaffRequest;
    },
  };
}
