import { roundDistance } from './coverageAttributes';
import { roundTo } from './workbenchAttributes';

/** What the choice attributes are written from (a FacilityChoiceResult fits). */
export interface ChoiceTable {
  categoryIds: string[];
  communityCount: number;
  count: ArrayLike<number>;
  second: ArrayLike<number>;
  access: ArrayLike<number>;
  fca: ArrayLike<number>;
  placesGap: ArrayLike<number>;
  supply: ({ facilities: number; withoutCapacity: number; needed: number } | null)[];
}

/**
 * Community c's fields beyond yes/no (issue 13, DESIGN §6), per category k computed: `n_<k>`
 * (facilities within the radius), `dist2_<k>` (metres to the second-nearest, one decimal; null when
 * fewer than two are reachable), `access_<k>` (gravity score, 3 decimals); `fca_<k>` (2SFCA ratio, 4
 * decimals) for categories whose facilities state a capacity; `places_gap_<k>` (places, one decimal;
 * null when the population is unknown) where the rule set has a norm; `n_ok_<k>` where it asks for
 * more than one facility within the radius (`minCount`).
 */
export function assignChoiceAttributes(out: Record<string, unknown>, t: ChoiceTable, c: number, minCount: ReadonlyMap<string, number> = new Map()): void {
  const C = t.communityCount;
  t.categoryIds.forEach((id, k) => {
    const s = t.supply[k];
    if (!s) return;
    const at = k * C + c;
    out[`n_${id}`] = t.count[at];
    out[`dist2_${id}`] = roundDistance(t.second[at]);
    out[`access_${id}`] = roundTo(t.access[at], 3);
    if (s.withoutCapacity < s.facilities) out[`fca_${id}`] = Number.isFinite(t.fca[at]) ? roundTo(t.fca[at], 4) : null;
    if (Number.isFinite(s.needed)) out[`places_gap_${id}`] = Number.isFinite(t.placesGap[at]) ? roundTo(t.placesGap[at], 1) : null;
    const m = minCount.get(id);
    if (m !== undefined && m > 1) out[`n_ok_${id}`] = t.count[at] >= m;
  });
}
