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

/** A new collection with every position passed through `fn`; features without geometry are kept. */
export function mapFeatureCollection(fc: FeatureCollection, fn: PositionFn): FeatureCollection {
  return {
    ...fc,
    features: fc.features.map((f): Feature => (f.geometry ? { ...f, geometry: mapGeometry(f.geometry, fn) } : f)),
  };
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
