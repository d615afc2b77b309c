import { multiSourceDijkstra } from '../../network/multiSourceDijkstra';
import { walkingRoute } from '../../network/walkingRoute';
import { euclideanNearest } from '../search/euclideanNearest';
import type { CoverageContext, CoverageMode } from './prepareCoverage';

export interface CoverageRoute {
  /** lon/lat from the community (entrance or representative point) to the facility, access legs included */
  coordinates: [number, number][];
  /** metres, the same number as the analysis (euclidean: × detour) */
  distance: number;
  /** facility index in the facility collection */
  facility: number;
}

/**
 * The walking route from community c to its nearest facility of category k, for drawing on the
 * map (one search with predecessor tracking, a few ms). Euclidean mode gives the straight line.
 *
 * @returns null when no facility is reachable
 */
export function coverageRoute(ctx: CoverageContext, k: number, c: number, mode: CoverageMode = ctx.options.mode): CoverageRoute | null {
  const { sampleOffsets, samples } = ctx.communities;
  const from = sampleOffsets[c], to = sampleOffsets[c + 1];
  if (from === to) return null;
  const sourceIds = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const pts = ctx.facilities.points;
  const pt = (arr: Float64Array, i: number): [number, number] => [arr[2 * i], arr[2 * i + 1]];

  if (mode === 'euclidean') {
    const r = euclideanNearest(samples.subarray(2 * from, 2 * to), pts, { sourceIds });
    let best = -1;
    for (let s = 0; s < to - from; s++) if (r.source[s] >= 0 && (best < 0 || r.distance[s] < r.distance[best])) best = s;
    if (best < 0) return null;
    const d = r.distance[best] * ctx.options.detour;
    if (!(d <= ctx.options.cutoff)) return null;
    return { coordinates: [pt(samples, from + best), pt(pts, r.source[best])], distance: d, facility: ctx.facilities.pointOwner[r.source[best]] };
  }

  const net = ctx.network;
  if (!net) throw new Error('network mode needs a walking network; load one or use euclidean mode');
  const search = multiSourceDijkstra(net.graph, net.sourceSnap, net.workspace, { cutoff: ctx.options.cutoff, sourceIds, trackPaths: true });
  let bestRoute = null;
  let bestSample = -1;
  for (let s = from; s < to; s++) {
    const r = walkingRoute(net.graph, search, net.sampleSnap, s, net.sourceSnap, sourceIds);
    if (r && r.distance <= ctx.options.cutoff && (!bestRoute || r.distance < bestRoute.distance)) {
      bestRoute = r;
      bestSample = s;
    }
  }
  if (!bestRoute) return null;
  return {
    coordinates: [pt(samples, bestSample), ...bestRoute.coordinates, pt(pts, bestRoute.source)],
    distance: bestRoute.distance,
    facility: ctx.facilities.pointOwner[bestRoute.source],
  };
}
