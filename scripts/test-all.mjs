// Runs every vitest project in two lanes side by side, each its own vitest process: the E2E
// files (one at a time, fileParallelism: false) and the unit + integration files. One vitest
// process would run its serial E2E group and its parallel group one after the other, on a
// 2-core machine with one worker. Each file starts its own harness (temporary files, schemas,
// free ports), so the lanes never share state. Measured: more lanes (E2E split in two, two
// unit workers) loaded the machine to 10–12 and doubled every file's time, with timeouts.
// Every line is prefixed with its lane. Exit code: non-zero when a lane fails. Extra arguments
// (file filters, a reporter) go to both lanes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

// The package's bin (not in its exports map): next to its package.json.
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
// With file filters a lane may find nothing of its own: that is not a failure.
const extra = process.argv.length > 2 ? ['--passWithNoTests', ...process.argv.slice(2)] : [];

const LANES = [
  { label: 'e2e', args: ['--project', 'e2e'] },
  { label: 'unit+int', args: ['--project', 'unit', '--project', 'integration'] },
];

// Fresh PGlite databases start from one migrated image made in this run (server/db/pgliteImage.ts):
// an initdb per database was about a second each, hundreds of times.
const imageDir = process.env.YICHUANG_PGLITE_IMAGE_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yc-pglite-image-'));

function run({ label, args }) {
  const child = spawn(process.execPath, [vitest, 'run', ...args, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', YICHUANG_PGLITE_IMAGE_DIR: imageDir },
  });
  const prefix = `[${label}] `;
  let partial = '';
  // Whole lines only, each with its lane, so lanes never cut into each other's lines.
  const onData = (chunk) => {
    const text = partial + chunk.toString('utf8');
    const cut = text.lastIndexOf('\n') + 1;
    partial = text.slice(cut);
    if (cut) process.stdout.write(text.slice(0, cut - 1).split('\n').map((l) => prefix + l).join('\n') + '\n');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (partial) process.stdout.write(prefix + partial + '\n');
      resolve({ label, code: code ?? (signal ? 1 : 0) });
    });
  });
}

const started = Date.now();
const results = await Promise.all(LANES.map(run));
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (!process.env.YICHUANG_PGLITE_IMAGE_DIR) fs.rmSync(imageDir, { recursive: true, force: true });
console.log(`\n${results.map((r) => `${r.label}: ${r.code === 0 ? 'passed' : 'FAILED'}`).join(' · ')} · ${minutes} min in all`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
