// The layering rules of docs/architecture.md §2 (Layers and what each may import), enforced
// here so `npm test` fails when a layer reaches across. Each block says what a folder may NOT
// import; everything else is allowed.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'zlib', 'stream', 'worker_threads', 'url', 'util', 'events'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.data/**', 'docs/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(nodeBuiltins, 'shared/ is pure: no Node built-ins.'),
        pattern(['electron', 'better-sqlite3', 'pg', 'fastify', '@electric-sql/*', 'react', 'react-dom', 'antd'], 'shared/ is pure: no I/O, UI or runtime-specific packages.'),
        pattern(['**/electron/**', '**/renderer/**', '**/server/**'], 'shared/ may import only shared/.'),
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'localStorage', 'fetch'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'], // build config, runs in Node
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(nodeBuiltins, 'renderer/ runs in the sandbox: no Node built-ins.'),
        pattern(['electron', 'better-sqlite3', 'pg', 'fastify', '@electric-sql/*'], 'renderer/ talks to main only through the contract.'),
        pattern(['**/electron/**', '**/server/**'], 'renderer/ may import shared/ only.'),
      ] }],
    },
  },
  {
    // Node services of the workstation: everything under electron/ except the thin shell.
    files: ['electron/**/*.{ts,tsx}'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron'], 'Only electron/main and electron/preload may import electron; services must run under plain Node.'),
        pattern(['**/renderer/**', '**/server/**'], 'electron/ services import shared/ and Node only.'),
      ] }],
    },
  },
  {
    files: ['electron/preload/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(nodeBuiltins, 'The sandboxed preload has no Node built-ins.'),
        pattern(['better-sqlite3', '**/store/**', '**/services/**', '**/renderer/**', '**/server/**'], 'The preload exposes the contract and nothing else.'),
      ] }],
    },
  },
  {
    files: ['electron/main/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['**/renderer/**', '**/server/**'], 'The shell wires electron services; it never imports renderer/ or server/.'),
      ] }],
    },
  },
  {
    // The back-office console runs in the staff's browser.
    files: ['server/console/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(nodeBuiltins, 'The console runs in a browser: no Node built-ins.'),
        pattern(['electron', 'better-sqlite3', 'pg', 'fastify', '@electric-sql/*'], 'The console talks to the server only through /backoffice/api.'),
        pattern(['**/electron/**', '**/renderer/**', ...['db', 'http', 'sync', 'admin', 'backoffice', 'catalogue', 'index', 'cli', 'crypto', 'time', 'demo'].map((d) => `../../${d}*`)], 'The console imports shared/ and its own files, not the server\'s.'),
      ] }],
    },
  },
  {
    files: ['server/**/*.{ts,tsx}'],
    ignores: ['server/console/src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron', 'better-sqlite3'], 'server/ never imports electron or the workstation store.'),
        pattern(['**/electron/**', '**/renderer/**'], 'server/ imports shared/ and Node only.'),
      ] }],
    },
  },
);
