// The names this server answers to. Every request's Host header must be one of them (a
// foreign Host is a DNS-rebinding page or a proxy nobody set up for us), and a state-changing
// request that carries an Origin must come from this server's own origin; staff writes and
// sign-in must carry one (browsers always send it on POST).
//   - configured names (`allowedHosts`, YICHUANG_ALLOWED_HOSTS="yichuang.example.gov.cn,10.1.2.3:8787"):
//     "name" matches any port, "name:port" that port only;
//   - by default also this machine's own names and addresses (localhost, loopback, its host
//     name and interface addresses) on the port the connection arrived at.
import os from 'node:os';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';
import { isWrite } from './auth';

export interface HostPolicy {
  /** Throws 403 host_invalid unless the Host header names this server. */
  requireHost(req: FastifyRequest): void;
  /** Throws 403 origin_invalid unless Origin is present and this server's own. */
  requireSameOrigin(req: FastifyRequest): void;
  /** Throws 403 origin_invalid when an Origin is present and foreign (device writes send none). */
  refuseForeignOrigin(req: FastifyRequest): void;
}

/** 'Name:port' → [name, port | null], lower case, IPv6 brackets kept. */
function split(hostHeader: string): [string, string | null] | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(hostHeader.trim());
  return m ? [m[1].toLowerCase(), m[2] ?? null] : null;
}

function ownNames(): string[] {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', os.hostname().toLowerCase()]);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address.split('%')[0].toLowerCase()}]` : a.address);
  }
  return [...names];
}

export function hostPolicy(configured: readonly string[] = [], opts: { ownNames?: boolean } = {}): HostPolicy {
  const anyPort = new Set<string>();
  const exact = new Set<string>();
  for (const c of configured) {
    const s = split(c);
    if (!s) throw new Error(`YICHUANG_ALLOWED_HOSTS: 无效的主机名 ${c}`);
    if (s[1]) exact.add(`${s[0]}:${s[1]}`);
    else anyPort.add(s[0]);
  }
  const local = new Set(opts.ownNames === false ? [] : ownNames());
  const allowed = (req: FastifyRequest, host: string | undefined): boolean => {
    const s = host ? split(host) : null;
    if (!s) return false;
    const [name, port] = s;
    if (anyPort.has(name) || (port && exact.has(`${name}:${port}`))) return true;
    // Own names on the port this connection came in on (no port: the scheme's default).
    const arrived = String(req.socket.localPort ?? '');
    return local.has(name) && (port ?? (req.protocol === 'https' ? '443' : '80')) === arrived;
  };
  const originHost = (req: FastifyRequest): string | null | 'absent' => {
    const o = req.headers.origin;
    if (o === undefined) return 'absent';
    const m = /^https?:\/\/([^/]+)$/i.exec(o);
    return m ? m[1] : null;
  };
  const foreign = () => new HttpError(403, 'origin_invalid', '请求来自其他网站（Origin 不符），已拒绝');
  return {
    requireHost(req) {
      if (!allowed(req, req.headers.host)) {
        throw new HttpError(403, 'host_invalid', '请求的主机名不是本服务器的地址，已拒绝（如经反向代理访问，请由管理员配置 YICHUANG_ALLOWED_HOSTS）');
      }
    },
    requireSameOrigin(req) {
      const h = originHost(req);
      if (h === 'absent') throw new HttpError(403, 'origin_invalid', '请求缺少 Origin 头，已拒绝（请从后台页面操作）');
      // Same origin: the Origin names the very host the request was sent to (already checked).
      if (h === null || h.toLowerCase() !== String(req.headers.host).toLowerCase()) throw foreign();
    },
    refuseForeignOrigin(req) {
      if (!isWrite(req)) return;
      const h = originHost(req);
      if (h !== 'absent' && (h === null || h.toLowerCase() !== String(req.headers.host).toLowerCase())) throw foreign();
    },
  };
}
