import FlatQueue from 'flatqueue';
import type { WalkGraph } from '../../network/graph';

/**
 * A reusable single-source search that stops at a cutoff and touches only the nodes it reaches:
 * for many small searches (one per parking lot, 500 m) where multiSourceDijkstra's whole-graph
 * reset per run would cost more than the search itself.
 */
export interface BoundedSearch {
  /** metres per node from the last run's source; Infinity when not reached (valid until reset) */
  dist: Float64Array;
  /**
   * Searches from a point on edge `edge` at fraction t (0 at edgeFrom) with an access leg of
   * `access` metres, up to `cutoff` metres. Clears the previous run first.
   * @returns number of nodes reached
   */
  run(edge: number, t: number, access: number, cutoff: number): number;
  /** the nodes the last run reached (a view, valid until the next run) */
  reached(): Int32Array;
}

/** Allocates a bounded search over `graph` (one Float64Array per node, reused by every run). */
export function createBoundedSearch(graph: WalkGraph): BoundedSearch {
  const { edgeFrom, edgeTo, edgeLength, offsets, targets, arcLength } = graph;
  const dist = new Float64Array(graph.nodeCount).fill(Infinity);
  let touched = new Int32Array(64);
  let nTouched = 0;
  const queue = new FlatQueue<number>();

  const touch = (v: number, d: number) => {
    if (dist[v] === Infinity) {
      if (nTouched === touched.length) {
        const grown = new Int32Array(touched.length * 2);
        grown.set(touched);
        touched = grown;
      }
      touched[nTouched++] = v;
    }
    dist[v] = d;
    queue.push(v, d);
  };

  return {
    dist,
    run(edge, t, access, cutoff) {
      for (let i = 0; i < nTouched; i++) dist[touched[i]] = Infinity;
      nTouched = 0;
      queue.clear();
      if (edge < 0) return 0;
      const len = edgeLength[edge];
      const da = access + t * len, db = access + (1 - t) * len;
      if (da <= cutoff) touch(edgeFrom[edge], da);
      if (db <= cutoff && db < dist[edgeTo[edge]]) touch(edgeTo[edge], db);
      while (queue.length > 0) {
        const d = queue.peekValue()!;
        const v = queue.pop()!;
        if (d > dist[v]) continue; // stale entry
        for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
          const u = targets[a];
          const nd = d + arcLength[a];
          if (nd < dist[u] && nd <= cutoff) touch(u, nd);
        }
      }
      return nTouched;
    },
    reached: () => touched.subarray(0, nTouched),
  };
}
