import { issueDetails, type IssueSubject } from '../../messages/analysisIssues';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { WalkGraph } from '../../network/graph';
import { buildGraph, type NetworkInput } from '../../network/buildGraph';
import { buildSegmentIndex, type SegmentIndex } from '../../network/buildSegmentIndex';
import { snapPoints, type SnapResult } from '../../network/snapPoints';
import { prepareSnapTargets, type SnapTargetPlan } from '../../network/distancesAtSnaps';
import { createDijkstraWorkspace, type DijkstraWorkspace } from '../../network/multiSourceDijkstra';
import { connectedComponents } from '../../network/connectedComponents';
import { IntPairMap } from '../../network/intPairMap';
import { resolveCoverageRules, type CoverageCategory, type CoverageLevel, type CoverageRuleSet } from './coverageRules';
import { communityPoints, facilityPoints, pointStarts, type CommunityPoints, type CoverageIssue, type FacilityPoints } from './coveragePoints';
import { coverageWeights, type CoverageWeights } from './coverageWeights';
import { DEFAULTS, personsPerHousehold } from '../../rules/defaults';

export type CoverageMode = 'network' | 'euclidean';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties>> };

export interface CoverageInput {
  /** community polygons (or points), canonical properties households / population / id */
  communities: Features;
  /** facility points with properties.category = a rule-set category id */
  facilities: Features;
  rules: CoverageRuleSet;
  /** the network layer (LineString / MultiLineString); or pass a prebuilt `graph` */
  network?: NetworkInput;
  graph?: WalkGraph;
  /** the graph's segment index, when already built */
  segmentIndex?: SegmentIndex;
}

export interface CoverageOptions {
  /** @default 'network' when a network or graph is given, else 'euclidean' */
  mode?: CoverageMode;
  /** metres; features farther from every segment are unreachable @default DEFAULTS.maxSnapM (300) */
  maxSnap?: number;
  /** metres; distances beyond become Infinity (faster searches) @default Infinity */
  cutoff?: number;
  /** straight-line distances are multiplied by this in euclidean mode @default DEFAULTS.detour (1.0) */
  detour?: number;
  /** persons per household when population is missing @default core/rules/defaults personsPerHousehold(rules) */
  popEstimatePerHousehold?: number;
}

/** Network state of a prepared analysis: snaps are computed once, searches reuse one workspace. */
export interface CoverageNetwork {
  graph: WalkGraph;
  index: SegmentIndex;
  /** snaps of the community sample points */
  sampleSnap: SnapResult;
  /** the sample snaps prepared once for every category's distancesAtSnaps */
  samplePlan: SnapTargetPlan;
  /** snaps of the facility points */
  sourceSnap: SnapResult;
  workspace: DijkstraWorkspace;
  component: Int32Array;
  /** communities beyond maxSnap or on a component without any usable facility */
  communityIssues: CoverageIssue[];
  /** facilities beyond maxSnap */
  facilityIssues: CoverageIssue[];
  /** 1 for facility points that can start a search */
  sourceUsable: Uint8Array;
}

/** Everything computed once per study area; then each category run is one search. */
export interface CoverageContext {
  categories: CoverageCategory[];
  levels: CoverageLevel[];
  communities: CommunityPoints;
  weights: CoverageWeights;
  facilities: FacilityPoints;
  /** facility points of category k: categorySourceIds[categorySourceOffsets[k] .. [k+1]) */
  categorySourceOffsets: Int32Array;
  categorySourceIds: Int32Array;
  network: CoverageNetwork | null;
  options: {
    mode: CoverageMode;
    maxSnap: number;
    cutoff: number;
    detour: number;
    popEstimatePerHousehold: number;
  };
}

/**
 * Prepares a coverage analysis: resolves the rules, finds community sample points (entrances or
 * representative points) and facility points, reads weights, builds the graph and segment index
 * when needed and snaps everything once. Inputs are not mutated.
 */
export function prepareCoverage(input: CoverageInput, options: CoverageOptions = {}): CoverageContext {
  const { categories, levels } = resolveCoverageRules(input.rules);
  const hasNetwork = input.graph != null || input.network != null;
  const mode = options.mode ?? (hasNetwork ? 'network' : 'euclidean');
  if (mode === 'network' && !hasNetwork) throw new Error('network mode needs a walking network; load one or use euclidean mode');
  const popEstimatePerHousehold = options.popEstimatePerHousehold ?? personsPerHousehold(input.rules);
  const opts = {
    mode,
    maxSnap: options.maxSnap ?? DEFAULTS.maxSnapM,
    cutoff: options.cutoff ?? Infinity,
    detour: options.detour ?? DEFAULTS.detour,
    popEstimatePerHousehold,
  };
  checkCoverageOptions(opts);
  const communities = communityPoints(input.communities);
  const weights = coverageWeights(input.communities, { persons_per_household: popEstimatePerHousehold });
  let network: CoverageNetwork | null = null;
  if (hasNetwork) {
    const graph = input.graph ?? buildGraph(input.network as NetworkInput);
    const index = input.segmentIndex ?? buildSegmentIndex(graph);
    const component = graph.component ?? connectedComponents(graph.nodeCount, graph.offsets, graph.targets).component;
    const sampleSnap = snapPoints(graph, index, communities.samples, opts.maxSnap);
    network = {
      graph, index, component, sampleSnap,
      samplePlan: prepareSnapTargets(graph, sampleSnap),
      sourceSnap: snapPoints(graph, index, new Float64Array(0), opts.maxSnap),
      workspace: createDijkstraWorkspace(graph),
      communityIssues: [], facilityIssues: [], sourceUsable: new Uint8Array(0),
    };
  }
  const base: CoverageContext = {
    categories, levels, communities, weights,
    facilities: facilityPoints({ features: [] }, new Map()),
    categorySourceOffsets: new Int32Array(categories.length + 1), categorySourceIds: new Int32Array(0),
    network, options: opts,
  };
  return withFacilities(base, input.facilities);
}

