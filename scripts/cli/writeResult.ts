import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { wgs84ToChineseCrs } from '../../src/core/io/crs/chineseCrs';
import { tr, type CliLang } from './cliLang';
import type { OutputCrs } from './parseCliArgs';
import { UserError } from './userError';

/**
 * Fails early (before any analysis) when `--out` cannot be written: it is a directory, a parent is
 * a file, or the nearest existing folder is not writable. Missing folders are created on write.
 */
export function checkOutPath(out: string, lang: CliLang): void {
  const abs = path.resolve(out);
  const bad = (why: string, whyZh: string): UserError => new UserError(tr(lang, `${out}: cannot write the output (${why})`, `${out}：无法写出结果（${whyZh}）`));
  if (existsSync(abs) && statSync(abs).isDirectory()) throw bad('it is a directory; give a file name such as result.geojson', '这是文件夹；请给出文件名，如 result.geojson');
  let dir = path.dirname(abs);
  while (!existsSync(dir)) {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (!statSync(dir).isDirectory()) throw bad(`${dir} is a file, not a folder`, `${dir} 是文件而非文件夹`);
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(abs)) accessSync(abs, constants.W_OK);
  } catch {
    throw bad('permission denied', '没有写入权限');
  }
}

export interface WriteResultOptions {
  /** Coordinate system of the written file (the analysis is WGS84). @default 'wgs84' */
  crs?: OutputCrs;
  /** Top-level "attribution" member, e.g. for OpenStreetMap-derived data. */
  attribution?: string | null;
  lang: CliLang;
}

/**
 * Writes the result FeatureCollection (WGS84 in) to `out`, converted to GCJ-02/BD-09 when asked and
 * with a top-level `attribution` member when given. Creates missing folders; a write failure is a
 * UserError naming the file.
 */
export function writeResult(out: string, fc: FeatureCollection, options: WriteResultOptions): void {
  const crs = options.crs ?? 'wgs84';
  const converted = crs === 'wgs84' ? fc : wgs84ToChineseCrs(fc, crs);
  const doc: Record<string, unknown> = { type: 'FeatureCollection' };
  if (options.attribution) doc.attribution = options.attribution;
  doc.features = converted.features;
  try {
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, JSON.stringify(doc));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError(tr(options.lang, `${out}: cannot write the output (${code})`, `${out}：无法写出结果（${code}）`));
  }
}
