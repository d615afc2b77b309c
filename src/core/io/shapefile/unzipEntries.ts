/** One file inside a zip archive. */
export interface ZipEntry {
  name: string;
  /** Reads and inflates the entry's bytes. */
  read(): Promise<Uint8Array>;
}

/** Thrown for archives that cannot be read; the message is shown to the user. */
export class ZipError extends Error {}

function u16(b: Uint8Array, o: number): number {
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
 * without a dependency). Encrypted, ZIP64 and damaged archives throw a ZipError.
 */
export function unzipEntries(b: Uint8Array): ZipEntry[] {
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
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const local = u32(b, p + 42);
    const name = decodeName(b.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    entries.push({
      name,
      read: async () => {
        if (flags & 1) throw new ZipError(`"${name}" is encrypted`);
        if (u32(b, local) !== 0x04034b50) throw new ZipError(`"${name}" is damaged`);
        const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
        const data = b.subarray(start, start + csize);
        if (data.length < csize) throw new ZipError(`"${name}" is cut off`);
        if (method === 0) return data;
        if (method === 8) return inflateRaw(data);
        throw new ZipError(`"${name}" uses an unsupported compression method (${method})`);
      },
    });
  }
  return entries;
}
