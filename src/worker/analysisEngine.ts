import { buildGraph, buildSegmentIndex, type GraphBuildStats, type SegmentIndex, type WalkGraph } from '../core/network';
import { prepareCoverage, type CoverageContext } from '../core/analysis/prepareCoverage';
import { runCoverage, type CoverageResult } from '../core/analysis/runCoverage';
import { categoryDistances } from '../core/analysis/categoryDistances';
import { coverageRoute, type CoverageRoute } from '../core/analysis/coverageRoute';
import { reachedEdges, serviceAreaPolygons } from '../core/analysis/serviceArea';
import type { RuleSet } from '../core/rules';
import { parkCoverage, type ParkCoverageResult } from '../core/analysis/parkCoverage';
import { parkingSupply, type ParkingSupplyResult } from '../core/analysis/parkingSupply';
import type { ServiceAreaFeature } from '../core/analysis/serviceArea';
import type { AnalysisData, AnalysisSettings, Progress, ServiceAreaResult } from './protocol';

/** Everything one run produces (the worker adds its timing). */
export interface EngineAnswer {
  result: CoverageResult;
  parks: ParkCoverageResult | null;
  parking: ParkingSupplyResult | null;
}

const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The state kept inside the worker: the graph and its segment index (built once per data set) and
 * the prepared coverage context (once per rule set and settings). Plain class, no worker APIs, so
 * it can be tested in Node.
 */
export class AnalysisEngine {
  #data: AnalysisData | null = null;
  #graph: WalkGraph | null = null;
  #index: SegmentIndex | null = null;
  #ctx: CoverageContext | null = null;
  #ctxKey = '';
  #rules: RuleSet | null = null;
  #parks: ParkCoverageResult | null = null;
  #runSeq = 0;
  #countNoData = false;

  setData(data: AnalysisData): GraphBuildStats | null {
    this.cancel();
    this.#data = data;
    this.#ctx = null;
    this.#ctxKey = '';
    this.#graph = data.network && data.network.features.length ? buildGraph(data.network) : null;
    this.#index = this.#graph ? buildSegmentIndex(this.#graph) : null;
    return this.#graph?.stats ?? null;
  }

  /** Supersedes any running analysis (it stops at its next category boundary). */
  cancel(): void {
    this.#runSeq++;
  }

  #context(rules: RuleSet, settings: AnalysisSettings): CoverageContext {
    if (!this.#data) throw new Error('no data loaded');
    const mode = settings.mode === 'network' && this.#graph ? 'network' : 'euclidean';
    const key = JSON.stringify([rules.categories.map((c) => [c.id, c.level, c.radius_m, c.mandatory]), rules.levels.map((l) => l.walk_m), rules.persons_per_household, mode, settings.maxSnap, settings.detour]);
    if (this.#ctx && key === this.#ctxKey) return this.#ctx;
    this.#ctx = prepareCoverage(
      {
        communities: this.#data.communities,
        facilities: this.#data.facilities,
        rules,
        graph: this.#graph ?? undefined,
        segmentIndex: this.#index ?? undefined,
      },
      { mode, maxSnap: settings.maxSnap, detour: settings.detour },
    );
    this.#ctxKey = key;
    this.#rules = rules;
    return this.#ctx;
  }

