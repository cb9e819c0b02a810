// Runs every vitest project: the E2E files (one at a time, in headless Chromium) in one vitest
// process and the unit and integration files in another, side by side. One vitest process runs
// its serial E2E group and its parallel group one after the other, and on a 2-core machine its
// default is one worker: the E2E files spend most of their time waiting on Chromium and the
// server, which the unit and integration files can use. The E2E report streams live; the other
// report is printed whole when that process ends. Exit code: non-zero when either fails.
// Extra arguments go to both vitest processes (e.g. a reporter).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

// The package's bin (not in its exports map): next to its package.json.
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
// With file filters one of the two may find nothing of its own: that is not a failure.
const extra = process.argv.length > 2 ? ['--passWithNoTests', ...process.argv.slice(2)] : [];

function run(label, projects, live) {
  const args = [vitest, 'run', ...projects.flatMap((p) => ['--project', p]), ...extra];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
  const held = [];
  let partial = '';
  // Whole lines only, so the other report never lands in the middle of one.
  const onData = (chunk) => {
    if (!live) return void held.push(chunk);
    const text = partial + chunk.toString('utf8');
    const cut = text.lastIndexOf('\n') + 1;
    partial = text.slice(cut);
    if (cut) process.stdout.write(text.slice(0, cut));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (partial) process.stdout.write(partial + '\n');
      if (held.length) process.stdout.write(`\n──── ${label} ────\n` + Buffer.concat(held).toString('utf8'));
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const started = Date.now();
const [e2e, rest] = await Promise.all([run('e2e', ['e2e'], true), run('unit + integration', ['unit', 'integration'], false)]);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nunit + integration: ${rest === 0 ? 'passed' : 'FAILED'} · e2e: ${e2e === 0 ? 'passed' : 'FAILED'} · ${minutes} min in all`);
process.exit(e2e || rest);
