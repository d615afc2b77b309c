import { DEFAULTS } from '../../rules/defaults';
import { createTwoLabelWorkspace } from '../../network/twoNearestSearch';
import { createBoundedSearch } from '../search/boundedSearch';
import type { RuleNorm } from '../../rules/types';
import type { CoverageContext } from '../coverage/prepareCoverage';
import { facilityReach } from './facilityReach';
import { nearestTwo } from './nearestTwo';
import { twoStepFca } from './twoStepFca';

/** Distance decay of the gravity score (DESIGN §4 Gravity access). */
export type Decay =
  | { kind: 'cumulative' }
  | { kind: 'linear' }
  | { kind: 'exponential'; beta: number }
  | { kind: 'gaussian'; sigma: number };

export interface FacilityChoiceOptions {
  /** gravity: facilities count up to this multiple of the category's radius @default DEFAULTS.gravityLimitFactor (2) */
  limitFactor?: number;
  /** @default cumulative */
  decay?: Decay;
  /** gravity: weight each facility by its capacity (1 when unknown) @default false */
  weighted?: boolean;
  /** places per facility by facility index (feature order); NaN = unknown. Gravity weights and 2SFCA supply. */
  capacity?: ArrayLike<number>;
  /** per community: residents and residents aged 60+ (NaN = unknown). 2SFCA demand. */
  demand?: { population: ArrayLike<number>; elderly: ArrayLike<number> };
  /** per category index: the rule set's norm (千人指标), null when none */
  norms?: readonly (RuleNorm | null | undefined)[];
  /** only these category indexes @default all */
  categories?: readonly number[];
}

/** Per category: what the supply–demand figures rest on. */
export interface CategorySupply {
  /** facilities of the category in the analysis */
  facilities: number;
  /** of those, without a usable capacity (2SFCA counts them as 0 places) */
  withoutCapacity: number;
  /** Σ capacity, places */
  places: number;
  /** places the norm asks for over all communities with a known population (NaN without a norm) */
  needed: number;
  /** Σ places gap over the communities (NaN without a norm) */
  gap: number;
}

/**
 * Beyond yes/no, per category and community, category-major (k·C + c): choice within the radius,
 * second-nearest, gravity access and the two-step floating catchment.
 */
export interface FacilityChoiceResult {
  categoryIds: string[];
  communityCount: number;
  /** metres per category: how far the gravity score looks (the radius for cumulative decay) */
  limit: Float64Array;
  /** facilities of k within the radius of community c (cumulative opportunities) */
  count: Int32Array;
  /** metres to the second-nearest facility of k; Infinity when fewer than two are reachable */
  second: Float64Array;
  /** Σ w_f · g(d) over the facilities within the limit */
  access: Float64Array;
  /**
   * 2SFCA F_c: places within reach per unit of demand (demand = population × norm ÷ 1,000, so 1 =
   * the norm is met; without a norm demand = population: places per resident). NaN for a category
   * none of whose facilities has a capacity.
   */
  fca: Float64Array;
  /** places short of the norm: max(0, demand − F·demand); NaN without a norm or an unknown population */
  placesGap: Float64Array;
  /** places the norm asks for (demand = population × norm ÷ 1,000); NaN without a norm or an unknown population */
  placesNeeded: Float64Array;
  /** per category index (null for categories not computed) */
  supply: (CategorySupply | null)[];
}

/** g(d) for a facility at distance d (≤ limit) of a category with this radius. */
export function decayWeight(decay: Decay, d: number, radius: number, limit: number): number {
  switch (decay.kind) {
    case 'cumulative':
      return d <= radius ? 1 : 0;
    case 'linear':
      return Math.max(0, 1 - d / limit);
    case 'exponential':
      return Math.exp(-decay.beta * d);
    case 'gaussian':
      return Math.exp(-(d * d) / (2 * decay.sigma * decay.sigma));
  }
}

/**
 * Choice, second-nearest, gravity access and 2SFCA (DESIGN §4) for every community and category,
 * by the coverage's own distances (access legs, network path, a community's nearest sample point):
 * per category one bounded search per facility up to the radius (or the gravity limit), and one
 * two-nearest search (twoNearestSearch) for the second-nearest (unbounded). A facility with several
 * points counts once, at its nearest point; two facilities at the same place are two facilities.
 */
