import { issueDetails, type AnalysisIssueReason } from '../../messages/analysisIssues';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import { representativePoint } from '../points/representativePoint';
import { pointOrder } from '../../network/hilbertOrder';
import { parseWkt } from '../../io/csv/parseWkt';
import { pointToPolygonDistance } from '@turf/turf';
import { DEFAULTS } from '../../rules/defaults';

/**
 * Entrances farther than this from their community's polygon are ignored with a warning (a gate
 * 4 km away is a data error, not a short cut), metres.
 */
export const ENTRANCE_MAX_DISTANCE_M = DEFAULTS.entranceMaxDistanceM;

/** Metres from a point to a polygon (0 inside). */
function distanceToPolygon(p: [number, number], g: Geometry): number {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return 0;
  return Math.max(0, pointToPolygonDistance(p, g, { units: 'meters' }));
}

/** Why a community or facility does not take part in (part of) the analysis (messages: core/messages). */
export type CoverageIssueReason = Exclude<AnalysisIssueReason, 'invalid_spaces'>;

/** One feature listed as unreachable or ignored, never dropped silently. */
export interface CoverageIssue {
  /** feature index in its input collection */
  index: number;
  /** properties.id, else feature.id, else null */
  id: string | null;
  reason: CoverageIssueReason;
  /** the message (English; core/messages analysisIssueText) */
  detail?: string;
  /** the same in Chinese */
  detail_zh?: string;
  /** metres to the nearest network segment, for beyond_max_snap */
  distance?: number;
}

type AnyFeatures = FeatureCollection<Geometry | null, GeoJsonProperties> | { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties>> };

/** Where communities are measured from: entrances when given, else the representative point. */
export interface CommunityPoints {
  count: number;
  ids: (string | null)[];
  /** representative point per community, lon/lat interleaved (NaN when none) */
  representative: Float64Array;
  /** sample points (entrances or the representative point), lon/lat interleaved */
  samples: Float64Array;
  /** samples of community c are sampleOffsets[c] ≤ s < sampleOffsets[c+1] */
  sampleOffsets: Int32Array;
  /** the samples along a Hilbert curve (pointOrder), computed once for the nearest-facility queries of every category */
  sampleOrder?: Int32Array;
  issues: CoverageIssue[];
}

/** Facility access points: one per Point, each point of a MultiPoint, or a polygon's representative point. */
export interface FacilityPoints {
  count: number;
  ids: (string | null)[];
  /** category index per facility, −1 when unknown or missing */
  category: Int32Array;
  points: Float64Array;
  /** facility of each point */
  pointOwner: Int32Array;
  issues: CoverageIssue[];
}

export function featureId(f: Feature<Geometry | null, GeoJsonProperties> | null | undefined): string | null {
  const v = f?.properties?.id ?? f?.id;
  return v == null || v === '' ? null : String(v);
}

function lonLatOf(p: unknown): [number, number] | null {
  if (!Array.isArray(p)) return null;
  const [lon, lat] = p as Position;
  return typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
}

/**
 * Reads `properties.entrances`: a MultiPoint (or Point) geometry object, an array of [lon, lat], or
 * the same as WKT text ("MULTIPOINT (lon lat, …)", as our flat GeoJSON/CSV exports write it).
 * @returns the valid points, null when absent, or 'invalid' when present but unusable
 */
export function readEntrances(value: unknown): [number, number][] | null | 'invalid' {
  if (value == null || value === '') return null;
  if (typeof value === 'string') {
    const g = parseWkt(value);
    return g ? readEntrances(g) : 'invalid';
  }
  let list: unknown[] | null = null;
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'object') {
    const g = value as { type?: unknown; coordinates?: unknown };
    if (g.type === 'MultiPoint' && Array.isArray(g.coordinates)) list = g.coordinates;
    else if (g.type === 'Point') list = [g.coordinates];
  }
  if (!list || list.length === 0) return 'invalid';
  const out: [number, number][] = [];
  for (const p of list) {
    const q = lonLatOf(p);
    if (!q) return 'invalid';
    out.push(q);
  }
  return out;
}

