import type { WalkGraph } from './graph';
import { bucketRing } from './bucketRing';

/**
 * Preallocated state for repeated searches on one graph: allocate once, run once per category.
 * `dist`, `origin` and `predArc` hold the result of the last run (copy them to keep them).
 */
export interface DijkstraWorkspace {
  nodeCount: number;
  /** metres from the nearest source; Infinity when not reached (or beyond the cutoff) */
  dist: Float64Array;
  /** index of the source that reached each node, −1 when not reached */
  origin: Int32Array;
  /**
   * arc by which each node was reached (targets[arc] is the node; arcEdge[arc] its edge), −1 for
   * seeds and unreached; filled only by runs with trackPaths
   */
  predArc: Int32Array;
  /**
   * bucket-queue state, 4 entries per node so that one cache line holds all of a node's:
   * [4v] next in its bucket, [4v+1] previous, [4v+2] absolute bucket (−1 when not queued),
   * [4v+3] = stamp while v is a stopWhenSettled node not yet taken off the queue
   */
  link: Int32Array;
  head: Int32Array;
  /** run counter for link[4v+3] */
  stamp: number;
  maxEdgeLength: number;
}

/** Points on edges that start the search (SnapResult satisfies this). */
export interface EdgeSources {
  edge: Int32Array;
  t: Float64Array;
  access: Float64Array;
  ok: Uint8Array;
}

export interface DijkstraOptions {
  /** Stop at this distance (metres); farther nodes stay Infinity. @default Infinity */
  cutoff?: number;
  /** Which entries of `sources` to use (e.g. one category's facilities). @default all */
  sourceIds?: ArrayLike<number>;
  /** Record predecessor arcs (for drawing routes; costs a little speed). @default false */
  trackPaths?: boolean;
  /**
   * Stop as soon as these nodes are final (e.g. the edge ends of the community snaps,
   * SnapTargetPlan.nodes): their dist and origin are then exactly those of a full search, but
   * other nodes may be unreached (Infinity) or hold a tentative, too large distance. Targets on a
   * component without any source do not hold the search up. @default none: search everything
   */
  stopWhenSettled?: Int32Array;
}

export interface DijkstraRun {
  /** = workspace.dist */
  dist: Float64Array;
  /** = workspace.origin */
  origin: Int32Array;
  /** = workspace.predArc (meaningful only with trackPaths) */
  predArc: Int32Array;
  /** nodes taken off the queue (a node may be taken more than once) */
  settled: number;
  /** arcs relaxed */
  relaxed: number;
  /** true when the search stopped early (stopWhenSettled): only those nodes are exact */
  stoppedEarly: boolean;
}

/** Allocates the arrays of a search on `graph` (≈ 36 bytes per node). */
export function createDijkstraWorkspace(graph: WalkGraph): DijkstraWorkspace {
  const n = graph.nodeCount;
  const maxEdgeLength = maxEdgeLengthOf(graph);
  return {
    nodeCount: n,
    dist: new Float64Array(n),
    origin: new Int32Array(n),
    predArc: new Int32Array(n),
    link: new Int32Array(4 * n),
    stamp: 0,
    head: new Int32Array(0),
    maxEdgeLength,
  };
}

/**
 * `ws` itself for searches on `graph` when that has the same nodes (a graph patched from ws's own
 * with links between existing nodes: the very same workspace serves both, one search at a time),
 * else a new workspace: fresh memory is dear at 200,000 nodes.
 */
export function reuseDijkstraWorkspace(ws: DijkstraWorkspace, graph: WalkGraph): DijkstraWorkspace {
  if (ws.nodeCount !== graph.nodeCount) return createDijkstraWorkspace(graph);
  ws.maxEdgeLength = Math.max(ws.maxEdgeLength, maxEdgeLengthOf(graph));
  return ws;
}

function maxEdgeLengthOf(graph: WalkGraph): number {
  let max = graph.stats?.maxEdgeLength ?? -1;
  if (max < 0) {
    max = 0;
    for (let e = 0; e < graph.edgeCount; e++) if (graph.edgeLength[e] > max) max = graph.edgeLength[e];
  }
  return max;
}

/**
 * One multi-source shortest-path search (DESIGN §4): every usable source (ok = 1) sits on an edge
 * at fraction t with an access leg, and seeds both ends of its edge with access + t·len and
 * access + (1 − t)·len. Dial-style bucket queue of 1 m buckets over exact float distances, label-
 * correcting inside a bucket, so results equal a binary-heap Dijkstra exactly.
 *
 * @param graph the walking graph
 * @param sources points on edges (usually facility snaps)
 * @param ws workspace from createDijkstraWorkspace(graph), reused between runs
 * @param options cutoff (metres, default Infinity), sourceIds (default all)
 */
