// Proxies between a sync client and the server, for the "nothing is lost" tests and the
// village-link benchmark.
// - startFaultProxy: an HTTP proxy that, per request, follows a seeded schedule of faults:
//   drop the request, drop the reply after the server applied it, delay, duplicate, replay a
//   stale copy later (reorder), truncate the reply, reset the connection mid-body, answer
//   5xx before or after the server saw the request; plus an offline switch and a hung switch
//   (the connection is accepted and the request read, but no reply ever comes: a server whose
//   process or link is stuck, which only a request timeout can tell from a slow one).
// - startThrottleProxy: a TCP proxy with a bandwidth and a round-trip time, counting bytes.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { seeded } from './seeded';

export { seeded };

export const FAULTS = ['pass', 'dropRequest', 'dropReply', 'delay', 'duplicate', 'replayLater', 'truncate', 'reset', 'error5xx', 'error5xxAfter'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxy {
  url: string;
  /** Where requests go; change it when the server restarts on another port. */
  target: string;
  /** Several servers on one database: each request goes to one of them at random (seeded). */
  targets: string[] | null;
  offline: boolean;
  /** Accept and read every request but never answer (until the switch is turned off or the client gives up). */
  hung: boolean;
  /** Requests that met the hung switch ("GET /sync/v1/device"). */
  hungRequests: string[];
  /** Probability that a request gets a fault other than 'pass'. */
  faultRate: number;
  /** Faults in the order they were applied (for failure reports). */
  log: Fault[];
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(target: string, req: { method: string; url: string; headers: http.IncomingHttpHeaders }, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const u = new URL(target);
    const headers = { ...req.headers, host: u.host, connection: 'close' };
    const r = http.request({ host: u.hostname, port: u.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

export async function startFaultProxy(target: string, opts: { seed: number; faultRate?: number; maxDelayMs?: number }): Promise<FaultProxy> {
  const rand = seeded(opts.seed);
  const stale: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }> = [];
  const sockets = new Set<net.Socket>();
  const proxy: FaultProxy = { url: '', target, targets: null, offline: false, hung: false, hungRequests: [], faultRate: opts.faultRate ?? 0.3, log: [], close: async () => {} };
  const pick = () => (proxy.targets?.length ? proxy.targets[Math.floor(rand() * proxy.targets.length)] : proxy.target);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (s) => {
    if (proxy.offline) {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) {
    const meta = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    if (proxy.offline) return void req.socket.destroy();
    if (proxy.hung) {
      // Never answered; the socket stays open until the client times out (or close()).
      proxy.hungRequests.push(`${meta.method} ${meta.url.split('?')[0]}`);
      return;
    }
    const fault: Fault = rand() < proxy.faultRate ? FAULTS[1 + Math.floor(rand() * (FAULTS.length - 1))] : 'pass';
    proxy.log.push(fault);
    // A stale copy held back earlier reaches the server after newer requests.
    const late = stale.splice(0);
    try {
      if (fault === 'dropRequest') return void req.socket.destroy();
      if (fault === 'error5xx') return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"code":"internal","message":"代理模拟的服务器错误"}');
      if (fault === 'delay') await new Promise((r) => setTimeout(r, Math.floor(rand() * (opts.maxDelayMs ?? 200))));
      if (fault === 'replayLater') stale.push({ ...meta, body });
      // A duplicate races the original, like a client retry crossing a slow reply.
      const [up] = await Promise.all([forward(pick(), meta, body), fault === 'duplicate' ? forward(pick(), meta, body).catch(() => null) : null]);
      for (const s of late) await forward(pick(), s, s.body).catch(() => null);
      if (fault === 'dropReply') return void req.socket.destroy();
      if (fault === 'error5xxAfter') return void res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
      const headers = { ...up.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      headers['content-length'] = String(up.body.length);
      if (fault === 'truncate') {
        res.writeHead(up.status, headers);
        res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        return void req.socket.end();
      }
      if (fault === 'reset') {
        res.writeHead(up.status, headers);
        res.write(up.body.subarray(0, Math.floor(up.body.length / 3)));
        return void setImmediate(() => req.socket.resetAndDestroy());
      }
      res.writeHead(up.status, headers).end(up.body);
    } catch {
      // Server down (restarting): the client sees a broken connection, like on a real link.
      req.socket.destroy();
    }
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return proxy;
}

export interface ThrottleProxy {
  url: string;
  /** Bytes carried client→server and server→client (TCP payload: HTTP headers and bodies). */
  bytesUp: number;
  bytesDown: number;
  /** Cuts the link: every connection through it is torn down at once (what is in flight is lost). */
  cut(): void;
  /** While set, new connections are torn down at once (no link). */
  offline: boolean;
  close(): Promise<void>;
}

/**
 * A slow link: each direction is a queue serialised at `bitsPerSecond`, and every chunk
 * arrives half a round trip after it left. Connection set-up pays one round trip.
 */
export async function startThrottleProxy(target: string, link: { bitsPerSecond: number; rttMs: number }): Promise<ThrottleProxy> {
  const u = new URL(target);
  const sockets = new Set<net.Socket>();
  const p: ThrottleProxy = {
    url: '', bytesUp: 0, bytesDown: 0, offline: false, close: async () => {},
    cut: () => {
      for (const s of sockets) s.destroy();
    },
  };
  const oneWay = link.rttMs / 2;
  const bytesPerMs = link.bitsPerSecond / 8 / 1000;

  const pipe = (from: net.Socket, to: net.Socket, count: (n: number) => void) => {
    let free = 0; // time the link is free again for this direction
    from.on('data', (chunk: Buffer) => {
      count(chunk.length);
      const now = performance.now();
      const start = Math.max(now, free);
      free = start + chunk.length / bytesPerMs;
      const deliverAt = free + oneWay;
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, Math.max(0, deliverAt - now));
    });
    from.on('end', () => setTimeout(() => to.end(), Math.max(0, free - performance.now()) + oneWay));
    from.on('error', () => to.destroy());
  };

  const server = net.createServer((client) => {
    if (p.offline) {
      client.destroy();
      return;
    }
    sockets.add(client);
    client.pause();
    const upstream = net.connect({ host: u.hostname, port: Number(u.port) }, () => {
      // The TCP handshake over the slow link costs a round trip.
      setTimeout(() => {
        pipe(client, upstream, (n) => (p.bytesUp += n));
        pipe(upstream, client, (n) => (p.bytesDown += n));
        client.resume();
      }, link.rttMs);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => sockets.delete(upstream));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  p.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  p.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return p;
}
