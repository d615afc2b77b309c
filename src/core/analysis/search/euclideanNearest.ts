import { EARTH_RADIUS_M, haversine } from '../../network/haversine';
import { createLocalFrame, lonLatExtent, METRES_PER_DEGREE } from '../../network/localFrame';
import { pointOrder } from '../../network/hilbertOrder';

const RAD = Math.PI / 180;

export interface EuclideanNearestOptions {
  /** Which source points take part (e.g. one category's facilities). @default all */
  sourceIds?: ArrayLike<number>;
  /** Visiting order of the targets (pointOrder(targets)), when reused across calls. @default computed */
  order?: Int32Array;
  /** Output arrays to reuse, length = number of targets. */
  out?: Float64Array;
  outSource?: Int32Array;
}

/**
 * Exact nearest source (haversine metres, R = 6,371,008.8 m) for every target point. Rings of
 * a uniform grid over the sources (about one per cell, metre frame), grown until they must contain
 * the nearest source, collect candidates by planar distance in a frame local to the target; the
 * candidates that planar error could make nearest are then compared by haversine, so the result
 * equals a brute-force haversine search.
 *
 * @param targets lon/lat interleaved (non-finite points get Infinity)
 * @param sources lon/lat interleaved
 * @returns distance per target (Infinity when there is no source) and the nearest source index (−1)
 */
