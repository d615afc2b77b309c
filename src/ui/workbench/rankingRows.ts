import { rankByScore, type RenovationScoreResult } from '../../core/analysis/renovation';
import { builtYear, featureLabel } from '../../core/model';
import { DEFAULT_RENOVATION_WEIGHTS, RENOVATION_EXTRA_INDICATORS } from '../../core/analysis/renovation';

/** One indicator's share of a community's score: part = 100 × weight × indicator. */
export interface RankingPart {
  key: string;
  /** indicator value 0–1; NaN when unavailable for this community */
  indicator: number;
  /** weight actually applied (re-distributed over the available indicators); 0 when unavailable */
  weight: number;
  /** points of the 0–100 score */
  part: number;
}

/** A row of the renovation-priority table. */
export interface RankingRow {
  /** 1-based rank */
  position: number;
  /** index into the communities layer */
  index: number;
  name: string;
  builtYear: number | null;
  population: number;
  /** min(1, population / 1,000): how fully the missing facilities count (renovationScore) */
  populationFactor: number;
  /** 0–100 */
  score: number;
  parts: RankingPart[];
}

type Props = Record<string, unknown> | null | undefined;

/**
 * The old communities by decreasing score (ties: larger population first, then layer order —
 * rankByScore), each with its parts in the result's indicator order.
 * @param result renovation scores (selectRenovation)
 * @param properties the communities' properties, same order as the analysis
 * @param population residents per community (the analysis weights)
 */
export function rankingRows(result: RenovationScoreResult, properties: readonly Props[], population: ArrayLike<number>): RankingRow[] {
  const C = result.communityCount;
  const order = rankByScore(result.score, population);
  const rows: RankingRow[] = [];
  order.forEach((c, i) => {
    const p = properties[c] ?? {};
    rows.push({
      position: i + 1,
      index: c,
      name: featureLabel(p, c),
      builtYear: builtYear(p),
      population: population[c],
      populationFactor: result.populationFactor[c],
      score: result.score[c],
      parts: result.keys.map((key, k) => ({
        key,
        indicator: result.indicator[k * C + c],
        weight: result.effectiveWeight[k * C + c],
        part: result.part[k * C + c],
      })),
    });
  });
  return rows;
}

/**
 * Raw weights with one changed. Returns null when every weight would be 0 (no ranking is
 * possible then; the slider should stay where it was).
 * @param keys the indicator keys in use (resolveRenovationWeights(...).keys)
 * @param raw the current raw weights, same order
 */
export function withWeight(keys: readonly string[], raw: ArrayLike<number>, key: string, value: number): Record<string, number> | null {
  const out: Record<string, number> = {};
  keys.forEach((k, i) => {
    out[k] = k === key ? Math.max(0, value) : raw[i];
  });
  return Object.values(out).some((w) => w > 0) ? out : null;
}

/**
 * The weights a rule set with these levels still knows (a weight for a level it lacks would stop
 * the renovation score). Null when every key is known. When none of the kept weights is above 0,
 * the defaults of the known keys.
 */
export function prunedWeights(weights: Readonly<Record<string, number>>, levelIds: readonly string[]): Record<string, number> | null {
  const known = new Set<string>([...levelIds, ...RENOVATION_EXTRA_INDICATORS]);
  if (Object.keys(weights).every((k) => known.has(k))) return null;
  const keep = (w: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(w).filter(([k]) => known.has(k)));
  const pruned = keep(weights);
  return Object.values(pruned).some((w) => w > 0) ? pruned : keep(DEFAULT_RENOVATION_WEIGHTS);
}
