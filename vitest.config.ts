import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure code: engines, validators, schemas, renderers of notices. No files, no network.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // Real SQLite files (in memory too), real PostgreSQL (127.0.0.1:5432, database test) and
        // PGlite, real processes, the build's output in dist/ (npm test builds before vitest).
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // Hooks start servers and hash demo passwords at today's scrypt cost: slow on a busy machine, not wrong.
          hookTimeout: 60_000,
        },
      },
      {
        // The built renderer and console in headless Chromium against the real handlers.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/e2e/failureReport.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // UI states are awaited, never slept for: room for a loaded 2-core machine.
          expect: { poll: { timeout: 30_000, interval: 50 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
