import type { WalkGraph } from './graph';
import type { EdgeSources } from './multiSourceDijkstra';

export interface DistancesAtSnapsOptions {
  /** The entries of `sources` the search used (same as DijkstraOptions.sourceIds). @default all */
  sourceIds?: ArrayLike<number>;
  /** Distances above this (metres) become Infinity, matching the search cutoff. @default Infinity */
  cutoff?: number;
  /** Output arrays to reuse, length = targets count. */
  out?: Float64Array;
  outSource?: Int32Array;
}

/**
 * Network distance from each target point (community or entrance) to the nearest source, from the
 * node distances of a multi-source search (DESIGN §4):
 * access_c + min(dist[u] + t_c·len, dist[v] + (1 − t_c)·len), and when a source lies on the same
 * edge also the direct along-edge candidate access_c + |t_c − t_f|·len + access_f.
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
  const { edgeFrom, edgeTo, edgeLength } = graph;
  const { dist, origin } = search;

  // usable sources sorted by edge, for the same-edge candidate
  const ids = options.sourceIds;
  const m = ids ? ids.length : sources.edge.length;
  const list: number[] = [];
  for (let k = 0; k < m; k++) {
    const s = ids ? ids[k] : k;
    if (sources.ok[s] && sources.edge[s] >= 0) list.push(s);
  }
  list.sort((a, b) => sources.edge[a] - sources.edge[b] || a - b);
  const srcEdge = Int32Array.from(list, (s) => sources.edge[s]);

  for (let i = 0; i < n; i++) {
    const e = targets.edge[i];
    if (!targets.ok[i] || e < 0) {
      distance[i] = Infinity;
      source[i] = -1;
      continue;
    }
    const len = edgeLength[e], f = targets.t[i], acc = targets.access[i];
    const u = edgeFrom[e], v = edgeTo[e];
    const du = dist[u] + f * len, dv = dist[v] + (1 - f) * len;
    let best = du <= dv ? du : dv;
    let bestSrc = du <= dv ? origin[u] : origin[v];
    // first source on edge e (lower bound in the sorted edge list)
    let lo = 0, hi = srcEdge.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (srcEdge[mid] < e) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < srcEdge.length && srcEdge[k] === e; k++) {
      const s = list[k];
      const d = Math.abs(f - sources.t[s]) * len + sources.access[s];
      if (d < best) {
        best = d;
        bestSrc = s;
      }
    }
    const total = acc + best;
    if (total <= cutoff) {
      distance[i] = total;
      source[i] = bestSrc;
    } else {
      distance[i] = Infinity;
      source[i] = -1;
    }
  }
  return { distance, source };
}
