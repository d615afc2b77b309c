import { communitiesWithin, type CommunitiesWithin } from '../search/communitiesWithin';
import type { CoverageContext } from '../coverage/prepareCoverage';
import type { CoverageResult } from '../coverage/runCoverage';

/** What to site (DESIGN §4 Site suggestion). */
export interface SiteSuggestionInput {
  /** the category (a rule-set id of the coverage result) */
  categoryId: string;
  /** metres: the category's radius in force (effectiveRadius) */
  radius: number;
  /** how many sites */
  k: number;
  /** candidate positions, lon/lat interleaved (network nodes in an area, or drawn points) */
  candidates: Float64Array;
  /** residents each community counts for (population; 0 for communities that do not count, e.g. not old) */
  weight: ArrayLike<number>;
  /** households per community, reported with the gains */
  households: ArrayLike<number>;
  /** residents one site can serve (e.g. places ÷ places per resident); none = unlimited */
  capacity?: number | null;
}

/** One suggested site, in the order picked. */
export interface SitePick {
  /** 1-based */
  rank: number;
  /** index into the candidates */
  candidate: number;
  lon: number;
  lat: number;
  /** residents newly covered by this pick (after the earlier picks and the existing facilities) */
  gainPopulation: number;
  gainHouseholds: number;
  /** communities newly (partly, with a capacity) covered by this pick */
  communities: number[];
}

export interface SiteSuggestion {
  picks: SitePick[];
  /** residents counted and not covered by the existing facilities, before any pick */
  uncoveredBefore: number;
  /** … and after the picks */
  uncoveredAfter: number;
  /** candidates that reach nobody (beyond maxSnap, or no community within the radius) */
  idleCandidates: number;
}

export interface SiteSuggestionProgress {
  fraction: number;
  stage: 'reach' | 'pick';
}

const CHUNK = 250;

/** A max-heap of (bound, candidate) for lazy greedy evaluation. */
class BoundHeap {
  readonly bound: number[] = [];
  readonly item: number[] = [];
  get size(): number {
    return this.item.length;
  }
  push(b: number, i: number): void {
    const { bound, item } = this;
    let n = item.length;
    bound.push(b);
    item.push(i);
    while (n > 0) {
      const p = (n - 1) >> 1;
      if (bound[p] > bound[n] || (bound[p] === bound[n] && item[p] < item[n])) break;
      [bound[p], bound[n]] = [bound[n], bound[p]];
      [item[p], item[n]] = [item[n], item[p]];
      n = p;
    }
  }
  pop(): [number, number] {
    const { bound, item } = this;
    const top: [number, number] = [bound[0], item[0]];
    const lb = bound.pop()!, li = item.pop()!;
    if (item.length) {
      bound[0] = lb;
      item[0] = li;
      let n = 0;
      for (;;) {
        const l = 2 * n + 1, r = l + 1;
        let m = n;
        const better = (a: number, b: number) => bound[a] > bound[b] || (bound[a] === bound[b] && item[a] < item[b]);
        if (l < item.length && better(l, m)) m = l;
        if (r < item.length && better(r, m)) m = r;
        if (m === n) break;
        [bound[m], bound[n]] = [bound[n], bound[m]];
        [item[m], item[n]] = [item[n], item[m]];
        n = m;
      }
    }
    return top;
  }
  peek(): number {
    return this.item.length ? this.bound[0] : -Infinity;
  }
}

/** Reach of every candidate (CSR, nearest first within a candidate), computed in chunks for progress. */
function* reachOf(ctx: CoverageContext, candidates: Float64Array, radius: number): Generator<SiteSuggestionProgress, { offsets: Int32Array; community: Int32Array; distance: Float64Array }> {
  const n = candidates.length >> 1;
  const offsets = new Int32Array(n + 1);
  const parts: CommunitiesWithin[] = [];
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    parts.push(communitiesWithin(ctx, candidates.subarray(2 * start, 2 * end), radius));
    yield { stage: 'reach', fraction: end / Math.max(1, n) };
  }
  let total = 0;
  for (const p of parts) total += p.community.length;
  const community = new Int32Array(total);
  const distance = new Float64Array(total);
  let j = 0, at = 0;
  for (const p of parts) {
    const m = p.offsets.length - 1;
    for (let i = 0; i < m; i++, j++) {
      // nearest first: a capacity serves the closest residents
      const idx = Array.from({ length: p.offsets[i + 1] - p.offsets[i] }, (_, q) => p.offsets[i] + q).sort((a, b) => p.distance[a] - p.distance[b] || p.community[a] - p.community[b]);
      for (const q of idx) {
        community[at] = p.community[q];
        distance[at] = p.distance[q];
        at++;
      }
      offsets[j + 1] = at;
    }
  }
  return { offsets, community, distance };
}