export function euclideanNearest(
  targets: Float64Array,
  sources: Float64Array,
  options: EuclideanNearestOptions = {},
): { distance: Float64Array; source: Int32Array } {
  const n = targets.length >> 1;
  const distance = options.out ?? new Float64Array(n);
  const source = options.outSource ?? new Int32Array(n);
  distance.fill(Infinity, 0, n);
  source.fill(-1, 0, n);
  const ids = options.sourceIds;
  const selected: number[] = [];
  const m = ids ? ids.length : sources.length >> 1;
  for (let k = 0; k < m; k++) {
    const s = ids ? ids[k] : k;
    if (Number.isFinite(sources[2 * s]) && Number.isFinite(sources[2 * s + 1])) selected.push(s);
  }
  if (selected.length === 0 || n === 0) return { distance, source };

  const [minLon, minLat, maxLon, maxLat] = lonLatExtent(targets, sources);
  const { lon0, lat0, kx, ky } = createLocalFrame(minLon, minLat, maxLon, maxLat);
  const c0 = kx / ky;
  // a uniform grid over the sources (frame metres), about one source per cell
  const S = selected.length;
  const sx = new Float64Array(S), sy = new Float64Array(S);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let j = 0; j < S; j++) {
    const s = selected[j];
    const x = (sources[2 * s] - lon0) * kx, y = (sources[2 * s + 1] - lat0) * ky;
    sx[j] = x;
    sy[j] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const w = maxX - minX, h = maxY - minY;
  const cell = Math.max(25, Math.sqrt(((w || 1) * (h || 1)) / S), Math.max(w, h) / 2048);
  const inv = 1 / cell;
  const nx = Math.floor(w * inv) + 1, ny = Math.floor(h * inv) + 1;
  const cellStart = new Int32Array(nx * ny + 1);
  const cellOf = new Int32Array(S);
  for (let j = 0; j < S; j++) {
    cellOf[j] = Math.floor((sy[j] - minY) * inv) * nx + Math.floor((sx[j] - minX) * inv);
    cellStart[cellOf[j] + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) cellStart[c + 1] += cellStart[c];
  const cursor = cellStart.slice(0, nx * ny);
  const items = new Int32Array(S);
  for (let j = 0; j < S; j++) items[cursor[cellOf[j]]++] = j;

  let qLon = 0, qLat = 0, qkx = 0, bestP = Infinity, margin = 1;
  let candS = new Int32Array(64), candD = new Float64Array(64), nCand = 0;
  const visitCell = (i: number, j: number): void => {
    for (let p = cellStart[j * nx + i], end = cellStart[j * nx + i + 1]; p < end; p++) {
      const s = selected[items[p]];
      const dx = (sources[2 * s] - qLon) * qkx, dy = (sources[2 * s + 1] - qLat) * METRES_PER_DEGREE;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d > bestP * margin + 1) continue;
      if (d < bestP) bestP = d;
      if (nCand === candS.length) {
        const s2 = new Int32Array(2 * nCand);
        s2.set(candS);
        candS = s2;
        const d2 = new Float64Array(2 * nCand);
        d2.set(candD);
        candD = d2;
      }
      candS[nCand] = s;
      candD[nCand] = d;
      nCand++;
    }
  };

  const order = options.order ?? (n > 256 ? pointOrder(targets) : null);
  for (let q = 0; q < n; q++) {
    const i = order ? order[q] : q;
    const lon = targets[2 * i], lat = targets[2 * i + 1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    qLon = lon;
    qLat = lat;
    const cp = Math.cos(lat * RAD);
    qkx = METRES_PER_DEGREE * cp;
    // local planar vs haversine: the x scale drifts by about tan(lat)·Δlat over a distance d
    const tanLat = Math.abs(Math.tan(lat * RAD));
    // sources outside a frame box of half-size r are farther than r·shrink locally
    const shrink = Math.min(1, cp / c0);
    const x = (lon - lon0) * kx, y = (lat - lat0) * ky;
    const ci = Math.min(nx - 1, Math.max(0, Math.floor((x - minX) * inv)));
    const cj = Math.min(ny - 1, Math.max(0, Math.floor((y - minY) * inv)));
    bestP = Infinity;
    nCand = 0;
    margin = 1.001;
    // rings of cells around the query's cell until the unvisited cells are certainly farther
    // than every candidate that planar error could make the nearest
    for (let k = 0; ; k++) {
      const i0 = ci - k, i1 = ci + k, j0 = cj - k, j1 = cj + k;
      for (let j = Math.max(0, j0); j <= Math.min(ny - 1, j1); j++) {
        if (j === j0 || j === j1) {
          for (let ii = Math.max(0, i0); ii <= Math.min(nx - 1, i1); ii++) visitCell(ii, j);
        } else {
          if (i0 >= 0) visitCell(i0, j);
          if (i1 < nx && k > 0) visitCell(i1, j);
        }
      }
      margin = 1.001 + (2 * tanLat * bestP) / EARTH_RADIUS_M;
      // distance from the query to the cells not visited yet (none beyond the grid's sides)
      const west = i0 <= 0 ? Infinity : x - (minX + i0 * cell);
      const east = i1 >= nx - 1 ? Infinity : minX + (i1 + 1) * cell - x;
      const south = j0 <= 0 ? Infinity : y - (minY + j0 * cell);
      const north = j1 >= ny - 1 ? Infinity : minY + (j1 + 1) * cell - y;
      const covered = Math.min(west, east, south, north);
      if (covered === Infinity || bestP * margin + 1 <= covered * shrink) break;
    }
    let best = Infinity, bestS = -1;
    for (let k = 0; k < nCand; k++) {
      if (candD[k] > bestP * margin + 1) continue;
      const s = candS[k];
      const d = haversine(lon, lat, sources[2 * s], sources[2 * s + 1]);
      if (d < best || (d === best && s < bestS)) {
        best = d;
        bestS = s;
      }
    }
    distance[i] = best;
    source[i] = bestS;
  }
  return { distance, source };
}

/**
 * Euclidean mode's walking estimate, in place: each straight-line distance (metres) × `detour`
 * (DESIGN §4, default 1.0), Infinity where that exceeds `cutoff` (metres).
 */
export function applyDetour(distance: Float64Array, detour: number, cutoff: number): void {
  for (let i = 0; i < distance.length; i++) {
    const d = distance[i] * detour;
    distance[i] = d <= cutoff ? d : Infinity;
  }
}
