// Text files brought to the window on a USB stick come from Windows tools as often as not: a
// catalogue or a practice pack may be UTF-8 (with or without a BOM), UTF-16 from Notepad, or
// GBK/GB18030 from an older editor. Decode by the BOM, else as strict UTF-8, else as GB18030
// (a superset of GBK and GB2312), so Chinese text never arrives garbled; the BOM is dropped
// (JSON.parse refuses it). TextDecoder exists in browsers and in Node alike.
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A BOM pasted or kept at the start of JSON text (JSON.parse refuses it). */
export const stripBom = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
