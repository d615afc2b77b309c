import Flatbush from 'flatbush';
import { haversine } from '../network/haversine';
import { createLocalFrame, lonLatExtent } from '../network/localFrame';

export interface EuclideanNearestOptions {
  /** Which source points take part (e.g. one category's facilities). @default all */
  sourceIds?: ArrayLike<number>;
  /** Output arrays to reuse, length = number of targets. */
  out?: Float64Array;
  outSource?: Int32Array;
}

/**
 * Exact nearest source (haversine metres, R = 6,371,008.8 m) for every target point: a flatbush
 * nearest-neighbour query in a local metre frame finds a first candidate, then every source that
 * could be nearer given the frame's distortion bound is checked with the haversine.
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
  const frame = createLocalFrame(minLon, minLat, maxLon, maxLat);
  const { lon0, lat0, kx, ky, maxScaleRatio } = frame;
  const index = new Flatbush(selected.length);
  for (const s of selected) {
    const x = (sources[2 * s] - lon0) * kx, y = (sources[2 * s + 1] - lat0) * ky;
    index.add(x, y, x, y);
  }
  index.finish();

  const ratio2 = maxScaleRatio * maxScaleRatio;
  let qLon = 0, qLat = 0, best = Infinity, bestS = -1;
  const visit = (j: number): boolean => {
    const s = selected[j];
    const d = haversine(qLon, qLat, sources[2 * s], sources[2 * s + 1]);
    if (d < best || (d === best && s < bestS)) {
      best = d;
      bestS = s;
    }
    return false;
  };
  for (let i = 0; i < n; i++) {
    const lon = targets[2 * i], lat = targets[2 * i + 1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const x = (lon - lon0) * kx, y = (lat - lat0) * ky;
    qLon = lon;
    qLat = lat;
    best = Infinity;
    bestS = -1;
    visit(index.neighbors(x, y, 1)[0]);
    // any source nearer than `best` on the sphere lies within best·ratio in the frame: check them all
    const r = best * ratio2 + 1e-6;
    index.search(x - r, y - r, x + r, y + r, visit);
    distance[i] = best;
    source[i] = bestS;
  }
  return { distance, source };
}
