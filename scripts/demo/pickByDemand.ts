/**
 * Facility sites drawn one at a time, each with probability ∝ the site's weight ×
 * the residents near it who have no facility of the category yet. Facilities so
 * go where people live and do not pile up, as a town's provision grows piece by
 * piece, but without the optimum of a solver: the planner's site suggestion
 * still finds something to improve.
 */
import type { XY } from './geometry';
import type { Rng } from './random';

/** Where residents start walking and how many they are, per community. */
export interface Demand {
  /** logical metres: the gates, or the compound's centre when it has none */
  starts: readonly (readonly XY[])[];
  /** residents per community (integers, so sums stay exact) */
  people: readonly number[];
}

/** Which sites reach which communities within one straight-line distance (CSR lists both ways). */
export interface ReachIndex {
  reach: number;
  xs: Float64Array;
  ys: Float64Array;
  people: readonly number[];
  /** communities of site i: siteList[siteOffsets[i] … siteOffsets[i + 1]) */
  siteOffsets: Int32Array;
  siteList: Int32Array;
  /** sites reaching community c: communityList[communityOffsets[c] … communityOffsets[c + 1]) */
  communityOffsets: Int32Array;
  communityList: Int32Array;
}

export interface DemandPickOptions {
  count: number;
  /** metres kept between two picks; relaxed (× 0.7, down to a quarter) when too few fit */
  spacing: number;
  /**
   * residents counted for every site on top of the unserved ones, as a share of
   * the mean community, so a category keeps its count once everyone is served
   * @default 0.05
   */
  floor?: number;
  /**
   * exponent on the residents term: 1 draws in proportion to them, 2 favours the
   * biggest unserved clusters (for the few large facilities of a 15-minute circle)
   * @default 1
   */
  focus?: number;
}

/**
 * Indexes which sites lie within `reach` metres (straight line, logical frame)
 * of a start point of each community. Build once per reach, share across categories.
 */
export function reachIndex(points: readonly XY[], demand: Demand, reach: number): ReachIndex {
  const n = points.length;
  const xs = Float64Array.from(points, (p) => p[0]);
  const ys = Float64Array.from(points, (p) => p[1]);
  const grid = new Map<number, number[]>();
  const cellKey = (gx: number, gy: number): number => (gx + 10_000) * 100_000 + (gy + 10_000);
  for (let i = 0; i < n; i++) {
    const key = cellKey(Math.floor((xs[i] as number) / reach), Math.floor((ys[i] as number) / reach));
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  }
  const stamp = new Int32Array(n).fill(-1);
  const reach2 = reach * reach;
  const perCommunity: number[][] = demand.starts.map((starts, c) => {
    const list: number[] = [];
    for (const [sx, sy] of starts) {
      const gx = Math.floor(sx / reach);
      const gy = Math.floor(sy / reach);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const i of grid.get(cellKey(gx + dx, gy + dy)) ?? []) {
            if (stamp[i] === c) continue;
            const ex = (xs[i] as number) - sx;
            const ey = (ys[i] as number) - sy;
            if (ex * ex + ey * ey <= reach2) {
              stamp[i] = c;
              list.push(i);
            }
          }
        }
      }
    }
    return list.sort((a, b) => a - b);
  });
  const communityOffsets = new Int32Array(perCommunity.length + 1);
  perCommunity.forEach((list, c) => (communityOffsets[c + 1] = (communityOffsets[c] as number) + list.length));
  const communityList = Int32Array.from(perCommunity.flat());
  const siteOffsets = new Int32Array(n + 1);
  for (const i of communityList) siteOffsets[i + 1] = (siteOffsets[i + 1] as number) + 1;
  for (let i = 0; i < n; i++) siteOffsets[i + 1] = (siteOffsets[i + 1] as number) + (siteOffsets[i] as number);
  const siteList = new Int32Array(communityList.length);
  const fill = siteOffsets.slice(0, n);
  perCommunity.forEach((list, c) => {
    for (const i of list) siteList[(fill[i] as number)++] = c;
  });
  return { reach, xs, ys, people: demand.people, siteOffsets, siteList, communityOffsets, communityList };
}

/**
 * Picks up to `count` site indexes.
 * @param weights per site, same order as the index's points; 0 leaves the site out
 */
export function pickByDemand(index: ReachIndex, weights: ArrayLike<number>, options: DemandPickOptions, rng: Rng): number[] {
  const { count, spacing } = options;
  const { xs, ys, people, siteOffsets, siteList, communityOffsets, communityList } = index;
  const n = xs.length;
  if (weights.length !== n) throw new Error(`pickByDemand: ${weights.length} weights for ${n} sites`);
  const meanPeople = people.reduce((a, b) => a + b, 0) / Math.max(1, people.length);
  const floor = (options.floor ?? 0.05) * meanPeople;
  const focus = options.focus ?? 1;

  const unserved = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = siteOffsets[i] as number; e < (siteOffsets[i + 1] as number); e++) unserved[i] = (unserved[i] as number) + (people[siteList[e] as number] as number);
  }
  const served = new Uint8Array(people.length);
  // squared distance to the nearest pick so far
  const nearestPick2 = new Float64Array(n).fill(Infinity);
  const score = new Float64Array(n);
  const chosen: number[] = [];
  let gap = spacing;
  while (chosen.length < count) {
    let total = 0;
    const gap2 = gap * gap;
    for (let i = 0; i < n; i++) {
      const wt = weights[i] as number;
      const near = (unserved[i] as number) + floor;
      score[i] = wt <= 0 || (nearestPick2[i] as number) < gap2 ? 0 : wt * (focus === 1 ? near : near ** focus);
      total += score[i] as number;
    }
    if (total <= 0) {
      gap *= 0.7;
      if (gap < spacing / 4) break;
      continue;
    }
    let r = rng.next() * total;
    let pick = -1;
    for (let i = 0; i < n; i++) {
      if ((score[i] as number) <= 0) continue;
      pick = i;
      r -= score[i] as number;
      if (r < 0) break;
    }
    chosen.push(pick);
    const px = xs[pick] as number;
    const py = ys[pick] as number;
    for (let i = 0; i < n; i++) {
      const dx = (xs[i] as number) - px;
      const dy = (ys[i] as number) - py;
      const d2 = dx * dx + dy * dy;
      if (d2 < (nearestPick2[i] as number)) nearestPick2[i] = d2; // 0 for the pick itself: never drawn again
    }
    for (let e = siteOffsets[pick] as number; e < (siteOffsets[pick + 1] as number); e++) {
      const c = siteList[e] as number;
      if (served[c]) continue;
      served[c] = 1;
      for (let f = communityOffsets[c] as number; f < (communityOffsets[c + 1] as number); f++) {
        const i = communityList[f] as number;
        unserved[i] = (unserved[i] as number) - (people[c] as number);
      }
    }
  }
  return chosen;
}
