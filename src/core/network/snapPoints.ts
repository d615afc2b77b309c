import type Flatbush from 'flatbush';
import type { WalkGraph } from './graph';
import type { SegmentIndex } from './buildSegmentIndex';
import { haversine } from './haversine';
import { METRES_PER_DEGREE } from './localFrame';
import { pointOrder } from './hilbertOrder';
import type { SegmentGrid } from './segmentGrid';
import { DEFAULTS } from '../rules/defaults';

const RAD = Math.PI / 180;
/** First search box half-size, metres: most points lie within a block of a street. */
const FIRST_RADIUS = 64;
/** Candidates this close to the best planar distance are compared on the sphere. */
const NEAR_TIE = 1 + 1e-3;
const NEAR_TIE_M = 0.5;
/**
 * Box queries over more grid cells than this use the flatbush tree: the grid answers searches out
 * to r = 256 m (boxes of 512 m, at most 9 × 9 cells of 64 m), so a run whose points all lie near
 * the network never needs the tree (built when first asked for); larger boxes are cheaper in the
 * tree. Both visit the same edges, and the snap does not depend on their order.
 */
const GRID_MAX_CELLS = 9 * 9;

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
 * @param maxSnap metres; a farther point gets ok = 0 (unreachable) @default DEFAULTS.maxSnapM (300)
 */
/** Candidates examined for points beyond maxSnap outside the network's extent. */
const FAR_CANDIDATES = 8;

