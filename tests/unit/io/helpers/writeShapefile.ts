import type { Position } from 'geojson';
import { concat } from './writeZip';

/** Shapes for the test writer: points, or polygons given as one outer ring (any orientation). */
export type TestShape = { type: 'Point'; coordinates: Position } | { type: 'Polygon'; coordinates: Position[][] };

function ringArea2(r: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += (r[i]![0]! * r[i + 1]![1]!) - (r[i + 1]![0]! * r[i]![1]!);
  return s;
}

/** A .shp for points (type 1) or polygons (type 5); outer rings written clockwise as the format wants. */
export function writeShp(shapes: TestShape[]): Uint8Array {
  const type = shapes[0]?.type === 'Polygon' ? 5 : 1;
  const all = shapes.flatMap((s) => (s.type === 'Point' ? [s.coordinates] : s.coordinates.flat()));
  const xs = all.map((p) => p[0] as number);
  const ys = all.map((p) => p[1] as number);
  const records: Uint8Array[] = [];
  shapes.forEach((s, i) => {
    let content: DataView;
    if (s.type === 'Point') {
      content = new DataView(new ArrayBuffer(20));
      content.setInt32(0, 1, true);
      content.setFloat64(4, s.coordinates[0] as number, true);
      content.setFloat64(12, s.coordinates[1] as number, true);
    } else {
      const rings = s.coordinates.map((r, k) => {
        const cw = ringArea2(r) < 0;
        return (k === 0) === cw ? r : [...r].reverse();
      });
      const pts = rings.flat();
      content = new DataView(new ArrayBuffer(44 + 4 * rings.length + 16 * pts.length));
      content.setInt32(0, 5, true);
      const px = pts.map((p) => p[0] as number);
      const py = pts.map((p) => p[1] as number);
      content.setFloat64(4, Math.min(...px), true);
      content.setFloat64(12, Math.min(...py), true);
      content.setFloat64(20, Math.max(...px), true);
      content.setFloat64(28, Math.max(...py), true);
      content.setInt32(36, rings.length, true);
      content.setInt32(40, pts.length, true);
      let start = 0;
      rings.forEach((r, k) => {
        content.setInt32(44 + 4 * k, start, true);
        start += r.length;
      });
      const base = 44 + 4 * rings.length;
      pts.forEach((p, k) => {
        content.setFloat64(base + 16 * k, p[0] as number, true);
        content.setFloat64(base + 16 * k + 8, p[1] as number, true);
      });
    }
    const head = new DataView(new ArrayBuffer(8));
    head.setInt32(0, i + 1, false);
    head.setInt32(4, content.byteLength / 2, false);
    records.push(new Uint8Array(head.buffer), new Uint8Array(content.buffer));
  });
  const body = concat(records);
  const h = new DataView(new ArrayBuffer(100));
  h.setInt32(0, 9994, false);
  h.setInt32(24, (100 + body.length) / 2, false);
  h.setInt32(28, 1000, true);
  h.setInt32(32, type, true);
  h.setFloat64(36, Math.min(...xs), true);
  h.setFloat64(44, Math.min(...ys), true);
  h.setFloat64(52, Math.max(...xs), true);
  h.setFloat64(60, Math.max(...ys), true);
  return concat([new Uint8Array(h.buffer), body]);
}

export interface DbfField {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

/** A dBASE III table; `encode` turns text into bytes (UTF-8 or GBK), `ldid` sets header byte 29. */
export function writeDbf(fields: DbfField[], rows: (string | number | null)[][], encode: (s: string) => Uint8Array, ldid = 0): Uint8Array {
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + fields.reduce((n, f) => n + f.length, 0);
  const out = new Uint8Array(headerLen + recLen * rows.length + 1);
  const dv = new DataView(out.buffer);
  out[0] = 0x03;
  out[1] = 126;
  out[2] = 1;
  out[3] = 1;
  dv.setUint32(4, rows.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recLen, true);
  out[29] = ldid;
  fields.forEach((f, k) => {
    const o = 32 + 32 * k;
    out.set(encode(f.name).subarray(0, 10), o);
    out[o + 11] = f.type.charCodeAt(0);
    out[o + 16] = f.length;
    out[o + 17] = f.decimals ?? 0;
  });
  out[headerLen - 1] = 0x0d;
  rows.forEach((r, i) => {
    let o = headerLen + i * recLen;
    out[o++] = 0x20;
    fields.forEach((f, k) => {
      const v = r[k];
      const text = v === null || v === undefined ? '' : String(v);
      const bytes = encode(text).subarray(0, f.length);
      const cellBytes = new Uint8Array(f.length).fill(0x20);
      if (f.type === 'N') cellBytes.set(bytes, f.length - bytes.length);
      else cellBytes.set(bytes, 0);
      out.set(cellBytes, o);
      o += f.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}
