import type { WalkGraph } from '../../network/graph';
import { collectReachedPieces, type SeedSelection } from './edgePieces';

/**
 * Reached network as straight segments in flat arrays, ready for deck.gl binary attributes:
 * `new LineLayer({ data: { length, attributes: {
 *    getSourcePosition: { value: sourcePositions, size: 2 },
 *    getTargetPosition: { value: targetPositions, size: 2 } } }, ... })`.
 * Distance varies linearly along every segment (edges are split at their distance peak), so
 * colouring by `sourceDistances`/`targetDistances` (or their mean) is exact.
 */
export interface ReachedEdges {
  /** number of segments */
  length: number;
  /** lon, lat interleaved, 2·length (Float64: Float32 would lose ~1 m at lon 116°) */
  sourcePositions: Float64Array;
  targetPositions: Float64Array;
  /** network distance at each end, metres */
  sourceDistances: Float32Array;
  targetDistances: Float32Array;
  /** the graph edge each segment lies on */
  edgeIds: Int32Array;
  /** total length of the segments, metres (the reached network length) */
  reachedLength: number;
}

/** `seeds`: the search's sources on edges (facility snaps), `seedIds`: the ones used (default all). */
export type ReachedEdgesOptions = SeedSelection;

/** A peak closer than this (metres) to a piece's end is not worth its own segment. */
const PEAK_EPS = 1e-3;

/**
 * The parts of the network within `threshold` metres of the sources, as segments with the
 * distance at each end. Edges reached from one end only are clipped where the distance
 * reaches `threshold`; an edge reached from both ends but not in its middle yields two pieces.
 * @param graph the walking graph
 * @param dist network distance per node in metres (Infinity when unreached), e.g. from one
 *   multi-source search over a category's facilities
 * @param threshold metres
 */
export function reachedEdges(
  graph: WalkGraph,
  dist: ArrayLike<number>,
  threshold: number,
  options: ReachedEdgesOptions = {},
): ReachedEdges {
  if (dist.length < graph.nodeCount) {
    throw new Error(`reachedEdges: dist has ${dist.length} values for ${graph.nodeCount} nodes`);
  }
  const T = threshold;
  const pieces = collectReachedPieces(graph, dist, T, options);
  const { edge, tA, tB, da, db, len } = pieces;
  let count = 0;
  for (let p = 0; p < pieces.count; p++) count += segmentsOfPiece(da[p], db[p], len[p], T);

  const src = new Float64Array(2 * count);
  const dst = new Float64Array(2 * count);
  const srcD = new Float32Array(count);
  const dstD = new Float32Array(count);
  const ids = new Int32Array(count);
  const { coords, edgeFrom, edgeTo } = graph;
  let n = 0;
  let total = 0;
  // Writes segment [s0, s1] (metres from the start of piece p) with end distances d0, d1.
  const emit = (p: number, s0: number, s1: number, d0: number, d1: number): void => {
    const e = edge[p];
    const u = edgeFrom[e] * 2;
    const v = edgeTo[e] * 2;
    const k = (tB[p] - tA[p]) / len[p];
    const t0 = tA[p] + k * s0;
    const t1 = tA[p] + k * s1;
    const lonU = coords[u], latU = coords[u + 1];
    const dLon = coords[v] - lonU, dLat = coords[v + 1] - latU;
    src[2 * n] = lonU + t0 * dLon;
    src[2 * n + 1] = latU + t0 * dLat;
    dst[2 * n] = lonU + t1 * dLon;
    dst[2 * n + 1] = latU + t1 * dLat;
    srcD[n] = d0;
    dstD[n] = d1;
    ids[n] = e;
    total += s1 - s0;
    n++;
  };

  for (let p = 0; p < pieces.count; p++) {
    const a = da[p], b = db[p], l = len[p];
    const reachA = T - a;
    const reachB = T - b;
    if (reachA + reachB >= l) {
      const dAt0 = Math.min(a, b + l);
      const dAtL = Math.min(b, a + l);
      const sm = (b - a + l) / 2;
      if (sm > PEAK_EPS && sm < l - PEAK_EPS) {
        const dm = a + sm;
        emit(p, 0, sm, dAt0, dm);
        emit(p, sm, l, dm, dAtL);
      } else {
        emit(p, 0, l, dAt0, dAtL);
      }
    } else {
      if (reachA > 0) emit(p, 0, reachA, a, T);
      if (reachB > 0) emit(p, l - reachB, l, T, b);
    }
  }

  return {
    length: n,
    sourcePositions: src,
    targetPositions: dst,
    sourceDistances: srcD,
    targetDistances: dstD,
    edgeIds: ids,
    reachedLength: total,
  };
}

/** How many segments `reachedEdges` emits for a piece; must mirror its branches. */
function segmentsOfPiece(da: number, db: number, len: number, T: number): number {
  const reachA = T - da;
  const reachB = T - db;
  if (reachA + reachB >= len) {
    const sm = (db - da + len) / 2;
    return sm > PEAK_EPS && sm < len - PEAK_EPS ? 2 : 1;
  }
  return (reachA > 0 ? 1 : 0) + (reachB > 0 ? 1 : 0);
}
