/**
 * Weights of the renovation-priority indicators. Keys: a level id of the rule set (missing
 * mandatory categories of that level), 'parking', 'park', 'age', 'elderly'.
 */
export type RenovationWeights = Record<string, number>;

/** Non-level indicators, in the order they are stacked after the levels. */
export const RENOVATION_EXTRA_INDICATORS = ['parking', 'park', 'age', 'elderly'] as const;

/**
 * Defaults (sum 1): 5-min 0.25, 10-min 0.15, 15-min 0.10, parking 0.20, park 0.10, age 0.15,
 * elderly 0.05. Other levels of a rule set (e.g. 'block') default to 0.
 */
export const DEFAULT_RENOVATION_WEIGHTS: Readonly<RenovationWeights> = Object.freeze({
  '5min': 0.25, '10min': 0.15, '15min': 0.1, parking: 0.2, park: 0.1, age: 0.15, elderly: 0.05,
});

export interface ResolvedRenovationWeights {
  /** indicator keys in stacking order: the levels as ordered in DEFAULT_RENOVATION_WEIGHTS then the rule set's, then parking, park, age, elderly */
  keys: string[];
  /** the weights as given (defaults overridden), same order */
  raw: Float64Array;
  /** normalised to sum 1, same order */
  normalised: Float64Array;
}

/**
 * Merges `overrides` over the defaults and normalises the result to sum 1. Keys not given keep
 * their default (to use one indicator alone, set the others to 0). Throws a specific Error for
 * an unknown key, a negative or non-numeric weight, or weights summing to 0.
 *
 * @param levelIds the rule set's level ids
 */
export function resolveRenovationWeights(levelIds: readonly string[], overrides: Readonly<Record<string, unknown>> = {}): ResolvedRenovationWeights {
  const defaultLevels = Object.keys(DEFAULT_RENOVATION_WEIGHTS).filter((k) => levelIds.includes(k));
  const levels = [...defaultLevels, ...levelIds.filter((l) => !defaultLevels.includes(l))];
  const keys = [...levels, ...RENOVATION_EXTRA_INDICATORS.filter((k) => !levels.includes(k))];
  for (const [k, v] of Object.entries(overrides)) {
    if (!keys.includes(k)) throw new Error(`unknown weight "${k}"; known weights: ${keys.join(', ')}`);
    if (typeof v !== 'number' || !(v >= 0) || v === Infinity) throw new Error(`weight "${k}" must be a number ≥ 0, got ${JSON.stringify(v)}`);
  }
  const raw = Float64Array.from(keys, (k) => (overrides[k] as number | undefined) ?? DEFAULT_RENOVATION_WEIGHTS[k] ?? 0);
  const sum = raw.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error(`the weights sum to 0; give at least one of ${keys.join(', ')} a weight > 0`);
  return { keys, raw, normalised: raw.map((w) => w / sum) };
}
