import { multiSourceDijkstra, type DijkstraRun } from '../../network/multiSourceDijkstra';
import { distancesAtSnaps } from '../../network/distancesAtSnaps';
import { applyDetour, euclideanNearest } from '../search/euclideanNearest';
import type { CoverageContext, CoverageMode } from './prepareCoverage';

export interface CategoryDistancesOptions {
  /** @default ctx.options.mode */
  mode?: CoverageMode;
  /** Record predecessor arcs in the search, for walkingRoute. @default false */
  trackPaths?: boolean;
  /**
   * Network mode: run the search over the whole graph, so `search.dist` holds every node's
   * distance (service areas, reached edges need this). With false the search stops once every
   * community sample's edge ends are final: the same community distances, less work when the
   * network reaches beyond the communities. @default true
   */
  fullSearch?: boolean;
  /** Search only these facility points of the category (e.g. a scenario's new ones). @default all of category k */
  sourceIds?: Int32Array;
  /** Metres; farther stays Infinity. @default ctx.options.cutoff (a smaller one wins) */
  cutoff?: number;
  /** Output arrays to reuse, length = community count. */
  out?: Float64Array;
  outFacility?: Int32Array;
}

export interface CategoryDistances {
  /** metres per community to the nearest facility of the category; Infinity when none is reachable */
  distance: Float64Array;
  /** index of that facility in the facility collection, −1 when none */
  facility: Int32Array;
  /**
   * network mode: the search (node distances, origins, predecessor arcs) — it lives in the shared
   * workspace and is overwritten by the next run, so use or copy it before running again; complete
   * only with fullSearch (the default)
   */
  search: DijkstraRun | null;
}

/**
 * Distance from every community to the nearest facility of category k (DESIGN §4): in network
 * mode ONE multi-source search over all the category's facilities, then the access/along-edge
 * formula at each community sample point; in euclidean mode the exact haversine nearest neighbour
 * times the detour factor. A community's distance is the minimum over its sample points
 * (entrances); distances above the cutoff are Infinity.
 */
export function categoryDistances(ctx: CoverageContext, k: number, options: CategoryDistancesOptions = {}): CategoryDistances {
  const mode = options.mode ?? ctx.options.mode;
  const { count, sampleOffsets, samples } = ctx.communities;
  const distance = options.out ?? new Float64Array(count);
  const facility = options.outFacility ?? new Int32Array(count);
  const sourceIds = options.sourceIds ?? ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const cutoff = Math.min(ctx.options.cutoff, options.cutoff ?? Infinity);

  let sampleDist: Float64Array;
  let sampleSrc: Int32Array;
  let search: DijkstraRun | null = null;
  if (mode === 'network') {
    const net = ctx.network;
    if (!net) throw new Error('network mode needs a walking network; load one or use euclidean mode');
    const stopWhenSettled = options.fullSearch === false ? net.samplePlan.nodes : undefined;
    search = multiSourceDijkstra(net.graph, net.sourceSnap, net.workspace, { cutoff, sourceIds, trackPaths: options.trackPaths, stopWhenSettled });
    const r = distancesAtSnaps(net.graph, search, net.sampleSnap, net.sourceSnap, { sourceIds, cutoff, plan: net.samplePlan });
    sampleDist = r.distance;
    sampleSrc = r.source;
  } else {
    const r = euclideanNearest(samples, ctx.facilities.points, { sourceIds, order: ctx.communities.sampleOrder });
    sampleDist = r.distance;
    sampleSrc = r.source;
    applyDetour(sampleDist, ctx.options.detour, cutoff);
  }

  nearestOverSamples(count, sampleOffsets, sampleDist, sampleSrc, ctx.facilities.pointOwner, distance, facility);
  return { distance, facility, search };
}

/**
 * Each community's distance: the minimum over its sample points (the first sample wins ties), and
 * the facility (point owner) behind it. A function of its own so that V8 optimises the loop whole
 * rather than re-entering it through on-stack replacement on every category.
 */
function nearestOverSamples(
  count: number, sampleOffsets: Int32Array, sampleDist: Float64Array, sampleSrc: Int32Array, owner: Int32Array, distance: Float64Array, facility: Int32Array,
): void {
  for (let c = 0; c < count; c++) {
    let best = Infinity, bestSrc = -1;
    for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) {
      if (sampleDist[s] < best) {
        best = sampleDist[s];
        bestSrc = sampleSrc[s];
      }
    }
    distance[c] = best;
    facility[c] = bestSrc >= 0 ? owner[bestSrc] : -1;
  }
}