/** Throws a message naming the option for values that would silently give NaN or empty results. */
function checkCoverageOptions(o: CoverageContext['options']): void {
  if (!(o.maxSnap >= 0 && o.maxSnap < Infinity)) throw new Error(`coverage option maxSnap must be metres ≥ 0 (default ${DEFAULTS.maxSnapM}), got ${o.maxSnap}`);
  if (!(o.cutoff > 0)) throw new Error(`coverage option cutoff must be metres > 0 or Infinity (the default), got ${o.cutoff}`);
  if (!(o.detour > 0 && o.detour < Infinity)) throw new Error(`coverage option detour must be a factor > 0 (default ${DEFAULTS.detour}, planners often use 1.2–1.4), got ${o.detour}`);
  if (!(o.popEstimatePerHousehold >= 0 && o.popEstimatePerHousehold < Infinity)) {
    throw new Error(`coverage option popEstimatePerHousehold must be persons ≥ 0 (default rules.persons_per_household, else ${DEFAULTS.personsPerHousehold}), got ${o.popEstimatePerHousehold}`);
  }
}

/**
 * A context with other facilities (a scenario edit, or a new facility layer): communities,
 * graph and community snaps are shared; facility points already in `ctx` keep their snaps, only
 * new or moved ones are snapped. `origin` (a scenario's, core/scenario applyEdits) names for each
 * facility the index of the same unchanged feature in ctx, −1 for new or moved ones; without it
 * points are matched by their coordinates (to 7 decimals).
 */
export function withFacilities(ctx: CoverageContext, facilitiesInput: Features, origin?: Int32Array): CoverageContext {
  const categoryIndex = new Map(ctx.categories.map((c, i) => [c.id, i]));
  const facilities = facilityPoints(facilitiesInput, categoryIndex, origin ? { from: ctx.facilities, origin } : undefined);
  const K = ctx.categories.length;
  const nPts = facilities.pointOwner.length;

  let network: CoverageNetwork | null = null;
  if (ctx.network) {
    const { graph, index } = ctx.network;
    const from = origin ? pointsFrom(facilities, ctx.facilities, origin) : pointsByCoordinates(facilities.points, ctx.facilities.points, ctx.network.sourceSnap.count);
    const sourceSnap = snapReusing(graph, index, facilities.points, ctx.options.maxSnap, from, ctx.network.sourceSnap);
    network = withSnaps(ctx.network, ctx.communities, facilities, sourceSnap);
  }

  // facility points grouped by category (CSR)
  const offsets = new Int32Array(K + 1);
  for (let p = 0; p < nPts; p++) offsets[facilities.category[facilities.pointOwner[p]] + 1]++;
  for (let k = 0; k < K; k++) offsets[k + 1] += offsets[k];
  const cursor = offsets.slice(0, K);
  const ids = new Int32Array(nPts);
  for (let p = 0; p < nPts; p++) ids[cursor[facilities.category[facilities.pointOwner[p]]]++] = p;

  return { ...ctx, facilities, categorySourceOffsets: offsets, categorySourceIds: ids, network };
}

/**
 * The network state with these facility snaps (and the state's community snaps): which facility
 * points can start a search, and the issues — features beyond maxSnap, communities on a component
 * without any usable facility.
 */
export function withSnaps(net: CoverageNetwork, communities: CommunityPoints, facilities: FacilityPoints, sourceSnap: SnapResult): CoverageNetwork {
  const { graph, component, sampleSnap } = net;
  const nPts = facilities.pointOwner.length;
  const usable = sourceSnap.ok.slice();
  const facilityIssues = snapIssues(facilities.count, facilities.pointOwner, sourceSnap, facilities.ids, 'facility');
  const hasSource = new Uint8Array(graph.componentCount ?? component.reduce((m, c) => Math.max(m, c + 1), 0));
  for (let p = 0; p < nPts; p++) if (sourceSnap.ok[p]) hasSource[component[graph.edgeFrom[sourceSnap.edge[p]]]] = 1;
  const { sampleOffsets } = communities;
  const owner = new Int32Array(sampleSnap.count);
  for (let c = 0; c < communities.count; c++) owner.fill(c, sampleOffsets[c], sampleOffsets[c + 1]);
  const communityIssues = snapIssues(communities.count, owner, sampleSnap, communities.ids, 'community');
  const listed = new Set(communityIssues.map((i) => i.index));
  for (let c = 0; c < communities.count; c++) {
    if (listed.has(c) || sampleOffsets[c] === sampleOffsets[c + 1]) continue;
    let served = false;
    for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) {
      if (sampleSnap.ok[s] && hasSource[component[graph.edgeFrom[sampleSnap.edge[s]]]]) served = true;
    }
    if (!served) {
      communityIssues.push({
        index: c, id: communities.ids[c], reason: 'isolated_component',
        ...issueDetails('isolated_component', { subject: 'community' }),
      });
    }
  }
  return { ...net, sourceSnap, facilityIssues, communityIssues, sourceUsable: usable };
}

