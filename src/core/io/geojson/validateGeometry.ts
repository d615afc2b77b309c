import * as GJV from 'geojson-validation';
import type { Geometry, Position } from 'geojson';

export interface GeometryCheck {
  /** The geometry with unclosed rings closed (a copy when changed). */
  geometry: Geometry;
  /** Why the geometry cannot be used, or null. */
  error: string | null;
  /** The same reason in Chinese (null when `error` is). */
  error_zh: string | null;
  /** Rings that were closed by repeating their first vertex. */
  closedRings: number;
}

// Plain loops, no callbacks: these run for every position of a layer (a million in a large file).
function isPosition(p: unknown): p is Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 4) return false;
  for (let i = 0; i < p.length; i++) {
    const v: unknown = p[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

/** A reason in both languages. */
interface Why {
  en: string;
  zh: string;
}

type Part = { en: string; zh: string };
const PART = {
  multipoint: { en: 'multipoint', zh: '多点' },
  line: { en: 'line', zh: '线' },
  linePart: { en: 'line part', zh: '多线的一部分' },
  ring: { en: 'polygon ring', zh: '多边形环' },
} satisfies Record<string, Part>;

const shortJson = (v: unknown): string => JSON.stringify(v)?.slice(0, 40) ?? String(v);

function positionsError(list: unknown, min: number, what: Part): Why | null {
  if (!Array.isArray(list)) return { en: `${what.en} is not a list of positions`, zh: `${what.zh}不是坐标点列表` };
  for (let i = 0; i < list.length; i++) {
    const p: unknown = list[i];
    if (!isPosition(p)) return { en: `${what.en} has a coordinate that is not a pair of numbers (${shortJson(p)})`, zh: `${what.zh}含有不是两个数字的坐标（${shortJson(p)}）` };
  }
  if (list.length < min) return { en: `${what.en} has ${list.length} position(s), needs at least ${min}`, zh: `${what.zh}只有 ${list.length} 个坐标点，至少需要 ${min} 个` };
  return null;
}

function sameXY(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** The ring closed (a copy) when it is a list of ≥ 3 positions whose last differs from its first; else the ring itself. */
function closedRing(r: unknown): unknown {
  if (!Array.isArray(r) || r.length < 3) return r;
  const first: unknown = r[0];
  const last: unknown = r[r.length - 1];
  // already closed (the usual case): no need to look at every position
  if (Array.isArray(first) && Array.isArray(last) && sameXY(first, last)) return r;
  for (let i = 0; i < r.length; i++) if (!isPosition(r[i])) return r;
  return [...r, first];
}

/** Closes rings whose last vertex differs from the first; counts what it closed. The rings themselves when none was. */
function closeRings(rings: unknown, counter: { n: number }): unknown {
  if (!Array.isArray(rings)) return rings;
  let out: unknown[] | null = null;
  for (let i = 0; i < rings.length; i++) {
    const r: unknown = rings[i];
    const c = closedRing(r);
    if (c === r) continue;
    counter.n++;
    out ??= rings.slice();
    out[i] = c;
  }
  return out ?? rings;
}

/** The first error among the rings of a polygon (each ≥ 4 positions), or null. */
function ringsError(rings: unknown[]): Why | null {
  for (let i = 0; i < rings.length; i++) {
    const e = positionsError(rings[i], 4, PART.ring);
    if (e) return e;
  }
  return null;
}

/**
 * Whether every ring's first and last positions are equal as geojson-validation compares them
 * (`toString`: z too, and as many ordinates); rings already passed positionsError.
 */
function ringEndsEqual(rings: readonly Position[][]): boolean {
  for (const r of rings) {
    const a = r[0], b = r[r.length - 1];
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  }
  return true;
}

function failed(geometry: Geometry, why: Why): GeometryCheck {
  return { geometry, error: why.en, error_zh: why.zh, closedRings: 0 };
}

/**
 * Checks one geometry with our own rules (finite numbers, enough positions, closed rings —
 * unclosed rings are closed rather than rejected) and then with geojson-validation, whose first
 * message becomes the detail. GeometryCollections are reported by the caller, not here.
 */
export function validateGeometry(g: unknown): GeometryCheck {
  const geometry = g as Geometry;
  if (!g || typeof g !== 'object') return failed(geometry, { en: 'geometry is not an object', zh: '几何不是对象' });
  const type = (g as { type?: unknown }).type;
  const coords = (g as { coordinates?: unknown }).coordinates;
  const counter = { n: 0 };
  let fixed: unknown = coords;
  let err: Why | null = null;
  switch (type) {
    case 'Point':
      err = isPosition(coords) ? null : { en: `point coordinate is not a pair of numbers (${shortJson(coords)})`, zh: `点坐标不是两个数字（${shortJson(coords)}）` };
      break;
    case 'MultiPoint':
      err = positionsError(coords, 1, PART.multipoint);
      break;
    case 'LineString':
      err = positionsError(coords, 2, PART.line);
      break;
    case 'MultiLineString':
      err = Array.isArray(coords) && coords.length > 0 ? coords.map((l) => positionsError(l, 2, PART.linePart)).find((e) => e) ?? null : { en: 'multiline has no parts', zh: '多线没有任何部分' };
      break;
    case 'Polygon':
      fixed = closeRings(coords, counter);
      err = Array.isArray(fixed) && fixed.length > 0 ? ringsError(fixed) : { en: 'polygon has no rings', zh: '多边形没有环' };
      break;
    case 'MultiPolygon':
      fixed = Array.isArray(coords) ? coords.map((p) => closeRings(p, counter)) : coords;
      if (!Array.isArray(fixed) || fixed.length === 0) err = { en: 'multipolygon has no parts', zh: '多面没有任何部分' };
      else {
        for (const p of fixed as unknown[]) {
          err = Array.isArray(p) && p.length > 0 ? ringsError(p) : { en: 'polygon part has no rings', zh: '多面的一部分没有环' };
          if (err) break;
        }
      }
      break;
    default:
      return failed(geometry, { en: `unknown geometry type "${String(type).slice(0, 30)}"`, zh: `未知的几何类型“${String(type).slice(0, 30)}”` });
  }
  if (err) return failed(geometry, err);
  // A point or line our own checks passed, without a bbox member, passes geojson-validation too
  // (it checks the type, positions of ≥ 2 numbers, lines of ≥ 2 positions, and a bbox): skip the
  // second pass for them, the bulk of a facility or network layer.
  if ((type === 'Point' || type === 'LineString' || type === 'MultiPoint' || type === 'MultiLineString') && !('bbox' in (g as object))) {
    return { geometry, error: null, error_zh: null, closedRings: 0 };
  }
  const out = (counter.n > 0 ? { ...(g as object), coordinates: fixed } : g) as Geometry;
  // A polygon whose rings passed our checks (closed: ≥ 4 positions, equal ends) fails
  // geojson-validation only by a bbox member or ends that differ in z: skip it otherwise, as above.
  if (!('bbox' in (g as object)) && (type === 'Polygon' ? ringEndsEqual(fixed as Position[][]) : (fixed as Position[][][]).every(ringEndsEqual))) {
    return { geometry: out, error: null, error_zh: null, closedRings: counter.n };
  }
  const trace = GJV.isGeometryObject(out, true);
  // geojson-validation explains in English only: the Chinese text says what kind of problem it is.
  if (trace.length > 0) return { geometry: out, error: trace[0] as string, error_zh: '几何结构不符合 GeoJSON 规范', closedRings: counter.n };
  return { geometry: out, error: null, error_zh: null, closedRings: counter.n };
}
