import { pointOnFeature } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { representativePoint as pointOrPolygonPoint } from '../analysis/representativePoint';

/**
 * The point that stands for any feature: points and polygons as the analysis defines it
 * (DESIGN §4, analysis/representativePoint); lines and multi-points use Turf's `pointOnFeature`.
 */
export function representativePoint(g: Geometry): Position {
  return pointOrPolygonPoint(g) ?? pointOnFeature(g).geometry.coordinates;
}