/**
 * Sample points of every community (DESIGN §4): its entrances when `properties.entrances` holds
 * any, else its representative point. Communities without a usable geometry keep zero samples and
 * are listed in `issues`.
 */
export function communityPoints(communities: AnyFeatures): CommunityPoints {
  const feats = communities.features;
  const count = feats.length;
  const representative = new Float64Array(2 * count).fill(NaN);
  const sampleOffsets = new Int32Array(count + 1);
  const samples: number[] = [];
  const ids: (string | null)[] = [];
  const issues: CoverageIssue[] = [];
  for (let i = 0; i < count; i++) {
    const f = feats[i];
    const id = featureId(f);
    ids.push(id);
    const g = f?.geometry;
    let rep = g ? representativePoint(g) : null;
    if (rep && !lonLatOf(rep)) rep = null; // projected metres are not lon/lat
    if (rep) {
      representative[2 * i] = rep[0];
      representative[2 * i + 1] = rep[1];
    }
    let entrances = readEntrances(f?.properties?.entrances);
    if (entrances === 'invalid') {
      issues.push({ index: i, id, reason: 'invalid_entrances', ...issueDetails('invalid_entrances', { subject: 'community', fallback: 'representative_point' }) });
    }
    if (Array.isArray(entrances) && g) {
      const far = entrances.map((p) => distanceToPolygon(p, g)).filter((d) => d > ENTRANCE_MAX_DISTANCE_M);
      if (far.length) {
        entrances = entrances.filter((p) => distanceToPolygon(p, g) <= ENTRANCE_MAX_DISTANCE_M);
        const params = { count: far.length, min: Math.min(...far), max: Math.max(...far), limit: ENTRANCE_MAX_DISTANCE_M, remaining: entrances.length };
        issues.push({ index: i, id, reason: 'far_entrances', distance: params.max, ...issueDetails('far_entrances', { subject: 'community', far: params, fallback: 'other_entrances' }) });
        if (!entrances.length) entrances = null;
      }
    }
    if (Array.isArray(entrances)) {
      for (const p of entrances) samples.push(p[0], p[1]);
    } else if (rep) {
      samples.push(rep[0], rep[1]);
    } else if (!g) {
      issues.push({ index: i, id, reason: 'no_geometry' });
    } else {
      issues.push({ index: i, id, reason: 'invalid_geometry', ...issueDetails('invalid_geometry', { subject: 'community', geometryType: g.type }) });
    }
    sampleOffsets[i + 1] = samples.length >> 1;
  }
  const flat = Float64Array.from(samples);
  return { count, ids, representative, samples: flat, sampleOffsets, sampleOrder: pointOrder(flat), issues };
}

/**
 * Access points and category index of every facility. `categoryIndex` maps a rule-set category id
 * to its index; facilities with a missing or unknown `properties.category` are listed and unused.
 * `reuse`: a scenario's facilities, most of them the very features of `from` (origin[i] their index
 * there, −1 for new or moved ones) — those are copied, not read again.
 */
