// Finding the document on a 高拍仪 frame and straightening it: a light sheet on a darker desk.
// Pure (image buffers in, numbers and buffers out), so the renderer runs it on a canvas's pixels
// and the unit tests on generated frames. It refuses — the page stays as taken — whenever the
// frame does not clearly show one whole four-sided sheet: too little contrast, a sheet that
// fills or leaves the frame (an imported scan, a page cut off), an edge that is not straight.
//
// Steps: a small working copy (box-averaged, ≤ WORK px), Otsu's threshold, the largest light
// component, its outline (the extreme pixels of each row and column), the convex hull reduced
// to four vertices, then each side refitted as a line through the outline points along it
// (least squares), the corners being where adjacent sides meet. A homography maps the quad to
// an upright rectangle (perspective correction, rotation included).

export interface Point {
  x: number;
  y: number;
}
/** Corners in the full image's pixel coordinates: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/** One byte of luminance per pixel. */
export interface GreyImage {
  width: number;
  height: number;
  data: ArrayLike<number>;
}
/** Four bytes (RGBA) per pixel, as a canvas's ImageData holds them. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

export type SheetResult = { ok: true; corners: Quad; /** Tilt of the top edge, degrees. */ angle: number } | { ok: false; reason: string };

/** Long side of the working copy: 1 px of it is about 4 px of a 2000-px page. */
const WORK = 500;
/** Desk and paper must differ by this much (0–255) for an edge to be trusted. */
const MIN_CONTRAST = 40;
/** The sheet covers at least this share of the frame. */
const MIN_AREA = 0.08;
/** Outline points more than this (working px, RMS) off a fitted side: the edge is not straight. */
const MAX_EDGE_RMS = 1.25;

/** Luminance of an RGBA buffer (the weights compress.ts uses). */
export function luminance(img: RgbaImage): GreyImage {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, p = 0; p < n; i += 4, p++) out[p] = (d[i] * 77 + d[i + 1] * 150 + d[i + 2] * 29) >> 8;
  return { width: img.width, height: img.height, data: out };
}

function downscale(img: GreyImage): { w: number; h: number; lum: Uint8Array; k: number } {
  const k = Math.max(1, Math.ceil(Math.max(img.width, img.height) / WORK));
  const w = Math.floor(img.width / k);
  const h = Math.floor(img.height / k);
  const lum = new Uint8Array(w * h);
  const src = img.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < k; dy++) {
        const row = (y * k + dy) * img.width + x * k;
        for (let dx = 0; dx < k; dx++) s += src[row + dx];
      }
      lum[y * w + x] = s / (k * k);
    }
  }
  return { w, h, lum, k };
}

function otsu(lum: Uint8Array): { t: number; dark: number; light: number } {
  const hist = new Float64Array(256);
  for (const v of lum) hist[v]++;
  const n = lum.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let wB = 0;
  let sumB = 0;
  let best = -1;
  let t = 128;
  for (let i = 0; i < 256; i++) {
    wB += hist[i];
    if (!wB || wB === n) continue;
    sumB += i * hist[i];
    const mB = sumB / wB;
    const mF = (sum - sumB) / (n - wB);
    const between = wB * (n - wB) * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      t = i;
    }
  }
  let d = 0, dn = 0, l = 0, ln = 0;
  for (let i = 0; i < 256; i++) {
    if (i <= t) (d += i * hist[i]), (dn += hist[i]);
    else (l += i * hist[i]), (ln += hist[i]);
  }
  return { t, dark: dn ? d / dn : 0, light: ln ? l / ln : 255 };
}

