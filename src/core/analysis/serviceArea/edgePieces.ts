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
 * Called for each straight piece of an edge along which the distance is
 * d(s) = min(da + s, db + len − s), s in metres from the piece's start.
 * tA, tB: the piece's ends as fractions of edge `edge` (edgeFrom → edgeTo); len: metres.
 */
export type PieceVisitor = (edge: number, tA: number, tB: number, da: number, db: number, len: number) => void;

/**
 * Visits every edge piece that holds a point within `maxDist` metres. Edges are whole pieces
 * unless seeds lie on them; then they are split at the seeds so that, within each piece, the
 * distance only comes in through its two ends (so the two-end formula above is exact).
 * @param dist network distance per node, metres (Infinity when unreached)
 */
export function forEachReachedPiece(
  graph: WalkGraph,
  dist: ArrayLike<number>,
  maxDist: number,
  visit: PieceVisitor,
  selection: SeedSelection = {},
): void {
  const { edgeFrom, edgeTo, edgeLength, edgeCount } = graph;
  const seeds = selection.seeds;
  const bySeedEdge = seeds && seeds.edge.length > 0 ? groupSeeds(seeds, selection.seedIds, edgeCount) : null;
  for (let e = 0; e < edgeCount; e++) {
    const du = dist[edgeFrom[e]];
    const dv = dist[edgeTo[e]];
    const len = edgeLength[e];
    const own = bySeedEdge?.get(e);
    if (own === undefined) {
      if ((du <= maxDist || dv <= maxDist) && len > 0) visit(e, 0, 1, du, dv, len);
      continue;
    }
    // Breakpoints: the edge's ends and its seeds; the true distance at each is the minimum over
    // both end nodes and every seed on the edge.
    const ts = [0, ...own.map((k) => clamp01(seeds!.t[k])), 1].sort((a, b) => a - b);
    const ds = ts.map((t) => {
      let d = Math.min(du + t * len, dv + (1 - t) * len);
      for (const k of own) d = Math.min(d, seeds!.access[k] + Math.abs(t - clamp01(seeds!.t[k])) * len);
      return d;
    });
    for (let i = 0; i + 1 < ts.length; i++) {
      const pieceLen = (ts[i + 1] - ts[i]) * len;
      if (pieceLen <= 0) continue;
      if (ds[i] <= maxDist || ds[i + 1] <= maxDist) visit(e, ts[i], ts[i + 1], ds[i], ds[i + 1], pieceLen);
    }
  }
}

function groupSeeds(seeds: EdgeSeeds, ids: ArrayLike<number> | undefined, edgeCount: number): Map<number, number[]> {
  const m = new Map<number, number[]>();
  const n = ids ? ids.length : seeds.edge.length;
  for (let q = 0; q < n; q++) {
    const k = ids ? ids[q] : q;
    const e = seeds.edge[k];
    if (!(e >= 0 && e < edgeCount) || !(seeds.access[k] < Infinity) || (seeds.ok && !seeds.ok[k])) continue;
    const list = m.get(e);
    if (list) list.push(k);
    else m.set(e, [k]);
  }
  return m;
}

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
