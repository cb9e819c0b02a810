// What `npm run build` (run by `npm test` and `npm run test:integration` before vitest) must
// produce for Electron to start: a sandboxed preload is one file that requires nothing but
// electron, and main keeps better-sqlite3 external so its N-API prebuild loads from
// node_modules unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { builtinModules } from 'node:module';

const read = (f: string) => fs.readFileSync(f, 'utf8');
const requires = (src: string) => [...src.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);

describe('build output', () => {
  beforeAll(() => {
    if (!fs.existsSync('dist/electron/main.cjs')) throw new Error('dist/ is missing: run `npm run build` first (npm test and npm run test:integration do)');
  });

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

  it('every package the app and the embedded server load at run time is a production dependency', () => {
    const pkg = JSON.parse(read('package.json'));
    const external = new Set<string>([
      ...requires(read('dist/electron/main.cjs')),
      ...[...read('dist/server/cli.mjs').matchAll(/from "([^".][^"]*)"/g)].map((m) => m[1]),
    ]);
    // Node's own modules (bundled libraries ask for them without the node: prefix) and Electron.
    const packages = [...external].filter((d) => !d.startsWith('node:') && d !== 'electron' && !builtinModules.includes(d));
    for (const d of packages) expect(pkg.dependencies, d).toHaveProperty(d.startsWith('@') ? d.split('/').slice(0, 2).join('/') : d.split('/')[0]);
    // Fonts are read from node_modules when notices are rendered.
    expect(pkg.dependencies).toHaveProperty('@fontsource/noto-serif-sc');
    expect(pkg.dependencies).not.toHaveProperty('react'); // bundled into the renderer
  });

  it('packaging does not rebuild native modules', () => {
    const yml = read('electron-builder.yml');
    expect(yml).toMatch(/^npmRebuild: false$/m);
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^13\./);
    expect(pkg.engines.node).toBe('>=24');
  });
});