/** The largest 4-connected light component: its mask (1) and size. */
function largestComponent(light: Uint8Array, w: number, h: number): { mask: Uint8Array; size: number } {
  const label = new Int32Array(w * h);
  const queue = new Int32Array(w * h);
  let bestLabel = 0;
  let bestSize = 0;
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (!light[start] || label[start]) continue;
    next++;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    label[start] = next;
    while (head < tail) {
      const p = queue[head++];
      const x = p % w;
      const y = (p - x) / w;
      if (x > 0 && light[p - 1] && !label[p - 1]) (label[p - 1] = next), (queue[tail++] = p - 1);
      if (x < w - 1 && light[p + 1] && !label[p + 1]) (label[p + 1] = next), (queue[tail++] = p + 1);
      if (y > 0 && light[p - w] && !label[p - w]) (label[p - w] = next), (queue[tail++] = p - w);
      if (y < h - 1 && light[p + w] && !label[p + w]) (label[p + w] = next), (queue[tail++] = p + w);
    }
    if (tail > bestSize) (bestSize = tail), (bestLabel = next);
  }
  const mask = new Uint8Array(w * h);
  for (let p = 0; p < w * h; p++) mask[p] = label[p] === bestLabel ? 1 : 0;
  return { mask, size: bestSize };
}

/** The component's outline in pixel-edge coordinates: first and last pixel of each row and column. */
function outline(mask: Uint8Array, w: number, h: number): Point[] {
  const pts: Point[] = [];
  for (let y = 0; y < h; y++) {
    let a = -1, b = -1;
    for (let x = 0; x < w; x++) if (mask[y * w + x]) (a < 0 ? (a = x) : 0), (b = x);
    if (a >= 0) pts.push({ x: a, y: y + 0.5 }, { x: b + 1, y: y + 0.5 });
  }
  for (let x = 0; x < w; x++) {
    let a = -1, b = -1;
    for (let y = 0; y < h; y++) if (mask[y * w + x]) (a < 0 ? (a = y) : 0), (b = y);
    if (a >= 0) pts.push({ x: x + 0.5, y: a }, { x: x + 0.5, y: b + 1 });
  }
  return pts;
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

function convexHull(points: Point[]): Point[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p[i]) <= 0) upper.pop();
    upper.push(p[i]);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

export function polygonArea(p: readonly Point[]): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const q = p[(i + 1) % p.length];
    a += p[i].x * q.y - q.x * p[i].y;
  }
  return Math.abs(a) / 2;
}

/** Drops the vertex that loses the least area until four are left (Visvalingam). */
function reduceToFour(hull: Point[]): Point[] {
  const p = [...hull];
  while (p.length > 4) {
    let k = 0;
    let least = Infinity;
    for (let i = 0; i < p.length; i++) {
      const a = Math.abs(cross(p[(i + p.length - 1) % p.length], p[i], p[(i + 1) % p.length]));
      if (a < least) (least = a), (k = i);
    }
    p.splice(k, 1);
  }
  return p;
}

interface Line {
  /** A point on the line and its unit direction. */
  px: number;
  py: number;
  dx: number;
  dy: number;
  rms: number;
  n: number;
}

/** Total least squares through points: a point on the line, its direction, the RMS distance. */
function fitLine(near: readonly Point[]): Line | null {
  if (near.length < 8) return null;
  let mx = 0, my = 0;
  for (const q of near) (mx += q.x), (my += q.y);
  mx /= near.length;
  my /= near.length;
  let sxx = 0, sxy = 0, syy = 0;
  for (const q of near) {
    sxx += (q.x - mx) ** 2;
    sxy += (q.x - mx) * (q.y - my);
    syy += (q.y - my) ** 2;
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const dx = Math.cos(theta);
  const dy = Math.sin(theta);
  let ss = 0;
  for (const q of near) ss += ((q.x - mx) * dy - (q.y - my) * dx) ** 2;
  return { px: mx, py: my, dx, dy, rms: Math.sqrt(ss / near.length), n: near.length };
}

/** Outline points within `d` of the line through (px,py) along (ux,uy), between t0 and t1 along it. */
function pointsNear(points: readonly Point[], px: number, py: number, ux: number, uy: number, d: number, t0: number, t1: number): Point[] {
  return points.filter((q) => {
    const t = (q.x - px) * ux + (q.y - py) * uy;
    return t > t0 && t < t1 && Math.abs((q.x - px) * uy - (q.y - py) * ux) <= d;
  });
}

/**
 * The side a→b as a line: the outline points along its middle 80 % (loosely: the rough corners
 * of the four-vertex hull may sit a few pixels off), fitted, then refitted on the points close
 * to that first fit, so the sheet's straight edge decides and not the rounded corners.
 */
function fitSide(points: readonly Point[], a: Point, b: Point): Line | null {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len < 8) return null;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const first = fitLine(pointsNear(points, a.x, a.y, ux, uy, 6, 0.1 * len, 0.9 * len));
  if (!first) return null;
  const t0 = (a.x - first.px) * first.dx + (a.y - first.py) * first.dy;
  const t1 = (b.x - first.px) * first.dx + (b.y - first.py) * first.dy;
  const [lo, hi] = t0 < t1 ? [t0, t1] : [t1, t0];
  return fitLine(pointsNear(points, first.px, first.py, first.dx, first.dy, 2, lo + 0.1 * len, hi - 0.1 * len));
}

