import type { FeatureCollection, Geometry } from 'geojson';
import { toWkt } from './toWkt';
import { mapGeometry } from '../crs/mapCoordinates';
import { anchorPoint } from '../anchorPoint';
import { attributesFor, cleanValue, exportPositionFn, type AttributeSource } from './exportGeoJson';

export interface ToCsvOptions {
  /** Column order; default: every key in first-seen order. */
  columns?: string[];
  /** Header text per column (same order as `columns`); default: the column keys. */
  headers?: readonly string[];
  /** @default ',' */
  delimiter?: ',' | '\t' | ';';
  /** Start with a UTF-8 byte-order mark so Excel opens Chinese text correctly. @default true */
  bom?: boolean;
  /**
   * Neutralise cells (and headers) a spreadsheet would run as formulas (CSV injection), by the OWASP
   * rule: see `protectFormula`. @default true
   */
  protectFormulas?: boolean;
}

/** Text a spreadsheet reads as a plain number ("-12.5", "+3", "1e-3"): never prefixed. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * OWASP's CSV-injection rule: text starting with = + - @ TAB or CR gets a leading apostrophe, so
 * Excel and WPS show it instead of evaluating it; plain numbers stay as they are.
 */
export function protectFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

function cell(v: unknown, delimiter: string, protect: boolean): string {
  const c = cleanValue(v);
  if (c === null || c === undefined) return '';
  let s: string;
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if (typeof c === 'object') s = JSON.stringify(c);
  else s = String(c);
  if (protect) s = protectFormula(s);
  return s.includes(delimiter) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows as CSV text (RFC 4180 quoting, CRLF line ends, UTF-8 BOM by default so Excel shows Chinese).
 * Numbers and booleans are written plainly and read back as such by readLayerFile; null is empty.
 */
export function toCsv(rows: readonly Record<string, unknown>[], options: ToCsvOptions = {}): string {
  const d = options.delimiter ?? ',';
  const protect = options.protectFormulas ?? true;
  let columns = options.columns;
  if (!columns) {
    const seen = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
    columns = [...seen];
  }
  // headers are imported field names, as untrusted as the cells
  const lines = [columns.map((c, i) => cell(options.headers?.[i] ?? c, d, protect)).join(d)];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c], d, protect)).join(d));
  return (options.bom ?? true ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

export interface FeaturesToCsvOptions extends ToCsvOptions {
  /** Analysis attributes to add, as for exportGeoJson. */
  attributes?: AttributeSource;
  /**
   * How geometry is written: 'lonlat' = lon/lat columns of the feature's representative point
   * (points exactly), 'wkt' = a WKT column, 'none' = attributes only. @default 'lonlat'
   */
  geometry?: 'lonlat' | 'wkt' | 'none';
  crs?: 'wgs84' | 'gcj02' | 'bd09';
  precision?: number;
}

/**
 * A feature table as CSV (e.g. the compliance table of communities with their analysis
 * attributes): lon/lat (or WKT) first, then the properties and attributes.
 */
export function featuresToCsv(fc: FeatureCollection, options: FeaturesToCsvOptions = {}): string {
  const mode = options.geometry ?? 'lonlat';
  const fn = exportPositionFn(options.crs, options.precision);
  const rows = fc.features.map((f, i) => {
    const row: Record<string, unknown> = {};
    const g = f.geometry as Geometry | null;
    if (mode === 'lonlat') {
      const p = g ? anchorPoint(g) : null;
      const [x, y] = p ? (fn ? fn(p[0] as number, p[1] as number) : [p[0], p[1]]) : [null, null];
      row.lon = x;
      row.lat = y;
    } else if (mode === 'wkt') {
      row.wkt = g ? toWkt(fn ? mapGeometry(g, fn) : g) : null;
    }
    // Properties named like the geometry columns would shadow the coordinates; the geometry wins.
    for (const [k, v] of Object.entries({ ...(f.properties ?? {}), ...(attributesFor(options.attributes, f, i) ?? {}) })) {
      if (!(k in row)) row[k] = v;
    }
    return row;
  });
  return toCsv(rows, options);
}
