import { categoryDistances } from './categoryDistances';
import { coverageStats, type CoverageStats } from './coverageStats';
import type { CoverageIssue, CoverageIssueReason } from './coveragePoints';
import { facilitiesInData, type NoDataPolicy } from '../compliance/noDataPolicy';
import { prepareCoverage, type CoverageContext, type CoverageInput, type CoverageMode, type CoverageOptions } from './prepareCoverage';

/** Community issues that are warnings (the community is still measured, from what is usable). */
const ENTRANCE_WARNINGS = new Set<CoverageIssueReason>(['invalid_entrances', 'far_entrances']);

/**
 * Result of a coverage analysis in flat typed arrays, category-major (entry k·C + c for category k,
 * community c), so one category is a contiguous `subarray` and everything transfers to and from a
 * worker without copying (see coverageTransferables).
 */
export interface CoverageResult {
  mode: CoverageMode;
  communityCount: number;
  /** rule-set category ids, in order (index k) */
  categoryIds: string[];
  /** level ids, in order (index l) */
  levelIds: string[];
  /** metres to the nearest facility of the category; Infinity when unreachable or no facility */
  distance: Float64Array;
  /** 1 when distance ≤ the category's radius */
  ok: Uint8Array;
  /** index of the nearest facility (facility collection index), −1 when none */
  nearestFacility: Int32Array;
  /** share of the level's mandatory categories met, levelCompleteness[l·C + c]; NaN when it has none */
  levelCompleteness: Float64Array;
  stats: CoverageStats;
  /** communities with no usable geometry, beyond maxSnap, or on a network part without facilities */
  unreachableCommunities: CoverageIssue[];
  /** facilities without geometry, with an unknown category, or beyond maxSnap */
  unreachableFacilities: CoverageIssue[];
  /** problems that did not stop the analysis (e.g. unusable entrances: the representative point was used) */
  warnings: CoverageIssue[];
  /** edges relaxed by the searches (network mode) */
  relaxed: number;
}

export interface RunCoverageOptions {
  /** @default the context's mode */
  mode?: CoverageMode;
  /**
   * Recompute only these category indexes and copy the others from `previous` (e.g. after a
   * radius or facility change in one category); without a matching `previous` the others read
   * as Infinity / not covered. @default all
   */
  categories?: readonly number[];
  previous?: CoverageResult;
  /**
   * Whether categories without any facility in the data count as missing in the level figures
   * (completeness, "all mandatory met") and so in gap counts and scores. @default false
   */
  countNoData?: NoDataPolicy['countNoData'];
}

/** The per-community arrays of a coverage run, category-major (CoverageResult's). */
export interface CoverageArrays {
  distance: Float64Array;
  ok: Uint8Array;
  nearestFacility: Int32Array;
}

/** Fresh arrays for a run over all of ctx's categories: every category "no facility" until searched. */
export function newCoverageArrays(ctx: CoverageContext): CoverageArrays {
  const n = ctx.categories.length * ctx.communities.count;
  return { distance: new Float64Array(n).fill(Infinity), ok: new Uint8Array(n), nearestFacility: new Int32Array(n).fill(-1) };
}

/**
 * The searches of categories `todo` (one per category), written into `out`: distances, nearest
 * facilities and covered flags. Returns the edges relaxed. The first half of runCoverage, for
 * callers that search in chunks into one set of arrays and finish once (StudyArea.steps).
 */
export function searchCoverageCategories(ctx: CoverageContext, todo: Iterable<number>, out: CoverageArrays, mode: CoverageMode = ctx.options.mode): number {
  const C = ctx.communities.count;
  const { distance, ok, nearestFacility } = out;
  let relaxed = 0;
  for (const k of todo) {
    if (ctx.categorySourceOffsets[k + 1] === ctx.categorySourceOffsets[k]) {
      // no facility of this category in the data: nothing to search (a search from no source
      // reaches nothing); every community is "no facility" — most of a rule set's categories
      // when a study area has few kinds of facility
      distance.fill(Infinity, k * C, (k + 1) * C);
      nearestFacility.fill(-1, k * C, (k + 1) * C);
      ok.fill(Infinity <= ctx.categories[k].radius ? 1 : 0, k * C, (k + 1) * C);
      continue;
    }
    const d = distance.subarray(k * C, (k + 1) * C);
    // node distances are not kept: the search may stop once every community is answered
    const r = categoryDistances(ctx, k, { mode, fullSearch: false, out: d, outFacility: nearestFacility.subarray(k * C, (k + 1) * C) });
    relaxed += r.search?.relaxed ?? 0;
    const radius = ctx.categories[k].radius;
    for (let c = 0, base = k * C; c < C; c++) ok[base + c] = d[c] <= radius ? 1 : 0;
  }
  return relaxed;
}

/**
 * Category k after facilities were only added to it (a scenario): a new facility can only bring
 * communities closer, so only the new ones are searched — no farther than the farthest community's
 * present distance — and each community keeps the nearer of the two. The same numbers as
 * searching the whole category again (searchCoverageCategories), at a fraction of the work.
 *
 * @param added facility point ids of category k that are new (entries of ctx.categorySourceIds)
 * @param out the arrays holding category k's present result, updated in place
 * @returns edges relaxed
 */
