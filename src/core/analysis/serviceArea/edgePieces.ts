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

/**
 * The edge pieces that hold a point within `maxDist` metres. Edges are whole pieces unless
 * seeds lie on them; then they are split at the seeds so that, within each piece, distance only
 * comes in through its two ends (which makes the two-end formula exact).
 * @param dist network distance per node, metres (Infinity when unreached)
 */
export function collectReachedPieces(
  graph: WalkGraph,
  dist: ArrayLike<number>,
  maxDist: number,
  selection: SeedSelection = {},
): EdgePieces {
  const { edgeFrom, edgeTo, edgeLength, edgeCount } = graph;
  const seeded = sortedSeeds(selection, edgeCount);
  const seeds = selection.seeds;

  let bound = seeded.length;
  for (let e = 0; e < edgeCount; e++) {
    if (dist[edgeFrom[e]] <= maxDist || dist[edgeTo[e]] <= maxDist) bound++;
  }
  const out: EdgePieces = {
    count: 0,
    edge: new Int32Array(bound + seeded.length),
    tA: new Float64Array(bound + seeded.length),
    tB: new Float64Array(bound + seeded.length),
    da: new Float64Array(bound + seeded.length),
    db: new Float64Array(bound + seeded.length),
    len: new Float64Array(bound + seeded.length),
  };
  const push = (e: number, tA: number, tB: number, da: number, db: number, len: number): void => {
    const n = out.count++;
    out.edge[n] = e;
    out.tA[n] = tA;
    out.tB[n] = tB;
    out.da[n] = da;
    out.db[n] = db;
    out.len[n] = len;
  };

  let p = 0; // next entry of `seeded` (sorted by edge)
  for (let e = 0; e < edgeCount; e++) {
    const du = dist[edgeFrom[e]];
    const dv = dist[edgeTo[e]];
    const len = edgeLength[e];
    if (p >= seeded.length || seeds!.edge[seeded[p]] !== e) {
      if ((du <= maxDist || dv <= maxDist) && len > 0) push(e, 0, 1, du, dv, len);
      continue;
    }
    const own: number[] = [];
    while (p < seeded.length && seeds!.edge[seeded[p]] === e) own.push(seeded[p++]);
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
      if (ds[i] <= maxDist || ds[i + 1] <= maxDist) push(e, ts[i], ts[i + 1], ds[i], ds[i + 1], pieceLen);
    }
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
