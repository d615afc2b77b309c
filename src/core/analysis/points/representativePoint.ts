import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The representative point of a feature (DESIGN §4): a Point is itself; a Polygon or MultiPolygon
 * uses Turf's `centroid` (mean of all ring vertices, closing vertices excluded) when it lies inside
 * (boundary counts), else Turf's `pointOnFeature`. Other geometries give null.
 *
 * @returns [lon, lat] in degrees, or null
 */
export function representativePoint(geometry: Geometry | null | undefined): [number, number] | null {
  if (!geometry) return null;
  if (geometry.type === 'Point') return validPosition(geometry.coordinates);
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return null;
  if (!hasVertices(geometry)) return null;
  const c = centroid(geometry).geometry.coordinates;
  if (booleanPointInPolygon(c, geometry)) return validPosition(c);
  return validPosition(pointOnFeature(geometry).geometry.coordinates);
}

function validPosition(p: Position | undefined): [number, number] | null {
  if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
  return [p[0], p[1]];
}

function hasVertices(g: Polygon | MultiPolygon): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) return false;
  return polys.every((rings) => Array.isArray(rings) && rings.length > 0 && rings.every((r) => Array.isArray(r) && r.length >= 4));
}
