// Turns a captured or imported image into the page the window stores: rotated, cropped, the
// paper levelled to white against its own lighting (the sensor's noise and a lamp's gradient
// are what cost bytes), then per material:
// - grey: 2000 px on the long side (171 dpi), three tones (ink, the strokes' edges, paper);
// - colour: the same, and what has colour in one red (a seal) or one blue (a stamp);
// in lossless WebP — the idea of a bilevel fax page, ~30–40 KB. A page that does not reduce to
// a few tones (a photo) is kept whole in lossy WebP at 1500 px instead.
// JPEG where the engine cannot encode WebP. Runs in the renderer on a canvas, in Electron and in
// Chromium alike; tests/integration/legibility.test.ts runs this very module and OCRs its output.
import type { ColourMode } from '../../../shared/scans/page';

export type Rotation = 0 | 90 | 180 | 270;
/** Fractions of the (rotated) image: 0–1. */
export interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface PageEdit {
  rotation: Rotation;
  crop: Crop | null;
}
export const NO_EDIT: PageEdit = { rotation: 0, crop: null };

/** Longer side of a toned page: 171 dpi on A4, where 10.5 pt text is 24 px high. */
export const TONE_LONG_SIDE = 2000;
/** Longer side of a lossy page (photos): 128 dpi on A4 (18 px text). */
export const LOSSY_LONG_SIDE = 1500;
/** Bytes a page should stay under (issue: median ≤ 40 KB per A4 page). */
export const TARGET_PAGE_BYTES = 40 * 1024;
/** A three-tone page bigger than this is not a text page (a photo in grey): lossy suits it better. */
const LOSSLESS_LIMIT = 72 * 1024;
/** Lossy encodings tried in order until one is under the target: quality, then a smaller page. */
const LOSSY_ATTEMPTS: ReadonlyArray<{ quality: number; longSide: number }> = [
  { quality: 0.45, longSide: LOSSY_LONG_SIDE },
  { quality: 0.35, longSide: LOSSY_LONG_SIDE },
  { quality: 0.25, longSide: LOSSY_LONG_SIDE },
  { quality: 0.3, longSide: 1360 },
];

export interface CompressedPage {
  blob: Blob;
  width: number;
  height: number;
  contentType: string;
}

type Source = CanvasImageSource & { width?: number; height?: number; videoWidth?: number; videoHeight?: number };
const sizeOf = (s: Source): { w: number; h: number } => ({ w: (s.videoWidth || s.width || 0) as number, h: (s.videoHeight || s.height || 0) as number });

function canvas(w: number, h: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
}

/** The source rotated and cropped, at most `longSide` pixels on its longer side. */
export function drawPage(source: Source, edit: PageEdit, longSide: number): HTMLCanvasElement {
  const { w: sw, h: sh } = sizeOf(source);
  if (!sw || !sh) throw new Error('图像为空，无法生成扫描页');
  const turned = edit.rotation === 90 || edit.rotation === 270;
  // The rotated full frame, then the crop inside it.
  const rw = turned ? sh : sw;
  const rh = turned ? sw : sh;
  const crop = edit.crop ?? { x: 0, y: 0, w: 1, h: 1 };
  const cx = Math.round(crop.x * rw);
  const cy = Math.round(crop.y * rh);
  const cw = Math.max(1, Math.round(crop.w * rw));
  const ch = Math.max(1, Math.round(crop.h * rh));
  const scale = Math.min(1, longSide / Math.max(cw, ch));
  const out = canvas(Math.max(1, Math.round(cw * scale)), Math.max(1, Math.round(ch * scale)));
  const g = out.getContext('2d', { willReadFrequently: true })!;
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'high';
  g.fillStyle = '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.scale(scale, scale);
  g.translate(-cx, -cy);
  if (edit.rotation === 90) {
    g.translate(rw, 0);
    g.rotate(Math.PI / 2);
  } else if (edit.rotation === 180) {
    g.translate(rw, rh);
    g.rotate(Math.PI);
  } else if (edit.rotation === 270) {
    g.translate(0, rh);
    g.rotate(-Math.PI / 2);
  }
  g.drawImage(source, 0, 0, sw, sh);
  return out;
}

const BLOCK = 48;

/**
 * The paper's brightness around each pixel: the 90th percentile of luminance per 48-px block
 * (ink never covers most of a block), smoothed between block centres. A page lit unevenly by
 * a document camera's lamp then levels to white everywhere, not only where the light was best.
 */
function paperLevels(lum: Uint8Array, w: number, h: number): Float32Array {
  const bw = Math.ceil(w / BLOCK);
  const bh = Math.ceil(h / BLOCK);
  const blocks = new Float32Array(bw * bh);
  const hist = new Uint32Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      let n = 0;
      for (let y = by * BLOCK; y < Math.min(h, (by + 1) * BLOCK); y += 2) {
        for (let x = bx * BLOCK; x < Math.min(w, (bx + 1) * BLOCK); x += 2) {
          hist[lum[y * w + x]]++;
          n++;
        }
      }
      let acc = 0;
      let v = 255;
      for (let i = 0; i < 256; i++) if ((acc += hist[i]) >= 0.9 * n) { v = i; break; }
      blocks[by * bw + bx] = v;
    }
  }
  // A block all ink (a photo, a black bar) has no paper: take the brighter of it and its neighbours.
  const paper = new Float32Array(blocks.length);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const x = bx + dx;
        const y = by + dy;
        if (x >= 0 && y >= 0 && x < bw && y < bh) m = Math.max(m, blocks[y * bw + x]);
      }
      paper[by * bw + bx] = Math.max(48, m);
    }
  }
  return bilinear(paper, bw, bh, w, h);
}