  /**
   * All categories in a few chunks, yielding between them so a cancel (or a newer run) gets in.
   * @returns null when superseded
   */
  async run(rules: RuleSet, settings: AnalysisSettings, onProgress?: (p: Progress) => void): Promise<EngineAnswer | null> {
    const seq = ++this.#runSeq;
    onProgress?.({ fraction: 0, stage: 'prepare' });
    await yieldToEvents();
    if (seq !== this.#runSeq) return null;
    const ctx = this.#context(rules, settings);
    const K = ctx.categories.length;
    const chunk = Math.max(1, Math.ceil(K / 8));
    let result: CoverageResult | undefined;
    for (let start = 0; start < K; start += chunk) {
      await yieldToEvents();
      if (seq !== this.#runSeq) return null;
      const categories = Array.from({ length: Math.min(chunk, K - start) }, (_, i) => start + i);
      result = runCoverage(ctx, { categories, previous: result, countNoData: settings.countNoData });
      onProgress?.({ fraction: Math.min(1, (start + chunk) / K), stage: 'categories' });
    }
    result ??= runCoverage(ctx, { countNoData: settings.countNoData });
    this.#countNoData = settings.countNoData;
    const data = this.#data!;
    let parks: ParkCoverageResult | null = null;
    if (data.parks?.features.length) {
      await yieldToEvents();
      if (seq !== this.#runSeq) return null;
      onProgress?.({ fraction: 1, stage: 'parks' });
      parks = parkCoverage(ctx, { parks: data.parks, thresholds: rules.parks.thresholds, communities: data.communities });
    }
    this.#parks = parks;
    // Always, as the CLI: without parking lots the supply is each community's own spaces.
    await yieldToEvents();
    if (seq !== this.#runSeq) return null;
    onProgress?.({ fraction: 1, stage: 'parking' });
    const parking: ParkingSupplyResult = parkingSupply(
      ctx,
      { communities: data.communities, parking: data.parking },
      { ratio: rules.parking.ratio_per_household, searchRadius: rules.parking.search_radius_m },
    );
    return { result, parks, parking };
  }

  /**
   * The same rates with straight-line distances (× detour): official indicators are often
   * computed with buffers, so the UI shows both where they differ. Null before a run or when the
   * run itself was straight-line.
   */
  euclideanStats(): CoverageResult['stats'] | null {
    const ctx = this.#ctx;
    if (!ctx || ctx.options.mode === 'euclidean') return null;
    return runCoverage(ctx, { mode: 'euclidean', countNoData: this.#countNoData }).stats;
  }

  /** The weights (households, population) the analysis read, as copies (the context keeps its own). */
  weights() {
    const w = this.#ctx!.weights;
    return { households: w.households.slice(), population: w.population.slice(), populationEstimated: w.populationEstimated.slice(), weightUnknown: w.weightUnknown.slice() };
  }

  /** Park service areas, one MultiPolygon per park class at its radius (network mode only). */
  parkServiceAreas(): ServiceAreaFeature[] {
    const ctx = this.#ctx, parks = this.#parks;
    if (!ctx?.network || !parks?.accessSnap) return [];
    const out: ServiceAreaFeature[] = [];
    for (const k of parks.classes) {
      if (!k.nodeDistance || !k.parkCount) continue;
      out.push(...serviceAreaPolygons(ctx.network.graph, k.nodeDistance, [k.radius], { seeds: parks.accessSnap, seedIds: k.pointIds }));
    }
    return out;
  }

  serviceArea(categoryId: string): ServiceAreaResult | null {
    const ctx = this.#ctx;
    if (!ctx) return null;
    const k = ctx.categories.findIndex((c) => c.id === categoryId);
    if (k < 0) return null;
    const radius = ctx.categories[k].radius;
    const sourceIds = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
    if (ctx.options.mode === 'euclidean' || !ctx.network) {
      const positions = new Float64Array(sourceIds.length * 2);
      sourceIds.forEach((p, i) => {
        positions[2 * i] = ctx.facilities.points[2 * p];
        positions[2 * i + 1] = ctx.facilities.points[2 * p + 1];
      });
      return { categoryId, threshold: radius, polygons: [], edges: null, circles: { positions, radius: radius / ctx.options.detour } };
    }
    const run = categoryDistances(ctx, k, { mode: 'network' }).search;
    if (!run) return null;
    const selection = { seeds: ctx.network.sourceSnap, seedIds: sourceIds };
    const graph = ctx.network.graph;
    const edges = reachedEdges(graph, run.dist, radius, selection);
    const polygons = serviceAreaPolygons(graph, run.dist, [radius], selection);
    return { categoryId, threshold: radius, polygons, edges, circles: null };
  }

  route(categoryId: string, communityIndex: number): CoverageRoute | null {
    const ctx = this.#ctx;
    if (!ctx) return null;
    const k = ctx.categories.findIndex((c) => c.id === categoryId);
    if (k < 0 || communityIndex < 0 || communityIndex >= ctx.communities.count) return null;
    return coverageRoute(ctx, k, communityIndex);
  }

  get rules(): RuleSet | null {
    return this.#rules;
  }
}
