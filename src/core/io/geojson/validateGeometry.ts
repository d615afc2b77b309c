import * as GJV from 'geojson-validation';
import type { Geometry, Position } from 'geojson';

export interface GeometryCheck {
  /** The geometry with unclosed rings closed (a copy when changed). */
  geometry: Geometry;
  /** Why the geometry cannot be used, or null. */
  error: string | null;
  /** Rings that were closed by repeating their first vertex. */
  closedRings: number;
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && p.length <= 4 && p.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function positionsError(list: unknown, min: number, what: string): string | null {
  if (!Array.isArray(list)) return `${what} is not a list of positions`;
  for (const p of list) if (!isPosition(p)) return `${what} has a coordinate that is not a pair of numbers (${JSON.stringify(p)?.slice(0, 40)})`;
  if (list.length < min) return `${what} has ${list.length} position(s), needs at least ${min}`;
  return null;
}

function sameXY(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Closes rings whose last vertex differs from the first; counts what it closed. */
function closeRings(rings: unknown, counter: { n: number }): unknown {
  if (!Array.isArray(rings)) return rings;
  return rings.map((r) => {
    if (!Array.isArray(r) || r.length < 3 || !r.every(isPosition)) return r;
    const first = r[0] as Position;
    const last = r[r.length - 1] as Position;
    if (sameXY(first, last)) return r;
    counter.n++;
    return [...r, first];
  });
}

/**
 * Checks one geometry with our own rules (finite numbers, enough positions, closed rings —
 * unclosed rings are closed rather than rejected) and then with geojson-validation, whose first
 * message becomes the detail. GeometryCollections are reported by the caller, not here.
 */
export function validateGeometry(g: unknown): GeometryCheck {
  const geometry = g as Geometry;
  const fail = (error: string): GeometryCheck => ({ geometry, error, closedRings: 0 });
  if (!g || typeof g !== 'object') return fail('geometry is not an object');
  const type = (g as { type?: unknown }).type;
  const coords = (g as { coordinates?: unknown }).coordinates;
  const counter = { n: 0 };
  let fixed: unknown = coords;
  let err: string | null = null;
  switch (type) {
    case 'Point':
      err = isPosition(coords) ? null : `point coordinate is not a pair of numbers (${JSON.stringify(coords)?.slice(0, 40)})`;
      break;
    case 'MultiPoint':
      err = positionsError(coords, 1, 'multipoint');
      break;
    case 'LineString':
      err = positionsError(coords, 2, 'line');
      break;
    case 'MultiLineString':
      err = Array.isArray(coords) && coords.length > 0 ? coords.map((l) => positionsError(l, 2, 'line part')).find((e) => e) ?? null : 'multiline has no parts';
      break;
    case 'Polygon':
      fixed = closeRings(coords, counter);
      err = Array.isArray(fixed) && fixed.length > 0 ? (fixed as unknown[]).map((r) => positionsError(r, 4, 'polygon ring')).find((e) => e) ?? null : 'polygon has no rings';
      break;
    case 'MultiPolygon':
      fixed = Array.isArray(coords) ? coords.map((p) => closeRings(p, counter)) : coords;
      err =
        Array.isArray(fixed) && fixed.length > 0
          ? (fixed as unknown[])
              .map((p) => (Array.isArray(p) && p.length > 0 ? p.map((r) => positionsError(r, 4, 'polygon ring')).find((e) => e) ?? null : 'polygon part has no rings'))
              .find((e) => e) ?? null
          : 'multipolygon has no parts';
      break;
    default:
      return fail(`unknown geometry type "${String(type).slice(0, 30)}"`);
  }
  if (err) return fail(err);
  const out = (counter.n > 0 ? { ...(g as object), coordinates: fixed } : g) as Geometry;
  const trace = GJV.isGeometryObject(out, true);
  if (trace.length > 0) return { geometry: out, error: trace[0] as string, closedRings: counter.n };
  return { geometry: out, error: null, closedRings: counter.n };
}
