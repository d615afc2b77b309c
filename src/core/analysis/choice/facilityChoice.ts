import { communitiesWithin } from '../search/communitiesWithin';
import type { CoverageContext } from '../coverage/prepareCoverage';

/** Distance decay of the gravity score (DESIGN §4 Gravity access). */
export type Decay =
  | { kind: 'cumulative' }
  | { kind: 'linear' }
  | { kind: 'exponential'; beta: number }
  | { kind: 'gaussian'; sigma: number };

export interface FacilityChoiceOptions {
  /** how far facilities count, as a multiple of the category's radius @default 2 */
  limitFactor?: number;
  /** @default cumulative */
  decay?: Decay;
  /** weight each facility by its numeric `capacity` (1 when absent) @default false */
  weighted?: boolean;
  /** facility capacities by facility index (feature order), when weighted */
  capacity?: ArrayLike<number>;
  /** only these category indexes @default all */
  categories?: readonly number[];
}

/** Choice, second-nearest and gravity access per category and community (category-major, k·C + c). */
export interface FacilityChoiceResult {
  categoryIds: string[];
  communityCount: number;
  /** metres per category: the search limit (limitFactor × radius) */
  limit: Float64Array;
  /** facilities of k within the radius of community c (cumulative opportunities) */
  count: Int32Array;
  /** distance to the second-nearest facility of k within the limit; Infinity when fewer than two */
  second: Float64Array;
  /** Σ w_f · g(d) over facilities within the limit */
  access: Float64Array;
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
 * Beyond yes/no (DESIGN §4 Choice and second-nearest, Gravity access): for every community and
 * category, the number of facilities within the radius, the distance to the second-nearest
 * facility (within the search limit), and a Hansen-type gravity score. Distances are the
 * coverage's own (communitiesWithin: access legs, network path, a community's nearest sample
 * point), one bounded search per facility limited to limitFactor × radius. A facility with several
 * points counts once, at its nearest point. Two facilities at the same place are two facilities.
 */
export function facilityChoice(ctx: CoverageContext, options: FacilityChoiceOptions = {}): FacilityChoiceResult {
  const C = ctx.communities.count;
  const K = ctx.categories.length;
  const factor = options.limitFactor ?? 2;
  const decay = options.decay ?? { kind: 'cumulative' };
  const count = new Int32Array(K * C);
  const second = new Float64Array(K * C).fill(Infinity);
  const access = new Float64Array(K * C);
  const limit = new Float64Array(K);
  const first = new Float64Array(C);
  const best = new Float64Array(C);
  const todo = options.categories ?? Array.from({ length: K }, (_, k) => k);
  const { points, pointOwner } = ctx.facilities;
  for (const k of todo) {
    const radius = ctx.categories[k].radius;
    limit[k] = factor * radius;
    const ids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
    if (!ids.length) continue;
    const pts = new Float64Array(ids.length * 2);
    ids.forEach((p, i) => {
      pts[2 * i] = points[2 * p];
      pts[2 * i + 1] = points[2 * p + 1];
    });
    const reach = communitiesWithin(ctx, pts, limit[k]);
    // per facility (owner), its nearest point per community
    const perFacility = new Map<number, Map<number, number>>();
    ids.forEach((p, i) => {
      const f = pointOwner[p];
      let m = perFacility.get(f);
      if (!m) perFacility.set(f, (m = new Map()));
      for (let j = reach.offsets[i]; j < reach.offsets[i + 1]; j++) {
        const c = reach.community[j], d = reach.distance[j];
        const had = m.get(c);
        if (had === undefined || d < had) m.set(c, d);
      }
    });
    first.fill(Infinity);
    best.fill(Infinity);
    for (const [f, m] of perFacility) {
      const w = options.weighted ? Math.max(0, Number(options.capacity?.[f]) || 0) || 1 : 1;
      for (const [c, d] of m) {
        const at = k * C + c;
        if (d <= radius) count[at]++;
        access[at] += w * decayWeight(decay, d, radius, limit[k]);
        if (d < first[c]) {
          best[c] = first[c];
          first[c] = d;
        } else if (d < best[c]) best[c] = d;
      }
    }
    second.set(best, k * C);
  }
  return { categoryIds: ctx.categories.map((c) => c.id), communityCount: C, limit, count, second, access };
}
