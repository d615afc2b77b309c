/** The parts of a coverage result the exports read (core/analysis CoverageResult fits). */
export interface CoverageTable {
  communityCount: number;
  /** Rule-set category ids, index k. */
  categoryIds: readonly string[];
  /** Metres, category-major: entry k·C + c; Infinity when unreachable or no facility. */
  distance: ArrayLike<number>;
  /** 1 when covered, category-major like `distance`. */
  ok: ArrayLike<number>;
}

/** Metres to one decimal, null when not finite (the CLI's convention). */
export function roundDistance(d: number): number | null {
  return Number.isFinite(d) ? Math.round(d * 10) / 10 : null;
}

/**
 * The CLI's flat analysis attributes of community c (DESIGN §6): `dist_<k>` (metres, one decimal,
 * null when unreachable or no facility exists) and `ok_<k>` (boolean) for every category k.
 */
export function communityCoverageAttributes(result: CoverageTable, c: number): Record<string, number | boolean | null> {
  const C = result.communityCount;
  const out: Record<string, number | boolean | null> = {};
  result.categoryIds.forEach((id, k) => {
    out[`dist_${id}`] = roundDistance(result.distance[k * C + c]);
    out[`ok_${id}`] = result.ok[k * C + c] === 1;
  });
  return out;
}

/**
 * An exportGeoJson/featuresToCsv attribute source giving every community (by its index in the
 * analysed collection) its flat coverage attributes. Features beyond the result get none.
 */
export function coverageAttributes(result: CoverageTable): (feature: unknown, index: number) => Record<string, unknown> | undefined {
  return (_f, c) => (c < result.communityCount ? communityCoverageAttributes(result, c) : undefined);
}
