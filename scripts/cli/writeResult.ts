import { closeSync, existsSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { geoJsonChunks } from '../../src/core/io/export';
import { msg, type CliLang } from './cliLang';
import type { OutputCrs } from './parseCliArgs';
import { UserError } from './userError';

/**
 * Creates the missing folders above `file` one level at a time. Node's recursive mkdir loops
 * forever under /proc (each level reports ENOENT), so it is not used.
 */
function makeParents(file: string): void {
  const missing: string[] = [];
  let dir = path.dirname(file);
  while (!existsSync(dir)) {
    missing.push(dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

/**
 * Fails early (before any analysis) when `--out` cannot be written: it is a directory, a parent is
 * a file, a folder cannot be created or the file cannot be opened for writing. Missing folders
 * are created; a file that did not exist is not left behind.
 */
export function checkOutPath(out: string, lang: CliLang, inputs: readonly string[] = []): void {
  const abs = path.resolve(out);
  const bad = (reason: string): UserError => new UserError(msg(lang, 'cli_cannot_write', { file: out, reason }));
  const input = inputs.find((i) => samePath(i, abs));
  if (input) throw bad(msg(lang, 'cli_out_is_input', { input }));
  if (existsSync(abs) && statSync(abs).isDirectory()) throw bad(msg(lang, 'cli_out_is_directory'));
  let dir = path.dirname(abs);
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  if (!statSync(dir).isDirectory()) throw bad(msg(lang, 'cli_out_parent_is_file', { dir }));
  const existed = existsSync(abs);
  try {
    makeParents(abs);
    closeSync(openSync(abs, 'a'));
    if (!existed) unlinkSync(abs);
  } catch (e) {
    throw bad(reason(e, lang));
  }
}

/** Whether two paths name the same file (after resolving, and following links when the file exists). */
function samePath(a: string, absB: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(path.resolve(a)) === real(absB);
}

const FS_CODES = ['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'ENOSPC', 'EISDIR'] as const;

/** Plain words for the usual file-system error codes (the catalogue's cli_fs_*), with the code. */
function reason(e: unknown, lang: CliLang): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const known = FS_CODES.find((c) => c === code);
  return known ? msg(lang, 'cli_fs_code', { words: msg(lang, `cli_fs_${known}`), code }) : code || (e as Error).message;
}

export interface WriteResultOptions {
  /** Coordinate system of the written file (the analysis is WGS84). @default 'wgs84' */
  crs?: OutputCrs;
  /** Top-level "attribution" member, e.g. for OpenStreetMap-derived data. */
  attribution?: string | null;
  lang: CliLang;
}

/** A file-system failure while writing (as opposed to an error from making the features). */
class WriteFailure {
  constructor(readonly cause: unknown) {}
}

/** Writes all of `bytes[0, end)` (writeSync may write less than asked). */
function writeAll(fd: number, bytes: Uint8Array, end: number): void {
  for (let off = 0; off < end; ) off += writeSync(fd, bytes, off, end - off);
}

/**
 * Writes string chunks to `fd` as UTF-8 through one 1 MiB buffer: few system calls, and no
 * joined string or Buffer per chunk. `write` wraps each file-system call.
 */
function writeChunks(fd: number, chunks: Iterable<string>, write: (op: () => void) => void): void {
  const buf = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = (): void => {
    const n = used;
    used = 0;
    if (n > 0) write(() => writeAll(fd, buf, n));
  };
  for (const chunk of chunks) {
    // at most 3 UTF-8 bytes per UTF-16 unit
    if (chunk.length * 3 > buf.length - used) {
      flush();
      if (chunk.length * 3 > buf.length) {
        const big = Buffer.from(chunk, 'utf8');
        write(() => writeAll(fd, big, big.length));
        continue;
      }
    }
    used += buf.write(chunk, used, 'utf8');
  }
  flush();
}

/**
 * Writes the result FeatureCollection (WGS84 in) to `out`, converted to GCJ-02/BD-09 when asked and
 * with a top-level `attribution` member when given. Creates missing folders; a write failure is a
 * UserError naming the file. `fc.features` may be any iterable (e.g. a generator making one
 * feature at a time): it is read once and streamed to the file in chunks (core geoJsonChunks),
 * never held whole or serialised as one string; the text is what JSON.stringify of the collection
 * gives. An error thrown while making the features is passed on unchanged (no file is left).
 * `{ chunks }` gives the whole text instead, in pieces, already in `options.crs` and with the
 * attribution (core communityResultChunks).
 */
export function writeResult(out: string, fc: { features: Iterable<Feature<Geometry | null>> } | { chunks: Iterable<string> }, options: WriteResultOptions): void {
  // Atomic: a temporary file in the same folder, then a rename — a failed or interrupted write never
  // leaves a half-written result (or destroys an older one).
  const abs = path.resolve(out);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  const fs = <T>(op: () => T): T => {
    try {
      return op();
    } catch (e) {
      throw new WriteFailure(e);
    }
  };
  let fd: number | null = null;
  try {
    fs(() => makeParents(abs));
    fd = fs(() => openSync(tmp, 'w'));
    const file = fd;
    const chunks = 'chunks' in fc ? fc.chunks : geoJsonChunks(fc.features, { crs: options.crs ?? 'wgs84', attribution: options.attribution });
    writeChunks(file, chunks, fs);
    fd = null;
    fs(() => closeSync(file));
    fs(() => renameSync(tmp, abs));
  } catch (e) {
    try {
      if (fd !== null) closeSync(fd);
    } catch {
      /* nothing more to do */
    }
    try {
      if (existsSync(tmp)) unlinkSync(tmp);
    } catch {
      /* nothing more to do */
    }
    if (!(e instanceof WriteFailure)) throw e;
    throw new UserError(msg(options.lang, 'cli_cannot_write', { file: out, reason: reason(e.cause, options.lang) }));
  }
}
