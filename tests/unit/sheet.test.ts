// Finding the sheet on a 高拍仪 frame (shared/scans/sheet.ts) on generated frames: a light page
// with lines of dark "text" on a darker, noisy desk, rotated, offset and seen in perspective.
// The corners must be found within 0.6 % of the frame's long side, the straightened page must
// come out upright, and frames that do not show one whole straight-edged sheet are refused.
import { describe, expect, it } from 'vitest';
import { findSheet, homography, straighten, straightSize, worthStraightening, type GreyImage, type Point, type Quad } from '../../shared/scans/sheet';
import { seeded as rng } from '../helpers/seeded';


const W = 640;
const H = 480;

/** The page's own coordinates (0–1 each way) → the frame, through the quad's homography. */
function frame(corners: Quad, seed: number, opts: { desk?: number; paper?: number; text?: boolean } = {}): GreyImage {
  const r = rng(seed);
  const desk = opts.desk ?? 45;
  const paper = opts.paper ?? 215;
  // Inverse homography: frame pixel → page coordinates, by inverting the 3×3 matrix.
  const m = homography(corners, 1, 1);
  const [a, b, c, d, e, f, g, h] = m;
  const inv = [e - f * h, c * h - b, b * f - c * e, f * g - d, a - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d];
  const data = new Uint8Array(W * H);
  const S = 2; // 2×2 samples per pixel: anti-aliased edges, like a camera's
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let acc = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = x + (sx + 0.5) / S;
          const py = y + (sy + 0.5) / S;
          const z = inv[6] * px + inv[7] * py + inv[8];
          const u = (inv[0] * px + inv[1] * py + inv[2]) / z;
          const v = (inv[3] * px + inv[4] * py + inv[5]) / z;
          let val = desk;
          if (u >= 0 && u <= 1 && v >= 0 && v <= 1) {
            val = paper;
            // Lines of text: dark bars across the middle of the page, with gaps between words.
            if (opts.text !== false && u > 0.12 && u < 0.88 && v > 0.1 && v < 0.9 && (v * 40) % 1 < 0.35 && (u * 23) % 1 < 0.8) val = 40;
          }
          acc += val;
        }
      }
      data[y * W + x] = Math.max(0, Math.min(255, acc / (S * S) + (r() - 0.5) * 24));
    }
  }
  return { width: W, height: H, data };
}

/** A page of A4 proportions, turned by `deg` about its centre, moved, and its corners jittered (perspective). */
function pageQuad(r: () => number, deg: number, jitter: number): Quad {
  const hgt = 250 + r() * 80;
  const wid = hgt / Math.SQRT2;
  const cx = W / 2 + (r() - 0.5) * 120;
  const cy = H / 2 + (r() - 0.5) * 40;
  const t = (deg * Math.PI) / 180;
  const base: Point[] = [{ x: -wid / 2, y: -hgt / 2 }, { x: wid / 2, y: -hgt / 2 }, { x: wid / 2, y: hgt / 2 }, { x: -wid / 2, y: hgt / 2 }];
  return base.map((p) => ({
    x: cx + p.x * Math.cos(t) - p.y * Math.sin(t) + (r() - 0.5) * 2 * jitter,
    y: cy + p.x * Math.sin(t) + p.y * Math.cos(t) + (r() - 0.5) * 2 * jitter,
  })) as Quad;
}

const off = (a: Quad, b: Quad) => Math.max(...a.map((p, i) => Math.hypot(p.x - b[i].x, p.y - b[i].y)));
const TOLERANCE = 0.006 * Math.max(W, H); // ≈ 4 px here, 12 px on a 2000-px page

describe('findSheet', () => {
  it('finds the corners of rotated, offset and perspective pages (30 generated frames)', () => {
    const misses: string[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      const r = rng(seed * 101);
      const truth = pageQuad(r, (r() - 0.5) * 40, seed % 3 === 0 ? 0 : 18);
      const found = findSheet(frame(truth, seed));
      if (!found.ok) misses.push(`seed ${seed}: refused (${found.reason})`);
      else if (off(found.corners, truth) > TOLERANCE) misses.push(`seed ${seed}: off by ${off(found.corners, truth).toFixed(1)} px`);
    }
    expect(misses).toEqual([]);
  });

  it('reports the tilt and straightens the page upright at its own size', () => {
    const truth = pageQuad(rng(7), 8, 0);
    const img = frame(truth, 7);
    const found = findSheet(img);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.angle).toBeCloseTo(8, 0);
    expect(worthStraightening(found.corners, W, H)).toBe(true);
    const rgba = new Uint8ClampedArray(W * H * 4);
    for (let p = 0; p < W * H; p++) rgba.fill(img.data[p], p * 4, p * 4 + 3), (rgba[p * 4 + 3] = 255);
    const out = straighten({ width: W, height: H, data: rgba }, found.corners);
    const { w, h } = straightSize(truth);
    expect(Math.abs(out.width - w)).toBeLessThanOrEqual(3);
    expect(Math.abs(out.height - h)).toBeLessThanOrEqual(3);
    // Upright: the straightened page is paper to its edges (no desk in its corners), and the
    // text lines are horizontal: each row is either mostly paper or crossed by a text line.
    const at = (x: number, y: number) => out.data[(y * out.width + x) * 4];
    for (const [x, y] of [[3, 3], [out.width - 4, 3], [out.width - 4, out.height - 4], [3, out.height - 4]]) expect(at(x, y)).toBeGreaterThan(150);
    let mixed = 0;
    for (let y = Math.round(out.height * 0.15); y < out.height * 0.85; y++) {
      let dark = 0;
      for (let x = Math.round(out.width * 0.2); x < out.width * 0.8; x++) if (at(x, y) < 128) dark++;
      const share = dark / (out.width * 0.6);
      if (share > 0.1 && share < 0.45) mixed++;
    }
    expect(mixed / (out.height * 0.7)).toBeLessThan(0.2); // a tilted page would cross every row partly
  });

  it('refuses what is not one whole sheet on a darker desk: the page stays as taken', () => {
    const r = rng(3);
    const sheet = pageQuad(r, 5, 0);
    // No contrast: a blank white page on a white desk, and a printed one (its paper runs into the desk).
    expect(findSheet(frame(sheet, 1, { desk: 205, text: false }))).toMatchObject({ ok: false, reason: '纸张与背景对比不足' });
    expect(findSheet(frame(sheet, 1, { desk: 205 })).ok).toBe(false);
    // A flat scan (an imported file): all paper.
    const all: Quad = [{ x: -5, y: -5 }, { x: W + 5, y: -5 }, { x: W + 5, y: H + 5 }, { x: -5, y: H + 5 }];
    expect(findSheet(frame(all, 2)).ok).toBe(false);
    // A page running off the frame.
    const cut = sheet.map((p) => ({ x: p.x + 260, y: p.y })) as Quad;
    expect(findSheet(frame(cut, 3)).ok).toBe(false);
    // A light round thing (a plate, a face): no straight edges.
    const round = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) round[y * W + x] = Math.hypot(x - W / 2, (y - H / 2) * 1.2) < 180 ? 210 : 50;
    expect(findSheet({ width: W, height: H, data: round }).ok).toBe(false);
    // Nothing at all.
    expect(findSheet({ width: W, height: H, data: new Uint8Array(W * H).fill(128) }).ok).toBe(false);
  });
});
