import { objectSink, type AttributeSink } from './attributeSink';

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

/** `dist_<k>` / `ok_<k>` names per category list, made once per list rather than per community. */
const KEY_CACHE = new WeakMap<readonly string[], { dist: string[]; ok: string[] }>();

function coverageKeys(ids: readonly string[]): { dist: string[]; ok: string[] } {
  let keys = KEY_CACHE.get(ids);
  if (!keys) {
    keys = { dist: ids.map((id) => `dist_${id}`), ok: ids.map((id) => `ok_${id}`) };
    KEY_CACHE.set(ids, keys);
  }
  return keys;
}

/**
 * Passes community c's coverage attributes (communityCoverageAttributes) to `put`, in order:
 * dist_<k>, ok_<k> per category.
 */
export function putCommunityCoverageAttributes(result: CoverageTable, c: number, put: AttributeSink): void {
  const C = result.communityCount;
  const { dist, ok } = coverageKeys(result.categoryIds);
  for (let k = 0; k < dist.length; k++) {
    put(dist[k], roundDistance(result.distance[k * C + c]));
    put(ok[k], result.ok[k * C + c] === 1);
  }
}

/**
 * Writes community c's coverage attributes (communityCoverageAttributes) into `out`, in the same
 * order, and returns it — for writers that build one properties object per feature.
 */
export function assignCommunityCoverageAttributes<T extends Record<string, unknown>>(out: T, result: CoverageTable, c: number): T {
  putCommunityCoverageAttributes(result, c, objectSink(out));
  return out;
}

/**
 * The CLI's flat analysis attributes of community c (DESIGN §6): `dist_<k>` (metres, one decimal,
 * null when unreachable or no facility exists) and `ok_<k>` (boolean) for every category k.
 */
export function communityCoverageAttributes(result: CoverageTable, c: number): Record<string, number | boolean | null> {
  return assignCommunityCoverageAttributes({}, result, c);
}

/**
 * An exportGeoJson/featuresToCsv attribute source giving every community (by its index in the
 * analysed collection) its flat coverage attributes. Features beyond the result get none.
 */
export function coverageAttributes(result: CoverageTable): (feature: unknown, index: number) => Record<string, unknown> | undefined {
  return (_f, c) => (c < result.communityCount ? communityCoverageAttributes(result, c) : undefined);
}
