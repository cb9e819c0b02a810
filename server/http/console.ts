// Serves the back-office console (后台分类审批), a static single-page build in dist/console
// (scripts/build-console.mjs), at /console/. The page talks only to /backoffice/api.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HttpError } from './errors';

/** Default build output, relative to the working directory (the repository root for `npm run server`). */
export const DEFAULT_CONSOLE_DIR = 'dist/console';

// No inline or foreign scripts. antd writes its component styles into <style> elements at run
// time, which is why styles (only) allow 'unsafe-inline'.
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const CONSOLE_ROUTES = [
  { method: 'GET', url: '/console', summary: '后台审批控制台（跳转到 /console/）', contentType: 'text/html' },
  { method: 'GET', url: '/console/', summary: '后台审批控制台页面', contentType: 'text/html' },
  { method: 'GET', url: '/console/assets/*', summary: '后台审批控制台的脚本、样式和字体', contentType: 'application/octet-stream' },
];

function secure(reply: FastifyReply) {
  return reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY');
}

export function registerConsole(app: FastifyInstance, dir = DEFAULT_CONSOLE_DIR) {
  const root = path.resolve(dir);
  const assets = path.join(root, 'assets');

  app.get('/console', async (_req, reply) => reply.redirect('/console/'));

  app.get('/console/', async (_req, reply) => {
    const html = await readFile(path.join(root, 'index.html')).catch(() => null);
    secure(reply).header('cache-control', 'no-cache');
    if (!html) {
      return reply.status(503).type(TYPES['.html']).send(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>后台审批控制台</title>' +
          '<p>后台审批控制台尚未构建。请在项目目录运行 <code>node scripts/build-console.mjs</code>（或 <code>npm run build</code>）后刷新本页。</p></html>',
      );
    }
    return reply.type(TYPES['.html']).send(html);
  });

  app.get('/console/assets/*', async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    const file = path.resolve(assets, rel);
    // Only files inside assets/ (no ../, no absolute paths, no directories).
    if (!file.startsWith(assets + path.sep)) throw new HttpError(404, 'not_found', '没有这个文件');
    const body = await readFile(file).catch(() => null);
    if (!body) throw new HttpError(404, 'not_found', '没有这个文件');
    // Vite names assets by content hash, so they never change under the same name.
    secure(reply).header('cache-control', 'public, max-age=31536000, immutable');
    return reply.type(TYPES[path.extname(file)] ?? 'application/octet-stream').send(body);
  });
}
