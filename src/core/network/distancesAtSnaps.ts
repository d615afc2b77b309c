import type { WalkGraph } from './graph';
import type { EdgeSources } from './multiSourceDijkstra';
import { orderByKey } from './orderByKey';

export interface DistancesAtSnapsOptions {
  /** The entries of `sources` the search used (same as DijkstraOptions.sourceIds). @default all */
  sourceIds?: ArrayLike<number>;
  /** Distances above this (metres) become Infinity, matching the search cutoff. @default Infinity */
  cutoff?: number;
  /** Output arrays to reuse, length = targets count. */
  out?: Float64Array;
  outSource?: Int32Array;
  /**
   * `prepareSnapTargets(graph, targets)`, built once and reused for every search over the same
   * targets (a coverage context keeps one for its community samples). @default built per call
   */
  plan?: SnapTargetPlan;
}

/**
 * The usable targets of one set of snaps, flattened for repeated distancesAtSnaps calls: ordered
 * by graph node (Hilbert order, so reading the search's node distances walks memory almost
 * sequentially) with their edge ends and along-edge offsets precomputed, and the targets of each
 * edge linked for the same-edge case.
 */
export interface SnapTargetPlan {
  /** number of targets (usable or not) */
  count: number;
  /** usable targets (ok = 1, edge ≥ 0) in visiting order: target index */
  index: Int32Array;
  /** per visiting position: edge end nodes, t·len and (1 − t)·len (metres), t, access (metres) */
  u: Int32Array;
  v: Int32Array;
  toU: Float64Array;
  toV: Float64Array;
  t: Float64Array;
  access: Float64Array;
  len: Float64Array;
  /** first visiting position on each edge (−1: none); the next one is sameEdgeNext[position] */
  edgeFirst: Int32Array;
  sameEdgeNext: Int32Array;
  /** distinct end nodes of the usable targets (what a search must settle to answer them) */
  nodes: Int32Array;
  /** scratch: best candidate per visiting position */
  best: Float64Array;
  bestSource: Int32Array;
}

/**
 * Precomputes what distancesAtSnaps needs about `targets` (community sample snaps), so that each
 * category's call is two sequential passes: O(targets + sources), no sorting.
 *
 * @param graph the walking graph the targets were snapped to
 * @param targets snaps (ok = 0 or edge = −1: unusable, distance Infinity)
 */
export function prepareSnapTargets(graph: WalkGraph, targets: EdgeSources): SnapTargetPlan {
  const n = targets.edge.length;
  const { edgeFrom, edgeTo, edgeLength, edgeCount, nodeCount } = graph;
  let m = 0;
  for (let i = 0; i < n; i++) if (targets.ok[i] && targets.edge[i] >= 0) m++;
  // by the lower end node, then target index: node ids follow a Hilbert curve
  const usable = new Int32Array(m);
  const lowNode = new Uint32Array(m);
  for (let i = 0, p = 0; i < n; i++) {
    if (!targets.ok[i] || targets.edge[i] < 0) continue;
    const e = targets.edge[i];
    usable[p] = i;
    lowNode[p++] = Math.min(edgeFrom[e], edgeTo[e]);
  }
  const byNode = orderByKey(lowNode);
  const index = new Int32Array(m);
  const u = new Int32Array(m), v = new Int32Array(m);
  const toU = new Float64Array(m), toV = new Float64Array(m), t = new Float64Array(m);
  const access = new Float64Array(m), len = new Float64Array(m);
  const edgeFirst = new Int32Array(edgeCount).fill(-1);
  const sameEdgeNext = new Int32Array(m);
  const seen = new Uint8Array(nodeCount);
  const nodes = new Int32Array(2 * m);
  let nNodes = 0;
  for (let p = m - 1; p >= 0; p--) {
    const i = usable[byNode[p]];
    const e = targets.edge[i];
    const l = edgeLength[e], f = targets.t[i];
    index[p] = i;
    u[p] = edgeFrom[e];
    v[p] = edgeTo[e];
    toU[p] = f * l;
    toV[p] = (1 - f) * l;
    t[p] = f;
    access[p] = targets.access[i];
    len[p] = l;
    sameEdgeNext[p] = edgeFirst[e];
    edgeFirst[e] = p;
  }
  for (let p = 0; p < m; p++) {
    if (!seen[u[p]]) nodes[nNodes++] = u[p];
    seen[u[p]] = 1;
    if (!seen[v[p]]) nodes[nNodes++] = v[p];
    seen[v[p]] = 1;
  }
  return {
    count: n, index, u, v, toU, toV, t, access, len, edgeFirst, sameEdgeNext,
    nodes: nodes.slice(0, nNodes), best: new Float64Array(m), bestSource: new Int32Array(m),
  };
}

