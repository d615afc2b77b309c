import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { applyEdits } from '../scenario/applyEdits';
import type { EditProblem, ScenarioEdit } from '../scenario/types';
import { networkNodesInArea } from '../analysis/siting/candidates';
import { suggestSitesSteps, type SiteSuggestion, type SiteSuggestionProgress } from '../analysis/siting/suggestSites';
import { isOld } from '../model/oldCommunity';
import { elderlyShare } from '../model/communityPopulation';
import { parseNumber } from '../model/parseNumber';
import { DEFAULTS } from '../rules/defaults';
import { categorySurface, maxSurface, surfaceGrid, type SurfaceGrid } from '../analysis/surface/accessSurface';
import { facilityChoice, type FacilityChoiceOptions, type FacilityChoiceResult } from '../analysis/choice/facilityChoice';
import { effectiveRadius } from '../rules/ruleQueries';
import { buildGraph, buildSegmentIndex, patchGraph, patchSegmentIndex, type GraphBuildStats, type GraphPatch, type SegmentIndex, type WalkGraph } from '../network';
import { searchNetworkPatch, withPatchedNetwork, type PatchedContext } from '../analysis/coverage/patchedNetwork';
import { prepareCoverage, withFacilities, type CoverageContext } from '../analysis/coverage/prepareCoverage';
import { finishCoverage, newCoverageArrays, runCoverage, searchAddedFacilities, searchCoverageCategories, type CoverageArrays, type CoverageResult } from '../analysis/coverage/runCoverage';
import { categoryDistances } from '../analysis/coverage/categoryDistances';
import { coverageRoute, type CoverageRoute } from '../analysis/coverage/coverageRoute';
import { reachedEdges, serviceAreaPolygons, type ServiceAreaFeature } from '../analysis/serviceArea';
import { parkCoverage, type ParkCoverageResult } from '../analysis/parks/parkCoverage';
import { parkingSupply } from '../analysis/parking/parkingSupply';
import type { RuleSet } from '../rules/types';
import { studyAreaRenovation } from './renovation';
import type { StudyAreaLayers, StudyAreaProgress, StudyAreaResult, StudyAreaSettings } from './types';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/** Reached network pieces and service-area polygons of one category at its radius. */
export interface ServiceAreaResult {
  categoryId: string;
  threshold: number;
  polygons: ServiceAreaFeature[];
  edges: {
    length: number;
    sourcePositions: Float64Array;
    targetPositions: Float64Array;
    sourceDistances: Float32Array;
    targetDistances: Float32Array;
  } | null;
  /** Euclidean mode: facility points and radius (circles are drawn, no union). */
  circles: { positions: Float64Array; radius: number } | null;
}

/**
 * One study area through the one pipeline (DESIGN §4, issue 10): the app's worker and the CLI both
 * run it, so they compute the same numbers. The walking graph and its segment index are built
 * once per data set; the prepared coverage context once per rule set and settings; then
 * `steps()` runs coverage per category → parks → parking → renovation score. Follow-up questions
 * (a service area, a route, straight-line rates) are methods on the prepared state, never a
 * second pipeline. Pure: no DOM, no Node, no worker APIs.
 */
/** An accessibility surface: the grid, metres per cell (NaN empty, Infinity unreachable), and its parts. */
export interface AccessSurface {
  grid: Pick<SurfaceGrid, 'cell' | 'nx' | 'ny' | 'lon0' | 'lat0' | 'dLon' | 'dLat'>;
  value: Float32Array;
  /** per category of the surface (one, or a level's mandatory ones): its own distances */
  parts: { categoryId: string; value: Float32Array }[];
  /** the rule set's walking speed, for minutes */
  metresPerMinute: number;
}

/** What a site suggestion asks (the radius and weights come from the rule set and the analysis). */
export interface SiteRequest {
  categoryId: string;
  k: number;
  /** lon/lat interleaved (candidatesInArea, or the planner's points) */
  candidates: Float64Array;
  /** residents one site can serve; none = unlimited */
  capacity?: number | null;
  /** count only old communities' residents */
  oldOnly?: boolean;
}

/**
 * The baseline's coverage arrays for a scenario that changes some facilities: copied, with the
 * nearest-facility indexes moved to the scenario's facility order (`origin`: for each scenario
 * facility its baseline index, −1 for new or moved ones; edited categories are searched again).
 */
function reusedArrays(base: CoverageResult, baseCount: number, origin: Int32Array): CoverageArrays {
  const moved = new Int32Array(baseCount).fill(-1);
  origin.forEach((o, i) => {
    if (o >= 0) moved[o] = i;
  });
  const nearestFacility = base.nearestFacility.map((i) => (i >= 0 ? moved[i] : -1));
  return { distance: base.distance.slice(), ok: base.ok.slice(), nearestFacility };
}

