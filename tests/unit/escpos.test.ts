// Golden bytes for the raw ESC/POS path. Expected buffers are written out by hand (GB18030
// codes cross-checked with Python's independent gb18030 codec), not produced by the encoder.
import net from 'node:net';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { COLUMNS, EscPosBuilder, PRACTICE_BAND, encodeNoticeEscPos, encodeText, normalizeForPrinter, qrCommand, textColumns, wrapColumns } from '../../electron/print/escpos';
import { sendRaw } from '../../electron/print/rawPrinter';
import { fixture } from '../helpers/noticeFixtures';
import { NOTICE_KINDS } from '../../shared/notice/model';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const GB = { 受理通知书: 'ca dc c0 ed cd a8 d6 aa ca e9', 受理: 'ca dc c0 ed', 号码: 'ba c5 c2 eb', 号: 'ba c5', 码: 'c2 eb' };

describe('ESC/POS golden bytes', () => {
  it('title line: init, Chinese mode, centred, bold, double size, GB18030 text, LF', () => {
    const bytes = new EscPosBuilder().init().align('center').bold(true).double(true).line('受理通知书').double(false).bold(false).build();
    expect(bytes).toEqual(hex(`1b40 1c26 1b6101 1b4501 1d2111 ${GB.受理通知书} 0a 1d2100 1b4500`));
  });

  it('¥ becomes full-width ￥ (A3 A4), never the 4-byte 81 30 84 36; full-width forms stay 2 columns', () => {
    expect(normalizeForPrinter('¥')).toBe('￥');
    const bytes = new EscPosBuilder().line('收费：¥0.00（免费）ＡＢ').build();
    expect(bytes).toEqual(hex('cad5 b7d1 a3ba a3a4 30 2e 30 30 a3a8 c3e2 b7d1 a3a9 a3c1 a3c2 0a'));
    expect(bytes.includes(hex('81308436'))).toBe(false);
    expect(textColumns('收费：￥0.00（免费）ＡＢ')).toBe(24);
  });

  it('a CJK character that would straddle column 48 moves to the next line', () => {
    // 受理 (4) + 43 digits = 47 columns; 号 would occupy columns 48–49.
    const straddle = new EscPosBuilder().line(`受理${'0'.repeat(43)}号码`).build();
    expect(straddle).toEqual(hex(`${GB.受理} ${'30'.repeat(43)} 0a ${GB.号码} 0a`));
    // 受理 + 42 digits = 46; 号 fills columns 47–48 exactly and stays; 码 wraps.
    const exact = new EscPosBuilder().line(`受理${'0'.repeat(42)}号码`).build();
    expect(exact).toEqual(hex(`${GB.受理} ${'30'.repeat(42)} ${GB.号} 0a ${GB.码} 0a`));
  });

  it('QR code of the case number through GS ( k: model 2, size 6, level M, store, print', () => {
    const data = '2101020320260512000017';
    expect(qrCommand(data)).toEqual(
      hex(`1d286b0400 314132 00  1d286b0300 3143 06  1d286b0300 3145 31  1d286b1900 3150 30 ${Buffer.from(data).toString('hex')}  1d286b0300 3151 30`),
    );
  });

  it('feed and partial cut', () => {
    expect(new EscPosBuilder().feed(4).cut().build()).toEqual(hex('1b6404 1d564200'));
  });

  it('the practice band is exactly one 48-column line of 练习 · 无效', () => {
    expect(PRACTICE_BAND).toBe('练习 · 无效'.repeat(4));
    expect(textColumns(PRACTICE_BAND)).toBe(48);
    expect(encodeText('练习 · 无效')).toEqual(hex('c1b7 cfb0 20 a1a4 20 cede d0a7'));
  });
});

describe('line wrapping', () => {
  const printable = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '中', '文', '，', '（', 'Ａ', '¥', '·', '-'), maxLength: 200 });
  it('never exceeds the line width and loses no printed character', () => {
    fc.assert(
      fc.property(printable, fc.integer({ min: 2, max: 48 }), (text, cols) => {
        const lines = wrapColumns(text, cols);
        for (const l of lines) expect(textColumns(l)).toBeLessThanOrEqual(cols);
        expect(lines.join('').replace(/ /g, '')).toBe(normalizeForPrinter(text).replace(/ /g, ''));
      }),
    );
  });

  it('keeps an ASCII number whole when it fits on the next line', () => {
    expect(wrapColumns(`运单号：${'一'.repeat(18)} SF1402345678901`)).toEqual([`运单号：${'一'.repeat(18)}`, 'SF1402345678901']);
  });
});

