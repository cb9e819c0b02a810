// Builds the back-office console (server/console, React + antd) into dist/console, which the
// central server serves at /console/. Call after scripts/build.mjs, or alone.
import { build } from 'vite';

await build({ configFile: 'server/console/vite.config.ts', logLevel: 'warn' });
console.log('build: dist/console/');
