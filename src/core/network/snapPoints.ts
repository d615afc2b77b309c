import type { WalkGraph } from './graph';
import type { SegmentIndex } from './buildSegmentIndex';
import { haversine } from './haversine';
import { METRES_PER_DEGREE } from './localFrame';
import { hilbertOrder } from './hilbertOrder';

const RAD = Math.PI / 180;
/** First search box half-size, metres: most points lie within a block of a street. */
const FIRST_RADIUS = 64;
/** Candidates this close to the best planar distance are compared by haversine. */
const NEAR_TIE = 1 + 1e-4;

/**
 * Where points attach to the network, as flat arrays (one entry per point, never dropped).
 * The nearest edge is always reported when the graph has edges, even beyond maxSnap, so messages
 * can say how far a point is; `ok` says whether it may be used.
 */
export interface SnapResult {
  count: number;
  /** nearest edge id, −1 when the point is invalid or the graph is empty */
  edge: Int32Array;
  /** fraction along the edge from edgeFrom (0) to edgeTo (1) */
  t: Float64Array;
  /** access leg in metres: haversine from the point to its snap point (Infinity when edge = −1) */
  access: Float64Array;
  /** 1 when the point is valid and access ≤ maxSnap, else 0 (unreachable, flagged) */
  ok: Uint8Array;
  /** snap point lon, lat interleaved (NaN when edge = −1) */
  snapLonLat: Float64Array;
}

/**
 * Snaps points to the nearest point of the nearest network segment (DESIGN §4). The nearest
 * segment is exact up to planar arithmetic in a frame local to each point; the access leg is the
 * haversine distance to the snap point.
 *
 * @param graph the walking graph
 * @param index its segment index (buildSegmentIndex)
 * @param lonlat points, lon/lat degrees interleaved
 * @param maxSnap metres; a farther point gets ok = 0 (unreachable) @default 300
 */
export function snapPoints(graph: WalkGraph, index: SegmentIndex, lonlat: Float64Array, maxSnap = 300): SnapResult {
  const count = lonlat.length >> 1;
  const edge = new Int32Array(count).fill(-1);
  const t = new Float64Array(count);
  const access = new Float64Array(count).fill(Infinity);
  const ok = new Uint8Array(count);
  const snapLonLat = new Float64Array(2 * count).fill(NaN);
  const tree = index.index;
  if (!tree) return { count, edge, t, access, ok, snapLonLat };

  const { coords, edgeFrom, edgeTo } = graph;
  const { lon0, lat0, kx, ky } = index.frame;
  const c0 = kx / ky;
  const extentR = Math.hypot(tree.maxX - tree.minX, tree.maxY - tree.minY);

  let qLon = 0, qLat = 0, qkx = 0, bestD = Infinity, bestE = -1, bestT = 0;
  // near-ties (within NEAR_TIE of the best) are kept and decided by the haversine below, so the
  // choice between two almost equidistant streets matches a spherical computation (e.g. Turf)
  let candE = new Int32Array(64), candT = new Float64Array(64), candD = new Float64Array(64), nCand = 0;
  // exact candidate test, in a planar frame centred on the query point (scale exact there)
  const visit = (e: number): boolean => {
    const a = edgeFrom[e], b = edgeTo[e];
    const ax = (coords[2 * a] - qLon) * qkx, ay = (coords[2 * a + 1] - qLat) * METRES_PER_DEGREE;
    const dx = (coords[2 * b] - qLon) * qkx - ax, dy = (coords[2 * b + 1] - qLat) * METRES_PER_DEGREE - ay;
    const len2 = dx * dx + dy * dy;
    let f = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    if (f < 0) f = 0;
    else if (f > 1) f = 1;
    const d = Math.hypot(ax + f * dx, ay + f * dy);
    if (d > bestD * NEAR_TIE + 1e-3) return false;
    if (d < bestD) {
      bestD = d;
      bestE = e;
      bestT = f;
    }
    if (nCand === candE.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T): T => {
        const y = new (x.constructor as { new (n: number): T })(2 * x.length);
        y.set(x);
        return y;
      };
      candE = grow(candE);
      candT = grow(candT);
      candD = grow(candD);
    }
    candE[nCand] = e;
    candT[nCand] = f;
    candD[nCand] = d;
    nCand++;
    return false;
  };

  // visiting points in a spatial order keeps the index's nodes in cache (random order is ~2× slower)
  const order = count > 256 ? spatialOrder(lonlat) : null;
  for (let j = 0; j < count; j++) {
    const i = order ? order[j] : j;
    const lon = lonlat[2 * i], lat = lonlat[2 * i + 1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    qLon = lon;
    qLat = lat;
    const cp = Math.cos(lat * RAD);
    qkx = METRES_PER_DEGREE * cp;
    // items outside a search box of half-size r (frame metres) are farther than r·shrink locally
    const shrink = Math.min(1, cp / c0);
    const x = (lon - lon0) * kx, y = (lat - lat0) * ky;
    const outside = Math.max(tree.minX - x, x - tree.maxX, tree.minY - y, y - tree.maxY, 0);
    const rMax = extentR + outside + 1;
    bestD = Infinity;
    bestE = -1;
    nCand = 0;
    for (let r = Math.max(FIRST_RADIUS, outside + 1); ; r *= 4) {
      tree.search(x - r, y - r, x + r, y + r, visit);
      if (bestD <= r * shrink || r >= rMax) break;
    }
    if (bestE === -1) continue;
    let sLon = 0, sLat = 0, acc = Infinity;
    for (let k = 0; k < nCand; k++) {
      if (candD[k] > bestD * NEAR_TIE + 1e-3) continue;
      const e = candE[k], f = candT[k];
      const a = edgeFrom[e], b = edgeTo[e];
      const x1 = coords[2 * a] + f * (coords[2 * b] - coords[2 * a]);
      const y1 = coords[2 * a + 1] + f * (coords[2 * b + 1] - coords[2 * a + 1]);
      const h = haversine(lon, lat, x1, y1);
      if (h < acc || (h === acc && e < bestE)) {
        acc = h;
        bestE = e;
        bestT = f;
        sLon = x1;
        sLat = y1;
      }
    }
    edge[i] = bestE;
    t[i] = bestT;
    snapLonLat[2 * i] = sLon;
    snapLonLat[2 * i + 1] = sLat;
    access[i] = acc;
    ok[i] = acc <= maxSnap ? 1 : 0;
  }
  return { count, edge, t, access, ok, snapLonLat };
}

/** Hilbert order of the finite points, then the others. @private */
function spatialOrder(lonlat: Float64Array): Int32Array {
  const n = lonlat.length >> 1;
  const finite: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < n; i++) (Number.isFinite(lonlat[2 * i]) && Number.isFinite(lonlat[2 * i + 1]) ? finite : rest).push(i);
  const pts = new Float64Array(2 * finite.length);
  finite.forEach((i, k) => {
    pts[2 * k] = lonlat[2 * i];
    pts[2 * k + 1] = lonlat[2 * i + 1];
  });
  const h = hilbertOrder(pts);
  const order = new Int32Array(n);
  for (let k = 0; k < h.length; k++) order[k] = finite[h[k]];
  order.set(rest, h.length);
  return order;
}
