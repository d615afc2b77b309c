import { issueDetails } from '../../messages/analysisIssues';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { haversine } from '../../network/haversine';
import { featureId, readEntrances, type CoverageIssue } from '../coverage/coveragePoints';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> };

export interface ParkAccessPointOptions {
  /**
   * Longest gap between consecutive boundary points, metres: longer boundary edges get evenly
   * spaced points added, so a community beside the middle of a long park side is measured to
   * that side, not to its far corners. @default 50
   */
  densifyStep?: number;
  /** Only parks with include[p] = 1 get points (e.g. the qualifying ones). @default all */
  include?: ArrayLike<number>;
}

/** Where parks are entered from, as flat arrays. */
export interface ParkAccessPoints {
  /** lon, lat interleaved */
  points: Float64Array;
  /** park index of each point */
  owner: Int32Array;
  /** per park: 1 when its points are its entrances, 0 when boundary points */
  fromEntrances: Uint8Array;
  /** unusable `entrances` (the boundary was used instead) */
  warnings: CoverageIssue[];
}

/**
 * Access points of every park (DESIGN §4 Parks): its entrances when `properties.entrances` holds
 * any (a MultiPoint or a list of [lon, lat] — a fenced park is entered only there), else every
 * vertex of every ring (holes too: their edge is park edge as well), the closing vertex once —
 * exactly DESIGN §4 ("nearest entrance or boundary vertex"). Optionally (`densifyStep` metres,
 * linear in lon/lat; off by default) points are added along longer edges, so a park with few,
 * far-apart vertices is reached where a path meets its side.
 */
export function parkAccessPoints(parks: Features, options: ParkAccessPointOptions = {}): ParkAccessPoints {
  const step = options.densifyStep ?? Infinity;
  if (!(step > 0)) throw new Error(`parkAccessPoints: densifyStep must be > 0 m, got ${step}`);
  const include = options.include;
  const feats = parks.features;
  const out: number[] = [];
  const owner: number[] = [];
  const fromEntrances = new Uint8Array(feats.length);
  const warnings: CoverageIssue[] = [];
  for (let p = 0; p < feats.length; p++) {
    if (include && !include[p]) continue;
    const f = feats[p];
    const g = f?.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const entrances = readEntrances(f?.properties?.entrances);
    if (entrances === 'invalid') {
      warnings.push({
        index: p, id: featureId(f), reason: 'invalid_entrances',
        ...issueDetails('invalid_entrances', { subject: 'park', fallback: 'boundary' }),
      });
    }
    if (Array.isArray(entrances)) {
      fromEntrances[p] = 1;
      for (const [lon, lat] of entrances) {
        out.push(lon, lat);
        owner.push(p);
      }
      continue;
    }
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) for (const ring of rings) densifyRing(ring, step, p, out, owner);
  }
  return { points: Float64Array.from(out), owner: Int32Array.from(owner), fromEntrances, warnings };
}

/** Pushes the ring's vertices (closing vertex once) and points every ≤ step metres between them. */
function densifyRing(ring: Position[], step: number, p: number, out: number[], owner: number[]): void {
  let n = ring.length;
  if (n === 0) return;
  const valid = (q: Position) => Number.isFinite(q[0]) && Number.isFinite(q[1]) && Math.abs(q[0]) <= 180 && Math.abs(q[1]) <= 90;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    if (!valid(a)) continue;
    out.push(a[0], a[1]);
    owner.push(p);
    if (n < 2) continue;
    const b = ring[(i + 1) % n];
    if (!valid(b)) continue;
    const len = haversine(a[0], a[1], b[0], b[1]);
    const pieces = Math.ceil(len / step);
    for (let k = 1; k < pieces; k++) {
      const t = k / pieces;
      out.push(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
      owner.push(p);
    }
  }
}