/**
 * Network distance from each target point (community or entrance) to the nearest source, from the
 * node distances of a multi-source search (DESIGN §4):
 * access_c + min(dist[u] + t_c·len, dist[v] + (1 − t_c)·len), and when a source lies on the same
 * edge also the direct along-edge candidate access_c + |t_c − t_f|·len + access_f. Ties go to the
 * node candidate, then to the lowest source index.
 *
 * @param graph the walking graph
 * @param search `dist` and `origin` of the multiSourceDijkstra run over `sources`
 * @param targets snaps of the target points; ok = 0 gives Infinity
 * @param sources the snaps the search started from
 * @returns distance (metres, Infinity when unreachable) and the index of the nearest source (−1)
 */
export function distancesAtSnaps(
  graph: WalkGraph,
  search: { dist: Float64Array; origin: Int32Array },
  targets: EdgeSources,
  sources: EdgeSources,
  options: DistancesAtSnapsOptions = {},
): { distance: Float64Array; source: Int32Array } {
  const n = targets.edge.length;
  const cutoff = options.cutoff ?? Infinity;
  const distance = options.out ?? new Float64Array(n);
  const source = options.outSource ?? new Int32Array(n);
  const plan = options.plan ?? prepareSnapTargets(graph, targets);
  if (plan.count !== n) throw new Error(`distancesAtSnaps: the plan is for ${plan.count} targets, not ${n}`);
  const { dist, origin } = search;
  const { index, u, v, toU, toV, t, access, len, edgeFirst, sameEdgeNext, best, bestSource } = plan;
  const m = index.length;

  for (let p = 0; p < m; p++) {
    const du = dist[u[p]] + toU[p], dv = dist[v[p]] + toV[p];
    if (du <= dv) {
      best[p] = du;
      bestSource[p] = origin[u[p]];
    } else {
      best[p] = dv;
      bestSource[p] = origin[v[p]];
    }
  }

  // same-edge candidates, each target's in ascending source index (strict < keeps the first)
  const ids = options.sourceIds;
  const k = ids ? ids.length : sources.edge.length;
  let ascending = true;
  for (let q = 1; q < k && ids; q++) if (ids[q] < ids[q - 1]) ascending = false;
  const order = ascending ? null : Int32Array.from(ids as ArrayLike<number>).sort();
  for (let q = 0; q < k; q++) {
    const s = order ? order[q] : ids ? ids[q] : q;
    if (!sources.ok[s]) continue;
    const e = sources.edge[s];
    if (e < 0) continue;
    const ts = sources.t[s], as = sources.access[s];
    // (a source on an edge newer than the plan, e.g. a patched graph's link: no target there)
    for (let p = e < edgeFirst.length ? edgeFirst[e] : -1; p !== -1; p = sameEdgeNext[p]) {
      const d = Math.abs(t[p] - ts) * len[p] + as;
      if (d < best[p]) {
        best[p] = d;
        bestSource[p] = s;
      }
    }
  }

  distance.fill(Infinity, 0, n);
  source.fill(-1, 0, n);
  for (let p = 0; p < m; p++) {
    const total = access[p] + best[p];
    if (total <= cutoff) {
      const i = index[p];
      distance[i] = total;
      source[i] = bestSource[p];
    }
  }
  return { distance, source };
}
