// @font-face CSS for printed notices from the bundled @fontsource packages, so a notice looks
// the same on Windows, UOS and Kylin whatever fonts the PC has. The fonts come in ~100 small
// unicode-range slices per weight; we keep only the slices that cover the notice's text and
// embed them as data: URLs (pages loaded with setContent/about:blank may not read file://).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type FontFamily = 'serif' | 'sans';
const PACKAGE: Record<FontFamily, string> = { serif: '@fontsource/noto-serif-sc', sans: '@fontsource/noto-sans-sc' };

interface FontFace {
  family: string;
  weight: number;
  file: string;
  ranges: Array<[number, number]>;
  /** The original `unicode-range` value, kept so Chromium still picks the right slice. */
  rangeCss: string;
}

const facesCache = new Map<string, FontFace[]>();
const dataCache = new Map<string, string>();

function packageDir(pkg: string): string {
  // Resolve from this module (bundled main or tsx), falling back to the working directory.
  const bases = [typeof __filename === 'string' ? __filename : import.meta.url, path.join(process.cwd(), 'index.js')];
  for (const base of bases) {
    try {
      return path.dirname(createRequire(base).resolve(`${pkg}/package.json`));
    } catch {
      // try the next base
    }
  }
  throw new Error(`字体包 ${pkg} 未安装，无法生成通知书字体`);
}

function parseRanges(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    if (lo.includes('?')) return [parseInt(lo.replace(/\?/g, '0'), 16), parseInt(lo.replace(/\?/g, 'f'), 16)];
    return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
  });
}

/** Parses one fontsource weight file (e.g. 400.css) into faces with absolute woff2 paths. */
function faces(family: FontFamily, weight: number): FontFace[] {
  const key = `${family}-${weight}`;
  const hit = facesCache.get(key);
  if (hit) return hit;
  const dir = packageDir(PACKAGE[family]);
  const css = readFileSync(path.join(dir, `${weight}.css`), 'utf8');
  const list: FontFace[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1];
    const name = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const file = /url\(([^)]+\.woff2)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!name || !file || !range) continue;
    list.push({ family: name, weight, file: path.join(dir, file), ranges: parseRanges(range), rangeCss: range.trim() });
  }
  facesCache.set(key, list);
  return list;
}

function covers(face: FontFace, codePoints: ReadonlySet<number>): boolean {
  for (const cp of codePoints) for (const [lo, hi] of face.ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

function dataUrl(file: string): string {
  let url = dataCache.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    dataCache.set(file, url);
  }
  return url;
}

export interface FontRequest {
  family: FontFamily;
  weight: number;
  /** Text shown in this family and weight: only slices covering it are included. Omit for all. */
  text?: string;
}

/**
 * @font-face rules for the requested family/weight/text combinations. 'data' embeds the font
 * bytes (self-contained HTML, works from about:blank); 'file' links file:// URLs, which only
 * a page loaded from file:// may read.
 */
export function buildFontCss(requests: FontRequest[], embed: 'data' | 'file' = 'data'): string {
  const out: string[] = [];
  for (const { family, weight, text } of requests) {
    const codePoints = text === undefined ? null : new Set([...text].map((ch) => ch.codePointAt(0)!));
    for (const face of faces(family, weight)) {
      if (codePoints && !covers(face, codePoints)) continue;
      const src = embed === 'data' ? dataUrl(face.file) : `file://${face.file.split(path.sep).join('/')}`;
      out.push(
        `@font-face{font-family:'${face.family}';font-style:normal;font-display:block;font-weight:${weight};src:url(${src}) format('woff2');unicode-range:${face.rangeCss};}`,
      );
    }
  }
  return out.join('\n');
}
