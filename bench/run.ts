// `npm run bench [-- <part> …]`: runs every bench/<part>.bench.ts (or the named parts) and
// writes each part's section into docs/benchmarks.md between its own markers, so running one
// part keeps the others' last results. Each module exports `run(): Promise<BenchSection>`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection } from './section';

const here = path.dirname(fileURLToPath(import.meta.url));
const docFile = path.join(here, '..', 'docs', 'benchmarks.md');
const HEADER = `# Benchmarks

Produced by \`npm run bench\` (all parts) or \`npm run bench -- <part>\` (one part; the others
keep their last results). Each section says the machine it ran on. Absolute times depend on
the machine; compare the ratios measured within one run.
`;

function machine(): string {
  const cpus = os.cpus();
  return `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPU(s) (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, load average ${os.loadavg()[0].toFixed(1)} at start, ${new Date().toISOString()}`;
}

function render(part: string, s: BenchSection): string {
  // BENCH_NOTE: how this run differed from a plain one (e.g. raised priority on a busy machine).
  const note = process.env.BENCH_NOTE ? `  \nRun note: ${process.env.BENCH_NOTE}` : '';
  const lines = [`## ${s.title}`, '', `Command: \`npm run bench -- ${part}\` (part of \`npm run bench\`)  `, `Machine: ${machine()}${note}`, ''];
  for (const p of s.summary) lines.push(p, '');
  for (const t of s.tables) {
    if (t.caption) lines.push(`**${t.caption}**`, '');
    lines.push(`| ${t.headers.join(' | ')} |`, `|${t.headers.map(() => '---').join('|')}|`);
    for (const r of t.rows) lines.push(`| ${r.join(' | ')} |`);
    lines.push('');
  }
  for (const n of s.notes ?? []) lines.push(`- ${n}`);
  return lines.join('\n').trimEnd() + '\n';
}

function upsert(doc: string, id: string, body: string): string {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${body}${end}`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) return doc.slice(0, a) + block + doc.slice(b + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const parts = fs
    .readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .filter((p) => wanted.length === 0 || wanted.includes(p))
    .sort();
  if (parts.length === 0) throw new Error(`no benchmark part matches ${wanted.join(', ')}`);
  let doc = fs.existsSync(docFile) ? fs.readFileSync(docFile, 'utf8') : HEADER;
  for (const part of parts) {
    const mod = (await import(pathToFileURL(path.join(here, `${part}.bench.ts`)).href)) as { run(): Promise<BenchSection> };
    console.log(`▶ ${part}`);
    const t0 = performance.now();
    const section = await mod.run();
    console.log(`✔ ${part} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    doc = upsert(doc, section.id, render(part, section));
    fs.mkdirSync(path.dirname(docFile), { recursive: true });
    fs.writeFileSync(docFile, doc);
  }
  console.log(`wrote ${path.relative(process.cwd(), docFile)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