export function multiSourceDijkstra(
  graph: WalkGraph,
  sources: EdgeSources,
  ws: DijkstraWorkspace,
  options: DijkstraOptions = {},
): DijkstraRun {
  // In phases, each a function of its own: V8 then optimises each whole (one call does most of
  // its work in one loop). As one function, every search of a one-shot run (the CLI) went through
  // on-stack-replaced code that bailed out on the next, not yet run phase, ~2-4× slower.
  const cutoff = options.cutoff ?? Infinity;
  const { dist, origin, predArc } = ws;
  const track = options.trackPaths === true;
  resetSearch(ws, track);
  const ids = options.sourceIds;
  const seeds = seedSearch(graph, sources, ws, ids, cutoff);
  const nSeeds = seeds.length;
  if (nSeeds === 0) return { dist, origin, predArc, settled: 0, relaxed: 0, stoppedEarly: false };
  let minKey = Infinity, maxKey = -Infinity;
  for (let q = 0; q < nSeeds; q++) {
    const d = dist[seeds[q]];
    if (d < minKey) minKey = d;
    if (d > maxKey) maxKey = d;
  }

  // nodes to wait for (stopWhenSettled), skipping those on components no seed is on
  const stopNodes = options.stopWhenSettled;
  const stamp = stopNodes ? nextStamp(ws) : 0;
  const pending = stopNodes ? markStopNodes(graph, ws.link, seeds, stopNodes, stamp) : 0;

  // circular buckets: every queued key lies within [current, current + span] (bucketRing)
  const { inv, size } = bucketRing(maxKey - minKey + ws.maxEdgeLength);
  if (ws.head.length < size) ws.head = new Int32Array(size);
  ws.head.fill(-1, 0, size);
  const mask = size - 1;
  queueSeeds(ws, seeds, inv, mask);

  const q: QueueState = {
    cur: Math.floor(minKey * inv), queued: nSeeds, pending, stamp,
    // bucket after which the search stops: the one in which the last pending node was taken
    stopBucket: stopNodes && pending === 0 ? -Infinity : Infinity,
    inv, mask, cutoff, track, settled: 0, relaxed: 0,
  };
  runQueue(graph, ws, q);
  return { dist, origin, predArc, settled: q.settled, relaxed: q.relaxed, stoppedEarly: q.queued > 0 };
}

/** Every node unreached, unqueued (link[4v+2] = −1; next/prev are written whenever a node is queued). */
function resetSearch(ws: DijkstraWorkspace, track: boolean): void {
  ws.dist.fill(Infinity);
  ws.origin.fill(-1);
  if (track) ws.predArc.fill(-1);
  const link = ws.link;
  for (let i = 2; i < link.length; i += 4) link[i] = -1;
}

/**
 * Sets the seeds' distances and origins (both ends of each usable source's edge) and returns the
 * seed nodes in the order (source, from end, to end), each once: this order decides ties.
 */
function seedSearch(graph: WalkGraph, sources: EdgeSources, ws: DijkstraWorkspace, ids: ArrayLike<number> | undefined, cutoff: number): Int32Array {
  const { dist, origin, link } = ws;
  const { edgeFrom, edgeTo, edgeLength } = graph;
  const nSrc = ids ? ids.length : sources.edge.length;
  for (let k = 0; k < nSrc; k++) {
    const s = ids ? ids[k] : k;
    if (!sources.ok[s]) continue;
    const e = sources.edge[s];
    if (e < 0) continue;
    const len = edgeLength[e], acc = sources.access[s], f = sources.t[s];
    const ka = acc + f * len, kb = acc + (1 - f) * len;
    const a = edgeFrom[e], b = edgeTo[e];
    if (ka < dist[a] && ka <= cutoff) {
      dist[a] = ka;
      origin[a] = s;
    }
    if (kb < dist[b] && kb <= cutoff) {
      dist[b] = kb;
      origin[b] = s;
    }
  }
  const seeds = new Int32Array(2 * nSrc);
  let nSeeds = 0;
  for (let k = 0; k < nSrc; k++) {
    const s = ids ? ids[k] : k;
    const e = sources.edge[s];
    if (!sources.ok[s] || e < 0) continue;
    for (let end = 0; end < 2; end++) {
      const v = end === 0 ? edgeFrom[e] : edgeTo[e];
      if (origin[v] === s && link[4 * v + 2] === -1) {
        link[4 * v + 2] = -2; // mark: collected once
        seeds[nSeeds++] = v;
      }
    }
  }
  return seeds.subarray(0, nSeeds);
}

