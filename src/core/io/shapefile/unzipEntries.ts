/** One file inside a zip archive. */
export interface ZipEntry {
  name: string;
  /** Uncompressed size as the archive's directory declares it (bytes). */
  size: number;
  /** Reads and inflates the entry's bytes. */
  read(): Promise<Uint8Array>;
}

/** Thrown for archives that cannot be read; the message is shown to the user. */
export class ZipError extends Error {}

/**
 * Thrown when an archive would inflate past the limit (a zip bomb, or simply too much data):
 * before inflating when the directory declares it, or as soon as the stream passes the limit.
 */
export class ZipTooLargeError extends ZipError {
  constructor(
    readonly entry: string,
    /** bytes declared or inflated so far */
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`"${entry}" inflates to more than ${limit} bytes`);
  }
}

function u16(b: Uint8Array, o: number): number {
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;
}

/** Inflates a raw deflate stream, stopping (and freeing what it read) as soon as it passes `limit` bytes. */
async function inflateRaw(data: Uint8Array, limit: number, name: string): Promise<Uint8Array> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new ZipTooLargeError(name, total, limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  // Zips made on Chinese Windows store GBK names without the UTF-8 flag.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/**
 * Lists the entries of a zip archive from its central directory (stored and deflated entries;
 * inflation by the platform's DecompressionStream, so it runs in browsers, workers and Node 20
 * without a dependency). Encrypted, ZIP64 and damaged archives throw a ZipError. Everything read
 * from one archive shares `maxBytes` of inflated data: an entry whose declared size does not fit is
 * refused before inflating, and inflation stops once it passes what is left (declared sizes can lie).
 */
export function unzipEntries(b: Uint8Array, maxBytes = Infinity): ZipEntry[] {
  let used = 0;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no zip directory found: the file is damaged or not a zip');
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (p === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError('the zip directory is damaged');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const csize = u32(b, p + 20);
    const usize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const local = u32(b, p + 42);
    const name = decodeName(b.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    entries.push({
      name,
      size: usize,
      read: async () => {
        const left = maxBytes - used;
        if (usize > left) throw new ZipTooLargeError(name, usize, maxBytes);
        if (flags & 1) throw new ZipError(`"${name}" is encrypted`);
        if (u32(b, local) !== 0x04034b50) throw new ZipError(`"${name}" is damaged`);
        const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
        const data = b.subarray(start, start + csize);
        if (data.length < csize) throw new ZipError(`"${name}" is cut off`);
        if (method === 0) {
          if (data.length > left) throw new ZipTooLargeError(name, data.length, maxBytes);
          used += data.length;
          return data;
        }
        if (method === 8) {
          const out = await inflateRaw(data, left, name);
          used += out.length;
          return out;
        }
        throw new ZipError(`"${name}" uses an unsupported compression method (${method})`);
      },
    });
  }
  return entries;
}
