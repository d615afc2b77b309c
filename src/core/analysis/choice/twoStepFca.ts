import type { FacilityReach } from './facilityReach';

/** The two-step floating catchment of one category (DESIGN §4 2SFCA). */
export interface TwoStepFca {
  /** per community F_c = Σ R_f over the facilities within the radius: places per unit of demand; 0 when none reaches it */
  ratio: Float64Array;
  /** per facility (feature order) R_f = capacity ÷ the demand within its radius; NaN when it reaches no demand */
  facilityRatio: Float64Array;
  /** facilities of the category without a usable capacity (counted as 0 places) */
  withoutCapacity: number;
}

/**
 * Two-step floating catchment area (Luo & Wang 2003; DESIGN §4): step 1, for each facility
 * R_f = capacity_f ÷ Σ demand_c over the communities within the radius; step 2, for each community
 * F_c = Σ R_f over the facilities whose radius reaches it. With demand in places needed
 * (population × norm ÷ 1,000), F_c = 1 means the places within reach meet the norm.
 *
 * @param reach the category's facilities and the communities each reaches (facilityReach, limit ≥ radius)
 * @param radius metres: the catchment (entries of `reach` beyond it are ignored)
 * @param capacity places per facility by facility index; NaN or < 0 = unknown (counted as 0)
 * @param demand per community; NaN = unknown (counted as 0)
 * @param facilities the category's facility indexes (for the count of those without capacity)
 */
export function twoStepFca(reach: FacilityReach, radius: number, capacity: ArrayLike<number>, demand: ArrayLike<number>, facilities: ArrayLike<number>, communityCount: number): TwoStepFca {
  const ratio = new Float64Array(communityCount);
  const facilityRatio = new Float64Array(capacity.length).fill(NaN);
  const places = (f: number) => (capacity[f] >= 0 ? capacity[f] : 0);
  let withoutCapacity = 0;
  for (let i = 0; i < facilities.length; i++) if (!(capacity[facilities[i]] >= 0)) withoutCapacity++;
  for (let i = 0; i < reach.facility.length; i++) {
    const f = reach.facility[i];
    let sum = 0;
    for (let j = reach.offsets[i]; j < reach.offsets[i + 1]; j++) {
      const d = demand[reach.community[j]];
      if (reach.distance[j] <= radius && d > 0) sum += d;
    }
    if (!(sum > 0)) continue;
    const r = places(f) / sum;
    facilityRatio[f] = r;
    for (let j = reach.offsets[i]; j < reach.offsets[i + 1]; j++) if (reach.distance[j] <= radius) ratio[reach.community[j]] += r;
  }
  return { ratio, facilityRatio, withoutCapacity };
}
