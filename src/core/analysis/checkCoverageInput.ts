import type { Geometry } from 'geojson';
import type { CoverageRuleSet } from './coverageRules';

export type CoverageLayer = 'communities' | 'facilities' | 'network';

/** One problem in an analysis input: the layer, the feature index (null: the whole layer), what is wrong. */
export interface CoverageInputProblem {
  layer: CoverageLayer;
  index: number | null;
  message: string;
  /** 'error' stops a strict run (the CLI); 'warning' is reported and skipped */
  severity: 'error' | 'warning';
}

const ALLOWED: Record<CoverageLayer, readonly string[]> = {
  communities: ['Polygon', 'MultiPolygon', 'Point'],
  facilities: ['Point', 'MultiPoint', 'Polygon', 'MultiPolygon'],
  network: ['LineString', 'MultiLineString'],
};

/**
 * Checks a parsed JSON value as one analysis layer: a GeoJSON FeatureCollection, allowed geometry
 * types, lon/lat coordinates, and for facilities a `properties.category` of the rule set. Null
 * geometries are warnings (skipped and counted); everything else is an error with its feature
 * index. Stops listing per-feature errors after `maxErrors`.
 */
export function checkCoverageLayer(
  value: unknown, layer: CoverageLayer, rules?: CoverageRuleSet, maxErrors = 20,
): CoverageInputProblem[] {
  const out: CoverageInputProblem[] = [];
  const v = value as { type?: unknown; features?: unknown } | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    const what = typeof v === 'object' && v !== null && 'type' in v ? `a GeoJSON ${String(v.type)}` : 'not GeoJSON';
    return [{ layer, index: null, severity: 'error', message: `expected a GeoJSON FeatureCollection, got ${what}` }];
  }
  const features = v.features as unknown[];
  if (features.length === 0 && layer !== 'facilities') {
    return [{ layer, index: null, severity: 'error', message: 'the collection has no features' }];
  }
  const categories = new Set(rules?.categories.map((c) => c.id) ?? []);
  let nullCount = 0;
  let errors = 0;
  const error = (index: number, message: string) => {
    if (errors++ < maxErrors) out.push({ layer, index, severity: 'error', message });
  };
  for (let i = 0; i < features.length; i++) {
    const f = features[i] as { type?: unknown; geometry?: Geometry | null; properties?: Record<string, unknown> | null } | null;
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      error(i, 'not a GeoJSON Feature');
      continue;
    }
    const g = f.geometry;
    if (g == null) {
      nullCount++;
      continue;
    }
    if (!ALLOWED[layer].includes(g.type)) {
      error(i, `geometry type ${String(g.type)} is not allowed here (expected ${ALLOWED[layer].join(', ')})`);
      continue;
    }
    const bad = firstBadPosition((g as { coordinates?: unknown }).coordinates);
    if (bad !== null) {
      error(i, bad);
      continue;
    }
    if (layer === 'facilities') {
      const cat = f.properties?.category;
      if (cat == null || cat === '') error(i, 'has no properties.category (a rule-set category id such as "kindergarten")');
      else if (rules && !categories.has(String(cat))) {
        error(i, `category "${String(cat)}" is not in the rule set (known: ${[...categories].slice(0, 8).join(', ')}${categories.size > 8 ? ', …' : ''})`);
      }
    }
  }
  if (errors > maxErrors) out.push({ layer, index: null, severity: 'error', message: `… and ${errors - maxErrors} more features with problems` });
  if (nullCount > 0) {
    const what = layer === 'communities' ? 'kept in the output without distances' : 'skipped';
    out.push({ layer, index: null, severity: 'warning', message: `${nullCount} feature(s) with a null geometry (${what})` });
  }
  if (features.length === 0) out.push({ layer, index: null, severity: 'warning', message: 'the collection has no features' });
  return out;
}

/** A message for the first position that is not a finite lon/lat pair, else null. */
function firstBadPosition(coords: unknown): string | null {
  if (!Array.isArray(coords)) return 'has no coordinates array';
  if (coords.length === 0) return 'has empty coordinates';
  if (typeof coords[0] === 'number') {
    if (coords.length < 2) return 'has a position with fewer than 2 numbers';
    const [x, y] = coords as number[];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return `has a non-numeric coordinate [${String(x)}, ${String(y)}]`;
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      return `coordinate [${x}, ${y}] is not longitude/latitude (projected metres such as CGCS2000 Gauss-Krüger or Web Mercator?); convert to WGS84 (EPSG:4326) first`;
    }
    return null;
  }
  for (const c of coords) {
    const r = firstBadPosition(c);
    if (r) return r;
  }
  return null;
}