export function snapPoints(graph: WalkGraph, index: SegmentIndex, lonlat: Float64Array, maxSnap: number = DEFAULTS.maxSnapM): SnapResult {
  const count = lonlat.length >> 1;
  const edge = new Int32Array(count).fill(-1);
  const t = new Float64Array(count);
  const access = new Float64Array(count).fill(Infinity);
  const ok = new Uint8Array(count);
  const snapLonLat = new Float64Array(2 * count).fill(NaN);
  const bounds = index.bounds;
  if (!bounds) return { count, edge, t, access, ok, snapLonLat };
  // the tree only when a query needs it (index.index builds it when first read)
  let tree: Flatbush | null = null;

  const { coords, edgeFrom, edgeTo, edgeLength } = graph;
  const foot = new Float64Array(2);
  const { lon0, lat0, kx, ky } = index.frame;
  const c0 = kx / ky;
  const extentR = Math.hypot(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);

  let bestD = Infinity, bestE = -1, bestT = 0;
  // near-ties (within NEAR_TIE of the best) are kept and decided by the haversine below, so the
  // choice between two almost equidistant streets matches a spherical computation (e.g. Turf)
  let candE: Int32Array = new Int32Array(64), candT: Float64Array = new Float64Array(64), candD: Float64Array = new Float64Array(64);
  let nCand = 0;
  // edges found by a box query; no callback, so the state above stays in registers
  const found: FoundEdges = { ids: new Int32Array(256), count: 0 };
  const grid = index.grid ?? null;
  // a patched graph's new and changed edges (patchSegmentIndex): tested in every query
  const extra = index.extra ?? null;

  // visiting points in a spatial order keeps the index's nodes in cache (random order is ~2× slower)
  const order = count > 256 ? pointOrder(lonlat) : null;
  for (let j = 0; j < count; j++) {
    const i = order ? order[j] : j;
    const lon = lonlat[2 * i], lat = lonlat[2 * i + 1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const cp = Math.cos(lat * RAD);
    const qkx = METRES_PER_DEGREE * cp;
    // items outside a search box of half-size r (frame metres) are farther than r·shrink locally
    const shrink = Math.min(1, cp / c0);
    const x = (lon - lon0) * kx, y = (lat - lat0) * ky;
    const outside = Math.max(bounds.minX - x, x - bounds.maxX, bounds.minY - y, y - bounds.maxY, 0);
    const rMax = extentR + outside + 1;
    bestD = Infinity;
    bestE = -1;
    nCand = 0;
    const far = outside * shrink > maxSnap;
    for (let r = Math.max(FIRST_RADIUS, outside + 1); ; r *= 4) {
      if (far) {
        // Far outside the network (certainly unreachable): a box search would sweep most of the
        // network (~13 ms per point seen here). The nearest few boxes are enough for the message.
        setFound(found, (tree ??= index.index!).neighbors(x, y, FAR_CANDIDATES));
      } else if (!grid || !gridSearch(grid, x - r, y - r, x + r, y + r, found)) {
        setFound(found, (tree ??= index.index!).search(x - r, y - r, x + r, y + r));
      }
      if (extra) appendFound(found, extra);
      // exact candidate test, in a planar frame centred on the query point (scale exact there)
      const ids = found.ids;
      for (let q = 0, nq = found.count; q < nq; q++) {
        const e = ids[q];
        const a = edgeFrom[e], b = edgeTo[e];
        const ax = (coords[2 * a] - lon) * qkx, ay = (coords[2 * a + 1] - lat) * METRES_PER_DEGREE;
        const dx = (coords[2 * b] - lon) * qkx - ax, dy = (coords[2 * b + 1] - lat) * METRES_PER_DEGREE - ay;
        const len2 = dx * dx + dy * dy;
        let f = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
        if (f < 0) f = 0;
        else if (f > 1) f = 1;
        const px = ax + f * dx, py = ay + f * dy;
        // sqrt, not Math.hypot (several times slower in V8); metre-scale values cannot overflow
        const d = Math.sqrt(px * px + py * py);
        if (d > bestD * NEAR_TIE + NEAR_TIE_M) continue;
        if (d < bestD) {
          bestD = d;
          bestE = e;
          bestT = f;
        }
        if (nCand === candE.length) {
          candE = growInt(candE);
          candT = growFloat(candT);
          candD = growFloat(candD);
        }
        candE[nCand] = e;
        candT[nCand] = f;
        candD[nCand] = d;
        nCand++;
      }
      if (far || bestD <= r * shrink || r >= rMax) break;
    }
    if (bestE === -1) continue;
    // final choice on the sphere: segments are great-circle arcs (as in Turf's nearestPointOnLine),
    // which differs from the planar foot by centimetres on kilometre-long segments
    let sLon = 0, sLat = 0, acc = Infinity;
    for (let k = 0; k < nCand; k++) {
      if (candD[k] > bestD * NEAR_TIE + NEAR_TIE_M) continue;
      const e = candE[k];
      const a = edgeFrom[e], b = edgeTo[e];
      sphericalFoot(coords[2 * a], coords[2 * a + 1], coords[2 * b], coords[2 * b + 1], lon, lat, foot);
      const h = haversine(lon, lat, foot[0], foot[1]);
      if (h < acc || (h === acc && e < bestE)) {
        acc = h;
        bestE = e;
        const len = edgeLength[e];
        const f = len > 0 ? haversine(coords[2 * a], coords[2 * a + 1], foot[0], foot[1]) / len : 0;
        bestT = f > 1 ? 1 : f;
        sLon = foot[0];
        sLat = foot[1];
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

/**
 * Nearest point to P on the great-circle arc A–B (lon/lat degrees), written to `out` — the same
 * construction as Turf's nearestPointOnLine (7.x). @private
 */
function sphericalFoot(lonA: number, latA: number, lonB: number, latB: number, lonP: number, latP: number, out: Float64Array): void {
  const ax = Math.cos(latA * RAD) * Math.cos(lonA * RAD), ay = Math.cos(latA * RAD) * Math.sin(lonA * RAD), az = Math.sin(latA * RAD);
  const bx = Math.cos(latB * RAD) * Math.cos(lonB * RAD), by = Math.cos(latB * RAD) * Math.sin(lonB * RAD), bz = Math.sin(latB * RAD);
  const cx = Math.cos(latP * RAD) * Math.cos(lonP * RAD), cy = Math.cos(latP * RAD) * Math.sin(lonP * RAD), cz = Math.sin(latP * RAD);
  // n = A × B: the arc's pole
  const nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
  const nn = Math.hypot(nx, ny, nz);
  if (nn < 1e-15) {
    out[0] = lonA;
    out[1] = latA;
    return;
  }
  // foot of C on the great circle: C minus its component along n, normalised
  const cn = (cx * nx + cy * ny + cz * nz) / (nn * nn);
  let ix = cx - cn * nx, iy = cy - cn * ny, iz = cz - cn * nz;
  const il = Math.hypot(ix, iy, iz);
  if (il < 1e-15) {
    out[0] = lonA;
    out[1] = latA;
    return;
  }
  ix /= il;
  iy /= il;
  iz /= il;
  // inside the arc when A→I and I→B both turn the same way as A→B
  const sAI = (ay * iz - az * iy) * nx + (az * ix - ax * iz) * ny + (ax * iy - ay * ix) * nz;
  const sIB = (iy * bz - iz * by) * nx + (iz * bx - ix * bz) * ny + (ix * by - iy * bx) * nz;
  if (sAI >= 0 && sIB >= 0) {
    out[0] = Math.atan2(iy, ix) / RAD;
    out[1] = Math.asin(Math.max(-1, Math.min(1, iz))) / RAD;
  } else if (ax * cx + ay * cy + az * cz > bx * cx + by * cy + bz * cz) {
    out[0] = lonA;
    out[1] = latA;
  } else {
    out[0] = lonB;
    out[1] = latB;
  }
}

/** Edge ids returned by a box query, in a reusable buffer. @private */
interface FoundEdges {
  ids: Int32Array;
  count: number;
}

function appendFound(found: FoundEdges, ids: Int32Array): void {
  if (found.ids.length < found.count + ids.length) {
    const grown = new Int32Array(2 * (found.count + ids.length));
    grown.set(found.ids.subarray(0, found.count));
    found.ids = grown;
  }
  found.ids.set(ids, found.count);
  found.count += ids.length;
}

function setFound(found: FoundEdges, ids: readonly number[]): void {
  if (found.ids.length < ids.length) found.ids = new Int32Array(2 * ids.length);
  for (let q = 0; q < ids.length; q++) found.ids[q] = ids[q];
  found.count = ids.length;
}

/**
 * The edges whose box meets the query box, from the grid, each once: an edge is taken in the
 * cell holding the lower-left corner of its overlap with the query. Exactly the edges a flatbush
 * search over the same boxes returns.
 *
 * @returns false (nothing found) when the box spans more than GRID_MAX_CELLS cells: use flatbush
 * @private
 */
function gridSearch(grid: SegmentGrid, x0: number, y0: number, x1: number, y1: number, found: FoundEdges): boolean {
  const inv = 1 / grid.cell, nx = grid.nx, minX = grid.minX, minY = grid.minY;
  const i0 = Math.max(0, Math.floor((x0 - minX) * inv)), i1 = Math.min(nx - 1, Math.floor((x1 - minX) * inv));
  const j0 = Math.max(0, Math.floor((y0 - minY) * inv)), j1 = Math.min(grid.ny - 1, Math.floor((y1 - minY) * inv));
  if ((i1 - i0 + 1) * (j1 - j0 + 1) > GRID_MAX_CELLS) return false;
  const { cellStart, items, box } = grid;
  let ids = found.ids, n = 0;
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      for (let p = cellStart[j * nx + i], end = cellStart[j * nx + i + 1]; p < end; p++) {
        const e = items[p];
        const ex0 = box[4 * e], ey0 = box[4 * e + 1];
        if (x1 < ex0 || y1 < ey0 || x0 > box[4 * e + 2] || y0 > box[4 * e + 3]) continue;
        if (Math.floor(((x0 > ex0 ? x0 : ex0) - minX) * inv) !== i) continue;
        if (Math.floor(((y0 > ey0 ? y0 : ey0) - minY) * inv) !== j) continue;
        if (n === ids.length) {
          ids = growInt(ids);
          found.ids = ids;
        }
        ids[n++] = e;
      }
    }
  }
  found.count = n;
  return true;
}

function growInt(x: Int32Array): Int32Array {
  const y = new Int32Array(2 * x.length);
  y.set(x);
  return y;
}

function growFloat(x: Float64Array): Float64Array {
  const y = new Float64Array(2 * x.length);
  y.set(x);
  return y;
}
