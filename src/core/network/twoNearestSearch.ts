import type { WalkGraph } from './graph';
import type { EdgeSources } from './multiSourceDijkstra';
import { bucketRing } from './bucketRing';

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
 * The arrays of a two-label search on one graph, reused run after run (one run per category: at
 * 200,000 nodes fresh arrays were ~15 MB per run, and their garbage collection a fifth of the
 * profile). Label slot x = 2v + s holds label s of node v (slot 0 the nearer); the workspace holds
 * the last run's labels, valid until the next run.
 */
export interface TwoLabelWorkspace {
  nodeCount: number;
  /** metres per slot; Infinity when empty */
  dist: Float64Array;
  /**
   * per slot x, 4 entries (a node's two slots share one cache line with their groups):
   * [4x] next in its bucket, [4x+1] previous, [4x+2] absolute bucket (−1 = not queued),
   * [4x+3] group (−1 when empty)
   */
  link: Int32Array;
  head: Int32Array;
}

/** Allocates a two-label search's arrays for graphs of `nodeCount` nodes (56 bytes per node). */
export function createTwoLabelWorkspace(nodeCount: number): TwoLabelWorkspace {
  const n = nodeCount;
  return { nodeCount: n, dist: new Float64Array(2 * n), link: new Int32Array(8 * n), head: new Int32Array(0) };
}

/**
 * A multi-source search that keeps two labels per node (DESIGN §4 Choice and second-nearest): the
 * nearest and the second-nearest distinct source group, each exact. If g is v's second-nearest
 * group, every node on g's shortest path to v has g among its two nearest (else v would have two
 * nearer groups), so two labels per node are enough. Each label slot (node, 0 | 1) is one item of
 * a Dial bucket queue (1 m buckets, label-correcting inside a bucket, like multiSourceDijkstra): a
 * slot whose label improves moves bucket; a group pushed out of a node's two best is dropped.
 * Sources are points on edges, like multiSourceDijkstra's.
 *
 * @param sources points on edges (facility snaps)
 * @param sourceIds which entries of `sources` start the search
 * @param group the group of each source entry (its facility: a facility with two points is one group)
 * @param cutoff metres; labels beyond stay Infinity @default Infinity
 */
export function twoNearestSearch(
  graph: WalkGraph, sources: EdgeSources, sourceIds: ArrayLike<number>, group: ArrayLike<number>, cutoff = Infinity,
): TwoNearest {
  const n = graph.nodeCount;
  const { dist, link } = twoNearestLabels(graph, sources, sourceIds, group, createTwoLabelWorkspace(n), cutoff);
  const d1 = new Float64Array(n), d2 = new Float64Array(n), g1 = new Int32Array(n), g2 = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    d1[v] = dist[2 * v];
    g1[v] = link[8 * v + 3];
    d2[v] = dist[2 * v + 1];
    g2[v] = link[8 * v + 7];
  }
  return { d1, g1, d2, g2 };
}

/**
 * twoNearestSearch into a reused workspace: the labels stay in the workspace by slot x (2v nearest,
 * 2v + 1 second-nearest) — distance `ws.dist[x]`, group `ws.link[4x + 3]` — valid until its next run.
 */