/**
 * Suggested sites for one category (maximal covering location, DESIGN §4): K picks among the
 * candidates, each maximising the residents newly covered within the radius — by the same walking
 * distance as the coverage (communitiesWithin) — after the existing facilities and the earlier
 * picks. Greedy with lazy evaluation (gains only fall as picks are made, so a stale bound that is
 * still the best is the best). With a capacity, a site serves at most that many residents,
 * nearest communities first (a community may be partly served). Gains are non-increasing by rank.
 * A generator: yields progress (the worker can cancel between steps); returns the picks.
 */
export function* suggestSitesSteps(ctx: CoverageContext, coverage: CoverageResult, input: SiteSuggestionInput): Generator<SiteSuggestionProgress, SiteSuggestion> {
  const C = coverage.communityCount;
  const k = coverage.categoryIds.indexOf(input.categoryId);
  if (k < 0) throw new Error(`suggestSites: unknown category "${input.categoryId}"`);
  const cap = input.capacity != null && input.capacity > 0 ? input.capacity : Infinity;
  const remaining = new Float64Array(C);
  let uncoveredBefore = 0;
  for (let c = 0; c < C; c++) {
    const w = Math.max(0, Number(input.weight[c]) || 0);
    if (!coverage.ok[k * C + c]) {
      remaining[c] = w;
      uncoveredBefore += w;
    }
  }
  const reach = yield* reachOf(ctx, input.candidates, input.radius);
  const n = input.candidates.length >> 1;
  const gainOf = (j: number): number => {
    let g = 0;
    for (let i = reach.offsets[j]; i < reach.offsets[j + 1]; i++) g += remaining[reach.community[i]];
    return Math.min(cap, g);
  };
  const heap = new BoundHeap();
  let idle = 0;
  for (let j = 0; j < n; j++) {
    if (reach.offsets[j + 1] === reach.offsets[j]) {
      idle++;
      continue;
    }
    const g = gainOf(j);
    if (g > 0) heap.push(g, j);
  }
  const picks: SitePick[] = [];
  const K = Math.max(0, Math.floor(input.k));
  while (picks.length < K && heap.size) {
    const [, j] = heap.pop();
    const g = gainOf(j);
    if (g <= 0) continue;
    if (g < heap.peek()) {
      heap.push(g, j); // stale: its gain fell; try the next best
      continue;
    }
    // Serve nearest first, up to the capacity.
    let left = cap, pop = 0, hh = 0;
    const served: number[] = [];
    for (let i = reach.offsets[j]; i < reach.offsets[j + 1] && left > 0; i++) {
      const c = reach.community[i];
      const r = remaining[c];
      if (r <= 0) continue;
      const t = Math.min(r, left);
      const w = Number(input.weight[c]) || 0;
      hh += w > 0 ? (Number(input.households[c]) || 0) * (t / w) : 0;
      pop += t;
      left -= t;
      remaining[c] = r - t;
      served.push(c);
    }
    picks.push({ rank: picks.length + 1, candidate: j, lon: input.candidates[2 * j], lat: input.candidates[2 * j + 1], gainPopulation: pop, gainHouseholds: hh, communities: served });
    yield { stage: 'pick', fraction: picks.length / Math.max(1, K) };
  }
  let uncoveredAfter = 0;
  for (let c = 0; c < C; c++) uncoveredAfter += remaining[c];
  return { picks, uncoveredBefore, uncoveredAfter, idleCandidates: idle };
}

/** suggestSitesSteps run to the end (the CLI, tests). */
export function suggestSites(ctx: CoverageContext, coverage: CoverageResult, input: SiteSuggestionInput): SiteSuggestion {
  const it = suggestSitesSteps(ctx, coverage, input);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
