import type { WalkGraph } from '../../network/graph';

/**
 * Distances that start inside an edge rather than at a node: the snap points of the sources
 * (facilities) of a search — the engine's SnapResult / EdgeSources fits as is. Without them a
 * source's own edge is drawn from its end nodes only, which is right everywhere except between
 * the snap point and those nodes.
 */
export interface EdgeSeeds {
  /** edge id of each seed (−1: not on the network) */
  edge: ArrayLike<number>;
  /** position along the edge as a fraction 0..1 from edgeFrom to edgeTo */
  t: ArrayLike<number>;
  /** distance already walked at the seed point, metres (the facility's access leg) */
  access: ArrayLike<number>;
  /** 0 = unusable (e.g. beyond maxSnap); all usable when absent */
  ok?: ArrayLike<number>;
}

/** Seeds and which of them count (e.g. one category's facilities; default all). */
export interface SeedSelection {
  seeds?: EdgeSeeds;
  seedIds?: ArrayLike<number>;
}

/**
 * Straight pieces of edges along which the distance is d(s) = min(da + s, db + len − s),
 * s in metres from the piece's start: whole edges, or parts of an edge between its seeds.
 * tA, tB are the piece's ends as fractions of its edge (edgeFrom → edgeTo).
 */
export interface EdgePieces {
  count: number;
  edge: Int32Array;
  tA: Float64Array;
  tB: Float64Array;
  /** network distance at each end, metres */
  da: Float64Array;
  db: Float64Array;
  /** metres */
  len: Float64Array;
}

/** Room for `n` pieces. */
function allocPieces(n: number): EdgePieces {
  return {
    count: 0,
    edge: new Int32Array(n),
    tA: new Float64Array(n),
    tB: new Float64Array(n),
    da: new Float64Array(n),
    db: new Float64Array(n),
    len: new Float64Array(n),
  };
}

function pushPiece(out: EdgePieces, e: number, tA: number, tB: number, da: number, db: number, len: number): void {
  const n = out.count++;
  out.edge[n] = e;
  out.tA[n] = tA;
  out.tB[n] = tB;
  out.da[n] = da;
  out.db[n] = db;
  out.len[n] = len;
}

/**
 * The pieces of the edges that carry usable seeds, split at the seeds so that, within each
 * piece, distance only comes in through its two ends (which makes the two-end formula exact).
 * `edges` lists those edges ascending, so callers can walk all edges and skip them.
 */
export function seededPieces(
  graph: WalkGraph,
  dist: ArrayLike<number>,
  maxDist: number,
  selection: SeedSelection = {},
): { edges: Int32Array; pieces: EdgePieces } {
  const { edgeFrom, edgeTo, edgeLength, edgeCount } = graph;
  const seeded = sortedSeeds(selection, edgeCount);
  const seeds = selection.seeds;
  const edges: number[] = [];
  // k seeds on an edge make k + 1 pieces
  const pieces = allocPieces(2 * seeded.length);
  for (let p = 0; p < seeded.length;) {
    const e = seeds!.edge[seeded[p]];
    const own: number[] = [];
    while (p < seeded.length && seeds!.edge[seeded[p]] === e) own.push(seeded[p++]);
    edges.push(e);
    const du = dist[edgeFrom[e]];
    const dv = dist[edgeTo[e]];
    const len = edgeLength[e];
    // breakpoints: the edge's ends and its seeds; the distance at each is the minimum over both
    // end nodes and every seed on the edge
    const ts = [0, ...own.map((k) => clamp01(seeds!.t[k])), 1].sort((a, b) => a - b);
    const ds = ts.map((t) => {
      let d = Math.min(du + t * len, dv + (1 - t) * len);
      for (const k of own) d = Math.min(d, seeds!.access[k] + Math.abs(t - clamp01(seeds!.t[k])) * len);
      return d;
    });
    for (let i = 0; i + 1 < ts.length; i++) {
      const pieceLen = (ts[i + 1] - ts[i]) * len;
      if (pieceLen <= 0) continue;
      if (ds[i] <= maxDist || ds[i + 1] <= maxDist) pushPiece(pieces, e, ts[i], ts[i + 1], ds[i], ds[i + 1], pieceLen);
    }
  }
  return { edges: Int32Array.from(edges), pieces };
}

/**
 * The edge pieces that hold a point within `maxDist` metres: whole edges, except edges with
 * seeds, which come split at their seeds (see seededPieces).
 * @param dist network distance per node, metres (Infinity when unreached)
 */
export function collectReachedPieces(
  graph: WalkGraph,
  dist: ArrayLike<number>,
  maxDist: number,
  selection: SeedSelection = {},
): EdgePieces {
  const { edgeFrom, edgeTo, edgeLength, edgeCount } = graph;
  const seeded = seededPieces(graph, dist, maxDist, selection);
  let bound = seeded.pieces.count;
  for (let e = 0; e < edgeCount; e++) {
    if (dist[edgeFrom[e]] <= maxDist || dist[edgeTo[e]] <= maxDist) bound++;
  }
  const out = allocPieces(bound);
  const sp = seeded.pieces;
  let q = 0; // next seeded edge
  let r = 0; // next seeded piece
  for (let e = 0; e < edgeCount; e++) {
    if (q < seeded.edges.length && seeded.edges[q] === e) {
      q++;
      for (; r < sp.count && sp.edge[r] === e; r++) pushPiece(out, e, sp.tA[r], sp.tB[r], sp.da[r], sp.db[r], sp.len[r]);
      continue;
    }
    const du = dist[edgeFrom[e]];
    const dv = dist[edgeTo[e]];
    const len = edgeLength[e];
    if ((du <= maxDist || dv <= maxDist) && len > 0) pushPiece(out, e, 0, 1, du, dv, len);
  }
  return out;
}

/** Usable seeds (selected, on an edge, finite access, ok) sorted by edge. */
function sortedSeeds(selection: SeedSelection, edgeCount: number): number[] {
  const { seeds, seedIds: ids } = selection;
  if (!seeds) return [];
  const list: number[] = [];
  const n = ids ? ids.length : seeds.edge.length;
  for (let q = 0; q < n; q++) {
    const k = ids ? ids[q] : q;
    const e = seeds.edge[k];
    if (!(e >= 0 && e < edgeCount) || !(seeds.access[k] < Infinity) || (seeds.ok && !seeds.ok[k])) continue;
    list.push(k);
  }
  return list.sort((a, b) => seeds.edge[a] - seeds.edge[b] || a - b);
}

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
