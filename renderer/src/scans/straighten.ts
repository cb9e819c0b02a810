// 自动找边校正 at capture: the 高拍仪 frame's sheet found and straightened (shared/scans/sheet.ts)
// before the page is compressed; where the sheet cannot be found reliably the frame is kept as
// taken. The frame as taken is kept in memory for this window's session, so the clerk can undo
// the correction (恢复原图) on a page not yet saved with its case.
import { findSheet, luminance, straighten, worthStraightening } from '../../../shared/scans/sheet';

type Source = CanvasImageSource & { width?: number; height?: number; videoWidth?: number; videoHeight?: number };

/** Frames are analysed at up to this size: a 1080p camera frame whole, a 4K one halved. */
const MAX_SIDE = 3000;

function snapshot(source: Source): HTMLCanvasElement {
  const w0 = (source.videoWidth || source.width || 0) as number;
  const h0 = (source.videoHeight || source.height || 0) as number;
  if (!w0 || !h0) throw new Error('图像为空，无法生成扫描页');
  const scale = Math.min(1, MAX_SIDE / Math.max(w0, h0));
  const c = document.createElement('canvas');
  c.width = Math.round(w0 * scale);
  c.height = Math.round(h0 * scale);
  c.getContext('2d', { willReadFrequently: true })!.drawImage(source, 0, 0, c.width, c.height);
  return c;
}

export interface Straightened {
  /** The frame as taken (what 恢复原图 brings back). */
  original: HTMLCanvasElement;
  /** The upright sheet, or null when it was not found reliably (the page stays as taken). */
  page: HTMLCanvasElement | null;
  reason?: string;
}

export function straightenFrame(source: Source): Straightened {
  const original = snapshot(source);
  const g = original.getContext('2d', { willReadFrequently: true })!;
  const pixels = g.getImageData(0, 0, original.width, original.height);
  const found = findSheet(luminance(pixels));
  if (!found.ok) return { original, page: null, reason: found.reason };
  if (!worthStraightening(found.corners, original.width, original.height)) return { original, page: null, reason: '纸张已端正' };
  const out = straighten(pixels, found.corners);
  const c = document.createElement('canvas');
  c.width = out.width;
  c.height = out.height;
  c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(out.data), out.width, out.height), 0, 0);
  return { original, page: c };
}

// Frames as taken, by the id of the straightened page stored from them (this session only).
const originals = new Map<string, HTMLCanvasElement>();
const KEEP = 40;

export function rememberOriginal(pageId: string, original: HTMLCanvasElement): void {
  originals.set(pageId, original);
  while (originals.size > KEEP) originals.delete(originals.keys().next().value!);
}
export const originalOf = (pageId: string): HTMLCanvasElement | undefined => originals.get(pageId);
export const forgetOriginal = (pageId: string): void => void originals.delete(pageId);
