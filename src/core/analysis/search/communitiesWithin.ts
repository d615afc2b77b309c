import Flatbush from 'flatbush';
import { haversine } from '../../network/haversine';
import { METRES_PER_DEGREE } from '../../network/localFrame';
import type { SnapResult } from '../../network/snapPoints';
import { snapNearNetwork } from './snapNearNetwork';
import { createBoundedSearch } from './boundedSearch';
import type { CoverageContext, CoverageMode } from '../coverage/prepareCoverage';

export interface CommunitiesWithinOptions {
  /** @default ctx.options.mode */
  mode?: CoverageMode;
  /** only points with include[j] = 1 are searched (others reach nobody) @default all */
  include?: ArrayLike<number>;
}

/** For each point, the communities within the radius and their distances (CSR). */
export interface CommunitiesWithin {
  /** entries of point j: offsets[j] ≤ i < offsets[j+1], by increasing community index */
  offsets: Int32Array;
  community: Int32Array;
  /** metres (the minimum over the community's sample points) */
  distance: Float64Array;
  /** network mode: the points' snaps (ok = 0: beyond maxSnap, reaches nobody); null otherwise */
  snap: SnapResult | null;
}

const RAD = Math.PI / 180;

/**
 * Which communities lie within `radius` metres of each point (e.g. a parking lot), by the same
 * distance as the coverage (DESIGN §4): network mode — the community's access leg + the shortest
 * path between the two snap points + the point's access leg (direct along a shared edge allowed),
 * one bounded search per point that touches only the nodes within the radius; euclidean —
 * haversine × detour. A community's distance is the minimum over its sample points (entrances).
 * Candidates come from a flatbush box around each point: a walk is never shorter than the
 * straight line, so nothing within the radius is missed.
 *
 * @param points lon/lat interleaved
 * @param radius metres
 */
export function communitiesWithin(
  ctx: CoverageContext, points: Float64Array, radius: number, options: CommunitiesWithinOptions = {},
): CommunitiesWithin {
  const mode = options.mode ?? ctx.options.mode;
  const n = points.length >> 1;
  const { samples, sampleOffsets, count: C } = ctx.communities;
  const S = samples.length >> 1;
  const owner = new Int32Array(S);
  for (let c = 0; c < C; c++) owner.fill(c, sampleOffsets[c], sampleOffsets[c + 1]);

  const valid: number[] = [];
  for (let s = 0; s < S; s++) if (Number.isFinite(samples[2 * s]) && Number.isFinite(samples[2 * s + 1])) valid.push(s);
  let tree: Flatbush | null = null;
  if (valid.length > 0) {
    tree = new Flatbush(valid.length);
    for (const s of valid) tree.add(samples[2 * s], samples[2 * s + 1], samples[2 * s], samples[2 * s + 1]);
    tree.finish();
  }

  const net = mode === 'network' ? ctx.network : null;
  if (mode === 'network' && !net) throw new Error('network mode needs a walking network; load one or use euclidean mode');
  const snap = net ? snapNearNetwork(net.graph, net.index, points, ctx.options.maxSnap) : null;
  const search = net ? createBoundedSearch(net.graph) : null;
  const detour = ctx.options.detour;
  const straightLimit = mode === 'network' ? radius : radius / detour;

  const best = new Float64Array(C).fill(Infinity);
  const seen: number[] = [];
  const offsets = new Int32Array(n + 1);
  const outCommunity: number[] = [];
  const outDistance: number[] = [];
  for (let j = 0; j < n; j++) {
    offsets[j + 1] = offsets[j];
    const lon = points[2 * j], lat = points[2 * j + 1];
    if ((options.include && !options.include[j]) || !tree || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    if (snap && !snap.ok[j]) continue;
    const dLat = straightLimit / METRES_PER_DEGREE;
    const cosMin = Math.max(Math.cos(Math.min(89, Math.abs(lat) + dLat) * RAD), 1e-6);
    const dLon = straightLimit / (METRES_PER_DEGREE * cosMin);
    const candidates = tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
    if (candidates.length === 0) continue;
    if (search && snap) search.run(snap.edge[j], snap.t[j], snap.access[j], radius);
    for (const q of candidates) {
      const s = valid[q];
      const sl = samples[2 * s], sa = samples[2 * s + 1];
      const straight = haversine(lon, lat, sl, sa);
      if (straight > straightLimit) continue;
      let d: number;
      if (net && snap && search) {
        const ss = net.sampleSnap;
        const e = ss.edge[s];
        if (!ss.ok[s] || e < 0) continue;
        const len = net.graph.edgeLength[e], t = ss.t[s];
        const viaNodes = Math.min(search.dist[net.graph.edgeFrom[e]] + t * len, search.dist[net.graph.edgeTo[e]] + (1 - t) * len);
        const direct = e === snap.edge[j] ? Math.abs(t - snap.t[j]) * len + snap.access[j] : Infinity;
        d = ss.access[s] + Math.min(viaNodes, direct);
      } else {
        d = straight * detour;
      }
      if (!(d <= radius)) continue;
      const c = owner[s];
      if (best[c] === Infinity) seen.push(c);
      if (d < best[c]) best[c] = d;
    }
    seen.sort((a, b) => a - b);
    for (const c of seen) {
      outCommunity.push(c);
      outDistance.push(best[c]);
      best[c] = Infinity;
    }
    offsets[j + 1] = offsets[j] + seen.length;
    seen.length = 0;
  }
  return { offsets, community: Int32Array.from(outCommunity), distance: Float64Array.from(outDistance), snap };
}