export function twoNearestLabels(
  graph: WalkGraph, sources: EdgeSources, sourceIds: ArrayLike<number>, group: ArrayLike<number>, ws: TwoLabelWorkspace, cutoff = Infinity,
): TwoLabelWorkspace {
  if (ws.nodeCount !== graph.nodeCount) throw new Error('twoNearestLabels: the workspace is for graphs of another size');
  const { offsets, targets, arcLength, edgeFrom, edgeTo, edgeLength } = graph;
  const { dist, link } = ws;
  dist.fill(Infinity);
  // not queued, no group; next and previous are written whenever a slot is queued
  for (let i = 2; i < link.length; i += 4) {
    link[i] = -1;
    link[i + 1] = -1;
  }
  let maxEdge = 0;
  for (let e = 0; e < graph.edgeCount; e++) if (edgeLength[e] > maxEdge) maxEdge = edgeLength[e];
  let minKey = Infinity, maxKey = 0;
  for (let i = 0; i < sourceIds.length; i++) {
    const s = sourceIds[i];
    if (!sources.ok[s] || sources.edge[s] < 0) continue;
    const k = sources.access[s] + edgeLength[sources.edge[s]];
    minKey = Math.min(minKey, sources.access[s]);
    maxKey = Math.max(maxKey, k);
  }
  if (minKey === Infinity) return ws;
  // circular buckets: every queued key lies within [current, current + span]
  const { inv, size } = bucketRing(maxKey - minKey + maxEdge);
  if (ws.head.length < size) ws.head = new Int32Array(size);
  const head = ws.head;
  head.fill(-1, 0, size);
  const mask = size - 1;

  const st: RunState = { dist, link, head, mask, inv, cutoff };

  // seeds, each source's two edge ends in order (this order decides ties), offered like any relaxation
  let queued = 0;
  for (let i = 0; i < sourceIds.length; i++) {
    const s = sourceIds[i];
    const e = sources.edge[s];
    if (!sources.ok[s] || e < 0) continue;
    const len = edgeLength[e], acc = sources.access[s], t = sources.t[s];
    queued += offer(st, edgeFrom[e], acc + t * len, group[s]);
    queued += offer(st, edgeTo[e], acc + (1 - t) * len, group[s]);
  }
  let cur = Math.floor(minKey * inv);
  while (queued > 0) {
    const slot = cur & mask;
    const x = head[slot];
    if (x === -1) {
      cur++;
      continue;
    }
    // take x, the head of its bucket
    const nx = link[4 * x];
    head[slot] = nx;
    if (nx !== -1) link[4 * nx + 1] = -1;
    link[4 * x + 2] = -1;
    queued--;
    const d0 = dist[x], g = link[4 * x + 3], v = x >> 1;
    for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
      const u = targets[a], d = d0 + arcLength[a];
      // most offers lose to both labels (slot 1 is never nearer than slot 0): one read, as in a one-label search
      if (d >= dist[2 * u + 1]) continue;
      queued += offer(st, u, d, g);
    }
  }
  return ws;
}

/**
 * What offer and requeue work on during one run. They are module functions, not closures made per
 * run: V8 inlines them into the search loop, and a closure made per run is a new call target every
 * run, which threw the optimised loop away on the next category (≈ 150 ms at 10,000 nodes).
 */
interface RunState {
  dist: Float64Array;
  link: Int32Array;
  head: Int32Array;
  mask: number;
  inv: number;
  cutoff: number;
}

/**
 * Offers label (d, g) to node v: it enters v's two best distinct groups or is dropped; each slot
 * that changed moves to its new bucket's head (slot 0 first). Returns the change in queued items.
 */
function offer(st: RunState, v: number, d: number, g: number): number {
  if (!(d <= st.cutoff)) return 0;
  const { dist, link } = st;
  const sa = 2 * v, sb = sa + 1, ga = 8 * v + 3, gb = ga + 4;
  let moveA = false, moveB = false;
  if (g === link[ga]) {
    if (!(d < dist[sa])) return 0;
    dist[sa] = d;
    moveA = true;
  } else if (g === link[gb]) {
    if (!(d < dist[sb])) return 0;
    if (d < dist[sa]) {
      dist[sb] = dist[sa];
      link[gb] = link[ga];
      dist[sa] = d;
      link[ga] = g;
      moveA = true;
    } else dist[sb] = d;
    moveB = true;
  } else if (d < dist[sa]) {
    dist[sb] = dist[sa];
    link[gb] = link[ga];
    dist[sa] = d;
    link[ga] = g;
    moveA = moveB = true;
  } else if (d < dist[sb]) {
    dist[sb] = d;
    link[gb] = g;
    moveB = true;
  } else return 0;
  return (moveA ? requeue(st, sa) : 0) + (moveB ? requeue(st, sb) : 0);
}

/** Slot y out of its bucket (if queued) and to the head of its distance's bucket (if finite). */
function requeue(st: RunState, y: number): number {
  const { dist, link, head, mask } = st;
  const ly = 4 * y;
  const ob = link[ly + 2];
  let delta = 0;
  if (ob !== -1) {
    const p = link[ly + 1], nx = link[ly];
    if (p !== -1) link[4 * p] = nx;
    else head[ob & mask] = nx;
    if (nx !== -1) link[4 * nx + 1] = p;
    delta = -1;
  }
  if (!(dist[y] < Infinity)) {
    link[ly + 2] = -1;
    return delta;
  }
  const b = Math.floor(dist[y] * st.inv);
  const h = head[b & mask];
  link[ly] = h;
  link[ly + 1] = -1;
  if (h !== -1) link[4 * h + 1] = y;
  head[b & mask] = y;
  link[ly + 2] = b;
  return delta + 1;
}
