import type { WalkGraph } from './graph';
import type { EdgeSources } from './multiSourceDijkstra';

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

/** Bucket width in metres (distances stay exact floats; buckets only order the work). */
const BUCKET_M = 1;

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
  const { offsets, targets, arcLength, edgeFrom, edgeTo, edgeLength } = graph;
  // slot item x = 2v + s holds label s of node v: dist[x], grp[x]; slot 0 is the nearer
  const dist = new Float64Array(2 * n).fill(Infinity);
  const grp = new Int32Array(2 * n).fill(-1);
  // bucket queue over slot items: next, prev, absolute bucket (−1 = not queued)
  const next = new Int32Array(2 * n), prev = new Int32Array(2 * n), bucket = new Int32Array(2 * n).fill(-1);
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
  const d1 = new Float64Array(n), d2 = new Float64Array(n), g1 = new Int32Array(n), g2 = new Int32Array(n);
  const result = (): TwoNearest => {
    for (let v = 0; v < n; v++) {
      d1[v] = dist[2 * v];
      g1[v] = grp[2 * v];
      d2[v] = dist[2 * v + 1];
      g2[v] = grp[2 * v + 1];
    }
    return { d1, g1, d2, g2 };
  };
  if (minKey === Infinity) return result();
  const span = maxKey - minKey + maxEdge;
  let width = BUCKET_M;
  if (span / width > 1 << 22) width = span / (1 << 22);
  const inv = 1 / width;
  let size = 16;
  while (size < span * inv + 3) size *= 2;
  const head = new Int32Array(size).fill(-1);
  const mask = size - 1;
  let queued = 0;
  // Everything below is inline, with locals only: closures over a mutable `queued` cost ~2× here.
  // seed: a candidate (d, g) at v is offered like any relaxation (see the loop)
  const cand = new Float64Array(2 * sourceIds.length);
  const candNode = new Int32Array(2 * sourceIds.length), candGroup = new Int32Array(2 * sourceIds.length);
  let nCand = 0;
  for (let i = 0; i < sourceIds.length; i++) {
    const s = sourceIds[i];
    const e = sources.edge[s];
    if (!sources.ok[s] || e < 0) continue;
    const len = edgeLength[e], acc = sources.access[s], t = sources.t[s];
    candNode[nCand] = edgeFrom[e];
    cand[nCand] = acc + t * len;
    candGroup[nCand++] = group[s];
    candNode[nCand] = edgeTo[e];
    cand[nCand] = acc + (1 - t) * len;
    candGroup[nCand++] = group[s];
  }
  // one pass over the seeds, then the queue: `x` is the item popped (−1 while seeding)
  let cur = Math.floor(minKey * inv);
  let seed = 0;
  for (;;) {
    let x = -1, first = 0, last = 0;
    let d0 = 0, g = -1;
    if (seed < nCand) {
      first = seed;
      last = ++seed;
    } else {
      if (queued === 0) break;
      x = head[cur & mask];
      if (x === -1) {
        cur++;
        continue;
      }
      // unlink x (the head of its bucket)
      const nx = next[x];
      head[cur & mask] = nx;
      if (nx !== -1) prev[nx] = -1;
      bucket[x] = -1;
      queued--;
      d0 = dist[x];
      g = grp[x];
      const v = x >> 1;
      first = offsets[v];
      last = offsets[v + 1];
    }
    for (let a = first; a < last; a++) {
      let v: number, d: number, gg: number;
      if (x === -1) {
        v = candNode[a];
        d = cand[a];
        gg = candGroup[a];
      } else {
        v = targets[a];
        d = d0 + arcLength[a];
        gg = g;
      }
      if (!(d <= cutoff)) continue;
      const sa = 2 * v, sb = sa + 1;
      // which slots change: the candidate enters the node's two best distinct groups or is dropped
      let moveA = false, moveB = false;
      if (gg === grp[sa]) {
        if (d < dist[sa]) {
          dist[sa] = d;
          moveA = true;
        }
      } else if (gg === grp[sb]) {
        if (d < dist[sb]) {
          if (d < dist[sa]) {
            dist[sb] = dist[sa];
            grp[sb] = grp[sa];
            dist[sa] = d;
            grp[sa] = gg;
            moveA = true;
          } else dist[sb] = d;
          moveB = true;
        }
      } else if (d < dist[sa]) {
        dist[sb] = dist[sa];
        grp[sb] = grp[sa];
        dist[sa] = d;
        grp[sa] = gg;
        moveA = moveB = true;
      } else if (d < dist[sb]) {
        dist[sb] = d;
        grp[sb] = gg;
        moveB = true;
      }
      for (let k = 0; k < 2; k++) {
        const y = k === 0 ? (moveA ? sa : -1) : (moveB ? sb : -1);
        if (y === -1) continue;
        // out of its bucket, if queued
        const ob = bucket[y];
        if (ob !== -1) {
          const p = prev[y], n2 = next[y];
          if (p !== -1) next[p] = n2;
          else head[ob & mask] = n2;
          if (n2 !== -1) prev[n2] = p;
          queued--;
        }
        if (!(dist[y] < Infinity)) {
          bucket[y] = -1;
          continue;
        }
        const b = Math.floor(dist[y] * inv);
        const h = head[b & mask];
        next[y] = h;
        prev[y] = -1;
        if (h !== -1) prev[h] = y;
        head[b & mask] = y;
        bucket[y] = b;
        queued++;
      }
    }
  }
  return result();
}
