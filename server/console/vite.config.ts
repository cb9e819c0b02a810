// Build of the back-office console (后台分类审批): React + antd, served by the central server
// at /console/ (server/http/console.ts). Run by scripts/build-console.mjs.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // No inline <script> or data: modules: the page's CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
