import { pointOnFeature } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { representativePoint } from '../analysis/points/representativePoint';

/**
 * A point on any feature, for placing and classifying it (CSV export's lon/lat, the OSM
 * classifier, the kind filter): points and polygons get the analysis' representativePoint
 * (DESIGN §4, the one definition); lines and multi-points, which the analysis never places, a
 * point on them (Turf's `pointOnFeature`).
 */
export function anchorPoint(g: Geometry): Position {
  return representativePoint(g) ?? pointOnFeature(g).geometry.coordinates;
}
