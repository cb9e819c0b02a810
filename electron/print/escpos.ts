// Raw ESC/POS for 80 mm thermal printers that have no Windows/CUPS driver: the notice is
// encoded as bytes (GB18030 text in Chinese mode, 48 columns of font A) and sent to port 9100.
//
// Column rule: in Chinese mode (FS &) every double-byte GB18030 character prints as one
// full-width glyph two columns wide; single-byte ASCII prints one column. So width = bytes.
// Characters the printer's built-in GBK font cannot print are normalised first:
//   ¥ (U+00A5) → ￥ (U+FFE5, A3 A4, 2 columns): GB18030 encodes U+00A5 as the 4-byte
//     sequence 81 30 84 36, which GBK-only printers print as two garbage characters;
//   any other character outside GBK (4 bytes in GB18030: emoji, rare CJK extension
//     characters) → '?', since no thermal font has it (the A4 notice still shows it);
//   control characters and tabs → space.
import iconv from 'iconv-lite';
import { noticeContent } from '../../shared/notice/content';
import { PRACTICE_MARK } from '../../shared/notice/model';
import type { NoticeModel } from '../../shared/notice/model';

export const COLUMNS = 48;

export const CMD = {
  init: [0x1b, 0x40], // ESC @
  chineseMode: [0x1c, 0x26], // FS &
  alignLeft: [0x1b, 0x61, 0x00], // ESC a 0
  alignCenter: [0x1b, 0x61, 0x01], // ESC a 1
  boldOn: [0x1b, 0x45, 0x01], // ESC E 1
  boldOff: [0x1b, 0x45, 0x00],
  sizeDouble: [0x1d, 0x21, 0x11], // GS ! : double width and height (applies to Kanji too)
  sizeNormal: [0x1d, 0x21, 0x00],
  reverseOn: [0x1d, 0x42, 0x01], // GS B 1: white on black
  reverseOff: [0x1d, 0x42, 0x00],
  /** GS V 66 0: feed to the cutter and partial cut. */
  cut: [0x1d, 0x56, 0x42, 0x00],
} as const;

export const feed = (lines: number): number[] => [0x1b, 0x64, Math.max(0, Math.min(255, lines))]; // ESC d n

/** Makes text printable by a GBK thermal font (see the header comment). */
export function normalizeForPrinter(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '¥') out += '￥';
    else if (ch === '\n') out += ch;
    else if (/[\u0000-\u001f\u007f\u00a0]/.test(ch)) out += ' ';
    else if (iconv.encode(ch, 'gb18030').length > 2) out += '?';
    else out += ch;
  }
  return out;
}

/** Columns a (normalised) character occupies: ASCII 1, every double-byte character 2. */
export function charColumns(ch: string): 1 | 2 {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x20 && cp <= 0x7e ? 1 : 2;
}

export function textColumns(s: string): number {
  let w = 0;
  for (const ch of s) w += charColumns(ch);
  return w;
}

/**
 * Wraps text into lines of at most `cols` columns. ASCII words (case numbers, tracking
 * numbers, phone numbers) are kept whole when they fit on a line; a two-column character
 * that would straddle the last column moves to the next line, leaving that line one short.
 */
export function wrapColumns(text: string, cols = COLUMNS): string[] {
  const lines: string[] = [];
  for (const paragraph of normalizeForPrinter(text).split('\n')) {
    const tokens = paragraph.match(/ +|[!-~]+|[^ !-~]/gu) ?? [];
    let cur = '';
    let w = 0;
    let continuation = false;
    const flush = () => {
      lines.push(cur.trimEnd());
      cur = '';
      w = 0;
      continuation = true;
    };
    for (const tok of tokens) {
      const tw = textColumns(tok);
      if (tok.startsWith(' ')) {
        if (w === 0 && continuation) continue; // no leading spaces on continuation lines
        if (w + tw >= cols) flush(); // spaces at a line end are dropped
        else {
          cur += tok;
          w += tw;
        }
        continue;
      }
      if (w + tw <= cols) {
        cur += tok;
        w += tw;
        continue;
      }
      if (tw <= cols && /^[!-~]+$/.test(tok)) {
        flush();
        cur = tok;
        w = tw;
        continue;
      }
      for (const ch of tok) {
        const cw = charColumns(ch);
        if (w + cw > cols) flush();
        cur += ch;
        w += cw;
      }
    }
    if (cur !== '' || tokens.length === 0) flush();
  }
  return lines;
}

