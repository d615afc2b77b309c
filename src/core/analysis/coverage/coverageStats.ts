import type { CoverageCategory, CoverageLevel } from './coverageRules';
import type { CoverageWeights } from './coverageWeights';
import { countsTowardGaps, DEFAULT_NO_DATA_POLICY, isNoDataCategory, type NoDataPolicy } from '../compliance/noDataPolicy';

/** covered / total of one weight; rate is null when the total is 0. */
export interface WeightedRate {
  covered: number;
  total: number;
  rate: number | null;
}

export interface CategoryCoverageStats {
  id: string;
  level: string;
  /** metres */
  radius: number;
  mandatory: boolean;
  /** facilities of the category that take part (reachable in network mode) */
  facilities: number;
  /** facilities of the category in the data, usable or not */
  facilitiesInData: number;
  /** no facility of the category in the data (未提供数据, see noDataPolicy) */
  noData: boolean;
  communities: WeightedRate;
  households: WeightedRate;
  /** the headline rate where communities have weights (headlineMeasure) */
  population: WeightedRate;
  /** by residential area (m²): only when no community has households or population, else total 0 */
  area: WeightedRate;
}

export interface LevelCoverageStats {
  id: string;
  walk_m: number;
  /** every mandatory category of the level (display) */
  mandatoryCategories: string[];
  /** the mandatory categories the counts below use: without the no-data ones unless the policy counts them */
  countedCategories: string[];
  /** mandatory categories without any facility in the data */
  noDataCategories: string[];
  /** whether no-data categories were counted (NoDataPolicy.countNoData) */
  countNoData: boolean;
  /** communities meeting ALL of this level's mandatory categories (levels are not nested) */
  complete: { communities: WeightedRate; households: WeightedRate; population: WeightedRate; area: WeightedRate };
  /** mean share of counted mandatory categories met, per community and population-weighted (null: none counted) */
  meanCompleteness: { communities: number | null; population: number | null };
}

export interface CoverageTotals {
  communities: number;
  households: number;
  population: number;
  /** communities whose population is households × persons per household */
  populationEstimated: number;
  /** communities with neither population nor households (weight 0) */
  weightUnknown: number;
  /** residential area, m² (only read when no community has a weight, else 0) */
  area: number;
}

/** What the headline rates count: residents where any community has them (stated or estimated), else communities. */
export type RateMeasure = 'population' | 'communities';

/**
 * The measure of the headline rates (issue 15): population-weighted where any community has
 * households or population — over the communities that have them; the others are counted and said —
 * else the share of communities (with the share of residential area beside it), never "—".
 */
export function headlineMeasure(totals: Pick<CoverageTotals, 'population'>): RateMeasure {
  return totals.population > 0 ? 'population' : 'communities';
}

export interface CoverageStats {
  categories: CategoryCoverageStats[];
  levels: LevelCoverageStats[];
  totals: CoverageTotals;
}

/** covered / total as a WeightedRate (rate null when total is 0); shared with the park coverage. */
export function weightedRate(covered: number, total: number): WeightedRate {
  return { covered, total, rate: total > 0 ? covered / total : null };
}

/**
 * Coverage rates per category and per level by communities, households and population, and each
 * community's completeness per level (share of that level's own mandatory categories met).
 * Mandatory categories without any facility in the data are left out of the level figures unless
 * the policy counts them (noDataPolicy).
 *
 * @param ok covered flags, category-major: ok[k·C + c]
 * @param facilityCounts usable facilities per category
 * @param inData facilities per category in the data (default: facilityCounts)
 * @returns stats and levelCompleteness[l·C + c] (NaN when the level counts no mandatory category)
 */
export function coverageStats(
  categories: readonly CoverageCategory[],
  levels: readonly CoverageLevel[],
  weights: CoverageWeights,
  ok: Uint8Array,
  facilityCounts: ArrayLike<number>,
  inData: ArrayLike<number> = facilityCounts,
  policy: NoDataPolicy = DEFAULT_NO_DATA_POLICY,
): { stats: CoverageStats; levelCompleteness: Float64Array } {
  const C = weights.households.length;
  const { households, population } = weights;
  const areaOf = weights.area ?? new Float64Array(C);
  let totalHh = 0, totalPop = 0, totalArea = 0, estimated = 0, unknown = 0;
  for (let c = 0; c < C; c++) {
    totalHh += households[c];
    totalPop += population[c];
    totalArea += areaOf[c];
    estimated += weights.populationEstimated[c];
    unknown += weights.weightUnknown[c];
  }

  const catStats = categories.map((cat, k): CategoryCoverageStats => {
    let n = 0, hh = 0, pop = 0, ar = 0;
    for (let c = 0, base = k * C; c < C; c++) {
      if (ok[base + c]) {
        n++;
        hh += households[c];
        pop += population[c];
        ar += areaOf[c];
      }
    }
    return {
      id: cat.id, level: cat.level, radius: cat.radius, mandatory: cat.mandatory, facilities: facilityCounts[k],
      facilitiesInData: inData[k], noData: isNoDataCategory(inData[k]),
      communities: weightedRate(n, C), households: weightedRate(hh, totalHh), population: weightedRate(pop, totalPop), area: weightedRate(ar, totalArea),
    };
  });

  const levelCompleteness = new Float64Array(levels.length * C);
  const levelStats = levels.map((level, l): LevelCoverageStats => {
    const counted = level.mandatory.filter((k) => countsTowardGaps(isNoDataCategory(inData[k]), policy));
    const m = counted.length;
    let n = 0, hh = 0, pop = 0, ar = 0, sumShare = 0, sumPopShare = 0;
    for (let c = 0; c < C; c++) {
      let met = 0;
      for (const k of counted) met += ok[k * C + c];
      const share = m > 0 ? met / m : NaN;
      levelCompleteness[l * C + c] = share;
      if (m === 0) continue;
      sumShare += share;
      sumPopShare += share * population[c];
      if (met === m) {
        n++;
        hh += households[c];
        pop += population[c];
        ar += areaOf[c];
      }
    }
    return {
      id: level.id, walk_m: level.walk_m,
      mandatoryCategories: level.mandatory.map((k) => categories[k].id),
      countedCategories: counted.map((k) => categories[k].id),
      noDataCategories: level.mandatory.filter((k) => isNoDataCategory(inData[k])).map((k) => categories[k].id),
      countNoData: policy.countNoData,
      complete: m > 0
        ? { communities: weightedRate(n, C), households: weightedRate(hh, totalHh), population: weightedRate(pop, totalPop), area: weightedRate(ar, totalArea) }
        : { communities: weightedRate(0, 0), households: weightedRate(0, 0), population: weightedRate(0, 0), area: weightedRate(0, 0) },
      meanCompleteness: {
        communities: m > 0 && C > 0 ? sumShare / C : null,
        population: m > 0 && totalPop > 0 ? sumPopShare / totalPop : null,
      },
    };
  });

  return {
    stats: {
      categories: catStats, levels: levelStats,
      totals: { communities: C, households: totalHh, population: totalPop, populationEstimated: estimated, weightUnknown: unknown, area: totalArea },
    },
    levelCompleteness,
  };
}