describe('a whole notice as ESC/POS', () => {
  it('starts in Chinese mode, prints the case number and its QR, ends with a cut', () => {
    const m = fixture('acceptance');
    const bytes = encodeNoticeEscPos(m);
    expect(bytes.subarray(0, 4)).toEqual(hex('1b40 1c26'));
    expect(bytes.includes(qrCommand(m.caseNumber!))).toBe(true);
    expect(bytes.includes(encodeText(`办件编号：${m.caseNumber}`))).toBe(true);
    expect(bytes.includes(encodeText('210102********1234'))).toBe(true);
    expect(bytes.includes(Buffer.from('210102199003071234'))).toBe(false);
    expect(bytes.subarray(-4)).toEqual(hex('1d564200'));
    expect(bytes.includes(encodeText('练习'))).toBe(false);
  });

  it('a practice receipt carries the 练习 · 无效 band at the top and the bottom', () => {
    const bytes = encodeNoticeEscPos(fixture('materialReceipt', true));
    const band = encodeText(PRACTICE_BAND);
    const first = bytes.indexOf(band);
    expect(first).toBeGreaterThan(0);
    expect(bytes.indexOf(band, first + 1)).toBeGreaterThan(bytes.indexOf(encodeText('食品经营许可申请书')));
  });

  it('no printed line is wider than the paper for any kind (48 columns, 24 in double size)', () => {
    for (const kind of NOTICE_KINDS) {
      const lines = printedLines(encodeNoticeEscPos(fixture(kind, true)));
      expect(lines.length).toBeGreaterThan(20);
      for (const { text, cols } of lines) {
        expect(textColumns(text), text).toBeLessThanOrEqual(cols);
      }
    }
  });
});

/** Walks the command stream the encoder emits and returns each printed line with its width limit. */
function printedLines(bytes: Buffer): Array<{ text: string; cols: number }> {
  const out: Array<{ text: string; cols: number }> = [];
  let cols = COLUMNS;
  let cur: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b === 0x1b) i += bytes[i + 1] === 0x40 ? 2 : 3; // ESC @ | ESC a/E/d n
    else if (b === 0x1c) i += 2; // FS &
    else if (b === 0x1d && bytes[i + 1] === 0x28) i += 5 + bytes[i + 3] + bytes[i + 4] * 256; // GS ( k pL pH …
    else if (b === 0x1d && bytes[i + 1] === 0x56) i += 4; // GS V m n
    else if (b === 0x1d) {
      if (bytes[i + 1] === 0x21) cols = bytes[i + 2] === 0x11 ? COLUMNS / 2 : COLUMNS;
      i += 3; // GS ! n | GS B n
    } else if (b === 0x0a) {
      out.push({ text: iconv.decode(Buffer.from(cur), 'gb18030'), cols });
      cur = [];
      i++;
    } else cur.push(bytes[i++]);
  }
  expect(cur).toEqual([]);
  return out;
}

describe('raw network printer', () => {
  it('delivers exactly the bytes to host:port', async () => {
    const received: Buffer[] = [];
    const server = net.createServer((sock) => sock.on('data', (d) => received.push(d)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const bytes = encodeNoticeEscPos(fixture('refusal'));
    await sendRaw({ host: '127.0.0.1', port, timeoutMs: 5000 }, bytes);
    await new Promise<void>((r) => server.close(() => r()));
    expect(Buffer.concat(received)).toEqual(bytes);
  });

  it('an unreachable printer gives a clear Chinese message', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r())); // nothing listens there now
    const err = await sendRaw({ host: '127.0.0.1', port, timeoutMs: 2000 }, Buffer.from('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(new RegExp(`^打印机 127\\.0\\.0\\.1:${port} 无法连接（连接被拒绝）`));
  });
});
