/**
 * The naive method planners reach for first, kept as the benchmark's yardstick (DESIGN §7):
 * a Turf circle (64 steps) around every facility → one `union` of all circles →
 * `booleanPointInPolygon` per community representative point. Straight-line only, and slow by
 * design: never use it in the product.
 */
import { booleanPointInPolygon, circle, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';

/**
 * Covered flags (1 = inside the union of circles) for each representative point.
 * @param facilities facility points of one category, lon/lat
 * @param points community representative points, lon/lat
 * @param radiusM circle radius in metres
 */
export function naiveTurfCoverage(
  facilities: readonly Position[],
  points: readonly Feature<Point>[],
  radiusM: number,
): Uint8Array {
  const circles = facilities.map((c) => circle(c, radiusM / 1000, { steps: 64, units: 'kilometers' }));
  const covered = new Uint8Array(points.length);
  if (circles.length === 0) return covered;
  const merged: Feature<Polygon | MultiPolygon> | null =
    circles.length === 1 ? circles[0] : union(featureCollection(circles));
  if (!merged) return covered;
  for (let i = 0; i < points.length; i++) covered[i] = booleanPointInPolygon(points[i], merged) ? 1 : 0;
  return covered;
}
