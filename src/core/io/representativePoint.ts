import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The point that stands for a feature (DESIGN §4): a Point is itself; a polygon uses Turf's
 * `centroid` (mean of ring vertices without the closing ones) when it lies inside, else Turf's
 * `pointOnFeature`; lines and multi-points use `pointOnFeature`.
 */
export function representativePoint(g: Geometry): Position {
  if (g.type === 'Point') return g.coordinates;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const c = centroid(g).geometry.coordinates;
    if (booleanPointInPolygon(c, g as Polygon | MultiPolygon)) return c;
  }
  return pointOnFeature(g).geometry.coordinates;
}