export function facilityPoints(
  facilities: AnyFeatures, categoryIndex: ReadonlyMap<string, number>, reuse?: { from: FacilityPoints; origin: Int32Array },
): FacilityPoints {
  if (!reuse) return readFacilityPoints(facilities, categoryIndex);
  // A scenario's unchanged features (origin[i] = their index in `from`) keep their points and
  // issues; only the others are read.
  const { from: prev, origin } = reuse;
  const feats = facilities.features;
  const count = feats.length;
  const o = (i: number) => (i < origin.length ? origin[i] : -1);
  const freshAt: number[] = [];
  for (let i = 0; i < count; i++) if (o(i) < 0) freshAt.push(i);
  const fresh = readFacilityPoints({ features: freshAt.map((i) => feats[i]) }, categoryIndex);
  const prevStart = pointStarts(prev);
  const freshStart = pointStarts(fresh);
  let n = 0;
  for (let i = 0, j = 0; i < count; i++) n += o(i) >= 0 ? prevStart[o(i) + 1] - prevStart[o(i)] : freshStart[j + 1] - freshStart[j++];
  const points = new Float64Array(2 * n);
  const pointOwner = new Int32Array(n);
  const category = new Int32Array(count);
  const ids = new Array<string | null>(count);
  const freshIndex = new Int32Array(count).fill(-1);
  freshAt.forEach((i, j) => (freshIndex[i] = j));
  let q = 0;
  for (let i = 0; i < count; i++) {
    const from = o(i) >= 0 ? prev : fresh;
    const k = o(i) >= 0 ? o(i) : freshIndex[i];
    const starts = o(i) >= 0 ? prevStart : freshStart;
    ids[i] = from.ids[k];
    category[i] = from.category[k];
    const a = starts[k], b = starts[k + 1];
    points.set(from.points.subarray(2 * a, 2 * b), 2 * q);
    pointOwner.fill(i, q, q + b - a);
    q += b - a;
  }
  const at = new Int32Array(prev.count).fill(-1);
  origin.forEach((k, i) => k >= 0 && (at[k] = i));
  const issues = [
    ...prev.issues.filter((x) => at[x.index] >= 0).map((x) => ({ ...x, index: at[x.index] })),
    ...fresh.issues.map((x) => ({ ...x, index: freshAt[x.index] })),
  ].sort((a, b) => a.index - b.index);
  return { count, ids, category, points, pointOwner, issues };
}

function readFacilityPoints(facilities: AnyFeatures, categoryIndex: ReadonlyMap<string, number>): FacilityPoints {
  const feats = facilities.features;
  const count = feats.length;
  const category = new Int32Array(count).fill(-1);
  const points: number[] = [];
  const owner: number[] = [];
  const ids: (string | null)[] = [];
  const issues: CoverageIssue[] = [];
  for (let i = 0; i < count; i++) {
    const f = feats[i];
    const id = featureId(f);
    ids.push(id);
    const g = f?.geometry;
    if (!g) {
      issues.push({ index: i, id, reason: 'no_geometry' });
      continue;
    }
    const cat = f?.properties?.category;
    const k = typeof cat === 'string' ? categoryIndex.get(cat) : undefined;
    if (k === undefined) {
      issues.push({ index: i, id, reason: 'unknown_category', ...issueDetails('unknown_category', { subject: 'facility', category: cat }) });
      continue;
    }
    if (g.type === 'Point') {
      // the common case, without the intermediate arrays (same test as representativePoint)
      const c = g.coordinates;
      if (c && Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) {
        category[i] = k;
        points.push(c[0], c[1]);
        owner.push(i);
        continue;
      }
    }
    const pts: [number, number][] = [];
    if (g.type === 'MultiPoint' && Array.isArray(g.coordinates)) {
      for (const p of g.coordinates) {
        const q = lonLatOf(p);
        if (q) pts.push(q);
      }
    } else {
      const rep = lonLatOf(representativePoint(g));
      if (rep) pts.push(rep);
    }
    if (pts.length === 0) {
      issues.push({ index: i, id, reason: 'invalid_geometry', ...issueDetails('invalid_geometry', { subject: 'facility', geometryType: g.type }) });
      continue;
    }
    category[i] = k;
    for (const p of pts) {
      points.push(p[0], p[1]);
      owner.push(i);
    }
  }
  return { count, ids, category, points: Float64Array.from(points), pointOwner: Int32Array.from(owner), issues };
}

/** Where each facility's points start in `points` / `pointOwner` (owners are ascending), count + 1 entries. */
export function pointStarts(f: FacilityPoints): Int32Array {
  const start = new Int32Array(f.count + 1);
  for (let p = 0; p < f.pointOwner.length; p++) start[f.pointOwner[p] + 1]++;
  for (let i = 0; i < f.count; i++) start[i + 1] += start[i];
  return start;
}
