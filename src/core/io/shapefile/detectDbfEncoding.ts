/** The text encoding chosen for a DBF and why. */
export interface DbfEncoding {
  /** WHATWG label for TextDecoder: 'utf-8', 'gbk', 'big5', 'windows-1252' ... */
  encoding: string;
  reason: 'cpg' | 'ldid' | 'ascii' | 'valid-utf8' | 'not-utf8' | 'cpg-unknown';
}

const CPG_ALIASES: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  '65001': 'utf-8',
  gbk: 'gbk',
  '936': 'gbk',
  cp936: 'gbk',
  'ansi 936': 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  '950': 'big5',
};

function labelFromCpg(cpg: string): string | null {
  const c = cpg.trim().toLowerCase();
  if (c === '') return null;
  const alias = CPG_ALIASES[c];
  if (alias) return alias;
  const num = /^(?:ansi\s*|cp)?(\d{3,5})$/.exec(c);
  const label = num ? `windows-${num[1]}` : c;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * Chooses the DBF text encoding (DESIGN §8: GBK is common in China): the .cpg when present and
 * known; else the header's language driver id for code page 936 (0x4D/0x7A); else the record bytes
 * decide: pure ASCII or valid UTF-8 → UTF-8, anything else → GBK.
 */
export function detectDbfEncoding(dbf: Uint8Array, cpg?: string): DbfEncoding {
  let unknownCpg = false;
  if (cpg !== undefined) {
    const label = labelFromCpg(cpg);
    if (label) return { encoding: label, reason: 'cpg' };
    unknownCpg = cpg.trim() !== '';
  }
  const ldid = dbf[29];
  if (ldid === 0x4d || ldid === 0x7a) return { encoding: 'gbk', reason: 'ldid' };
  const headerLen = dbf.length >= 10 ? ((dbf[8] as number) | ((dbf[9] as number) << 8)) : 0;
  const records = dbf.subarray(Math.min(headerLen, dbf.length));
  // Field names live in the header; they may be Chinese too.
  const sample = [dbf.subarray(32, Math.min(headerLen, dbf.length)), records];
  let ascii = true;
  for (const part of sample) for (let i = 0; i < part.length && ascii; i++) if ((part[i] as number) > 0x7f) ascii = false;
  if (ascii) return { encoding: 'utf-8', reason: unknownCpg ? 'cpg-unknown' : 'ascii' };
  try {
    const d = new TextDecoder('utf-8', { fatal: true });
    for (const part of sample) d.decode(part);
    return { encoding: 'utf-8', reason: unknownCpg ? 'cpg-unknown' : 'valid-utf8' };
  } catch {
    return { encoding: 'gbk', reason: unknownCpg ? 'cpg-unknown' : 'not-utf8' };
  }
}