/** One issue per feature none of whose points snapped within maxSnap. */
function snapIssues(
  count: number, owner: Int32Array, snap: SnapResult, ids: (string | null)[], what: IssueSubject,
): CoverageIssue[] {
  const anyOk = new Uint8Array(count);
  const nearest = new Float64Array(count).fill(Infinity);
  const hasPoint = new Uint8Array(count);
  for (let p = 0; p < snap.count; p++) {
    const f = owner[p];
    hasPoint[f] = 1;
    if (snap.ok[p]) anyOk[f] = 1;
    if (snap.access[p] < nearest[f]) nearest[f] = snap.access[p];
  }
  const out: CoverageIssue[] = [];
  for (let f = 0; f < count; f++) {
    if (!hasPoint[f] || anyOk[f]) continue;
    const d = nearest[f];
    out.push({
      index: f, id: ids[f], reason: 'beyond_max_snap',
      ...issueDetails('beyond_max_snap', { subject: what, ...(Number.isFinite(d) ? { distance: d } : {}) }),
      ...(Number.isFinite(d) ? { distance: d } : {}),
    });
  }
  return out;
}

/** For each point of `now`, the same point of `before` (origin: same feature), else −1. */
function pointsFrom(now: FacilityPoints, before: FacilityPoints, origin: Int32Array): Int32Array {
  const start = pointStarts(before);
  const from = new Int32Array(now.pointOwner.length).fill(-1);
  let p = 0;
  while (p < from.length) {
    const i = now.pointOwner[p];
    const o = i < origin.length ? origin[i] : -1;
    let j = 0;
    for (; p < from.length && now.pointOwner[p] === i; p++, j++) if (o >= 0) from[p] = start[o] + j;
  }
  return from;
}

/** For each point, a point of `prevPoints` (its first `prevN`) at the same coordinates to 7 decimals, else −1. */
function pointsByCoordinates(points: Float64Array, prevPoints: Float64Array, prevCount: number): Int32Array {
  const n = points.length >> 1;
  const prevN = Math.min(prevPoints.length >> 1, prevCount);
  const from = new Int32Array(n).fill(-1);
  if (prevN === 0) return from;
  const map = new IntPairMap(prevN);
  for (let p = 0; p < prevN; p++) map.getOrInsert(Math.round(prevPoints[2 * p] * 1e7), Math.round(prevPoints[2 * p + 1] * 1e7), p);
  for (let p = 0; p < n; p++) {
    const lon = points[2 * p], lat = points[2 * p + 1];
    const q = Number.isFinite(lon) && Number.isFinite(lat) ? map.getOrInsert(Math.round(lon * 1e7), Math.round(lat * 1e7), -2) : -1;
    from[p] = q >= 0 ? q : -1;
  }
  return from;
}

/** snapPoints, copying the snap of every point p with from[p] ≥ 0 from `prevSnap` (only the others are snapped). */
function snapReusing(
  graph: WalkGraph, index: SegmentIndex, points: Float64Array, maxSnap: number, from: Int32Array, prevSnap: SnapResult,
): SnapResult {
  const n = points.length >> 1;
  const fresh: number[] = [];
  for (let p = 0; p < n; p++) if (from[p] < 0) fresh.push(p);
  if (fresh.length === n) return snapPoints(graph, index, points, maxSnap);
  const extra = snapPoints(graph, index, Float64Array.from(fresh.flatMap((p) => [points[2 * p], points[2 * p + 1]])), maxSnap);
  const out: SnapResult = {
    count: n, edge: new Int32Array(n), t: new Float64Array(n), access: new Float64Array(n), ok: new Uint8Array(n), snapLonLat: new Float64Array(2 * n),
  };
  const copy = (dst: number, src: SnapResult, i: number) => {
    out.edge[dst] = src.edge[i];
    out.t[dst] = src.t[i];
    out.access[dst] = src.access[i];
    out.ok[dst] = src.access[i] <= maxSnap && src.edge[i] >= 0 ? 1 : 0;
    out.snapLonLat[2 * dst] = src.snapLonLat[2 * i];
    out.snapLonLat[2 * dst + 1] = src.snapLonLat[2 * i + 1];
  };
  for (let p = 0; p < n; p++) if (from[p] >= 0) copy(p, prevSnap, from[p]);
  fresh.forEach((p, k) => copy(p, extra, k));
  return out;
}
