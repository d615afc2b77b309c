import type { WalkGraph } from './graph';
import { createDijkstraWorkspace, multiSourceDijkstra, type DijkstraWorkspace, type EdgeSources } from './multiSourceDijkstra';
import { enqueue, nextWord, resetBuckets, takeWord } from './nodeBuckets';

/** Per node, the nearest and the second-nearest source group (e.g. facility) and their distances. */
export interface TwoNearest {
  /** metres to the nearest group; Infinity when none is reachable */
  d1: Float64Array;
  /** that group, −1 when none */
  g1: Int32Array;
  /** metres to the nearest OTHER group; Infinity when fewer than two are reachable */
  d2: Float64Array;
  g2: Int32Array;
}

/**
 * The arrays of a two-nearest search on one graph, reused run after run (one run per category: at
 * 200,000 nodes fresh arrays were ~15 MB per run, and their garbage collection a fifth of the
 * profile). They hold the last run's labels, valid until the next run.
 */
export interface TwoLabelWorkspace {
  nodeCount: number;
  /** the first pass, an ordinary one-label search: its `dist` is d1 */
  first: DijkstraWorkspace;
  g1: Int32Array;
  d2: Float64Array;
  g2: Int32Array;
}

/**
 * Allocates a two-nearest search's arrays for `graph` (16 bytes per node besides the first pass's,
 * whose queue the second pass shares). `first` may be a workspace the caller already has for
 * one-label searches on this graph (e.g. the coverage's): it is then overwritten by every run.
 */
export function createTwoLabelWorkspace(graph: WalkGraph, first: DijkstraWorkspace = createDijkstraWorkspace(graph)): TwoLabelWorkspace {
  const n = graph.nodeCount;
  if (first.nodeCount !== n) throw new Error('createTwoLabelWorkspace: the one-label workspace is for graphs of another size');
  return { nodeCount: n, first, g1: new Int32Array(n), d2: new Float64Array(n), g2: new Int32Array(n) };
}

/**
 * The nearest and the second-nearest distinct source group of every node (DESIGN §4 Choice and
 * second-nearest), each exact. Two passes:
 * 1. an ordinary multi-source search (multiSourceDijkstra) gives each node its nearest group g1;
 * 2. a second one-label search for the nearest group other than g1. If g is v's second-nearest
 *    group, every node on g's shortest path to v has g among its two nearest (else v would have
 *    two nearer groups), so v's second label comes from a neighbour u either as u's first label
 *    (g1[u] ≠ g1[v]: all such candidates are seeded from the first pass's labels, along with the
 *    sources' own edge ends) or as u's second label (g2[u] ≠ g1[v]: propagated by the search).
 * Sources are points on edges, like multiSourceDijkstra's. When groups tie at a node, which of them
 * is first and which second follows the first pass's order; the two distances do not depend on it.
 *
 * @param sources points on edges (facility snaps)
 * @param sourceIds which entries of `sources` start the search
 * @param group the group of each source entry (its facility: a facility with two points is one group)
 * @param cutoff metres; labels beyond stay Infinity @default Infinity
 */
export function twoNearestSearch(
  graph: WalkGraph, sources: EdgeSources, sourceIds: ArrayLike<number>, group: ArrayLike<number>, cutoff = Infinity,
): TwoNearest {
  return twoNearestLabels(graph, sources, sourceIds, group, createTwoLabelWorkspace(graph), cutoff);
}

/** twoNearestSearch into a reused workspace: the arrays returned are the workspace's, valid until its next run. */
export function twoNearestLabels(
  graph: WalkGraph, sources: EdgeSources, sourceIds: ArrayLike<number>, group: ArrayLike<number>, ws: TwoLabelWorkspace, cutoff = Infinity,
): TwoNearest {
  if (ws.nodeCount !== graph.nodeCount) throw new Error('twoNearestLabels: the workspace is for graphs of another size');
  const first = multiSourceDijkstra(graph, sources, ws.first, { sourceIds, cutoff });
  const d1 = first.dist;
  nearestGroups(first.origin, group, ws.g1);
  const queued = seedSecond(graph, sources, sourceIds, group, d1, ws, cutoff);
  if (queued > 0) runSecond(graph, ws, cutoff, queued);
  return { d1, g1: ws.g1, d2: ws.d2, g2: ws.g2 };
}