/** Stamps the stopWhenSettled nodes on components a seed is on; returns how many. */
function markStopNodes(graph: WalkGraph, link: Int32Array, seeds: Int32Array, stopNodes: Int32Array, stamp: number): number {
  const comp = graph.component;
  let seeded: Uint8Array | null = null;
  if (comp) {
    seeded = new Uint8Array(graph.componentCount ?? comp.reduce((m, c) => Math.max(m, c + 1), 0));
    for (let q = 0; q < seeds.length; q++) seeded[comp[seeds[q]]] = 1;
  }
  let pending = 0;
  for (let q = 0; q < stopNodes.length; q++) {
    const v = stopNodes[q];
    if ((seeded && !seeded[comp![v]]) || link[4 * v + 3] === stamp) continue;
    link[4 * v + 3] = stamp;
    pending++;
  }
  return pending;
}

/** Puts the seeds in their buckets. */
function queueSeeds(ws: DijkstraWorkspace, seeds: Int32Array, inv: number, mask: number): void {
  const { dist, link, head } = ws;
  for (let q = 0; q < seeds.length; q++) {
    const v = seeds[q];
    const b = Math.floor(dist[v] * inv);
    const slot = b & mask;
    const h = head[slot];
    link[4 * v] = h;
    link[4 * v + 1] = -1;
    if (h !== -1) link[4 * h + 1] = v;
    head[slot] = v;
    link[4 * v + 2] = b;
  }
}

/** The bucket queue's state between the phases of one search. */
interface QueueState {
  /** current bucket */
  cur: number;
  queued: number;
  /** stopWhenSettled nodes not yet taken off the queue, and their stamp */
  pending: number;
  stamp: number;
  stopBucket: number;
  inv: number;
  mask: number;
  cutoff: number;
  track: boolean;
  settled: number;
  relaxed: number;
}

/** The search proper: takes nodes off the buckets in order and relaxes their arcs until done. */
function runQueue(graph: WalkGraph, ws: DijkstraWorkspace, q: QueueState): void {
  const { offsets, targets, arcLength } = graph;
  const { dist, origin, predArc, link, head } = ws;
  const { stamp, inv, mask, cutoff, track } = q;
  let { cur, queued, pending, stopBucket } = q;
  let settled = 0, relaxed = 0;
  while (queued > 0) {
    const slot = cur & mask;
    const v = head[slot];
    if (v === -1) {
      // a finished bucket: every distance below (cur + 1)·width is final
      if (cur >= stopBucket) break;
      cur++;
      continue;
    }
    const nv = link[4 * v];
    head[slot] = nv;
    if (nv !== -1) link[4 * nv + 1] = -1;
    link[4 * v + 2] = -1;
    queued--;
    settled++;
    if (pending > 0 && link[4 * v + 3] === stamp) {
      link[4 * v + 3] = 0;
      if (--pending === 0) stopBucket = cur;
    }
    const dv = dist[v];
    const ov = origin[v];
    for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
      const u = targets[a];
      const nd = dv + arcLength[a];
      if (nd >= dist[u] || nd > cutoff) continue;
      relaxed++;
      const lu = 4 * u;
      const old = link[lu + 2];
      if (old !== -1) {
        // unlink from its old bucket
        const p = link[lu + 1], n = link[lu];
        if (p !== -1) link[4 * p] = n;
        else head[old & mask] = n;
        if (n !== -1) link[4 * n + 1] = p;
      } else {
        queued++;
      }
      dist[u] = nd;
      origin[u] = ov;
      if (track) predArc[u] = a;
      const b = Math.floor(nd * inv);
      const s2 = b & mask;
      const h = head[s2];
      link[lu] = h;
      link[lu + 1] = -1;
      if (h !== -1) link[4 * h + 1] = u;
      head[s2] = u;
      link[lu + 2] = b;
    }
  }
  q.cur = cur;
  q.queued = queued;
  q.pending = pending;
  q.stopBucket = stopBucket;
  q.settled = settled;
  q.relaxed = relaxed;
}

/** A stamp for link[4v+3] different from every value left there by earlier runs. @private */
function nextStamp(ws: DijkstraWorkspace): number {
  if (ws.stamp >= 0x7ffffffe) {
    for (let i = 3; i < ws.link.length; i += 4) ws.link[i] = 0;
    ws.stamp = 0;
  }
  return ++ws.stamp;
}