export function searchAddedFacilities(ctx: CoverageContext, k: number, added: Int32Array, out: CoverageArrays, mode: CoverageMode = ctx.options.mode): number {
  const C = ctx.communities.count;
  const base = k * C;
  let cutoff = 0;
  const snapOk = mode === 'network' ? ctx.network?.sampleSnap.ok : null;
  const { sampleOffsets } = ctx.communities;
  for (let c = 0; c < C && cutoff < Infinity; c++) {
    const d = out.distance[base + c];
    if (d < Infinity) cutoff = Math.max(cutoff, d);
    else {
      // an unreached community the new facility might reach (e.g. on its part of the network)
      for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) if (!snapOk || snapOk[s]) cutoff = Infinity;
    }
  }
  const r = categoryDistances(ctx, k, { mode, fullSearch: false, sourceIds: added, cutoff });
  const radius = ctx.categories[k].radius;
  for (let c = 0; c < C; c++) {
    if (!(r.distance[c] < out.distance[base + c])) continue;
    out.distance[base + c] = r.distance[c];
    out.nearestFacility[base + c] = r.facility[c];
    out.ok[base + c] = r.distance[c] <= radius ? 1 : 0;
  }
  return r.search?.relaxed ?? 0;
}

/**
 * The result from searched arrays (searchCoverageCategories): facility counts, the rates per
 * category and level, and the issue lists. The arrays are taken, not copied.
 */
export function finishCoverage(
  ctx: CoverageContext, arrays: CoverageArrays, relaxed: number,
  options: { mode?: CoverageMode; countNoData?: NoDataPolicy['countNoData'] } = {},
): CoverageResult {
  const mode = options.mode ?? ctx.options.mode;
  const C = ctx.communities.count;
  const K = ctx.categories.length;
  const { distance, ok, nearestFacility } = arrays;
  const facilityCounts = new Int32Array(K);
  const usable = mode === 'network' ? ctx.network?.sourceUsable : null;
  const counted = new Uint8Array(ctx.facilities.count);
  for (let p = 0; p < ctx.facilities.pointOwner.length; p++) {
    const f = ctx.facilities.pointOwner[p];
    if ((usable && !usable[p]) || counted[f]) continue;
    counted[f] = 1;
    facilityCounts[ctx.facilities.category[f]]++;
  }
  const inData = facilitiesInData(K, ctx.facilities.category);
  const policy = { countNoData: options.countNoData ?? false };
  const { stats, levelCompleteness } = coverageStats(ctx.categories, ctx.levels, ctx.weights, ok, facilityCounts, inData, policy);

  const net = mode === 'network' ? ctx.network : null;
  const byIndex = (a: CoverageIssue, b: CoverageIssue) => a.index - b.index;
  return {
    mode, communityCount: C,
    categoryIds: ctx.categories.map((c) => c.id),
    levelIds: ctx.levels.map((l) => l.id),
    distance, ok, nearestFacility, levelCompleteness, stats,
    unreachableCommunities: [...ctx.communities.issues.filter((i) => !ENTRANCE_WARNINGS.has(i.reason)), ...(net?.communityIssues ?? [])].sort(byIndex),
    unreachableFacilities: [...ctx.facilities.issues, ...(net?.facilityIssues ?? [])].sort(byIndex),
    warnings: ctx.communities.issues.filter((i) => ENTRANCE_WARNINGS.has(i.reason)),
    relaxed,
  };
}

/**
 * Runs the coverage analysis on a prepared context: one search per category, then the rates per
 * category and level (DESIGN §4). Changing one category: pass `categories: [k], previous`.
 */
export function runCoverage(ctx: CoverageContext, options: RunCoverageOptions = {}): CoverageResult {
  const mode = options.mode ?? ctx.options.mode;
  const C = ctx.communities.count;
  const K = ctx.categories.length;
  const prev = options.previous;
  const reuse = prev && options.categories && prev.communityCount === C && prev.categoryIds.length === K && prev.mode === mode;
  // Categories not computed (a partial first run, e.g. one category alone) read as "no facility".
  const arrays = reuse
    ? { distance: prev.distance.slice(), ok: prev.ok.slice(), nearestFacility: prev.nearestFacility.slice() }
    : newCoverageArrays(ctx);
  const todo = options.categories ?? Array.from({ length: K }, (_, k) => k);
  const relaxed = searchCoverageCategories(ctx, todo, arrays, mode);
  return finishCoverage(ctx, arrays, reuse ? prev.relaxed : relaxed, { mode, countNoData: options.countNoData });
}

/** prepareCoverage + runCoverage in one call, for scripts and tests. */
export function analyzeCoverage(input: CoverageInput, options: CoverageOptions = {}): CoverageResult {
  return runCoverage(prepareCoverage(input, options));
}

/** The buffers of a result, for a worker's transfer list. */
export function coverageTransferables(result: CoverageResult): ArrayBuffer[] {
  return [result.distance, result.ok, result.nearestFacility, result.levelCompleteness]
    .map((a) => a.buffer)
    .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
