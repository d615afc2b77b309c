import type { Geometry } from 'geojson';
import { toWkt } from './toWkt';
import { mapGeometry, type PositionFn } from '../crs/mapCoordinates';

/** How lists are joined in exported properties (ids, category lists). */
export const LIST_SEPARATOR = ';';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

function isGeometry(v: object): v is Geometry {
  const g = v as { type?: unknown; coordinates?: unknown };
  return typeof g.type === 'string' && GEOMETRY_TYPES.has(g.type) && Array.isArray(g.coordinates);
}

/** Whether flatProperties keeps a value as it is (null, string, number, boolean; undefined too). */
export function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/**
 * Properties with no nested value, for GIS tools that cannot show arrays or objects (issue 8,
 * item 13): a geometry object (e.g. `entrances` MultiPoint) becomes WKT text, which the importer
 * reads back (readEntrances); a list of plain values is joined with ';'; any other list (of lists
 * or objects) becomes JSON text; an object becomes prefixed keys (`tags.amenity` → `tags_amenity`,
 * recursively). A prefixed key never overwrites a property of that name. Scalars are kept.
 * @param position converts the coordinates of geometry-valued properties like the feature's own
 *   (e.g. to GCJ-02), so entrances stay with their community
 */
export function flatProperties(props: Readonly<Record<string, unknown>>, position?: PositionFn | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Object.keys and a plain loop: called once per exported feature (200k in a large CLI run)
  const keys = Object.keys(props);
  for (let i = 0; i < keys.length; i++) putFlat(out, props, keys[i], props[keys[i]], false, position);
  return out;
}

function putFlat(out: Record<string, unknown>, props: Readonly<Record<string, unknown>>, key: string, v: unknown, prefixed: boolean, position: PositionFn | null | undefined): void {
  if (prefixed && key in props) return;
  if (isScalar(v) || v instanceof Date) out[key] = v;
  else if (Array.isArray(v)) out[key] = v.every(isScalar) ? v.map((x) => (x == null ? '' : String(x))).join(LIST_SEPARATOR) : JSON.stringify(v);
  else if (isGeometry(v as object)) out[key] = toWkt(position ? mapGeometry(v as Geometry, position) : (v as Geometry));
  else for (const [k, x] of Object.entries(v as Record<string, unknown>)) putFlat(out, props, `${key}_${k}`, x, true, position);
}
