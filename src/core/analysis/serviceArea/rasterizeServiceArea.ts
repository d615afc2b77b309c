import type { WalkGraph } from '../../network/graph';
import { METRES_PER_DEGREE as M_PER_DEG } from '../../network/localFrame';
import type { EdgePieces } from './edgePieces';

/**
 * A raster over a local equirectangular metre frame: x = (lon − lon0)·kx, y = (lat − lat0)·ky.
 * Cell (i, j) has its centre at (originX + (i + ½)·cellSize, originY + (j + ½)·cellSize) and its
 * value at values[j·width + i]; row 0 is the southernmost.
 */
export interface ServiceAreaGrid {
  width: number;
  height: number;
  /** metres */
  cellSize: number;
  originX: number;
  originY: number;
  lon0: number;
  lat0: number;
  /** metres per degree of longitude at lat0, and of latitude */
  kx: number;
  ky: number;
}

export interface GridOptions {
  /** Cell size in metres. Default 25. */
  cellSize?: number;
  /** Longest straight walk from the network, metres. Default 100. */
  maxOffNetwork?: number;
  /** The cell size grows until the grid has at most this many cells. Default 1,000,000. */
  maxCells?: number;
}

/**
 * The grid that holds every given piece, padded by the off-network walk and two cells. Null
 * when there is no piece (nothing reached).
 * @param pieces collectReachedPieces(graph, dist, largest threshold, …)
 */
