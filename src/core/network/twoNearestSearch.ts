import FlatQueue from 'flatqueue';
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

/**
 * A multi-source search that keeps two labels per node (DESIGN §4 Choice and second-nearest): the
 * nearest and the second-nearest distinct source group, each exact. Label-setting with at most
 * two settled labels per node, of different groups: if g is v's second-nearest group, every node
 * on g's shortest path to v has g among its two nearest (else v would have two nearer groups), so
 * the search never needs a third label. Sources are points on edges, like multiSourceDijkstra's.
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
  // the two best distinct groups known per node (tentative until settled), best first
  const d1 = new Float64Array(n).fill(Infinity), d2 = new Float64Array(n).fill(Infinity);
  const g1 = new Int32Array(n).fill(-1), g2 = new Int32Array(n).fill(-1);
  // settled labels per node: bit 1 = the first, bit 2 = the second
  const settled = new Uint8Array(n);
  // queue entries: node and group in growable arrays, keyed by distance
  let entNode = new Int32Array(1024), entGroup = new Int32Array(1024);
  let nEnt = 0;
  const queue = new FlatQueue<number>();
  const enqueue = (v: number, d: number, g: number) => {
    if (nEnt === entNode.length) {
      const a = new Int32Array(nEnt * 2), b = new Int32Array(nEnt * 2);
      a.set(entNode);
      b.set(entGroup);
      entNode = a;
      entGroup = b;
    }
    entNode[nEnt] = v;
    entGroup[nEnt] = g;
    queue.push(nEnt++, d);
  };
  // a candidate enters the queue only when it improves the node's two best distinct groups
  const offer = (v: number, d: number, g: number) => {
    if (!(d <= cutoff)) return;
    if (g === g1[v]) {
      if (d < d1[v]) {
        d1[v] = d;
        enqueue(v, d, g);
      }
    } else if (g === g2[v]) {
      if (d < d2[v]) {
        d2[v] = d;
        if (d < d1[v]) {
          d2[v] = d1[v];
          g2[v] = g1[v];
          d1[v] = d;
          g1[v] = g;
        }
        enqueue(v, d, g);
      }
    } else if (d < d1[v]) {
      d2[v] = d1[v];
      g2[v] = g1[v];
      d1[v] = d;
      g1[v] = g;
      enqueue(v, d, g);
    } else if (d < d2[v]) {
      d2[v] = d;
      g2[v] = g;
      enqueue(v, d, g);
    }
  };
  for (let i = 0; i < sourceIds.length; i++) {
    const s = sourceIds[i];
    const e = sources.edge[s];
    if (!sources.ok[s] || e < 0) continue;
    const len = edgeLength[e], acc = sources.access[s], t = sources.t[s];
    offer(edgeFrom[e], acc + t * len, group[s]);
    offer(edgeTo[e], acc + (1 - t) * len, group[s]);
  }
  while (queue.length > 0) {
    const d = queue.peekValue()!;
    const x = queue.pop()!;
    const v = entNode[x], g = entGroup[x];
    // stale: the group's label moved on (nearer) or left the node's two best; or already settled
    let bit = 0;
    if (g === g1[v] && d === d1[v]) bit = 1;
    else if (g === g2[v] && d === d2[v]) bit = 2;
    if (!bit || settled[v] & bit) continue;
    settled[v] |= bit;
    for (let a = offsets[v]; a < offsets[v + 1]; a++) offer(targets[a], d + arcLength[a], g);
  }
  return { d1, g1, d2, g2 };
}
