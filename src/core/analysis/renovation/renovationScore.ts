import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { builtYear, isOld as isOldRule } from '../../model/oldCommunity';
import { elderlyShare } from '../../model/communityPopulation';
import { DEFAULTS } from '../../rules/defaults';
import type { CoverageWeights } from '../coverage/coverageWeights';
import { RENOVATION_EXTRA_INDICATORS, resolveRenovationWeights } from './renovationWeights';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> };

export interface RenovationInput {
  /** the communities (same order as the analysis): built_year, elderly_share, is_old */
  communities: Features;
  /** a coverage result: level ids and levelCompleteness[l·C + c] (share of the level's mandatory categories met) */
  coverage: { levelIds: readonly string[]; levelCompleteness: ArrayLike<number> };
  /** households and population per community (ctx.weights) */
  weights: CoverageWeights;
  /** community is old when built_year < oldBeforeYear (rules.old_before_year, 2000) */
  oldBeforeYear: number;
  /** parking gap per community (ParkingSupplyResult.gap); without it the parking indicator is unavailable */
  parkingGap?: ArrayLike<number> | null;
  /** 1 when the community is within a park's service radius (ParkCoverageResult.ok); without it the park indicator is unavailable */
  parkOk?: ArrayLike<number> | null;
}

export interface RenovationOptions {
  /** overrides of DEFAULT_RENOVATION_WEIGHTS, normalised to sum 1 (see resolveRenovationWeights) */
  weights?: Readonly<Record<string, unknown>>;
  /** built in this year or earlier → age indicator 1 @default DEFAULTS.renovationAgeBaseYear (1970) */
  ageBaseYear?: number;
  /**
   * residents at which a community's missing facilities count fully; smaller communities count
   * in proportion; 0 turns population weighting off @default DEFAULTS.renovationPopulationReference
   * (1,000: the lower bound of a 居住街坊, GB 50180-2018 2.0.5)
   */
  populationReference?: number;
}

/** Scores and their parts in flat arrays; indicator-major entries [i·C + c]. */
export interface RenovationScoreResult {
  communityCount: number;
  /** indicator keys in stacking order (levels, parking, park, age, elderly) */
  keys: string[];
  /** normalised weights (sum 1), same order */
  weights: Float64Array;
  /** 1 for old communities (the only ones scored) */
  isOld: Uint8Array;
  /** min(1, population / populationReference); 1 when the population is unknown or weighting is off */
  populationFactor: Float64Array;
  /** indicator value 0–1; NaN when unavailable for that community (its weight is re-distributed) */
  indicator: Float64Array;
  /** weight actually applied: weights[i] / Σ weights of the community's available indicators; 0 when unavailable */
  effectiveWeight: Float64Array;
  /** 100 × effectiveWeight × indicator (the stacked bar); NaN for communities that are not old */
  part: Float64Array;
  /** 0–100, the sum of the parts; NaN for communities that are not old */
  score: Float64Array;
}

/**
 * Renovation priority (DESIGN §4): a 0–100 score for every OLD community, the weighted sum of
 * indicators on 0–1 with fixed normalisations (a community's score never depends on the others):
 *
 * - `<level>` (5min, 10min, 15min, …): share of that level's mandatory categories missing
 *   (1 − levelCompleteness) × population factor, where the factor = min(1, population / 1,000)
 *   — "population-weighted": a community of ≥ 1,000 residents counts fully, one of 300 residents
 *   missing everything scores 0.3; unknown population counts fully. Unavailable when the level
 *   has no mandatory category.
 * - `parking`: min(1, parking gap / households) — missing spaces per household, capped at one.
 *   Unavailable without a parking result or when households are unknown (0).
 * - `park`: 1 when not within any qualifying park's radius, else 0. Unavailable without parks.
 * - `age`: (oldBeforeYear − built_year) / (oldBeforeYear − 1970), clamped to 0–1 (built 1985 with
 *   2000 → 0.5). Unavailable when the community is old only by `is_old: true` without a year.
 * - `elderly`: properties.elderly_share in 0–1 (values in (1, 100] are read as percent).
 *   Unavailable when absent.
 *
 * An unavailable indicator's weight is re-distributed over the community's available ones in
 * proportion to their weights (score = 100 · Σ w_i x_i / Σ w_i over available i), so a missing
 * layer never counts as good or bad. Parts = 100 · (w_i / Σ w) · x_i sum to the score. A
 * community is old when built_year < oldBeforeYear, else when properties.is_old is true.
 */