/** g1[v] = the group of the source that reached v, −1 when none. */
function nearestGroups(origin: Int32Array, group: ArrayLike<number>, g1: Int32Array): void {
  for (let v = 0; v < origin.length; v++) g1[v] = origin[v] >= 0 ? group[origin[v]] : -1;
}

/**
 * The second pass's starting labels: each source's edge ends and each neighbour's first label,
 * where their group is not the node's nearest. Returns how many nodes hold one.
 */
function seedSecond(
  graph: WalkGraph, sources: EdgeSources, sourceIds: ArrayLike<number>, group: ArrayLike<number>, d1: Float64Array, ws: TwoLabelWorkspace, cutoff: number,
): number {
  const { offsets, targets, arcLength, edgeFrom, edgeTo, edgeLength } = graph;
  const { g1, d2, g2 } = ws;
  const n = graph.nodeCount;
  d2.fill(Infinity);
  g2.fill(-1);
  for (let i = 0; i < sourceIds.length; i++) {
    const s = sourceIds[i];
    const e = sources.edge[s];
    if (!sources.ok[s] || e < 0) continue;
    const g = group[s], len = edgeLength[e], acc = sources.access[s], t = sources.t[s];
    const a = edgeFrom[e], b = edgeTo[e];
    const ka = acc + t * len, kb = acc + (1 - t) * len;
    if (g !== g1[a] && ka < d2[a] && ka <= cutoff) {
      d2[a] = ka;
      g2[a] = g;
    }
    if (g !== g1[b] && kb < d2[b] && kb <= cutoff) {
      d2[b] = kb;
      g2[b] = g;
    }
  }
  for (let u = 0; u < n; u++) {
    const gu = g1[u];
    if (gu < 0) continue;
    const du = d1[u];
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
      const v = targets[a];
      if (g1[v] === gu) continue;
      const d = du + arcLength[a];
      if (d < d2[v] && d <= cutoff) {
        d2[v] = d;
        g2[v] = gu;
      }
    }
  }
  let queued = 0;
  for (let v = 0; v < n; v++) if (d2[v] < Infinity) queued++;
  return queued;
}

/**
 * The second pass proper: a search over d2 on the first pass's queue (nodeBuckets: buckets taken in
 * node order, labels corrected inside a bucket, like multiSourceDijkstra).
 */
function runSecond(graph: WalkGraph, ws: TwoLabelWorkspace, cutoff: number, queued: number): void {
  const { offsets, targets, arcLength } = graph;
  const { g1, d2, g2 } = ws;
  const n = graph.nodeCount;
  let minKey = Infinity, maxKey = 0;
  for (let v = 0; v < n; v++) {
    const d = d2[v];
    if (!(d < Infinity)) continue;
    if (d < minKey) minKey = d;
    if (d > maxKey) maxKey = d;
  }
  // ring of buckets: every queued key lies within [current, current + span]
  const queue = ws.first.queue;
  resetBuckets(queue, maxKey - minKey + ws.first.maxEdgeLength, ws.first.bucketWidth);
  for (let v = 0; v < n; v++) if (d2[v] < Infinity) enqueue(queue, v, d2[v]);
  const { count, bucketOf } = queue;
  let cur = Math.floor(minKey * queue.inv);
  while (queued > 0) {
    const slot = cur & queue.mask;
    if (count[slot] === 0) {
      cur++;
      continue;
    }
    for (let w = nextWord(queue, slot, 0); w !== -1; w = nextWord(queue, slot, w >>> 5)) {
      let m = takeWord(queue, slot, w);
      while (m !== 0) {
        const low = m & -m;
        m ^= low;
        const v = (w << 5) | (31 - Math.clz32(low));
        bucketOf[v] = -1;
        queued--;
        const dv = d2[v], gv = g2[v];
        for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
          const u = targets[a];
          const nd = dv + arcLength[a];
          if (nd >= d2[u] || nd > cutoff || g1[u] === gv) continue;
          d2[u] = nd;
          g2[u] = gv;
          queued += enqueue(queue, u, nd);
        }
      }
    }
  }
}