export class StudyArea {
  readonly layers: StudyAreaLayers;
  readonly graph: WalkGraph | null;
  readonly #index: SegmentIndex | null;
  #ctx: CoverageContext | null = null;
  #ctxKey = '';
  #last: { result: StudyAreaResult; settings: StudyAreaSettings; key: string } | null = null;
  /**
   * A scenario that edits facilities only starts from its baseline: the baseline's prepared context
   * (only the facilities are snapped again) and its result (only the edited categories are searched;
   * parks and parking are kept).
   */
  #grid: { cell: number; ctx: CoverageContext; grid: SurfaceGrid } | null = null;
  #seed: { from: StudyArea; changed: Set<string>; grown: Set<string>; origin: Int32Array } | null = null;
  /**
   * A scenario that only adds links starts from its baseline too: its graph is the baseline's
   * patched (patchGraph), its context the baseline's moved onto it (withPatchedNetwork: only points
   * near the links are snapped again) and its coverage the baseline's updated through the links
   * (searchNetworkPatch); parks and parking run again on the new graph.
   */
  #netSeed: { from: StudyArea; patch: GraphPatch } | null = null;
  /** the context of a #netSeed scenario and what moved in it (set with #ctx) */
  #patched: PatchedContext | null = null;

  /**
   * @param reuse the graph and segment index of another study area with the very same network
   *   layer (a scenario that does not edit the network), so they are not built again
   * @param network the graph and segment index of exactly `layers.network` when already made
   *   (a scenario's patched graph)
   */
  constructor(layers: StudyAreaLayers, reuse?: StudyArea, network?: { graph: WalkGraph; index: SegmentIndex }) {
    this.layers = layers;
    const net = layers.network;
    if (network) {
      this.graph = network.graph;
      this.#index = network.index;
    } else if (reuse && reuse.layers.network === net) {
      this.graph = reuse.graph;
      this.#index = reuse.#index;
    } else {
      this.graph = net && net.features.length ? buildGraph(net as FeatureCollection) : null;
      this.#index = this.graph ? buildSegmentIndex(this.graph) : null;
    }
  }

