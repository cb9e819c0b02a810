// Who may call a route, decided from the request line and headers alone (an onRequest hook),
// so Fastify never reads or inflates the body of a caller that is refused: an
// unauthenticated or rate-limited upload costs the server one token lookup.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { authenticate, type Device } from '../sync/devices';
import { HttpError } from './errors';
import type { TokenBuckets } from './rate-limit';
import type { RouteDef } from './routes';

export interface GuardOptions {
  db: Db;
  staffToken?: string;
  /** Per device id; null = no limit. */
  deviceBuckets: TokenBuckets | null;
  /** Per client address on open routes (enrolment). */
  enrolBuckets: TokenBuckets;
}

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
function sameSecret(a: string, b: string) {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function limit(buckets: TokenBuckets | null, key: string) {
  const wait = buckets?.take(key) ?? 0;
  if (wait) throw new HttpError(429, 'rate_limited', `请求过于频繁，请 ${wait} 秒后再试`, { retryAfter: wait });
}

export function createGuard(opts: GuardOptions) {
  const devices = new WeakMap<FastifyRequest, Device>();
  return {
    /** onRequest hook for a route of the table. */
    hook(auth: RouteDef['auth']) {
      return async (req: FastifyRequest, _reply: FastifyReply) => {
        if (auth === 'device') {
          const device = await authenticate(opts.db, req.headers.authorization);
          // Every later log line of this request (errors, "request completed") names the device.
          (req.log as { setBindings?: (b: object) => void }).setBindings?.({ deviceId: device.id });
          limit(opts.deviceBuckets, device.id);
          devices.set(req, device);
        } else if (auth === 'staff') {
          const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
          const ok = opts.staffToken ? !!bearer && sameSecret(bearer, opts.staffToken) : isLoopback(req.ip);
          if (!ok) throw new HttpError(403, 'forbidden', opts.staffToken ? '后台令牌无效' : '后台接口仅允许在服务器本机访问（或配置后台令牌）');
        } else {
          limit(opts.enrolBuckets, req.ip);
        }
      };
    },
    /** The device the hook authenticated (device routes only). */
    device(req: FastifyRequest): Device {
      return devices.get(req) as Device;
    },
  };
}
