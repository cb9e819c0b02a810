// Files the clerk imports (JPG, PNG, PDF; picked or dropped) as drawable images, one per page.
// PDF pages are rendered by pdf.js at the resolution a stored page needs.
import { TONE_LONG_SIDE } from './compress';

export const ACCEPTED_FILES = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

export type PageImage = { image: CanvasImageSource & { width: number; height: number }; label: string };

const isPdf = (f: File) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);
const isImage = (f: File) => /^image\/(jpeg|png)$/.test(f.type) || /\.(jpe?g|png)$/i.test(f.name);

export class UnsupportedFile extends Error {}

/** Every page of the files, in order; refuses a file that is neither an image nor a PDF. */
export async function* filePages(files: readonly File[]): AsyncGenerator<PageImage> {
  for (const f of files) {
    if (isPdf(f)) yield* pdfPages(f);
    else if (isImage(f)) yield { image: await createImageBitmap(f), label: f.name };
    else throw new UnsupportedFile(`「${f.name}」不是 JPG、PNG 或 PDF 文件，未导入`);
  }
}

async function* pdfPages(f: File): AsyncGenerator<PageImage> {
  const pdfjs = await import('pdfjs-dist');
  if (!pdfjs.GlobalWorkerOptions.workerSrc) {
    pdfjs.GlobalWorkerOptions.workerSrc = (await import('pdfjs-dist/build/pdf.worker.min.mjs?url')).default;
  }
  const task = pdfjs.getDocument({ data: new Uint8Array(await f.arrayBuffer()) });
  const doc = await task.promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const unit = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: TONE_LONG_SIDE / Math.max(unit.width, unit.height) });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, canvasContext: ctx, viewport }).promise;
      yield { image: canvas, label: `${f.name} 第 ${n} 页` };
    }
  } finally {
    await task.destroy();
  }
}
