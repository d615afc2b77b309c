/**
 * Beyond yes/no figures (issue 13), in process on a synthetic city: counts within the radius and
 * second-nearest for the 15 categories (facilityChoice, cumulative decay), an accessibility surface
 * for one category (50 m cells: the grid's snaps once, then per category), the two-step floating
 * catchment for one category (the widest radius, random capacities), and a naive per-community
 * search (one bounded search per community, counting the facilities it reaches) on a sample,
 * extrapolated, for the ratio.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_STUDY_AREA_SETTINGS, StudyArea, type StudyAreaLayers } from '../../src/core/studyArea';
import { facilityChoice, facilityReach, twoStepFca } from '../../src/core/analysis/choice';
import { createBoundedSearch } from '../../src/core/analysis/search';
import { benchCategoryIds, benchRules } from './benchRules';
import { generateSyntheticCity, SCALES, type ScaleName } from './syntheticCity';
import { summarize, type Timing } from './timing';

export interface ChoiceProbeResult {
  scale: ScaleName;
  /** counts + second-nearest (+ cumulative gravity) for all 15 categories, ms */
  countsAndSecond: Timing;
  /** the 50 m grid: cells and their snaps (once per cell size), ms */
  surfaceGrid: number;
  cells: number;
  /** one category's surface on that grid, ms */
  surfaceCategory: Timing;
  /** 2SFCA of the 1,000 m category (reach + both steps), ms */
  fcaCategory: Timing;
  /** naive per-community bounded searches for the 15 categories, extrapolated from a sample, ms */
  naiveEstimate: number;
  /** naive / ours (counts for 15 categories) */
  ratioVsNaive: number;
}

export function probeChoice(scale: ScaleName, seed: number, runs = 2): ChoiceProbeResult {
  const city = generateSyntheticCity({ ...SCALES[scale], categories: benchCategoryIds, seed });
  const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };
  const area = new StudyArea({ communities: city.communities, facilities: city.facilities, network: city.network } as unknown as StudyAreaLayers);
  area.analyze(benchRules, settings);
  const ctx = area.context(benchRules, settings);
  const time = (fn: () => void, n: number): Timing => {
    const out: number[] = [];
    for (let r = 0; r < n; r++) {
      const t0 = performance.now();
      fn();
      out.push(performance.now() - t0);
    }
    return summarize(out);
  };
  const countsAndSecond = time(() => facilityChoice(ctx), runs);

  let t0 = performance.now();
  const first = area.surface(benchRules, settings, { cell: 50, categoryId: benchCategoryIds[0] });
  const surfaceFirst = performance.now() - t0;
  const surfaceCategory = time(() => area.surface(benchRules, settings, { cell: 50, categoryId: benchCategoryIds[1 + Math.floor(Math.random() * 4)] }), 3);
  const surfaceGrid = Math.max(0, surfaceFirst - surfaceCategory.median);

  const k = ctx.categories.findIndex((c) => c.radius === 1000);
  const capacity = Float64Array.from({ length: ctx.facilities.count }, (_, i) => 30 + (i % 7) * 20);
  const demand = Float64Array.from(ctx.weights.population, (p) => (p * 30) / 1000);
  const ids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const facilities = Array.from(new Set(Array.from(ids, (p) => ctx.facilities.pointOwner[p])));
  const fcaCategory = time(() => twoStepFca(facilityReach(ctx, k, 1000), 1000, capacity, demand, facilities, ctx.communities.count), runs);

  // naive: from each community, a bounded search to the radius, then every facility of the category checked
  const net = ctx.network!;
  const search = createBoundedSearch(net.graph);
  const sample = Math.min(300, ctx.communities.count);
  const m = ctx.categories.findIndex((c) => c.radius === 500);
  const mids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[m], ctx.categorySourceOffsets[m + 1]);
  t0 = performance.now();
  let sink = 0;
  for (let c = 0; c < sample; c++) {
    const s = ctx.communities.sampleOffsets[c];
    if (!net.sampleSnap.ok[s]) continue;
    search.run(net.sampleSnap.edge[s], net.sampleSnap.t[s], net.sampleSnap.access[s], 500);
    for (const p of mids) {
      const e = net.sourceSnap.edge[p], t = net.sourceSnap.t[p], len = net.graph.edgeLength[e];
      const d = Math.min(search.dist[net.graph.edgeFrom[e]] + t * len, search.dist[net.graph.edgeTo[e]] + (1 - t) * len) + net.sourceSnap.access[p];
      if (d <= 500) sink++;
    }
  }
  const naiveEstimate = ((performance.now() - t0) / sample) * ctx.communities.count * ctx.categories.length;
  void sink;
  void first;
  return {
    scale, countsAndSecond, surfaceGrid, cells: first.grid.nx * first.grid.ny, surfaceCategory, fcaCategory, naiveEstimate,
    ratioVsNaive: naiveEstimate / countsAndSecond.median,
  };
}