function intersect(l: Line, m: Line): Point | null {
  const den = l.dx * m.dy - l.dy * m.dx;
  if (Math.abs(den) < 1e-6) return null;
  const t = ((m.px - l.px) * m.dy - (m.py - l.py) * m.dx) / den;
  return { x: l.px + t * l.dx, y: l.py + t * l.dy };
}

/** Orders four points top-left, top-right, bottom-right, bottom-left (clockwise on screen). */
function order(p: Point[]): Quad {
  const cx = p.reduce((s, q) => s + q.x, 0) / 4;
  const cy = p.reduce((s, q) => s + q.y, 0) / 4;
  const cw = [...p].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  let first = 0;
  for (let i = 1; i < 4; i++) if (cw[i].x + cw[i].y < cw[first].x + cw[first].y) first = i;
  return [0, 1, 2, 3].map((i) => cw[(first + i) % 4]) as Quad;
}

function angleAt(a: Point, b: Point, c: Point): number {
  const v1 = Math.atan2(a.y - b.y, a.x - b.x);
  const v2 = Math.atan2(c.y - b.y, c.x - b.x);
  let d = Math.abs(v1 - v2) * (180 / Math.PI);
  if (d > 180) d = 360 - d;
  return d;
}

const no = (reason: string): SheetResult => ({ ok: false, reason });

/** The sheet's four corners, or why they cannot be trusted. */
export function findSheet(img: GreyImage): SheetResult {
  if (img.width < 32 || img.height < 32) return no('图像太小');
  const { w, h, lum, k } = downscale(img);
  const { t, dark, light } = otsu(lum);
  if (light - dark < MIN_CONTRAST) return no('纸张与背景对比不足');
  const bright = new Uint8Array(w * h);
  for (let p = 0; p < w * h; p++) bright[p] = lum[p] > t ? 1 : 0;
  const { mask, size } = largestComponent(bright, w, h);
  if (size < MIN_AREA * w * h) return no('未找到完整的纸张');
  // A sheet running into the frame's edge is cut off (or the frame is all paper: a flat scan).
  let onBorder = 0;
  for (let x = 0; x < w; x++) onBorder += mask[x] + mask[(h - 1) * w + x];
  for (let y = 1; y < h - 1; y++) onBorder += mask[y * w] + mask[y * w + w - 1];
  if (onBorder > 0.01 * 2 * (w + h)) return no('纸张超出画面或与画面等大');
  const pts = outline(mask, w, h);
  const hull = convexHull(pts);
  if (hull.length < 4) return no('未找到完整的纸张');
  const rough = order(reduceToFour(hull));
  const sides = rough.map((a, i) => fitSide(pts, a, rough[(i + 1) % 4]));
  if (sides.some((s) => !s)) return no('纸张边缘不清晰');
  const lines = sides as Line[];
  if (lines.some((l) => l.rms > MAX_EDGE_RMS)) return no('纸张边缘不是直线（卷曲或被遮挡）');
  const refined: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const c = intersect(lines[(i + 3) % 4], lines[i]);
    if (!c || c.x < -1 || c.y < -1 || c.x > w + 1 || c.y > h + 1) return no('纸张角点超出画面');
    refined.push(c);
  }
  const quad = order(refined);
  for (let i = 0; i < 4; i++) {
    const a = angleAt(quad[(i + 3) % 4], quad[i], quad[(i + 1) % 4]);
    if (a < 60 || a > 120) return no('纸张形状不像一页文件');
  }
  const qa = polygonArea(quad);
  const ha = polygonArea(hull);
  if (qa < MIN_AREA * w * h || Math.abs(ha / qa - 1) > 0.03) return no('纸张不是四边形');
  // Text and pictures are dark but enclosed; a light patch that fills little of its quad is not paper.
  if (size / qa < 0.55) return no('纸张区域不完整');
  const corners = quad.map((q) => ({ x: q.x * k, y: q.y * k })) as Quad;
  const angle = (Math.atan2(corners[1].y - corners[0].y, corners[1].x - corners[0].x) * 180) / Math.PI;
  return { ok: true, corners, angle };
}

