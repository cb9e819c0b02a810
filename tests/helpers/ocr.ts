// Tesseract (Debian's tesseract-ocr with chi_sim) as the judge of legibility, in tests and the
// benchmark only. Accuracy is 1 − CER: the character edit distance between what it read and
// the page's text, both without whitespace, over the text's length.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function ocr(image: Buffer, ext = 'png'): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-ocr-'));
  const file = path.join(dir, `page.${ext}`);
  fs.writeFileSync(file, image);
  try {
    // One thread: the machine is shared; a page takes seconds either way.
    const { stdout } = await run('tesseract', [file, 'stdout', '-l', 'chi_sim', '--psm', '6'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 << 20 });
    return stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length];
}

/** 1 − CER of `read` against `truth`, whitespace ignored. */
export function accuracy(read: string, truth: string): number {
  const r = read.replace(/\s+/g, '');
  return Math.max(0, 1 - editDistance(r, truth) / [...truth].length);
}
