import type { WalkGraph } from './graph';
import { bucketWidth, createNodeBuckets, enqueue, nextWord, resetBuckets, takeWord, type NodeBuckets } from './nodeBuckets';

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
  /** the queue (nodeBuckets) */
  queue: NodeBuckets;
  /** per node: = stamp while v is a stopWhenSettled node not yet taken off the queue */
  stop: Int32Array;
  /** run counter for stop[] */
  stamp: number;
  maxEdgeLength: number;
  /** bucket width of the queue, metres (bucketWidth of the graph) */
  bucketWidth: number;
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

/** Allocates the arrays of a search on `graph` (≈ 33 bytes per node). */
export function createDijkstraWorkspace(graph: WalkGraph): DijkstraWorkspace {
  const n = graph.nodeCount;
  return {
    nodeCount: n,
    dist: new Float64Array(n),
    origin: new Int32Array(n),
    predArc: new Int32Array(n),
    queue: createNodeBuckets(n),
    stop: new Int32Array(n),
    stamp: 0,
    maxEdgeLength: maxEdgeLengthOf(graph),
    bucketWidth: bucketWidth(graph),
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
 * access + (1 − t)·len. A bucket queue (nodeBuckets: buckets about an edge long, each taken in node
 * order, labels corrected inside a bucket) over exact float distances, so distances equal a
 * binary-heap Dijkstra's exactly; where two sources reach a node at exactly the same distance,
 * either may be its origin.
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
  const pending = stopNodes ? markStopNodes(graph, ws.stop, seeds, stopNodes, stamp) : 0;

  // ring of buckets: every queued key lies within [current, current + span] (nodeBuckets)
  const queue = ws.queue;
  resetBuckets(queue, maxKey - minKey + ws.maxEdgeLength, ws.bucketWidth);
  let queued = 0;
  for (let i = 0; i < nSeeds; i++) queued += enqueue(queue, seeds[i], dist[seeds[i]]);

  const q: QueueState = {
    cur: Math.floor(minKey * queue.inv), queued, pending, stamp,
    // bucket after which the search stops: the one in which the last pending node was taken
    stopBucket: stopNodes && pending === 0 ? -Infinity : Infinity,
    cutoff, track, settled: 0, relaxed: 0,
  };
  runQueue(graph, ws, q);
  return { dist, origin, predArc, settled: q.settled, relaxed: q.relaxed, stoppedEarly: q.queued > 0 };
}

/** Every node unreached, unqueued. */
function resetSearch(ws: DijkstraWorkspace, track: boolean): void {
  ws.dist.fill(Infinity);
  ws.origin.fill(-1);
  if (track) ws.predArc.fill(-1);
}

/**
 * Sets the seeds' distances and origins (both ends of each usable source's edge; the first source
 * in `ids` order wins a tie) and returns the seed nodes (a node twice only when `ids` repeats a source).
 */
function seedSearch(graph: WalkGraph, sources: EdgeSources, ws: DijkstraWorkspace, ids: ArrayLike<number> | undefined, cutoff: number): Int32Array {
  const { dist, origin } = ws;
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
      if (origin[v] === s) seeds[nSeeds++] = v;
    }
  }
  return seeds.subarray(0, nSeeds);
}

/** Stamps the stopWhenSettled nodes on components a seed is on; returns how many. */
function markStopNodes(graph: WalkGraph, stop: Int32Array, seeds: Int32Array, stopNodes: Int32Array, stamp: number): number {
  const comp = graph.component;
  let seeded: Uint8Array | null = null;
  if (comp) {
    seeded = new Uint8Array(graph.componentCount ?? comp.reduce((m, c) => Math.max(m, c + 1), 0));
    for (let q = 0; q < seeds.length; q++) seeded[comp[seeds[q]]] = 1;
  }
  let pending = 0;
  for (let q = 0; q < stopNodes.length; q++) {
    const v = stopNodes[q];
    if ((seeded && !seeded[comp![v]]) || stop[v] === stamp) continue;
    stop[v] = stamp;
    pending++;
  }
  return pending;
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
  cutoff: number;
  track: boolean;
  settled: number;
  relaxed: number;
}

/**
 * The search proper: takes the buckets in order, each bucket's nodes in node order (sweeps until
 * it is empty: a node queued again behind the sweep waits for the next), and relaxes their arcs.
 */
function runQueue(graph: WalkGraph, ws: DijkstraWorkspace, q: QueueState): void {
  const { offsets, targets, arcLength } = graph;
  const { dist, origin, predArc, stop, queue } = ws;
  const { count, bucketOf } = queue;
  const { stamp, cutoff, track } = q;
  let { cur, queued, pending, stopBucket } = q;
  let settled = 0, relaxed = 0;
  while (queued > 0) {
    const slot = cur & queue.mask;
    if (count[slot] === 0) {
      // a finished bucket: every distance below its end is final
      if (cur >= stopBucket) break;
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
        settled++;
        if (pending > 0 && stop[v] === stamp) {
          stop[v] = 0;
          if (--pending === 0) stopBucket = cur;
        }
        const dv = dist[v];
        const ov = origin[v];
        for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
          const u = targets[a];
          const nd = dv + arcLength[a];
          if (nd >= dist[u] || nd > cutoff) continue;
          relaxed++;
          dist[u] = nd;
          origin[u] = ov;
          if (track) predArc[u] = a;
          queued += enqueue(queue, u, nd);
        }
      }
    }
  }
  q.cur = cur;
  q.queued = queued;
  q.pending = pending;
  q.stopBucket = stopBucket;
  q.settled = settled;
  q.relaxed = relaxed;
}

/** A stamp for stop[] different from every value left there by earlier runs. @private */
function nextStamp(ws: DijkstraWorkspace): number {
  if (ws.stamp >= 0x7ffffffe) {
    ws.stop.fill(0);
    ws.stamp = 0;
  }
  return ++ws.stamp;
}