/** Whether straightening changes anything worth a new page: a tilt, a perspective, a desk around it. */
export function worthStraightening(corners: Quad, width: number, height: number): boolean {
  const { w, h } = straightSize(corners);
  const tilt = Math.abs(Math.atan2(corners[1].y - corners[0].y, corners[1].x - corners[0].x)) * (180 / Math.PI);
  return tilt > 0.3 || (w * h) / (width * height) < 0.97;
}

/** The upright page's size: the longer of each pair of opposite sides. */
export function straightSize(c: Quad): { w: number; h: number } {
  const d = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);
  return { w: Math.max(1, Math.round(Math.max(d(c[0], c[1]), d(c[3], c[2])))), h: Math.max(1, Math.round(Math.max(d(c[0], c[3]), d(c[1], c[2])))) };
}

/** The 3×3 homography (row-major, h33 = 1) taking the rectangle [0,w]×[0,h] onto the quad. */
export function homography(c: Quad, w: number, h: number): number[] {
  const src: Point[] = [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }, { x: 0, y: h }];
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x: u, y: v } = src[i];
    const { x, y } = c[i];
    A.push([u, v, 1, 0, 0, 0, -u * x, -v * x, x]);
    A.push([0, 0, 0, u, v, 1, -u * y, -v * y, y]);
  }
  // Gaussian elimination with partial pivoting on the 8×9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let piv = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(A[r][col]) > Math.abs(A[piv][col])) piv = r;
    [A[col], A[piv]] = [A[piv], A[col]];
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const f = A[r][col] / A[col][col];
      for (let k = col; k < 9; k++) A[r][k] -= f * A[col][k];
    }
  }
  return [...A.map((row, i) => row[8] / row[i]), 1];
}

/** The quad mapped onto an upright rectangle, bilinear sampling; white outside the source. */
export function straighten(img: RgbaImage, corners: Quad): RgbaImage {
  const { w, h } = straightSize(corners);
  const H = homography(corners, w, h);
  const out = new Uint8ClampedArray(w * h * 4);
  const { width: sw, height: sh, data: s } = img;
  for (let v = 0; v < h; v++) {
    const vy = v + 0.5;
    for (let u = 0; u < w; u++) {
      const ux = u + 0.5;
      const z = H[6] * ux + H[7] * vy + 1;
      const x = (H[0] * ux + H[1] * vy + H[2]) / z - 0.5;
      const y = (H[3] * ux + H[4] * vy + H[5]) / z - 0.5;
      const o = (v * w + u) * 4;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 < 0 || y0 < 0 || x0 >= sw - 1 || y0 >= sh - 1) {
        out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 255;
        continue;
      }
      const tx = x - x0;
      const ty = y - y0;
      const i00 = (y0 * sw + x0) * 4;
      const i10 = i00 + 4;
      const i01 = i00 + sw * 4;
      const i11 = i01 + 4;
      for (let ch = 0; ch < 3; ch++) {
        const top = s[i00 + ch] * (1 - tx) + s[i10 + ch] * tx;
        const bottom = s[i01 + ch] * (1 - tx) + s[i11 + ch] * tx;
        out[o + ch] = top * (1 - ty) + bottom * ty;
      }
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}
