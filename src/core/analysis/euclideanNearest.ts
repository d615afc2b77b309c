import Flatbush from 'flatbush';
import { EARTH_RADIUS_M, haversine } from '../network/haversine';
import { createLocalFrame, lonLatExtent, METRES_PER_DEGREE } from '../network/localFrame';
import { pointOrder } from '../network/hilbertOrder';

const RAD = Math.PI / 180;

export interface EuclideanNearestOptions {
  /** Which source points take part (e.g. one category's facilities). @default all */
  sourceIds?: ArrayLike<number>;
  /** Output arrays to reuse, length = number of targets. */
  out?: Float64Array;
  outSource?: Int32Array;
}

/**
 * Exact nearest source (haversine metres, R = 6,371,008.8 m) for every target point. A flatbush
 * box search in a metre frame, grown until it must contain the nearest source, collects
 * candidates by planar distance in a frame local to the target; the candidates that planar error
 * could make nearest are then compared by haversine, so the result equals a brute-force haversine
 * search.
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
  const index = new Flatbush(selected.length);
  for (const s of selected) {
    const x = (sources[2 * s] - lon0) * kx, y = (sources[2 * s + 1] - lat0) * ky;
    index.add(x, y, x, y);
  }
  index.finish();
  const w = index.maxX - index.minX, h = index.maxY - index.minY;
  // about one source per box of this half-size
  const r0 = Math.max(25, 0.5 * Math.sqrt(((w || 1) * (h || 1)) / selected.length));
  const extentR = Math.hypot(w, h);

  let qLon = 0, qLat = 0, qkx = 0, bestP = Infinity, margin = 1;
  let candS = new Int32Array(64), candD = new Float64Array(64), nCand = 0;
  const visit = (j: number): boolean => {
    const s = selected[j];
    const dx = (sources[2 * s] - qLon) * qkx, dy = (sources[2 * s + 1] - qLat) * METRES_PER_DEGREE;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d > bestP * margin + 1) return false;
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
    return false;
  };

  const order = n > 256 ? pointOrder(targets) : null;
  for (let j = 0; j < n; j++) {
    const i = order ? order[j] : j;
    const lon = targets[2 * i], lat = targets[2 * i + 1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    qLon = lon;
    qLat = lat;
    const cp = Math.cos(lat * RAD);
    qkx = METRES_PER_DEGREE * cp;
    // local planar vs haversine: the x scale drifts by about tan(lat)·Δlat over a distance d
    const tanLat = Math.abs(Math.tan(lat * RAD));
    const shrink = Math.min(1, cp / c0);
    const x = (lon - lon0) * kx, y = (lat - lat0) * ky;
    const outside = Math.max(index.minX - x, x - index.maxX, index.minY - y, y - index.maxY, 0);
    const rMax = extentR + outside + 1;
    bestP = Infinity;
    nCand = 0;
    margin = 1.001;
    for (let r = Math.max(r0, outside + 1); ; r *= 2) {
      index.search(x - r, y - r, x + r, y + r, visit);
      margin = 1.001 + (2 * tanLat * bestP) / EARTH_RADIUS_M;
      if (bestP * margin + 1 <= r * shrink || r >= rMax) break;
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