export function renovationScore(input: RenovationInput, options: RenovationOptions = {}): RenovationScoreResult {
  const feats = input.communities.features;
  const C = feats.length;
  const { keys, normalised } = resolveRenovationWeights(input.coverage.levelIds, options.weights);
  const K = keys.length;
  const Y = input.oldBeforeYear;
  const base = options.ageBaseYear ?? DEFAULTS.renovationAgeBaseYear;
  if (!(base < Y)) throw new Error(`renovation score: ageBaseYear (${base}) must be before oldBeforeYear (${Y})`);
  const ref = options.populationReference ?? DEFAULTS.renovationPopulationReference;
  if (!(ref >= 0)) throw new Error(`renovation score: populationReference must be ≥ 0 residents, got ${ref}`);
  const { households, population, weightUnknown } = input.weights;
  const levelIndex = new Map(input.coverage.levelIds.map((id, l) => [id, l]));

  const isOld = new Uint8Array(C);
  const populationFactor = new Float64Array(C).fill(1);
  const indicator = new Float64Array(K * C).fill(NaN);

  for (let c = 0; c < C; c++) {
    const props = feats[c]?.properties ?? {};
    if (!isOldRule(props, { old_before_year: Y })) continue;
    const year = builtYear(props);
    isOld[c] = 1;
    if (ref > 0 && !weightUnknown[c]) populationFactor[c] = Math.min(1, population[c] / ref);

    for (let i = 0; i < K; i++) {
      const key = keys[i];
      let x = NaN;
      const l = levelIndex.get(key);
      if (l !== undefined) {
        const met = input.coverage.levelCompleteness[l * C + c];
        if (Number.isFinite(met)) x = (1 - met) * populationFactor[c];
      } else if (key === 'parking') {
        if (input.parkingGap && households[c] > 0 && Number.isFinite(input.parkingGap[c])) x = Math.min(1, Math.max(0, input.parkingGap[c]) / households[c]);
      } else if (key === 'park') {
        if (input.parkOk) x = input.parkOk[c] ? 0 : 1;
      } else if (key === 'age') {
        if (year !== null) x = clamp01((Y - year) / (Y - base));
      } else if (key === 'elderly') {
        const e = elderlyShare(props);
        if (e !== null) x = e;
      }
      indicator[i * C + c] = x;
    }

  }
  const { effectiveWeight, part, score } = scoreIndicators(indicator, isOld, normalised);
  return { communityCount: C, keys, weights: normalised, isOld, populationFactor, indicator, effectiveWeight, part, score };
}

/**
 * The same scores with other weights, reusing the indicators (no property parsing): for weight
 * sliders. `weights` are overrides of the defaults as in renovationScore.
 */
export function reweightRenovationScore(prev: RenovationScoreResult, weights: Readonly<Record<string, unknown>> = {}): RenovationScoreResult {
  const extras: readonly string[] = RENOVATION_EXTRA_INDICATORS;
  const { keys, normalised } = resolveRenovationWeights(prev.keys.filter((k) => !extras.includes(k)), weights);
  if (keys.join() !== prev.keys.join()) throw new Error(`reweightRenovationScore: indicator keys changed (${prev.keys.join(', ')} → ${keys.join(', ')})`);
  const r = scoreIndicators(prev.indicator, prev.isOld, normalised);
  return { ...prev, weights: normalised, ...r };
}

/** Weighted sum per old community with unavailable (NaN) indicators' weights re-distributed. */
function scoreIndicators(indicator: Float64Array, isOld: Uint8Array, normalised: Float64Array) {
  const C = isOld.length;
  const K = normalised.length;
  const effectiveWeight = new Float64Array(K * C);
  const part = new Float64Array(K * C).fill(NaN);
  const score = new Float64Array(C).fill(NaN);
  for (let c = 0; c < C; c++) {
    if (!isOld[c]) continue;
    let wSum = 0;
    for (let i = 0; i < K; i++) if (!Number.isNaN(indicator[i * C + c])) wSum += normalised[i];
    let s = 0;
    for (let i = 0; i < K; i++) {
      const x = indicator[i * C + c];
      const w = wSum > 0 && !Number.isNaN(x) ? normalised[i] / wSum : 0;
      effectiveWeight[i * C + c] = w;
      const p = w > 0 ? 100 * w * x : 0;
      part[i * C + c] = p;
      s += p;
    }
    score[c] = s;
  }
  return { effectiveWeight, part, score };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Old communities by decreasing score (ties: larger population first, then input order).
 * @param score per community, NaN for those not ranked
 * @param population optional tie-breaker per community
 * @returns community indexes, highest priority first
 */
export function rankByScore(score: ArrayLike<number>, population?: ArrayLike<number>): Int32Array {
  const ids: number[] = [];
  for (let c = 0; c < score.length; c++) if (Number.isFinite(score[c])) ids.push(c);
  ids.sort((a, b) => score[b] - score[a] || (population ? population[b] - population[a] : 0) || a - b);
  return Int32Array.from(ids);
}