export function planServiceAreaGrid(
  graph: WalkGraph,
  pieces: EdgePieces,
  options: GridOptions = {},
): ServiceAreaGrid | null {
  const cellSize0 = options.cellSize ?? 25;
  const maxOff = options.maxOffNetwork ?? 100;
  const maxCells = options.maxCells ?? 1_000_000;
  if (!(cellSize0 > 0) || !(maxOff >= 0) || !(maxCells >= 16)) {
    throw new Error(`service area: cellSize must be > 0 m, maxOffNetwork ≥ 0 m, maxCells ≥ 16 (got ${cellSize0}, ${maxOff}, ${maxCells})`);
  }
  const { coords, edgeFrom, edgeTo } = graph;
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (let p = 0; p < pieces.count; p++) {
    const e = pieces.edge[p];
    const u = 2 * edgeFrom[e], v = 2 * edgeTo[e];
    // a piece lies between its edge's end nodes, so their box is enough
    for (const w of [u, v]) {
      const lon = coords[w], lat = coords[w + 1];
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  if (!(minLon <= maxLon)) return null;

  const lon0 = (minLon + maxLon) / 2;
  const lat0 = (minLat + maxLat) / 2;
  const ky = M_PER_DEG;
  const kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  const x0 = (minLon - lon0) * kx, x1 = (maxLon - lon0) * kx;
  const y0 = (minLat - lat0) * ky, y1 = (maxLat - lat0) * ky;
  let cellSize = cellSize0;
  let width = 0, height = 0;
  for (;;) {
    const pad = maxOff + 2 * cellSize;
    width = Math.ceil((x1 - x0 + 2 * pad) / cellSize);
    height = Math.ceil((y1 - y0 + 2 * pad) / cellSize);
    if (width * height <= maxCells) break;
    cellSize *= Math.sqrt((width * height) / maxCells) * 1.01;
  }
  // centre the padded extent in the grid
  const originX = (x0 + x1) / 2 - (width * cellSize) / 2;
  const originY = (y0 + y1) / 2 - (height * cellSize) / 2;
  return { width, height, cellSize, originX, originY, lon0, lat0, kx, ky };
}

/**
 * Rasterises the service area of one threshold T as a clearance field: each cell holds
 * max over primitives of (radius − distance from the cell centre to the primitive), so the area
 * is {value ≥ 0} and the field is a signed distance that contours cleanly.
 *
 * The rule (documented for planners): a place belongs to the T service area when one can walk
 * from it straight to the network, at most `maxOffNetwork` (R) metres, and then along the
 * network to the nearest source, in at most T metres in total. For a network point at
 * distance d that is the disc of radius min(R, T − d); along an edge, whose distance grows by
 * one metre per metre, those discs merge into a capsule of radius R over the part where
 * d ≤ T − R, ending in smaller discs that the capsule's end cap contains. So each reached
 * piece end contributes either a capsule (radius R, up to where d = T − R) or, when its
 * distance exceeds T − R, one disc of radius T − d.
 *
 * @param pieces collectReachedPieces(graph, dist, ≥ threshold, …); farther pieces are skipped
 * @param out reused when it has width·height values
 */
export function rasterizeServiceArea(
  graph: WalkGraph,
  pieces: EdgePieces,
  threshold: number,
  grid: ServiceAreaGrid,
  options: { maxOffNetwork?: number } = {},
  out?: Float64Array,
): Float64Array {
  const R = options.maxOffNetwork ?? 100;
  const T = threshold;
  const { width, height, cellSize, originX, originY, lon0, lat0, kx, ky } = grid;
  const values = out && out.length === width * height ? out : new Float64Array(width * height);
  // Cells no primitive reaches are farther than one cell from the area, so their exact value
  // never enters the contour interpolation.
  const margin = cellSize * 1.05;
  const deep = margin;
  values.fill(-2 * cellSize);
  const { coords, edgeFrom, edgeTo } = graph;
  const inv = 1 / cellSize;

  const stamp = (ax: number, ay: number, bx: number, by: number, r: number): void => {
    const reach = r + margin;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const invLen2 = len2 > 0 ? 1 / len2 : 0;
    const j0 = Math.max(0, Math.floor((Math.min(ay, by) - reach - originY) * inv - 0.5));
    const j1 = Math.min(height - 1, Math.ceil((Math.max(ay, by) + reach - originY) * inv - 0.5));
    const steep = Math.abs(dy) > 1e-9;
    for (let j = j0; j <= j1; j++) {
      const cy = originY + (j + 0.5) * cellSize;
      // x-range of the capsule on this row: the segment's part within `reach` in y, widened by reach
      let xa = Math.min(ax, bx), xb = Math.max(ax, bx);
      if (steep) {
        let t0 = (cy - reach - ay) / dy, t1 = (cy + reach - ay) / dy;
        if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
        if (t0 < 0) t0 = 0;
        if (t1 > 1) t1 = 1;
        if (t0 > t1) continue;
        const p = ax + t0 * dx, q = ax + t1 * dx;
        xa = Math.min(p, q);
        xb = Math.max(p, q);
      }
      const i0 = Math.max(0, Math.floor((xa - reach - originX) * inv - 0.5));
      const i1 = Math.min(width - 1, Math.ceil((xb + reach - originX) * inv - 0.5));
      const ry = cy - ay;
      let k = j * width + i0;
      for (let i = i0; i <= i1; i++, k++) {
        // The field is 1-Lipschitz, so a cell already `deep` inside has only inside neighbours:
        // no contour passes next to it and its exact value no longer matters.
        if (values[k] >= deep) continue;
        const rx = originX + (i + 0.5) * cellSize - ax;
        let t = (rx * dx + ry * dy) * invLen2;
        if (t < 0) t = 0;
        else if (t > 1) t = 1;
        const ex = rx - t * dx, ey = ry - t * dy;
        const v = r - Math.sqrt(ex * ex + ey * ey);
        if (v > values[k]) values[k] = v;
      }
    }
  };

  const { edge, tA: pA, tB: pB, da: pDa, db: pDb, len: pLen } = pieces;
  for (let p = 0; p < pieces.count; p++) {
    const da = pDa[p], db = pDb[p], len = pLen[p];
    if (da > T && db > T) continue;
    const e = edge[p];
    const u = 2 * edgeFrom[e], v = 2 * edgeTo[e];
    const ux = (coords[u] - lon0) * kx, uy = (coords[u + 1] - lat0) * ky;
    const vx = (coords[v] - lon0) * kx, vy = (coords[v + 1] - lat0) * ky;
    const tA = pA[p], tB = pB[p];
    const ax = ux + tA * (vx - ux), ay = uy + tA * (vy - uy);
    const bx = ux + tB * (vx - ux), by = uy + tB * (vy - uy);
    // capsule lengths along the piece, metres (distance grows 1 m per m from each end)
    const capA = T - R - da;
    const capB = T - R - db;
    if (capA >= 0 && capB >= 0 && capA + capB >= len) {
      stamp(ax, ay, bx, by, R);
      continue;
    }
    if (capA >= 0) {
      const f = Math.min(1, capA / len);
      stamp(ax, ay, ax + f * (bx - ax), ay + f * (by - ay), R);
    } else if (da <= T) {
      stamp(ax, ay, ax, ay, T - da);
    }
    if (capB >= 0) {
      const f = Math.min(1, capB / len);
      stamp(bx, by, bx + f * (ax - bx), by + f * (ay - by), R);
    } else if (db <= T) {
      stamp(bx, by, bx, by, T - db);
    }
  }
  return values;
}
