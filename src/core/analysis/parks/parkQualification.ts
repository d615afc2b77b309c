import { issueDetails } from '../../messages/analysisIssues';
import { area as turfArea } from '@turf/turf';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { ParkThreshold } from '../../rules/types';
import { featureId, type CoverageIssue } from '../coverage/coveragePoints';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> };

/**
 * One park service class: the parks of one radius. Thresholds with the same radius share a class,
 * so the coverage runs one search per distinct radius.
 */
export interface ParkClass {
  /** service radius, metres */
  radius: number;
  /** indexes of the thresholds (as given) that make up this class */
  thresholds: number[];
  /** parks in this class */
  parkCount: number;
}

/** Area and service class of every park, in flat arrays indexed like the park collection. */
export interface ParkQualification {
  count: number;
  ids: (string | null)[];
  /** m² (Turf `area`, geodesic on the sphere); 0 for missing or non-polygon geometry */
  area: Float64Array;
  /** index of the threshold the park qualifies under, −1 when it meets none */
  threshold: Int32Array;
  /** index into `classes`, −1 when the park does not qualify */
  parkClass: Int32Array;
  /** metres, NaN when the park does not qualify */
  radius: Float64Array;
  /** classes by decreasing radius */
  classes: ParkClass[];
  /** parks without a usable polygon (kept, never qualifying) */
  issues: CoverageIssue[];
}

/**
 * Checks park thresholds: min_area_m2 ≥ 0, radius_m > 0, max_area_m2 > min_area_m2 when given.
 * Throws an Error naming the threshold otherwise.
 */
export function checkParkThresholds(thresholds: readonly ParkThreshold[]): void {
  if (!Array.isArray(thresholds)) throw new Error('park thresholds must be a list of { min_area_m2, max_area_m2?, radius_m }');
  thresholds.forEach((t, i) => {
    const where = `park threshold ${i} (${JSON.stringify(t)})`;
    if (!(typeof t?.min_area_m2 === 'number' && t.min_area_m2 >= 0 && t.min_area_m2 < Infinity)) {
      throw new Error(`${where}: min_area_m2 must be a number of m² ≥ 0`);
    }
    if (!(typeof t.radius_m === 'number' && t.radius_m > 0 && t.radius_m < Infinity)) {
      throw new Error(`${where}: radius_m must be a distance in metres > 0`);
    }
    if (t.max_area_m2 != null && !(typeof t.max_area_m2 === 'number' && t.max_area_m2 > t.min_area_m2)) {
      throw new Error(`${where}: max_area_m2 must be larger than min_area_m2, or left out`);
    }
  });
}

/**
 * The threshold a park of `area` m² qualifies under: it meets threshold t when
 * min_area_m2 ≤ area < max_area_m2 (no upper bound when max_area_m2 is absent); among the
 * thresholds it meets, the one with the largest radius counts (ties: the larger min_area_m2).
 * With the default rules a 5,000 m² park serves 500 m and a 4,999 m² park 300 m.
 * @returns the threshold index, −1 when none is met
 */
export function parkThresholdIndex(area: number, thresholds: readonly ParkThreshold[]): number {
  let best = -1;
  for (let i = 0; i < thresholds.length; i++) {
    const t = thresholds[i];
    if (!(area >= t.min_area_m2) || (t.max_area_m2 != null && !(area < t.max_area_m2))) continue;
    const b = best >= 0 ? thresholds[best] : null;
    if (!b || t.radius_m > b.radius_m || (t.radius_m === b.radius_m && t.min_area_m2 > b.min_area_m2)) best = i;
  }
  return best;
}

/**
 * Area (m², Turf `area`) and service class of every park (DESIGN §4 公园绿地服务半径覆盖率):
 * by default parks ≥ 5,000 m² serve 500 m and parks of 2,000–5,000 m² serve 300 m
 * (`rules.parks.thresholds`, editable). Parks below every threshold, and features that are not
 * (Multi)Polygons, do not qualify; the latter are listed in `issues`.
 *
 * @param parks park features (Polygon / MultiPolygon)
 * @param thresholds e.g. rules.parks.thresholds
 */
export function qualifyParks(parks: Features, thresholds: readonly ParkThreshold[]): ParkQualification {
  checkParkThresholds(thresholds);
  const feats = parks.features;
  const count = feats.length;
  const area = new Float64Array(count);
  const threshold = new Int32Array(count).fill(-1);
  const parkClass = new Int32Array(count).fill(-1);
  const radius = new Float64Array(count).fill(NaN);
  const ids: (string | null)[] = [];
  const issues: CoverageIssue[] = [];

  const radii = [...new Set(thresholds.map((t) => t.radius_m))].sort((a, b) => b - a);
  const classes: ParkClass[] = radii.map((r) => ({
    radius: r,
    thresholds: thresholds.flatMap((t, i) => (t.radius_m === r ? [i] : [])),
    parkCount: 0,
  }));
  const classOfRadius = new Map(radii.map((r, i) => [r, i]));

  for (let p = 0; p < count; p++) {
    const f = feats[p];
    const id = featureId(f);
    ids.push(id);
    const g = f?.geometry;
    if (!g) {
      issues.push({ index: p, id, reason: 'no_geometry' });
      continue;
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      issues.push({ index: p, id, reason: 'invalid_geometry', ...issueDetails('invalid_geometry', { subject: 'park', geometryType: g.type }) });
      continue;
    }
    const a = turfArea(g);
    area[p] = Number.isFinite(a) ? a : 0;
    const t = parkThresholdIndex(area[p], thresholds);
    if (t < 0) continue;
    threshold[p] = t;
    radius[p] = thresholds[t].radius_m;
    const k = classOfRadius.get(thresholds[t].radius_m)!;
    parkClass[p] = k;
    classes[k].parkCount++;
  }
  return { count, ids, area, threshold, parkClass, radius, classes, issues };
}
