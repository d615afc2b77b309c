import { createBoundedSearch } from '../search/boundedSearch';
import { communitiesWithin } from '../search/communitiesWithin';
import type { CoverageContext, CoverageMode } from '../coverage/prepareCoverage';
import type { SnapTargetPlan } from '../../network/distancesAtSnaps';

/**
 * Which communities each facility of one category reaches within a limit, and how far (CSR by
 * facility): what counts within the radius, gravity access and the two-step floating catchment
 * are summed from.
 */
export interface FacilityReach {
  /** facility indexes (feature order) of the category that reach at least one community, ascending */
  facility: Int32Array;
  /** entries of facility i: offsets[i] ≤ j < offsets[i + 1] (in the order the search met them) */
  offsets: Int32Array;
  community: Int32Array;
  /** metres, the coverage's own distance (access legs, network path, nearest sample point), ≤ limit */
  distance: Float64Array;
}

/**
 * For every facility of category k, the communities within `limit` metres by the coverage's
 * distance (DESIGN §4): network mode — one bounded search per facility point from its snap,
 * touching only the nodes within the limit, read at the community sample snaps on the edges it
 * reached (and directly along a shared edge); euclidean — haversine × detour. A facility with
 * several points counts once, at its nearest point; a community at its nearest sample point.
 */
export function facilityReach(ctx: CoverageContext, k: number, limit: number, mode: CoverageMode = ctx.options.mode): FacilityReach {
  const ids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const { pointOwner, points } = ctx.facilities;
  const net = mode === 'network' ? ctx.network : null;
  if (mode === 'network' && !net) throw new Error('network mode needs a walking network; load one or use euclidean mode');
  const C = ctx.communities.count;
  const sampleOwner = new Int32Array(ctx.communities.samples.length >> 1);
  for (let c = 0; c < C; c++) sampleOwner.fill(c, ctx.communities.sampleOffsets[c], ctx.communities.sampleOffsets[c + 1]);

  const facility: number[] = [];
  const offsets: number[] = [0];
  const outCommunity: number[] = [];
  const outDistance: number[] = [];
  // per community, the best distance from the facility at hand (stamp = facility being read)
  const best = new Float64Array(C);
  const stamp = new Int32Array(C).fill(-1);
  const seen: number[] = [];
  const note = (f: number, c: number, d: number) => {
    if (!(d <= limit)) return;
    if (stamp[c] !== f) {
      stamp[c] = f;
      best[c] = d;
      seen.push(c);
    } else if (d < best[c]) best[c] = d;
  };
  const flush = (f: number) => {
    if (!seen.length) return;
    facility.push(f);
    for (const c of seen) {
      outCommunity.push(c);
      outDistance.push(best[c]);
    }
    offsets.push(outCommunity.length);
    seen.length = 0;
  };

  if (net) {
    const { graph, sourceSnap, samplePlan: plan } = net;
    const { edgeLength } = graph;
    const at = samplesAtNodes(graph.nodeCount, plan, sampleOwner);
    const search = createBoundedSearch(graph);
    for (let i = 0; i < ids.length; ) {
      const f = pointOwner[ids[i]];
      for (; i < ids.length && pointOwner[ids[i]] === f; i++) {
        const p = ids[i];
        if (!sourceSnap.ok[p] || sourceSnap.edge[p] < 0) continue;
        const e0 = sourceSnap.edge[p], t0 = sourceSnap.t[p], a0 = sourceSnap.access[p];
        search.run(e0, t0, a0, limit);
        const dist = search.dist;
        for (const v of search.reached()) {
          for (let j = at.start[v]; j < at.start[v + 1]; j++) note(f, at.community[j], at.extra[j] + dist[v]);
        }
        // along the facility's own edge, without passing a node
        for (let q = plan.edgeFirst[e0]; q >= 0; q = plan.sameEdgeNext[q]) {
          note(f, sampleOwner[plan.index[q]], plan.access[q] + Math.abs(plan.t[q] - t0) * edgeLength[e0] + a0);
        }
      }
      flush(f);
    }
  } else {
    const pts = new Float64Array(2 * ids.length);
    ids.forEach((p, j) => {
      pts[2 * j] = points[2 * p];
      pts[2 * j + 1] = points[2 * p + 1];
    });
    const within = communitiesWithin(ctx, pts, limit, { mode });
    for (let i = 0; i < ids.length; ) {
      const f = pointOwner[ids[i]];
      for (; i < ids.length && pointOwner[ids[i]] === f; i++) {
        for (let j = within.offsets[i]; j < within.offsets[i + 1]; j++) note(f, within.community[j], within.distance[j]);
      }
      flush(f);
    }
  }
  return { facility: Int32Array.from(facility), offsets: Int32Array.from(offsets), community: Int32Array.from(outCommunity), distance: Float64Array.from(outDistance) };
}

/** Per node, the community samples on its edges and what reaching them from the node adds (access + along the edge). */
interface SamplesAtNodes {
  start: Int32Array;
  community: Int32Array;
  extra: Float64Array;
}

const atNodesCache = new WeakMap<SnapTargetPlan, SamplesAtNodes>();

/**
 * The samples of `plan` listed at both ends of their edge (CSR by node), built once per plan: a
 * search then reads, at each node it reached, only the samples it can continue to — one lookup per
 * node instead of one per arc, in node order (spatially coherent: Hilbert-ordered ids).
 */
function samplesAtNodes(nodeCount: number, plan: SnapTargetPlan, sampleOwner: Int32Array): SamplesAtNodes {
  const cached = atNodesCache.get(plan);
  if (cached) return cached;
  const m = plan.index.length;
  const start = new Int32Array(nodeCount + 1);
  for (let q = 0; q < m; q++) {
    start[plan.u[q] + 1]++;
    start[plan.v[q] + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) start[v + 1] += start[v];
  const cursor = start.slice(0, nodeCount);
  const community = new Int32Array(2 * m), extra = new Float64Array(2 * m);
  for (let q = 0; q < m; q++) {
    const c = sampleOwner[plan.index[q]];
    let j = cursor[plan.u[q]]++;
    community[j] = c;
    extra[j] = plan.access[q] + plan.toU[q];
    j = cursor[plan.v[q]]++;
    community[j] = c;
    extra[j] = plan.access[q] + plan.toV[q];
  }
  const out = { start, community, extra };
  atNodesCache.set(plan, out);
  return out;
}
