// Cases with scanned pages on a test window, through the real handlers (pages.add for a draft,
// then the decision): what the page sync tests and the scan benchmark upload.
import crypto from 'node:crypto';
import type { Workstation } from '../../electron/services/workstation';
import { ACCEPT } from './syncWorld';
import { noisyPng } from './images';
import { addPage } from '../../electron/services/pages';
import { decide } from '../../electron/services/intake';

let seed = 1;

/** Accepts a case with `pages` scanned pages of about `bytes` each (two materials); returns its id and the pages' bytes. */
export function acceptWithPages(ws: Workstation, pages: number, bytes = 30_000): { caseId: string; pages: Buffer[] } {
  const draftId = crypto.randomUUID();
  const data: Buffer[] = [];
  for (let i = 0; i < pages; i++) {
    const b = noisyPng(bytes, seed++ * 7919 + process.pid);
    data.push(b);
    addPage(ws, { draftId, materialId: i % 2 ? 'form' : 'id', colour: 'grey', dataBase64: b.toString('base64') });
  }
  const { caseId } = decide(ws, { ...ACCEPT(ws.now().toISOString()), draftId });
  return { caseId, pages: data };
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