  /**
   * A scenario of this study area (issue 11): its edits applied to these layers (core/scenario),
   * as a study area of its own — the same pipeline; the graph is reused when the network is not
   * edited. Edits that cannot apply are listed in `problems`.
   */
  withEdits(edits: readonly ScenarioEdit[]): { area: StudyArea; problems: EditProblem[]; touched: Set<keyof StudyAreaLayers> } {
    const applied = applyEdits(this.layers, edits);
    // links only (closures and anything else: the graph is built again): patch the baseline's graph
    let patch: GraphPatch | null = null;
    let network: { graph: WalkGraph; index: SegmentIndex } | undefined;
    if (this.graph && this.#index && applied.touched.size === 1 && applied.touched.has('network')) {
      patch = patchGraph(this.graph, applied.networkChanges, applied.layers.network?.features.length ?? 0);
      if (patch) network = { graph: patch.graph, index: patchSegmentIndex(this.#index, patch) ?? buildSegmentIndex(patch.graph) };
    }
    const area = new StudyArea(applied.layers, this, network);
    const origin = applied.origins.facilities;
    if ([...applied.touched].every((l) => l === 'facilities') && origin) {
      area.#seed = { from: this, changed: applied.facilityCategories, grown: applied.facilityCategoriesGrown, origin };
    }
    if (patch) area.#netSeed = { from: this, patch };
    return { area, problems: applied.problems, touched: applied.touched };
  }

  /** The seed's prepared context and last result, when they were made with these rules and settings. */
  #seeded(key: string, settings: StudyAreaSettings): { ctx: CoverageContext; last: StudyAreaResult } | null {
    const from = this.#seed?.from ?? this.#netSeed?.from;
    if (!from) return null;
    const last = from.#last;
    if (!from.#ctx || from.#ctxKey !== key || !last || last.key !== key || JSON.stringify(last.settings) !== JSON.stringify(settings)) return null;
    // a patched graph serves network-mode analyses (straight lines do not use the network's searches)
    if (this.#netSeed && (from.#ctx.options.mode !== 'network' || !from.#ctx.network)) return null;
    return { ctx: from.#ctx, last: last.result };
  }

  /** Candidate sites: the network's nodes inside the area (lon/lat interleaved); empty without a network. */
  candidatesInArea(area: Polygon | MultiPolygon): Float64Array {
    return this.graph ? networkNodesInArea(this.graph, area) : new Float64Array(0);
  }

  /**
   * Suggested sites for one category on top of the last run's coverage (run `analyze`/`steps`
   * first): K picks among the candidates by residents newly covered within the category's radius
   * in force; `oldOnly` counts only old communities' residents (isOld). A generator (progress,
   * cancel between steps), like `steps`.
   */
  *suggestSitesSteps(rules: RuleSet, settings: StudyAreaSettings, input: SiteRequest): Generator<SiteSuggestionProgress, SiteSuggestion, void> {
    if (!this.#last) throw new Error('suggestSites: run the analysis first');
    const category = rules.categories.find((c) => c.id === input.categoryId);
    if (!category) throw new Error(`suggestSites: unknown category "${input.categoryId}"`);
    const ctx = this.context(rules, settings);
    const { population, households } = ctx.weights;
    const feats = this.layers.communities.features;
    const weight = input.oldOnly ? Float64Array.from(population, (w, c) => (isOld(feats[c]?.properties, rules) ? w : 0)) : population;
    return yield* suggestSitesSteps(ctx, this.#last.result.coverage, {
      categoryId: category.id, radius: effectiveRadius(category, rules), k: input.k, candidates: input.candidates, weight, households, capacity: input.capacity ?? null,
    });
  }

  /** suggestSitesSteps run to the end (the CLI, tests). */
  suggestSites(rules: RuleSet, settings: StudyAreaSettings, input: SiteRequest): SiteSuggestion {
    const it = this.suggestSitesSteps(rules, settings, input);
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
    }
  }

  /**
   * Beyond yes/no for the last run's rules and settings (issue 13, DESIGN §4): per community and
   * category the facilities within the radius, the second-nearest, gravity access (decay chosen in
   * `options`) and the two-step floating catchment with the rule set's norms (千人指标). Capacities
   * come from the facilities' `capacity`, demand from the analysis weights (population, stated or
   * estimated) and each community's elderly share (else DEFAULTS.elderlyShare).
   */
  choice(rules: RuleSet, settings: StudyAreaSettings, options: Pick<FacilityChoiceOptions, 'decay' | 'limitFactor' | 'weighted' | 'categories'> = {}): FacilityChoiceResult {
    const ctx = this.context(rules, settings);
    const capacity = Float64Array.from(this.layers.facilities.features, (f) => {
      const v = parseNumber(f?.properties?.capacity);
      return v !== null && v >= 0 ? v : NaN;
    });
    const { population, weightUnknown } = ctx.weights;
    const feats = this.layers.communities.features;
    const pop = Float64Array.from(population, (p, c) => (weightUnknown[c] ? NaN : p));
    const elderly = Float64Array.from(pop, (p, c) => p * (elderlyShare(feats[c]?.properties) ?? DEFAULTS.elderlyShare));
    const byId = new Map(rules.categories.map((c) => [c.id, c]));
    const norms = ctx.categories.map((c) => byId.get(c.id)?.norm ?? null);
    return facilityChoice(ctx, { ...options, capacity, demand: { population: pop, elderly }, norms });
  }

  /**
   * An accessibility surface (issue 13, DESIGN §4) for the last run's rules and settings: walking
   * distance from every `cell`-metre cell to the nearest facility of one category, or for a level
   * the maximum over its mandatory categories ("time to reach all of them"), with each part kept
   * for a cell's breakdown. The grid and its snaps are built once per cell size. Network mode only.
   */
  surface(rules: RuleSet, settings: StudyAreaSettings, request: { cell: number; categoryId?: string; levelId?: string }): AccessSurface {
    const ctx = this.context(rules, settings);
    if (!ctx.network || ctx.options.mode !== 'network') throw new Error('an accessibility surface needs the network mode and a walking network');
    if (this.#grid?.cell !== request.cell || this.#grid.ctx !== ctx) this.#grid = { cell: request.cell, ctx, grid: surfaceGrid(ctx, request.cell) };
    const grid = this.#grid.grid;
    const ks = request.categoryId !== undefined
      ? [ctx.categories.findIndex((c) => c.id === request.categoryId)]
      : ctx.categories.map((c, k) => (c.level === request.levelId && c.mandatory ? k : -1)).filter((k) => k >= 0);
    if (!ks.length || ks[0] < 0) throw new Error(`surface: unknown category or a level without mandatory categories (${request.categoryId ?? request.levelId})`);
    const parts = ks.map((k) => ({ categoryId: ctx.categories[k].id, value: categorySurface(ctx, grid, k) }));
    const value = parts.length === 1 ? parts[0].value : maxSurface(parts.map((p) => p.value), grid.nx * grid.ny);
    const { cell, nx, ny, lon0, lat0, dLon, dLat } = grid;
    return { grid: { cell, nx, ny, lon0, lat0, dLon, dLat }, value, parts, metresPerMinute: rules.walk.speed_m_per_min };
  }

  /** Network statistics, null without a network. */
  get networkStats(): GraphBuildStats | null {
    return this.graph?.stats ?? null;
  }

  /** The prepared coverage context for these rules and settings (reused while they do not change). */
  context(rules: RuleSet, settings: StudyAreaSettings): CoverageContext {
    const key = this.#contextKey(rules, settings);
    if (this.#ctx && key === this.#ctxKey) return this.#ctx;
    const seeded = this.#seeded(key, settings);
    this.#patched = null;
    if (seeded && this.#seed) {
      // same communities and graph: only the facilities are snapped again (withFacilities)
      this.#ctx = withFacilities(seeded.ctx, this.layers.facilities as FeatureCollection, this.#seed.origin);
      this.#ctxKey = key;
      return this.#ctx;
    }
    if (seeded && this.#netSeed) {
      // same communities and facilities on the patched graph: only points near the links are snapped again
      this.#patched = withPatchedNetwork(seeded.ctx, this.#netSeed.patch, this.#index!);
      this.#ctx = this.#patched.ctx;
      this.#ctxKey = key;
      return this.#ctx;
    }
    const mode = settings.mode === 'network' && this.graph ? 'network' : 'euclidean';
    this.#ctx = prepareCoverage(
      { communities: this.layers.communities, facilities: this.layers.facilities, rules, graph: this.graph ?? undefined, segmentIndex: this.#index ?? undefined },
      { mode, maxSnap: settings.maxSnap, detour: settings.detour },
    );
    this.#ctxKey = key;
    return this.#ctx;
  }

  /**
   * The analysis as steps: it yields its progress between categories (in about eight chunks) and
   * between stages, so a caller may stop (the worker cancels there) or report; returns the result.
   */
  *steps(rules: RuleSet, settings: StudyAreaSettings): Generator<StudyAreaProgress, StudyAreaResult, void> {
    yield { fraction: 0, stage: 'prepare' };
    const key = this.#contextKey(rules, settings);
    const seeded = this.#seeded(key, settings);
    const ctx = this.context(rules, settings);
    const K = ctx.categories.length;
    const facilitySeed = seeded && this.#seed ? this.#seed : null;
    const patched = seeded && this.#netSeed ? this.#patched : null;
    let coverage: CoverageResult;
    if (seeded && patched) {
      // links only: the baseline's coverage, updated through the new edges
      const base = seeded.last.coverage;
      const arrays = { distance: base.distance.slice(), ok: base.ok.slice(), nearestFacility: base.nearestFacility.slice() };
      const relaxed = searchNetworkPatch(seeded.ctx, patched, this.#netSeed!.patch, arrays);
      yield { fraction: 1, stage: 'categories' };
      coverage = finishCoverage(ctx, arrays, relaxed, { countNoData: settings.countNoData });
    } else {
      // A facility-only scenario searches only its edited categories; the others are the baseline's.
      const todo = facilitySeed ? ctx.categories.map((c, k) => (facilitySeed.changed.has(c.id) ? k : -1)).filter((k) => k >= 0) : Array.from({ length: K }, (_, k) => k);
      const arrays = seeded && facilitySeed ? reusedArrays(seeded.last.coverage, facilitySeed.from.layers.facilities.features.length, facilitySeed.origin) : newCoverageArrays(ctx);
      const chunk = Math.max(1, Math.ceil(todo.length / 8));
      // runCoverage in chunks: every chunk's searches fill the same arrays; the rates once at the end
      let relaxed = 0;
      for (let start = 0; start < todo.length; start += chunk) {
        for (const k of todo.slice(start, start + chunk)) {
          // a category that only gained facilities: only the new ones are searched
          const added = facilitySeed && facilitySeed.grown.has(ctx.categories[k].id) ? this.#addedSources(ctx, k) : null;
          relaxed += added ? searchAddedFacilities(ctx, k, added, arrays) : searchCoverageCategories(ctx, [k], arrays);
        }
        yield { fraction: Math.min(1, (start + chunk) / todo.length), stage: 'categories' };
      }
      coverage = finishCoverage(ctx, arrays, relaxed, { countNoData: settings.countNoData });
    }
    const { communities, parks: parkLayer, parking: lots } = this.layers;
    let parks: ParkCoverageResult | null = null;
    if (seeded && facilitySeed) {
      // parks and parking do not depend on the facilities
      const renovation = studyAreaRenovation(communities, { coverage, weights: ctx.weights, parks: seeded.last.parks, parking: seeded.last.parking }, rules, settings.renovationWeights);
      const result: StudyAreaResult = { coverage, weights: ctx.weights, parks: seeded.last.parks, parking: seeded.last.parking, renovation };
      this.#last = { result, settings, key };
      return result;
    }
    if (parkLayer?.features.length) {
      yield { fraction: 1, stage: 'parks' };
      parks = parkCoverage(ctx, { parks: parkLayer as FC as FeatureCollection, thresholds: rules.parks.thresholds, communities: communities as FC as FeatureCollection });
    }
    yield { fraction: 1, stage: 'parking' };
    // Always: without lots the supply is each community's own spaces (then the network plays no part).
    const parking = seeded && patched && !lots?.features.length ? seeded.last.parking : parkingSupply(
      ctx,
      { communities: communities as FC as FeatureCollection, parking: (lots ?? null) as FeatureCollection | null },
      { ratio: rules.parking.ratio_per_household, searchRadius: rules.parking.search_radius_m },
    );
    const weights = ctx.weights;
    const renovation = studyAreaRenovation(communities, { coverage, weights, parks, parking }, rules, settings.renovationWeights);
    const result: StudyAreaResult = { coverage, weights, parks, parking, renovation };
    this.#last = { result, settings, key };
    return result;
  }

  /** The facility points of category k that the seed's scenario added (their feature has no origin). */
  #addedSources(ctx: CoverageContext, k: number): Int32Array {
    const origin = this.#seed!.origin;
    const ids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
    return ids.filter((p) => {
      const f = ctx.facilities.pointOwner[p];
      return f >= origin.length || origin[f] < 0;
    });
  }

  #contextKey(rules: RuleSet, settings: StudyAreaSettings): string {
    const mode = settings.mode === 'network' && this.graph ? 'network' : 'euclidean';
    return JSON.stringify([rules.categories.map((c) => [c.id, c.level, c.radius_m, c.mandatory]), rules.levels.map((l) => [l.id, l.walk_m]), rules.persons_per_household, mode, settings.maxSnap, settings.detour]);
  }

  /** The whole analysis at once (the CLI, tests). */
  analyze(rules: RuleSet, settings: StudyAreaSettings): StudyAreaResult {
    const it = this.steps(rules, settings);
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
    }
  }

  /**
   * The last run's rates with straight-line distances (× detour): official indicators are often
   * computed with buffers, so the UI shows both where they differ. Null before a run or when the
   * run itself was straight-line.
   */
  euclideanStats(): CoverageResult['stats'] | null {
    const ctx = this.#ctx;
    if (!ctx || !this.#last || ctx.options.mode === 'euclidean') return null;
    return runCoverage(ctx, { mode: 'euclidean', countNoData: this.#last.settings.countNoData }).stats;
  }

  /** Park service areas of the last run, one MultiPolygon per park class at its radius (network mode only). */
  parkServiceAreas(): ServiceAreaFeature[] {
    const ctx = this.#ctx, parks = this.#last?.result.parks;
    if (!ctx?.network || !parks?.accessSnap) return [];
    const out: ServiceAreaFeature[] = [];
    for (const k of parks.classes) {
      if (!k.nodeDistance || !k.parkCount) continue;
      out.push(...serviceAreaPolygons(ctx.network.graph, k.nodeDistance, [k.radius], { seeds: parks.accessSnap, seedIds: k.pointIds }));
    }
    return out;
  }

  /** Where a category's facilities reach within its radius (network edges and polygons, or circles). */
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

  /** The walking route from a community to its nearest facility of a category. */
  route(categoryId: string, communityIndex: number): CoverageRoute | null {
    const ctx = this.#ctx;
    if (!ctx) return null;
    const k = ctx.categories.findIndex((c) => c.id === categoryId);
    if (k < 0 || communityIndex < 0 || communityIndex >= ctx.communities.count) return null;
    return coverageRoute(ctx, k, communityIndex);
  }
}

/** One call for a whole study area: the prepared area (for follow-up questions) and its result. */
export function analyzeStudyArea(layers: StudyAreaLayers, rules: RuleSet, settings: StudyAreaSettings): { area: StudyArea; result: StudyAreaResult } {
  const area = new StudyArea(layers);
  return { area, result: area.analyze(rules, settings) };
}
