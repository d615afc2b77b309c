import Papa from 'papaparse';
import type { Feature, Geometry } from 'geojson';
import type { IssueCollector } from '../issueCollector';
import type { IndexedFeature } from '../geojson/cleanFeatures';
import { findCoordinateColumns, parseCoordinate, type CoordinateColumns } from './findCoordinateColumns';
import { parseWkt } from './parseWkt';
import { repairQuotes } from './repairQuotes';

/** 1-based line number of a character offset; line breaks are \n, \r\n or a lone \r (as the scanner counts them). */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export interface CsvRead {
  items: IndexedFeature[];
  /** Data rows in the file (header excluded). */
  rawCount: number;
  columns: CoordinateColumns | null;
  /** False when the file cannot give features at all (reported). */
  ok: boolean;
}

// Numbers written without leading zeros; more than 15 digits stay text (IDs, 身份证号) because
// doubles would round them.
const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?([eE][+-]?\d+)?$/;

/** Converts each column to numbers or booleans when every non-empty cell is one; empty cells become null. */
export function typeColumns(rows: Record<string, string>[], columns: readonly string[]): Record<string, unknown>[] {
  const kind = new Map<string, 'number' | 'boolean' | 'string'>();
  for (const c of columns) {
    let numeric = true;
    let bool = true;
    let any = false;
    for (const r of rows) {
      const v = r[c];
      if (v === undefined || v === '') continue;
      any = true;
      if (numeric && !NUMBER.test(v)) numeric = false;
      if (bool && !/^(true|false)$/i.test(v)) bool = false;
      if (!numeric && !bool) break;
    }
    kind.set(c, !any ? 'string' : numeric ? 'number' : bool ? 'boolean' : 'string');
  }
  return rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      const v = r[c];
      const k = kind.get(c);
      if (v === undefined || v === '') out[c] = null;
      else if (k === 'number') out[c] = Number(v);
      else if (k === 'boolean') out[c] = v.toLowerCase() === 'true';
      else out[c] = v;
    }
    return out;
  });
}

/** PapaParse's error codes in Chinese (its messages are English only). */
const CSV_ERROR_ZH: Record<string, string> = {
  MissingQuotes: '引号未闭合',
  InvalidQuotes: '引号位置不正确',
  TooFewFields: '字段数少于表头',
  TooManyFields: '字段数多于表头',
};

/**
 * Reads CSV/TSV text (delimiter auto-detected, tab for .tsv) into point features from coordinate
 * columns found by name or given in `forced`; also a "lon,lat" column or a WKT column. Coordinate
 * columns are not repeated in the properties (so export → import gives the same attributes).
 */
export function readCsv(text: string, issues: IssueCollector, opts: { tsv?: boolean; forced?: { lon: string; lat: string } } = {}): CsvRead {
  const delimiter = opts.tsv ? '\t' : Papa.parse(text.slice(0, 65536), { preview: 20, delimiter: '' }).meta.delimiter || ',';
  const q = repairQuotes(text, delimiter);
  for (const b of q.broken) issues.add('csv-broken-quote', { line: b.line, lines: b.lines });
  const lineAt = lineIndex(q.text);
  const rows: Record<string, string>[] = [];
  // The line where each row ends: papaparse's cursor is just past the row (and its line break).
  const rowEnds: number[] = [];
  const errors: Papa.ParseError[] = [];
  const parsed = Papa.parse<Record<string, string>>(q.text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimiter,
    transformHeader: (h) => h.replace(/^\uFEFF/, '').trim(),
    step: (r) => {
      for (const e of r.errors) errors.push({ ...e, row: rows.length });
      rows.push(r.data);
      let end = Math.min(r.meta.cursor, q.text.length) - 1;
      while (end > 0 && /\s/.test(q.text[end] as string)) end--;
      rowEnds.push(lineAt(end));
    },
  });
  const headers = (parsed.meta.fields ?? []).filter((h) => h !== '');
  for (const e of errors) {
    if (e.code === 'UndetectableDelimiter') continue;
    issues.addFeature('csv-malformed', e.row ?? 0, { row: (e.row ?? 0) + 2, detail: e.message, detail_zh: CSV_ERROR_ZH[e.code] ?? '格式不规范' });
  }
  // Whatever the parser did: every record of the file must be a row, or be named.
  // A row starts at the first record of the file after the previous row's last line.
  const read = new Set<number>();
  let k = 1;
  let prevEnd = q.recordEnds[0] ?? 1;
  for (const end of rowEnds) {
    while (k < q.recordLines.length && (q.recordLines[k] as number) <= prevEnd) k++;
    if (k < q.recordLines.length) read.add(q.recordLines[k] as number);
    prevEnd = end;
  }
  const missing = q.recordLines.slice(1).filter((l) => !read.has(l));
  const expected = Math.max(0, q.recordLines.length - 1);
  if (missing.length > 0 || expected !== rows.length) {
    issues.add('csv-row-count', {
      expected, read: rows.length, missing: Math.max(missing.length, expected - rows.length),
      lines: missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : ''),
    });
  }
  const columns: CoordinateColumns | null = opts.forced ? { kind: 'lonlat', ...opts.forced } : findCoordinateColumns(headers);
  if (!columns || (columns.kind === 'lonlat' && (!headers.includes(columns.lon) || !headers.includes(columns.lat)))) {
    if (rows.length === 0) issues.add('empty-collection');
    else issues.add('csv-no-coordinates', { columns: headers.slice(0, 12).join(', ') + (headers.length > 12 ? ', …' : '') });
    return { items: [], rawCount: rows.length, columns: null, ok: false };
  }
  const coordCols = columns.kind === 'lonlat' ? [columns.lon, columns.lat] : [columns.column];
  const propCols = headers.filter((h) => !coordCols.includes(h));
  const props = typeColumns(rows, propCols);
  const items: IndexedFeature[] = [];
  const badParams = columns.kind === 'lonlat' ? { lon: columns.lon, lat: columns.lat } : { lon: columns.column, lat: columns.column };
  rows.forEach((r, i) => {
    let geometry: Geometry | null = null;
    if (columns.kind === 'lonlat') {
      const x = parseCoordinate(r[columns.lon]);
      const y = parseCoordinate(r[columns.lat]);
      if (Number.isFinite(x) && Number.isFinite(y)) geometry = { type: 'Point', coordinates: [x, y] };
    } else if (columns.kind === 'pair') {
      const parts = String(r[columns.column] ?? '').split(/[,，;\s]+/).filter(Boolean);
      const x = parseCoordinate(parts[0]);
      const y = parseCoordinate(parts[1]);
      if (parts.length === 2 && Number.isFinite(x) && Number.isFinite(y)) geometry = { type: 'Point', coordinates: [x, y] };
    } else {
      geometry = parseWkt(String(r[columns.column] ?? ''));
    }
    if (!geometry) {
      issues.addFeature('csv-bad-rows', i, { ...badParams, row: i + 2 });
      return;
    }
    const f: Feature = { type: 'Feature', properties: props[i] as Record<string, unknown>, geometry };
    items.push({ f, i });
  });
  return { items, rawCount: rows.length, columns, ok: true };
}
