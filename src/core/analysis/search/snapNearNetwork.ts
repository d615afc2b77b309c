import type { WalkGraph } from '../../network/graph';
import type { SegmentIndex } from '../../network/buildSegmentIndex';
import { snapPoints, type SnapResult } from '../../network/snapPoints';
import { DEFAULTS } from '../../rules/defaults';

/**
 * snapPoints for layers that may reach far beyond the network (a city-wide park or parking layer
 * over a district network): points farther than maxSnap outside the network's extent cannot
 * snap, so they get edge −1, access Infinity, ok 0 without a search — snapPoints would look for
 * their nearest segment anyway, over boxes that hold most of the network (tens of ms per point).
 * Every other point is snapped exactly as by snapPoints.
 *
 * @param points lon/lat interleaved
 * @param maxSnap metres @default DEFAULTS.maxSnapM (300)
 */
export function snapNearNetwork(graph: WalkGraph, index: SegmentIndex, points: Float64Array, maxSnap: number = DEFAULTS.maxSnapM): SnapResult {
  const n = points.length >> 1;
  const bounds = index.bounds;
  if (!bounds) return snapPoints(graph, index, points, maxSnap);
  const { lon0, lat0, kx, ky, maxScaleRatio } = index.frame;
  // frame distances may be up to maxScaleRatio off the true ones
  const limit = maxSnap * maxScaleRatio + 1;
  const near: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = (points[2 * i] - lon0) * kx, y = (points[2 * i + 1] - lat0) * ky;
    const outside = Math.max(bounds.minX - x, x - bounds.maxX, bounds.minY - y, y - bounds.maxY, 0);
    if (outside <= limit) near.push(i);
  }
  if (near.length === n) return snapPoints(graph, index, points, maxSnap);
  const sub = new Float64Array(2 * near.length);
  near.forEach((i, k) => {
    sub[2 * k] = points[2 * i];
    sub[2 * k + 1] = points[2 * i + 1];
  });
  const s = snapPoints(graph, index, sub, maxSnap);
  const out: SnapResult = {
    count: n,
    edge: new Int32Array(n).fill(-1),
    t: new Float64Array(n),
    access: new Float64Array(n).fill(Infinity),
    ok: new Uint8Array(n),
    snapLonLat: new Float64Array(2 * n).fill(NaN),
  };
  near.forEach((i, k) => {
    out.edge[i] = s.edge[k];
    out.t[i] = s.t[k];
    out.access[i] = s.access[k];
    out.ok[i] = s.ok[k];
    out.snapLonLat[2 * i] = s.snapLonLat[2 * k];
    out.snapLonLat[2 * i + 1] = s.snapLonLat[2 * k + 1];
  });
  return out;
}
