import { parseDbf, parseShp } from 'shpjs';
import type { Feature, Geometry } from 'geojson';
import { safeText, type IssueCollector } from '../issueCollector';
import type { DeclaredCrs } from '../finishFeatures';
import { isGeographicWkt, wktName } from '../crs/projectToWgs84';
import { detectDbfEncoding } from './detectDbfEncoding';
import { unzipEntries, ZipError, ZipTooLargeError, type ZipEntry } from './unzipEntries';

export interface ShapefileRead {
  ok: boolean;
  features: unknown[];
  declared: DeclaredCrs | null;
  encoding?: string;
  layers: string[];
  /** A single non-shapefile data file found in the zip instead (GeoJSON, CSV, OSM): read it as such. */
  inner?: { name: string; bytes: Uint8Array };
}

const INNER_DATA = /\.(geojson|json|csv|tsv|osm)$/i;

function dbfValue(v: unknown): unknown {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** Reports why an entry could not be read: too large to inflate, or a damaged archive. */
function zipFailure(e: unknown, issues: IssueCollector, fallback: string): void {
  if (e instanceof ZipTooLargeError) {
    issues.add('zip-too-large', { entry: safeText(e.entry, 80), sizeMb: Math.ceil(e.bytes / MB), limitMb: Math.round(e.limit / MB) });
  } else issues.add('bad-zip', { detail: e instanceof ZipError ? e.message : fallback });
}

const MB = 1024 * 1024;

/**
 * Reads a zipped shapefile: picks the layer (first .shp, or `layer`), decodes the DBF with the
 * encoding from .cpg or detected (GBK vs UTF-8), and returns raw coordinates with the .prj as the
 * declared coordinate system (converted later by finishFeatures). Shapes come from shpjs.
 */
export async function readShapefileZip(bytes: Uint8Array, issues: IssueCollector, layer?: string, maxBytes = Infinity): Promise<ShapefileRead> {
  const failed: ShapefileRead = { ok: false, features: [], declared: null, layers: [] };
  let entries: ZipEntry[];
  try {
    entries = unzipEntries(bytes, maxBytes).filter((e) => !e.name.includes('__MACOSX'));
  } catch (e) {
    issues.add('bad-zip', { detail: e instanceof ZipError ? e.message : 'unreadable archive' });
    return failed;
  }
  const byExt = (ext: string): ZipEntry[] => entries.filter((e) => e.name.toLowerCase().endsWith(ext));
  const base = (e: ZipEntry): string => e.name.slice(0, e.name.lastIndexOf('.'));
  const shps = byExt('.shp');
  if (shps.length === 0) {
    const inner = entries.filter((e) => INNER_DATA.test(e.name));
    if (inner.length === 1 && byExt('.dbf').length === 0) {
      const only = inner[0] as ZipEntry;
      try {
        return { ...failed, ok: true, inner: { name: only.name, bytes: await only.read() } };
      } catch (e) {
        zipFailure(e, issues, 'unreadable entry');
        return failed;
      }
    }
    issues.add('shapefile-missing-shp', { found: entries.slice(0, 8).map((e) => e.name).join(', ') || 'nothing' });
    return failed;
  }
  const layers = shps.map(base);
  const chosen = shps.find((e) => layer !== undefined && (base(e) === layer || base(e).split('/').pop() === layer)) ?? (shps[0] as ZipEntry);
  const name = base(chosen);
  if (layers.length > 1) issues.add('shapefile-multiple-layers', { count: layers.length, layers: layers.join(', '), layer: name });
  const sibling = (ext: string): ZipEntry | undefined => entries.find((e) => e.name.toLowerCase() === `${name}${ext}`.toLowerCase());
  try {
    const shpBytes = await chosen.read();
    const dbfEntry = sibling('.dbf');
    const prjEntry = sibling('.prj');
    const cpgEntry = sibling('.cpg');
    let geometries: (Geometry | null)[];
    try {
      geometries = parseShp(shpBytes);
    } catch {
      issues.add('bad-zip', { detail: `"${chosen.name}" is not a valid shapefile` });
      return failed;
    }
    let records: Record<string, unknown>[] = [];
    let encoding: string | undefined;
    if (dbfEntry) {
      const dbfBytes = await dbfEntry.read();
      const cpg = cpgEntry ? new TextDecoder().decode(await cpgEntry.read()) : undefined;
      const enc = detectDbfEncoding(dbfBytes, cpg);
      encoding = enc.encoding;
      if (enc.reason !== 'ascii' && !(enc.reason === 'cpg' && enc.encoding === 'utf-8') && enc.reason !== 'valid-utf8') {
        const reason = { cpg: 'from the .cpg file', ldid: 'from the DBF header', 'not-utf8': 'not valid UTF-8', 'cpg-unknown': 'the .cpg names an unknown encoding' }[enc.reason as 'cpg' | 'ldid' | 'not-utf8' | 'cpg-unknown'];
        const reason_zh = { cpg: '依据 .cpg 文件', ldid: '依据 DBF 文件头', 'not-utf8': '不是有效的 UTF-8', 'cpg-unknown': '.cpg 中的编码名称无法识别' }[enc.reason as 'cpg' | 'ldid' | 'not-utf8' | 'cpg-unknown'];
        issues.add('dbf-encoding', { encoding: enc.encoding.toUpperCase(), reason, reason_zh }, enc.reason === 'cpg-unknown' ? 'warning' : 'info');
      }
      records = parseDbf(dbfBytes, enc.encoding);
    } else {
      issues.add('shapefile-missing-dbf', { layer: name });
    }
    let declared: DeclaredCrs | null = null;
    if (prjEntry) {
      const wkt = new TextDecoder().decode(await prjEntry.read()).trim();
      if (wkt && !isGeographicWkt(wkt)) declared = { source: wkt, name: wktName(wkt), origin: 'prj' };
    }
    const features: Feature[] = geometries.map((g, i) => {
      const props: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(records[i] ?? {})) props[k] = dbfValue(v);
      return { type: 'Feature', properties: props, geometry: g as Geometry };
    });
    return { ok: true, features, declared, encoding, layers };
  } catch (e) {
    zipFailure(e, issues, 'unreadable entry');
    return failed;
  }
}
