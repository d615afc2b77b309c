/**
 * Measures one synthetic city with the engine's public API: graph build, snapping, the whole
 * analysis (15 categories + stats), one category, its drawing, the search kernel alone, and
 * the naive Turf method on the same data.
 */
import { performance } from 'node:perf_hooks';
import type { Feature, Point } from 'geojson';
import { buildGraph, buildSegmentIndex, multiSourceDijkstra, snapPoints } from '../../src/core/network';
import { categoryDistances } from '../../src/core/analysis/coverage';
import { prepareCoverage, type CoverageContext } from '../../src/core/analysis/coverage';
import { runCoverage } from '../../src/core/analysis/coverage';
import { reachedEdges, serviceAreaPolygons } from '../../src/core/analysis/serviceArea';
import { benchCategoryIds, benchRules, ONE_CATEGORY } from './benchRules';
import { naiveTurfCoverage } from './naiveTurf';
import { generateSyntheticCity, SCALES, type ScaleName, type SyntheticCity } from './syntheticCity';
import { measure, type Timing } from './timing';

export interface ScaleOptions {
  seed: number;
  /** run the naive Turf method (slow: ~3–6 s per run at M) */
  naive: boolean;
  /** upper bound of timed runs per row (default: the perf-anchors policy) */
  maxRuns?: number;
}

export interface ScaleResult {
  scale: ScaleName;
  size: { nodes: number; edges: number; communities: number; facilities: number; categories: number };
  /** milliseconds: median (min–max) of n runs */
  timings: Record<string, Timing>;
  /** improving relaxations per second of the search kernel (15 categories, no cutoff) */
  relaxedPerSecond: number;
  /** arcs scanned per second ≈ settled nodes × mean degree / time */
  arcsScannedPerSecond: number;
  /** naive time / ours for one category at 500 m (ours: one category with cutoff = radius) */
  ratioVsNaive: number | null;
  /** the same ratio against our one-category run without cutoff */
  ratioVsNaiveNoCutoff: number | null;
  checks: Record<string, number>;
}

const ROW_NOTES: Record<string, string> = {
  generate: 'synthetic city (GeoJSON), not part of the product',
  graphBuild: 'buildGraph from GeoJSON (CSR, Hilbert order, components) + its flatbush segment index (issue 3 item 1)',
  snap: 'snapPoints: community representative points and all facilities (index built)',
  wholeAnalysis: 'prepareCoverage on the built graph (points, weights, snaps) + runCoverage: 15 categories + stats',
  oneCategory: 'runCoverage({categories:[k], previous}): one search, distances, ok, stats',
  oneCategoryCutoff: 'same, search cut at the radius (500 m)',
  search15: 'multiSourceDijkstra × 15 categories, no cutoff (kernel only)',
  polygons: 'serviceAreaPolygons, one category at 500 m',
  reachedEdges: 'reachedEdges, one category at 500 m',
  naiveTurf: 'turf circle(64) per facility → union → booleanPointInPolygon, 500 m',
};
export const rowNotes = ROW_NOTES;

