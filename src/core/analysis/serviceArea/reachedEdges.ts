import type { WalkGraph } from '../../network/graph';
import { seededPieces, type SeedSelection } from './edgePieces';

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
 *   multi-source search over a category's facilities (its cutoff, if any, ≥ threshold)
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
  const { edgeFrom, edgeTo, edgeLength, edgeCount } = graph;
  const seeded = seededPieces(graph, dist, T, options);
  const sp = seeded.pieces;
  const seededEdge = seeded.edges;

  // pass 1: count, so the output arrays are allocated once at their exact size
  let count = 0;
  for (let r = 0; r < sp.count; r++) count += segmentsOfPiece(sp.da[r], sp.db[r], sp.len[r], T);
  for (let e = 0, q = 0; e < edgeCount; e++) {
    if (q < seededEdge.length && seededEdge[q] === e) {
      q++;
      continue;
    }
    const du = dist[edgeFrom[e]], dv = dist[edgeTo[e]];
    if ((du <= T || dv <= T) && edgeLength[e] > 0) count += segmentsOfPiece(du, dv, edgeLength[e], T);
  }

  const src = new Float64Array(2 * count);
  const dst = new Float64Array(2 * count);
  const srcD = new Float32Array(count);
  const dstD = new Float32Array(count);
  const ids = new Int32Array(count);
  const { coords } = graph;
  let n = 0;
  let total = 0;
  // pass 2: write, walking the edges in order (seeded edges through their pieces). Written as
  // one flat loop on purpose: helper calls with many double arguments box them and made this
  // pass allocate ~16 MB per call at L.
  for (let e = 0, q = 0, r = 0; e < edgeCount; e++) {
    const du = dist[edgeFrom[e]], dv = dist[edgeTo[e]];
    let r0 = 0, pieces = 1;
    const isSeeded = q < seededEdge.length && seededEdge[q] === e;
    if (isSeeded) {
      q++;
      r0 = r;
      while (r < sp.count && sp.edge[r] === e) r++;
      pieces = r - r0;
    } else if (!((du <= T || dv <= T) && edgeLength[e] > 0)) {
      continue;
    }
    const u = edgeFrom[e] * 2, v = edgeTo[e] * 2;
    const lonU = coords[u], latU = coords[u + 1];
    const dLon = coords[v] - lonU, dLat = coords[v + 1] - latU;
    for (let j = 0; j < pieces; j++) {
      const tA = isSeeded ? sp.tA[r0 + j] : 0;
      const tB = isSeeded ? sp.tB[r0 + j] : 1;
      const da = isSeeded ? sp.da[r0 + j] : du;
      const db = isSeeded ? sp.db[r0 + j] : dv;
      const len = isSeeded ? sp.len[r0 + j] : edgeLength[e];
      // up to two segments [s0, s1] with end distances d0, d1, where min(da + s, db + len − s) ≤ T
      let segs = 0;
      let a0 = 0, a1 = 0, ad0 = 0, ad1 = 0, b0 = 0, b1 = 0, bd0 = 0, bd1 = 0;
      const reachA = T - da;
      const reachB = T - db;
      if (reachA + reachB >= len) {
        const dAt0 = Math.min(da, db + len);
        const dAtL = Math.min(db, da + len);
        const sm = (db - da + len) / 2;
        if (sm > PEAK_EPS && sm < len - PEAK_EPS) {
          const dm = da + sm;
          segs = 2;
          a1 = sm; ad0 = dAt0; ad1 = dm;
          b0 = sm; b1 = len; bd0 = dm; bd1 = dAtL;
        } else {
          segs = 1;
          a1 = len; ad0 = dAt0; ad1 = dAtL;
        }
      } else {
        if (reachA > 0) {
          segs = 1;
          a1 = reachA; ad0 = da; ad1 = T;
        }
        if (reachB > 0) {
          if (segs === 0) {
            segs = 1;
            a0 = len - reachB; a1 = len; ad0 = T; ad1 = db;
          } else {
            segs = 2;
            b0 = len - reachB; b1 = len; bd0 = T; bd1 = db;
          }
        }
      }
      const k = (tB - tA) / len;
      for (let h = 0; h < segs; h++) {
        const s0 = h === 0 ? a0 : b0, s1 = h === 0 ? a1 : b1;
        const t0 = tA + k * s0;
        const t1 = tA + k * s1;
        src[2 * n] = lonU + t0 * dLon;
        src[2 * n + 1] = latU + t0 * dLat;
        dst[2 * n] = lonU + t1 * dLon;
        dst[2 * n + 1] = latU + t1 * dLat;
        srcD[n] = h === 0 ? ad0 : bd0;
        dstD[n] = h === 0 ? ad1 : bd1;
        ids[n] = e;
        total += s1 - s0;
        n++;
      }
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
