import { issueDetails } from '../../messages/analysisIssues';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { ParkThreshold } from '../../rules/types';
import type { SnapResult } from '../../network/snapPoints';
import { snapNearNetwork } from '../search/snapNearNetwork';
import { multiSourceDijkstra } from '../../network/multiSourceDijkstra';
import { distancesAtSnaps, prepareSnapTargets } from '../../network/distancesAtSnaps';
import { applyDetour, euclideanNearest } from '../search/euclideanNearest';
import type { CoverageIssue } from '../coverage/coveragePoints';
import type { CoverageContext, CoverageMode } from '../coverage/prepareCoverage';
import { weightedRate, type WeightedRate } from '../coverage/coverageStats';
import { qualifyParks, type ParkQualification } from './parkQualification';
import { parkAccessPoints } from './parkAccessPoints';
import { polygonGridSamples } from '../points/polygonGridSamples';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> };

export interface ParkCoverageInput {
  /** park polygons (properties.entrances optional) */
  parks: Features;
  /** size classes, e.g. rules.parks.thresholds */
  thresholds: readonly ParkThreshold[];
  /**
   * the community collection the context was prepared from (same order); needed for the
   * area-based rate, which is left out (null) without it
   */
  communities?: Features;
}

export interface ParkCoverageOptions {
  /** @default ctx.options.mode */
  mode?: CoverageMode;
  /** metres between points added along long park edges; off (Infinity) = boundary vertices only, as DESIGN §4 @default Infinity */
  densifyStep?: number;
  /** grid spacing of the area samples, metres @default 20 */
  areaCellSize?: number;
  /** cap on area samples (the spacing grows beyond it; ≈ 0.3 s of snapping at 100,000) @default 100,000 */
  maxAreaSamples?: number;
  /** keep each class's per-node distances for drawing service areas (network mode) @default true */
  keepNodeDistances?: boolean;
}

/** One park class (one radius): its search, ready for serviceArea drawing. */
export interface ParkClassService {
  /** metres */
  radius: number;
  /** qualifying parks in the class */
  parkCount: number;
  /** indexes into `accessPoints` of this class's parks (all of them, usable or not) */
  pointIds: Int32Array;
  /**
   * network mode with keepNodeDistances: distance per graph node to the nearest park of the class
   * (metres, Infinity when unreached). Draw with
   * `serviceAreaPolygons(graph, nodeDistance, [radius], { seeds: accessSnap, seedIds: pointIds })`
   * or `reachedEdges(graph, nodeDistance, radius, { seeds: accessSnap, seedIds: pointIds })`.
   */
  nodeDistance: Float64Array | null;
}

export interface ParkAreaCoverage {
  /** m² per community (Turf `area`; 0 for point communities) */
  area: Float64Array;
  /** m² per community within a park service area (area × covered samples / samples) */
  covered: Float64Array;
  /** residential land in service areas / residential land (null when there is none) */
  rate: WeightedRate;
  /** sample grid spacing actually used, metres */
  cellSize: number;
  samples: number;
}

export interface ParkCoverageResult {
  mode: CoverageMode;
  communityCount: number;
  parks: ParkQualification;
  /** access points of the qualifying parks (entrances or densified boundary), lon/lat interleaved */
  accessPoints: Float64Array;
  /** park index of each access point */
  accessOwner: Int32Array;
  /** network mode: snaps of the access points (the seeds of the service areas); null otherwise */
  accessSnap: SnapResult | null;
  classes: ParkClassService[];
  /** metres to the nearest qualifying park of any class; Infinity when none is reachable */
  distance: Float64Array;
  /** index of that park, −1 */
  nearestPark: Int32Array;
  /** 1 when some qualifying park lies within its own class's radius */
  ok: Uint8Array;
  /** class-major, classDistance[k·C + c]: metres to the nearest park of class k */
  classDistance: Float64Array;
  stats: {
    parks: number;
    qualifyingParks: number;
    communities: WeightedRate;
    households: WeightedRate;
    population: WeightedRate;
    /** the area-based 公园绿地服务半径覆盖率; null without community polygons */
    area: WeightedRate | null;
  };
  area: ParkAreaCoverage | null;
  /** parks not taking part: no / invalid geometry, or (network) no access point within maxSnap */
  unreachableParks: CoverageIssue[];
  /** unusable park entrances (the boundary was used) */
  warnings: CoverageIssue[];
}

