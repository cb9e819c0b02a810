// Builds the three bundles: main (Node/CJS), preload (one CJS file, as a sandboxed preload
// requires) and the renderer (Vite). Runs in CI although Electron cannot start there.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };

await esbuild({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.cjs',
  // better-sqlite3 loads its N-API prebuild from node_modules at run time; electron is the host.
  external: ['electron', 'better-sqlite3', '@electric-sql/pglite', 'pg-native'],
});
await esbuild({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
// The central server CLI, which the app runs as its own process for the embedded server.
await esbuild({
  bundle: true, platform: 'node', format: 'esm', target: 'node22', sourcemap: true, logLevel: 'warning',
  entryPoints: ['server/cli.ts'], outfile: 'dist/server/cli.mjs', packages: 'external',
});
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
// The back-office console the central server serves at /console/.
await viteBuild({ configFile: 'server/console/vite.config.ts', logLevel: 'warn' });
console.log('build: dist/electron/main.cjs, dist/electron/preload.cjs, dist/server/cli.mjs, dist/renderer/, dist/console/');