export function encodeText(s: string): Buffer {
  return iconv.encode(normalizeForPrinter(s), 'gb18030');
}

/** QR code (model 2, error correction M) through GS ( k: select model, size, level, store, print. */
export function qrCommand(data: string, moduleSize = 6): Buffer {
  const bytes = iconv.encode(data, 'gb18030');
  const len = bytes.length + 3;
  return Buffer.concat([
    Buffer.from([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]), // fn 165: model 2
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize]), // fn 167: module size
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31]), // fn 169: level M
    Buffer.from([0x1d, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30]), // fn 180: store
    bytes,
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]), // fn 181: print
  ]);
}

/** Collects commands and text; `line` wraps at the current line width. */
export class EscPosBuilder {
  private parts: Buffer[] = [];
  private cols = COLUMNS;

  raw(bytes: readonly number[] | Buffer): this {
    this.parts.push(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
    return this;
  }
  init(): this {
    return this.raw(CMD.init).raw(CMD.chineseMode);
  }
  align(a: 'left' | 'center'): this {
    return this.raw(a === 'center' ? CMD.alignCenter : CMD.alignLeft);
  }
  bold(on: boolean): this {
    return this.raw(on ? CMD.boldOn : CMD.boldOff);
  }
  /** Double size halves the line width. */
  double(on: boolean): this {
    this.cols = on ? COLUMNS / 2 : COLUMNS;
    return this.raw(on ? CMD.sizeDouble : CMD.sizeNormal);
  }
  reverse(on: boolean): this {
    return this.raw(on ? CMD.reverseOn : CMD.reverseOff);
  }
  /** Text wrapped to the line width, each line ended with LF. */
  line(text = ''): this {
    for (const l of wrapColumns(text, this.cols)) this.raw(encodeText(l)).raw([0x0a]);
    return this;
  }
  rule(ch = '-'): this {
    return this.line(ch.repeat(this.cols));
  }
  qr(data: string, moduleSize = 6): this {
    return this.raw(qrCommand(data, moduleSize));
  }
  feed(lines: number): this {
    return this.raw(feed(lines));
  }
  cut(): this {
    return this.raw(CMD.cut);
  }
  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** '练习 · 无效' is exactly 12 columns: four copies fill one 48-column band. */
export const PRACTICE_BAND = PRACTICE_MARK.repeat(COLUMNS / textColumns(PRACTICE_MARK));

function practiceBand(b: EscPosBuilder): void {
  b.align('center').reverse(true).bold(true).line(PRACTICE_BAND).bold(false).reverse(false);
}

/** The thermal layout of a notice as ESC/POS bytes, ending with a cut. */
export function encodeNoticeEscPos(model: NoticeModel): Buffer {
  const c = noticeContent(model);
  const b = new EscPosBuilder().init();
  if (model.practice) practiceBand(b);
  b.align('center').line(model.office.name);
  b.bold(true).double(true).line(c.title).double(false).bold(false);
  b.line(`${c.numberLabel}：${c.number}`);
  if (c.number) b.qr(c.number).line();
  b.align('left').rule();
  b.line(c.salutation);
  for (const p of c.paragraphs) b.line(p);
  const sections = (placement: 'afterText' | 'end') => {
    for (const s of c.sections.filter((x) => x.placement === placement)) {
      b.rule().bold(true).line(s.heading).bold(false);
      for (const l of s.lines) b.line(l);
    }
  };
  sections('afterText');
  b.rule();
  for (const [k, v] of c.fields) b.line(`${k}：${v}`);
  for (const t of c.tables) {
    b.rule().bold(true).line(t.heading).bold(false);
    for (const r of t.rows) {
      b.line(t.columns[3] === '份数' ? `${r[0]}. ${r[1]}（${r[2]}）×${r[3]}份` : `${r[0]}. ${r[1]}【${r[2]}】${r[3]}`);
    }
  }
  sections('end');
  b.rule().line(`查询方式：${c.queryHint}`);
  if (c.signature) b.line().line(`${c.signature}________________`);
  b.line();
  for (const l of c.footer) b.line(l);
  b.line().align('center').line(`${c.sealName}（盖章）`).line(c.issuedDate);
  if (model.practice) practiceBand(b.line());
  return b.align('left').feed(4).cut().build();
}
