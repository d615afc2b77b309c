/**
 * A GBK encoder for test fixtures, built by inverting the platform's GBK decoder over the
 * two-byte range (no iconv dependency). Only for test data.
 */
let table: Map<string, [number, number]> | null = null;

export function encodeGbk(s: string): Uint8Array {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(pair[0], pair[1]);
    }
  }
  return new Uint8Array(out);
}