/**
 * Park service-radius coverage (DESIGN §4, 公园绿地服务半径覆盖率). Each park's area decides its
 * class (qualifyParks: default ≥ 5,000 m² → 500 m, 2,000–5,000 m² → 300 m). A park is reached
 * at its entrances, else at its boundary vertices (DESIGN §4; `densifyStep` adds points along long
 * edges, off by default). Per
 * class ONE multi-source search from all access points of that class's parks (network mode: the
 * points are snapped like facilities, access legs count; euclidean: haversine × detour);
 * community c is covered (`ok`) when for some class k its distance to the nearest park of k is
 * ≤ radius(k); `distance` is the distance to the nearest qualifying park of any class.
 *
 * Area-based rate: every community polygon is sampled on a grid (default 20 m, see
 * polygonGridSamples); a sample is covered when its own distance — network mode: straight to
 * the nearest segment (≤ maxSnap), then along the network, i.e. the same rule as a community
 * point — is within some class's radius. Covered area = community area × covered samples /
 * samples; the rate = Σ covered / Σ area (residential land = the community polygons).
 *
 * Community-based rates are shares of communities, households and population (ctx.weights).
 */
export function parkCoverage(ctx: CoverageContext, input: ParkCoverageInput, options: ParkCoverageOptions = {}): ParkCoverageResult {
  const mode = options.mode ?? ctx.options.mode;
  const C = ctx.communities.count;
  if (input.communities && input.communities.features.length !== C) {
    throw new Error(`parkCoverage: ${input.communities.features.length} community features given, the context has ${C}`);
  }
  const parks = qualifyParks(input.parks, input.thresholds);
  const qualifying = Uint8Array.from(parks.parkClass, (k) => (k >= 0 ? 1 : 0));
  const access = parkAccessPoints(input.parks, { densifyStep: options.densifyStep, include: qualifying });
  const P = access.owner.length;
  const K = parks.classes.length;
  const cutoff = ctx.options.cutoff;

  const areaSamples = input.communities
    ? polygonGridSamples(input.communities, { cellSize: options.areaCellSize, maxSamples: options.maxAreaSamples ?? 100_000 })
    : null;
  const S = areaSamples ? areaSamples.offsets[C] : 0;
  const sampleCovered = new Uint8Array(S);

  const classDistance = new Float64Array(K * C).fill(Infinity);
  const classNearest = new Int32Array(K * C).fill(-1);
  const classes: ParkClassService[] = [];
  const unreachableParks = [...parks.issues];
  let accessSnap: SnapResult | null = null;

  const net = ctx.network;
  if (mode === 'network' && !net) throw new Error('network mode needs a walking network; load one or use euclidean mode');
  const areaSnap = mode === 'network' && areaSamples ? snapNearNetwork(net!.graph, net!.index, areaSamples.points, ctx.options.maxSnap) : null;
  if (mode === 'network') {
    accessSnap = snapNearNetwork(net!.graph, net!.index, access.points, ctx.options.maxSnap);
    const anyOk = new Uint8Array(parks.count);
    const nearest = new Float64Array(parks.count).fill(Infinity);
    for (let i = 0; i < P; i++) {
      if (accessSnap.ok[i]) anyOk[access.owner[i]] = 1;
      nearest[access.owner[i]] = Math.min(nearest[access.owner[i]], accessSnap.access[i]);
    }
    for (let p = 0; p < parks.count; p++) {
      if (!qualifying[p] || anyOk[p]) continue;
      const d = nearest[p];
      unreachableParks.push({
        index: p, id: parks.ids[p], reason: 'beyond_max_snap',
        ...issueDetails('beyond_max_snap', { subject: 'park', maxSnap: ctx.options.maxSnap, ...(Number.isFinite(d) ? { distance: d } : {}) }),
        ...(Number.isFinite(d) ? { distance: d } : {}),
      });
    }
    unreachableParks.sort((a, b) => a.index - b.index);
  }

  // prepared once for both classes' searches (the community samples' plan comes with the context)
  const areaPlan = areaSnap ? prepareSnapTargets(net!.graph, areaSnap) : undefined;
  for (let k = 0; k < K; k++) {
    const radius = parks.classes[k].radius;
    const pointIds = Int32Array.from(
      { length: P }, (_, i) => i,
    ).filter((i) => parks.parkClass[access.owner[i]] === k);
    let sampleDist: Float64Array, sampleSrc: Int32Array, areaDist: Float64Array | null = null;
    let nodeDistance: Float64Array | null = null;
    if (mode === 'network') {
      const { graph, workspace, sampleSnap } = net!;
      const run = multiSourceDijkstra(graph, accessSnap!, workspace, { cutoff, sourceIds: pointIds });
      const r = distancesAtSnaps(graph, run, sampleSnap, accessSnap!, { sourceIds: pointIds, cutoff, plan: net!.samplePlan });
      sampleDist = r.distance;
      sampleSrc = r.source;
      if (areaSnap) areaDist = distancesAtSnaps(graph, run, areaSnap, accessSnap!, { sourceIds: pointIds, cutoff, plan: areaPlan }).distance;
      if (options.keepNodeDistances !== false) nodeDistance = run.dist.slice();
    } else {
      const detour = ctx.options.detour;
      const r = euclideanNearest(ctx.communities.samples, access.points, { sourceIds: pointIds });
      sampleDist = r.distance;
      sampleSrc = r.source;
      applyDetour(sampleDist, detour, cutoff);
      if (areaSamples) {
        areaDist = euclideanNearest(areaSamples.points, access.points, { sourceIds: pointIds }).distance;
        applyDetour(areaDist, detour, cutoff);
      }
    }
    const { sampleOffsets } = ctx.communities;
    for (let c = 0, base = k * C; c < C; c++) {
      let best = Infinity, src = -1;
      for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) {
        if (sampleDist[s] < best) {
          best = sampleDist[s];
          src = sampleSrc[s];
        }
      }
      classDistance[base + c] = best;
      classNearest[base + c] = src >= 0 ? access.owner[src] : -1;
    }
    if (areaDist) for (let s = 0; s < S; s++) if (areaDist[s] <= radius) sampleCovered[s] = 1;
    classes.push({ radius, parkCount: parks.classes[k].parkCount, pointIds, nodeDistance });
  }

  const distance = new Float64Array(C).fill(Infinity);
  const nearestPark = new Int32Array(C).fill(-1);
  const ok = new Uint8Array(C);
  for (let k = 0; k < K; k++) {
    const radius = parks.classes[k].radius;
    for (let c = 0; c < C; c++) {
      const d = classDistance[k * C + c];
      if (d < distance[c]) {
        distance[c] = d;
        nearestPark[c] = classNearest[k * C + c];
      }
      if (d <= radius) ok[c] = 1;
    }
  }

  let area: ParkAreaCoverage | null = null;
  if (areaSamples) {
    const covered = new Float64Array(C);
    let total = 0, coveredTotal = 0;
    for (let c = 0; c < C; c++) {
      const s0 = areaSamples.offsets[c], s1 = areaSamples.offsets[c + 1];
      let n = 0;
      for (let s = s0; s < s1; s++) n += sampleCovered[s];
      covered[c] = s1 > s0 ? (areaSamples.area[c] * n) / (s1 - s0) : 0;
      total += areaSamples.area[c];
      coveredTotal += covered[c];
    }
    area = { area: areaSamples.area, covered, rate: weightedRate(coveredTotal, total), cellSize: areaSamples.cellSize, samples: S };
  }

  const { households, population } = ctx.weights;
  let n = 0, hh = 0, pop = 0, hhTotal = 0, popTotal = 0;
  for (let c = 0; c < C; c++) {
    hhTotal += households[c];
    popTotal += population[c];
    if (!ok[c]) continue;
    n++;
    hh += households[c];
    pop += population[c];
  }
  let qualifyingParks = 0;
  for (let p = 0; p < parks.count; p++) qualifyingParks += qualifying[p];

  return {
    mode, communityCount: C, parks,
    accessPoints: access.points, accessOwner: access.owner, accessSnap, classes,
    distance, nearestPark, ok, classDistance,
    stats: {
      parks: parks.count, qualifyingParks,
      communities: weightedRate(n, C), households: weightedRate(hh, hhTotal), population: weightedRate(pop, popTotal),
      area: area ? area.rate : null,
    },
    area, unreachableParks, warnings: access.warnings,
  };
}
