/** Result of turning file bytes into text. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding label actually used: 'utf-8', 'gbk', 'utf-16le', 'utf-16be'. */
  encoding: string;
  /** True when the bytes were not valid UTF-8 and a fallback was used. */
  fellBack: boolean;
}

/**
 * Decodes file bytes as text: honours a UTF-8/UTF-16 byte-order mark (and drops it), tries strict
 * UTF-8, and falls back to GBK (GB18030), the usual encoding of Chinese Excel/ArcGIS exports.
 * A string input is returned unchanged (minus a leading BOM).
 */
export function decodeText(input: Uint8Array | string, fallback = 'gbk'): DecodedText {
  if (typeof input === 'string') {
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: 'utf-8', fellBack: false };
  }
  const b = input;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le', fellBack: false };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be', fellBack: false };
  }
  const utf16 = detectUtf16(b);
  if (utf16) return { text: new TextDecoder(utf16).decode(b), encoding: utf16, fellBack: true };
  const body = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', fellBack: false };
  } catch {
    return { text: new TextDecoder(fallback).decode(body), encoding: fallback, fellBack: true };
  }
}

/**
 * True when the bytes look binary (NUL bytes or many control characters in the first 4 KB):
 * such a file cannot be GeoJSON, CSV or XML whatever its extension says.
 */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  if (n === 0) return false;
  // UTF-16 text has NULs by design.
  if (b[0] === 0xff && b[1] === 0xfe) return false;
  if (b[0] === 0xfe && b[1] === 0xff) return false;
  if (detectUtf16(b)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control / n > 0.1;
}

/**
 * UTF-16 without a byte-order mark (Excel "Unicode text", some Windows tools), by its NUL pattern
 * in the first 4 KB: text with ASCII digits, commas and Latin letters has a NUL in the high byte
 * of most characters — every odd byte (little-endian) or every even byte (big-endian) — and almost
 * none in the other position. Binary data has NULs in both.
 */
export function detectUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  const le = oddZero >= 0.3 * pairs && evenZero <= 0.02 * pairs;
  const be = evenZero >= 0.3 * pairs && oddZero <= 0.02 * pairs;
  if (!le && !be) return null;
  const enc = le ? 'utf-16le' : 'utf-16be';
  // The decoded text must be text: no control characters other than tab and line breaks.
  const head = new TextDecoder(enc).decode(b.subarray(0, n));
  // eslint-disable-next-line no-control-regex
  const control = (head.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g) ?? []).length;
  return control <= 0.01 * head.length ? enc : null;
}
