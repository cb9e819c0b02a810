// A GBK encoder for tests (files "saved by an older Windows editor"): built by inverting the
// platform's own GBK decoder over every double-byte code, so no encoding package is needed.
let table: Map<string, number[]> | null = null;

function build(): Map<string, number[]> {
  const dec = new TextDecoder('gbk');
  const m = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !m.has(ch)) m.set(ch, [hi, lo]);
    }
  }
  return m;
}

/** `text` as GBK bytes; throws on a character GBK cannot hold. */
export function encodeGbk(text: string): Buffer {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      out.push(...b);
    }
  }
  return Buffer.from(out);
}