function bilinear(b: Float32Array, bw: number, bh: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / BLOCK - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / BLOCK - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(bw - 1, x0 + 1);
      const tx = fx - x0;
      const top = b[y0 * bw + x0] * (1 - tx) + b[y0 * bw + x1] * tx;
      const bottom = b[y1 * bw + x0] * (1 - tx) + b[y1 * bw + x1] * tx;
      out[y * w + x] = top * (1 - ty) + bottom * ty;
    }
  }
  return out;
}

/**
 * Levels the page in place: each pixel over the paper around it, so paper becomes white and
 * ink stays dark. With `tones` the page is reduced to a few: ink, edge and paper for what is
 * grey, and for colour (a red seal, a stamp's blue) one shade of red or blue, which lossless
 * WebP packs like a fax page. Without, colour keeps every hue (a photo, for lossy encoding).
 */
export function levelPage(c: HTMLCanvasElement, colour: ColourMode, tones = true): void {
  const g = c.getContext('2d', { willReadFrequently: true })!;
  const img = g.getImageData(0, 0, c.width, c.height);
  const d = img.data;
  const n = c.width * c.height;
  const lum = new Uint8Array(n);
  for (let i = 0, p = 0; p < n; i += 4, p++) lum[p] = (d[i] * 77 + d[i + 1] * 150 + d[i + 2] * 29) >> 8;
  const paper = paperLevels(lum, c.width, c.height);
  // Just below the paper counts as paper (its grain); ink is stretched to black.
  const WHITE = 0.9;
  const tone = (v: number) => (v < 80 ? 0 : v < 200 ? 128 : 255);
  for (let i = 0, p = 0; p < n; i += 4, p++) {
    const k = 255 / (paper[p] * WHITE);
    const r = Math.min(255, d[i] * k);
    const gr = Math.min(255, d[i + 1] * k);
    const b = Math.min(255, d[i + 2] * k);
    if (colour === 'grey' || (tones && Math.max(r, gr, b) - Math.min(r, gr, b) < 64)) {
      const v = tones ? tone(lum[p] * k) : Math.min(255, lum[p] * k);
      d[i] = d[i + 1] = d[i + 2] = v;
    } else if (tones) {
      // A seal's red or a stamp's blue, one shade each: with the three greys a page of at most
      // four colours packs four pixels a byte in lossless WebP (a fifth doubles the size).
      const red = r >= b;
      d[i] = red ? 255 : 0;
      d[i + 1] = 0;
      d[i + 2] = red ? 0 : 255;
    } else {
      d[i] = r;
      d[i + 1] = gr;
      d[i + 2] = b;
    }
    d[i + 3] = 255;
  }
  g.putImageData(img, 0, 0);
}

const toBlob = (c: HTMLCanvasElement, type: string, q: number) =>
  new Promise<Blob>((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('图像编码失败'))), type, q));

async function lossy(c: HTMLCanvasElement): Promise<CompressedPage> {
  let out: CompressedPage | null = null;
  for (const a of LOSSY_ATTEMPTS) {
    const src = Math.max(c.width, c.height) > a.longSide ? drawPage(c, NO_EDIT, a.longSide) : c;
    let b = await toBlob(src, 'image/webp', a.quality);
    if (b.type !== 'image/webp') b = await toBlob(src, 'image/jpeg', a.quality + 0.25); // no WebP encoder: JPEG needs a higher setting for the same text
    out = { blob: b, width: src.width, height: src.height, contentType: b.type };
    if (b.size <= TARGET_PAGE_BYTES) break;
  }
  return out!;
}

/** Rotated, cropped, levelled and encoded: the page as the window stores it. */
export async function compressPage(source: Source, edit: PageEdit, colour: ColourMode): Promise<CompressedPage> {
  const c = drawPage(source, edit, TONE_LONG_SIDE);
  levelPage(c, colour, true);
  // Quality 1 is WebP's lossless mode: a few tones pack like a fax page.
  const b = await toBlob(c, 'image/webp', 1);
  if (b.type === 'image/webp' && b.size <= LOSSLESS_LIMIT) return { blob: b, width: c.width, height: c.height, contentType: b.type };
  // Not a document page (a photo, a textured certificate): every tone, lossy.
  const full = drawPage(source, edit, LOSSY_LONG_SIDE);
  levelPage(full, colour, false);
  return lossy(full);
}

export async function blobToBase64(b: Blob): Promise<string> {
  const bytes = new Uint8Array(await b.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