/** Runs every measurement of one scale. */
export function runScale(scale: ScaleName, opts: ScaleOptions): ScaleResult {
  const timings: Record<string, Timing> = {};
  const m = <T>(name: string, fn: () => T, maxRuns = opts.maxRuns): T => {
    const { timing, result } = measure(fn, { maxRuns });
    timings[name] = timing;
    return result;
  };

  const cfg = SCALES[scale];
  const city: SyntheticCity = m('generate', () => generateSyntheticCity({ ...cfg, categories: benchCategoryIds, seed: opts.seed }), 1);
  const { graph, segmentIndex } = m('graphBuild', () => {
    const g = buildGraph(city.network);
    return { graph: g, segmentIndex: buildSegmentIndex(g) };
  });
  const input = { communities: city.communities, facilities: city.facilities, rules: benchRules, graph, segmentIndex };

  const ctx: CoverageContext = prepareCoverage(input);
  const samples = ctx.communities.samples;
  const points = ctx.facilities.points;
  m('snap', () => [snapPoints(graph, segmentIndex, samples), snapPoints(graph, segmentIndex, points)]);

  const full = m('wholeAnalysis', () => runCoverage(prepareCoverage(input)));
  const k = ctx.categories.findIndex((c) => c.id === ONE_CATEGORY);
  const radius = ctx.categories[k].radius;
  m('oneCategory', () => runCoverage(ctx, { categories: [k], previous: full }));
  const ctxCut = prepareCoverage(input, { cutoff: radius });
  const fullCut = runCoverage(ctxCut);
  m('oneCategoryCutoff', () => runCoverage(ctxCut, { categories: [k], previous: fullCut }));

  // the search kernel alone: relaxations per second
  const net = ctx.network!;
  const K = ctx.categories.length;
  const kernel = { relaxed: 0, settled: 0, ms: 0 };
  m('search15', () => {
    kernel.relaxed = kernel.settled = 0;
    const t0 = performance.now();
    for (let q = 0; q < K; q++) {
      const sourceIds = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[q], ctx.categorySourceOffsets[q + 1]);
      const run = multiSourceDijkstra(graph, net.sourceSnap, net.workspace, { sourceIds });
      kernel.relaxed += run.relaxed;
      kernel.settled += run.settled;
    }
    kernel.ms = performance.now() - t0;
  });
  const searchMs = timings.search15.median;
  const meanDegree = (2 * graph.edgeCount) / graph.nodeCount;

  // drawing one category
  const search = categoryDistances(ctx, k).search!;
  const dist = search.dist.slice();
  const seedIds = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const draw = { seeds: net.sourceSnap, seedIds };
  const [poly] = m('polygons', () => serviceAreaPolygons(graph, dist, [radius], draw));
  const edges = m('reachedEdges', () => reachedEdges(graph, dist, radius, draw));

  const C = ctx.communities.count;
  const okK = full.ok.subarray(k * C, (k + 1) * C);
  const checks: Record<string, number> = {
    coveredNetwork: okK.reduce((s, v) => s + v, 0),
    polygonArea_km2: poly.properties.area_m2 / 1e6,
    polygonCellSize_m: poly.properties.cellSize,
    polygonVertices: poly.geometry.coordinates.reduce((s, p) => s + p.reduce((a, r) => a + r.length, 0), 0),
    reachedSegments: edges.length,
    reachedLength_km: edges.reachedLength / 1000,
    unreachableCommunities: full.unreachableCommunities.length,
    unreachableFacilities: full.unreachableFacilities.length,
  };

  let ratioVsNaive: number | null = null;
  let ratioVsNaiveNoCutoff: number | null = null;
  if (opts.naive) {
    const fac: [number, number][] = [];
    for (let q = 0; q < seedIds.length; q++) fac.push([points[2 * seedIds[q]], points[2 * seedIds[q] + 1]]);
    // one representative point per community, the same points the engine measures from
    const reps: Feature<Point>[] = [];
    for (let c = 0; c < C; c++) {
      const s = ctx.communities.sampleOffsets[c];
      reps.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [samples[2 * s], samples[2 * s + 1]] } });
    }
    const covered = m('naiveTurf', () => naiveTurfCoverage(fac, reps, radius), Math.min(opts.maxRuns ?? 4, 4));
    checks.coveredNaiveStraightLine = covered.reduce((s, v) => s + v, 0);
    let violations = 0;
    for (let c = 0; c < C; c++) if (okK[c] && !covered[c]) violations++;
    // network-covered but outside every 64-gon: only possible within the polygon's chord error
    checks.networkCoveredOutsideNaive = violations;
    ratioVsNaive = timings.naiveTurf.median / timings.oneCategoryCutoff.median;
    ratioVsNaiveNoCutoff = timings.naiveTurf.median / timings.oneCategory.median;
  }

  return {
    scale,
    size: {
      nodes: graph.nodeCount, edges: graph.edgeCount, communities: C,
      facilities: ctx.facilities.count, categories: K,
    },
    timings,
    relaxedPerSecond: kernel.relaxed / (searchMs / 1000),
    arcsScannedPerSecond: (kernel.settled * meanDegree) / (searchMs / 1000),
    ratioVsNaive,
    ratioVsNaiveNoCutoff,
    checks,
  };
}
