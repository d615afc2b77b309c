import { parseWkt } from '../csv/parseWkt';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** A function from one position to another; extra ordinates (z) are kept by the callers. */
export type PositionFn = (x: number, y: number) => [number, number];

function mapPos(p: Position, fn: PositionFn): Position {
  const [x, y] = fn(p[0] as number, p[1] as number);
  return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
}

/** A new geometry with every position passed through `fn`; the input is not mutated. */
export function mapGeometry<G extends Geometry>(g: G, fn: PositionFn): G {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: mapPos(g.coordinates, fn) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map((p) => mapPos(p, fn)) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((l) => l.map((p) => mapPos(p, fn))) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map((l) => l.map((p) => mapPos(p, fn)))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapGeometry(x, fn)) };
  }
}

/** A new collection with every position passed through `fn` (entrances too); features without geometry are kept. */
export function mapFeatureCollection(fc: FeatureCollection, fn: PositionFn): FeatureCollection {
  return { ...fc, features: fc.features.map((f) => mapFeature(f, fn)) };
}

/** A feature with its geometry and its `properties.entrances` (gates) converted by `fn`. */
export function mapFeature<F extends Feature>(f: F, fn: PositionFn): F {
  const entrances = f.properties?.entrances;
  const properties = entrances == null || entrances === '' ? f.properties : { ...f.properties, entrances: mapEntrances(entrances, fn) };
  return { ...f, geometry: f.geometry ? mapGeometry(f.geometry, fn) : f.geometry, properties };
}

/**
 * A community's `properties.entrances` converted like its geometry (swapped lat/lon, projected
 * metres, GCJ-02…), so gates stay on their compound. Accepts what the analysis reads
 * (coveragePoints.readEntrances): a (Multi)Point object, a list of positions, or WKT text (returned
 * as a geometry object). Anything else is returned unchanged (the analysis reports it as invalid).
 */
export function mapEntrances(value: unknown, fn: PositionFn): unknown {
  if (typeof value === 'string') {
    const g = parseWkt(value);
    return g && (g.type === 'Point' || g.type === 'MultiPoint') ? mapGeometry(g, fn) : value;
  }
  if (Array.isArray(value)) {
    if (!value.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')) return value;
    return (value as number[][]).map((p) => fn(p[0] as number, p[1] as number));
  }
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  if (g && (g.type === 'Point' || g.type === 'MultiPoint') && Array.isArray(g.coordinates)) return mapGeometry(g as Geometry, fn);
  return value;
}

/** Calls `cb` for every position of a geometry. */
export function forEachPosition(g: Geometry, cb: (x: number, y: number) => void): void {
  switch (g.type) {
    case 'Point':
      cb(g.coordinates[0] as number, g.coordinates[1] as number);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) cb(p[0] as number, p[1] as number);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) for (const p of l) cb(p[0] as number, p[1] as number);
      return;
    case 'MultiPolygon':
      for (const r of g.coordinates) for (const l of r) for (const p of l) cb(p[0] as number, p[1] as number);
      return;
    case 'GeometryCollection':
      for (const x of g.geometries) forEachPosition(x, cb);
  }
}

/**
 * Calls `cb` for every list of positions of a geometry (a line, a ring, a multipoint; a point is a
 * list of one), in forEachPosition's order: for walks that need the lists, not each position.
 */
export function forEachPositionList(g: Geometry, cb: (list: readonly Position[]) => void): void {
  switch (g.type) {
    case 'Point':
      cb([g.coordinates]);
      return;
    case 'MultiPoint':
    case 'LineString':
      cb(g.coordinates);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) cb(l);
      return;
    case 'MultiPolygon':
      for (const r of g.coordinates) for (const l of r) cb(l);
      return;
    case 'GeometryCollection':
      for (const x of g.geometries) forEachPositionList(x, cb);
  }
}
