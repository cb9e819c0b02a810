// Local archive: a PDF copy of every printed notice, in one folder per case. Written to a
// temporary file, fsync'd and renamed, so a crash never leaves a half-written PDF that looks
// like a real copy. An earlier copy is never overwritten (reprints get -2, -3 …).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { NoticeKind } from '../../shared/notice/model';

export interface ArchiveInput {
  /** Folder of this case (given by the case store); created if missing. */
  caseDir: string;
  /** The notice kind, or another document printed at the window (e.g. 'handover'). */
  kind: NoticeKind | 'handover' | 'ratingForm';
  /** ISO time of printing; becomes part of the file name. */
  printedAt: string;
  pdf: Uint8Array;
}

export function archiveBaseName(kind: NoticeKind | 'handover' | 'ratingForm', printedAt: string): string {
  const stamp = printedAt.replace(/\.\d+/, '').replace(/[^0-9]/g, '').slice(0, 14);
  return `${kind}-${stamp}`;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

/** Returns the path of the archived PDF. */
export async function archiveNoticePdf(input: ArchiveInput): Promise<string> {
  await fs.mkdir(input.caseDir, { recursive: true });
  const base = archiveBaseName(input.kind, input.printedAt);
  const tmp = path.join(input.caseDir, `.${base}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx');
  try {
    await handle.writeFile(input.pdf);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    let target = path.join(input.caseDir, `${base}.pdf`);
    for (let n = 2; await exists(target); n++) target = path.join(input.caseDir, `${base}-${n}.pdf`);
    await fs.rename(tmp, target);
    await syncDir(input.caseDir);
    return target;
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Makes the rename itself durable (no-op where directories cannot be opened, e.g. Windows). */
async function syncDir(dir: string): Promise<void> {
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(dir, 'r');
    await h.sync();
  } catch {
    // Directory fsync is not supported on every platform; the file itself is already synced.
  } finally {
    await h?.close();
  }
}
