// The preview harness: the real renderer build and the real handler table, served over
// HTTP on 127.0.0.1 with a random per-run token. It is the browser twin of the preload:
// /__bridge.js defines the same `window.yichuang.invoke` the preload exposes, carried by
// fetch instead of IPC. Used by `npm run preview` and by the E2E tests; never packaged.
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Dispatch } from '../services/dispatch';

export interface PreviewServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', // the pdf.js worker
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

const MAX_BODY = 60 * 1024 * 1024;

function bridgeScript(token: string): string {
  // keepalive while the page goes away: the draft written on beforeunload/pagehide still
  // arrives, as IPC does in the app. Only then (and for small bodies): the browser allows 64 KB
  // of keepalive requests in flight in all. Registered before the app's own listeners.
  return `let leaving = false;
addEventListener('beforeunload', () => { leaving = true; });
addEventListener('pagehide', () => { leaving = true; });
window.yichuang = Object.freeze({
  invoke: (channel, input) => {
    const body = JSON.stringify(input === undefined ? {} : input);
    return fetch('/api/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-yichuang-token': ${JSON.stringify(token)} },
      body,
      keepalive: leaving && body.length < 16384,
    }).then((r) => r.json());
  },
});\n`;
}

export async function startPreviewServer(opts: { dispatch: Dispatch; rendererDir: string; port?: number }): Promise<PreviewServer> {
  const token = crypto.randomBytes(24).toString('hex');
  const root = path.resolve(opts.rendererDir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`renderer build not found at ${root}: run \`npm run build\` first`);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      if (req.headers['x-yichuang-token'] !== token) {
        res.writeHead(403).end();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', async () => {
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          input = undefined;
        }
        const envelope = await opts.dispatch(decodeURIComponent(url.pathname.slice(5)), input);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(envelope));
      });
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/__bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' }).end(bridgeScript(token));
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer | string = fs.readFileSync(file);
    if (rel === 'index.html') body = body.toString('utf8').replace('<head>', '<head><script src="/__bridge.js"></script>');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