export function facilityChoice(ctx: CoverageContext, options: FacilityChoiceOptions = {}): FacilityChoiceResult {
  const C = ctx.communities.count;
  const K = ctx.categories.length;
  const factor = options.limitFactor ?? DEFAULTS.gravityLimitFactor;
  const decay = options.decay ?? { kind: 'cumulative' };
  const count = new Int32Array(K * C);
  const second = new Float64Array(K * C).fill(Infinity);
  const access = new Float64Array(K * C);
  const fca = new Float64Array(K * C).fill(NaN);
  const placesGap = new Float64Array(K * C).fill(NaN);
  const placesNeeded = new Float64Array(K * C).fill(NaN);
  const limit = new Float64Array(K);
  const supply: (CategorySupply | null)[] = new Array(K).fill(null);
  const capacity = options.capacity ?? new Float64Array(ctx.facilities.count).fill(NaN);
  const todo = options.categories ?? Array.from({ length: K }, (_, k) => k);
  // one set of search arrays for all categories (≈ 13 MB at 200,000 nodes), not one per category
  const network = ctx.network && ctx.options.mode === 'network' ? ctx.network : null;
  const twoLabels = network ? createTwoLabelWorkspace(network.graph, network.workspace) : undefined;
  const search = network ? createBoundedSearch(network.graph) : undefined;
  for (const k of todo) {
    const radius = ctx.categories[k].radius;
    // cumulative decay counts nothing beyond the radius: no need to look farther
    limit[k] = decay.kind === 'cumulative' ? radius : factor * radius;
    const facilities = categoryFacilities(ctx, k);
    const reach = facilityReach(ctx, k, Math.max(radius, limit[k]), ctx.options.mode, search);
    for (let i = 0; i < reach.facility.length; i++) {
      const f = reach.facility[i];
      const w = options.weighted ? (capacity[f] >= 0 ? capacity[f] : 1) : 1;
      for (let j = reach.offsets[i]; j < reach.offsets[i + 1]; j++) {
        const at = k * C + reach.community[j], d = reach.distance[j];
        if (d <= radius) count[at]++;
        if (d <= limit[k]) access[at] += w * decayWeight(decay, d, radius, limit[k]);
      }
    }
    second.set(nearestTwo(ctx, k, ctx.options.mode, twoLabels).second, k * C);

    // 2SFCA: demand in places the norm asks for, else residents
    const norm = options.norms?.[k] ?? null;
    const base = norm?.per === 'elderly' ? options.demand?.elderly : options.demand?.population;
    const demand = Float64Array.from({ length: C }, (_, c) => {
      const b = base ? Number(base[c]) : NaN;
      return b >= 0 ? (norm ? (b * norm.per_1000) / 1000 : b) : NaN;
    });
    const two = twoStepFca(reach, radius, capacity, demand, facilities, C);
    let places = 0;
    for (const f of facilities) if (capacity[f] >= 0) places += capacity[f];
    const anyCapacity = two.withoutCapacity < facilities.length;
    let needed = norm ? 0 : NaN, gap = norm ? 0 : NaN;
    for (let c = 0; c < C; c++) {
      if (anyCapacity) fca[k * C + c] = two.ratio[c];
      if (norm && demand[c] >= 0) {
        const g = Math.max(0, demand[c] - (anyCapacity ? two.ratio[c] : 0) * demand[c]);
        placesGap[k * C + c] = g;
        placesNeeded[k * C + c] = demand[c];
        needed += demand[c];
        gap += g;
      }
    }
    supply[k] = { facilities: facilities.length, withoutCapacity: two.withoutCapacity, places, needed, gap };
  }
  return { categoryIds: ctx.categories.map((c) => c.id), communityCount: C, limit, count, second, access, fca, placesGap, placesNeeded, supply };
}

/** The facility indexes of category k that have a usable point, ascending. */
function categoryFacilities(ctx: CoverageContext, k: number): number[] {
  const ids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const out: number[] = [];
  for (const p of ids) {
    const f = ctx.facilities.pointOwner[p];
    if (out[out.length - 1] !== f) out.push(f);
  }
  return out;
}

/** Copies category k of `from` into `into` (both over the same communities and categories): for results computed a category at a time. */
export function mergeChoiceCategory(into: FacilityChoiceResult, from: FacilityChoiceResult, k: number): void {
  const C = into.communityCount;
  const a = k * C, b = a + C;
  into.count.set(from.count.subarray(a, b), a);
  into.second.set(from.second.subarray(a, b), a);
  into.access.set(from.access.subarray(a, b), a);
  into.fca.set(from.fca.subarray(a, b), a);
  into.placesGap.set(from.placesGap.subarray(a, b), a);
  into.placesNeeded.set(from.placesNeeded.subarray(a, b), a);
  into.limit[k] = from.limit[k];
  into.supply[k] = from.supply[k];
}
