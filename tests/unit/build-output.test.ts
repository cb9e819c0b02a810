// What `npm run build` (run by `npm test` before vitest) must produce for Electron to start:
// a sandboxed preload is one file that requires nothing but electron, and main keeps
// better-sqlite3 external so its N-API prebuild loads from node_modules unchanged.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';

const read = (f: string) => fs.readFileSync(f, 'utf8');
const requires = (src: string) => [...src.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);

describe('build output', () => {
  it('the preload is a single file that requires only electron', () => {
    const src = read('dist/electron/preload.cjs');
    expect([...new Set(requires(src))]).toEqual(['electron']);
    expect(src).toContain('exposeInMainWorld');
    expect(src.length).toBeLessThan(20_000); // the contract's names only, no zod, no schemas
  });

  it('main loads electron and better-sqlite3 at run time', () => {
    const deps = new Set(requires(read('dist/electron/main.cjs')));
    expect(deps.has('electron')).toBe(true);
    expect(deps.has('better-sqlite3')).toBe(true);
  });

  it('the renderer is built with relative asset paths and the CSP meta', () => {
    const html = read('dist/renderer/index.html');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/src="\/assets/);
  });

  it('packaging does not rebuild native modules', () => {
    const yml = read('electron-builder.yml');
    expect(yml).toMatch(/^npmRebuild: false$/m);
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^13\./);
    expect(pkg.engines.node).toBe('>=24');
  });
});
