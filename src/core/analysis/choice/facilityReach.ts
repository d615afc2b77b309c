import { createBoundedSearch, type BoundedSearch } from '../search/boundedSearch';
import { communitiesWithin } from '../search/communitiesWithin';
import type { CoverageContext, CoverageMode } from '../coverage/prepareCoverage';
import type { SnapTargetPlan } from '../../network/distancesAtSnaps';
import type { SnapResult } from '../../network/snapPoints';

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
 *
 * @param search a bounded search on ctx's graph, for callers running many categories (made here when absent)
 */
export function facilityReach(ctx: CoverageContext, k: number, limit: number, mode: CoverageMode = ctx.options.mode, search?: BoundedSearch): FacilityReach {
  const ids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const { pointOwner, points } = ctx.facilities;
  const net = mode === 'network' ? ctx.network : null;
  if (mode === 'network' && !net) throw new Error('network mode needs a walking network; load one or use euclidean mode');
  const C = ctx.communities.count;
  const sampleOwner = new Int32Array(ctx.communities.samples.length >> 1);
  for (let c = 0; c < C; c++) sampleOwner.fill(c, ctx.communities.sampleOffsets[c], ctx.communities.sampleOffsets[c + 1]);

  // a facility's points are consecutive in ids (points ascend, and so do their owners)
  const groups = facilityGroups(ids, pointOwner);
  const G = groups.length - 1;
  const out = new ReachNotes(C, G, limit);

  if (net) {
    const { graph, sourceSnap, samplePlan: plan } = net;
    const { edgeLength } = graph;
    const at = samplesAtNodes(graph.nodeCount, plan, sampleOwner);
    const s = search ?? createBoundedSearch(graph);
    // Facilities one after another in node order (node ids are Hilbert-ordered: neighbours in
    // space are neighbours in memory), so each search finds most of the graph it walks already in
    // the cache; in feature order every search starts cold (≈ 1.5× slower at 200,000 nodes).
    // Results are listed by facility afterwards, each facility's entries as its search met them.
    for (const g of spatialOrder(groups, ids, sourceSnap, graph.edgeFrom)) {
      const f = pointOwner[ids[groups[g]]];
      out.begin(g);
      for (let i = groups[g]; i < groups[g + 1]; i++) {
        const p = ids[i];
        if (!sourceSnap.ok[p] || sourceSnap.edge[p] < 0) continue;
        const e0 = sourceSnap.edge[p], t0 = sourceSnap.t[p], a0 = sourceSnap.access[p];
        const reached = s.run(e0, t0, a0, limit);
        const nodes = s.reached(), dist = s.dist;
        for (let r = 0; r < reached; r++) {
          const v = nodes[r];
          for (let j = at.start[v]; j < at.start[v + 1]; j++) out.note(f, at.community[j], at.extra[j] + dist[v]);
        }
        // along the facility's own edge, without passing a node
        for (let q = plan.edgeFirst[e0]; q >= 0; q = plan.sameEdgeNext[q]) {
          out.note(f, sampleOwner[plan.index[q]], plan.access[q] + Math.abs(plan.t[q] - t0) * edgeLength[e0] + a0);
        }
      }
      out.end(g);
    }
  } else {
    const pts = new Float64Array(2 * ids.length);
    ids.forEach((p, j) => {
      pts[2 * j] = points[2 * p];
      pts[2 * j + 1] = points[2 * p + 1];
    });
    const within = communitiesWithin(ctx, pts, limit, { mode });
    for (let g = 0; g < G; g++) {
      const f = pointOwner[ids[groups[g]]];
      out.begin(g);
      for (let i = groups[g]; i < groups[g + 1]; i++) {
        for (let j = within.offsets[i]; j < within.offsets[i + 1]; j++) out.note(f, within.community[j], within.distance[j]);
      }
      out.end(g);
    }
  }

  // by facility, ascending; facilities reaching no community left out
  const { from, to } = out;
  let F = 0, n = 0;
  for (let g = 0; g < G; g++) if (to[g] > from[g]) (F++, (n += to[g] - from[g]));
  const facility = new Int32Array(F), offsets = new Int32Array(F + 1);
  const community = new Int32Array(n), distance = new Float64Array(n);
  for (let g = 0, i = 0; g < G; g++) {
    if (to[g] === from[g]) continue;
    facility[i] = pointOwner[ids[groups[g]]];
    community.set(out.community.subarray(from[g], to[g]), offsets[i]);
    distance.set(out.distance.subarray(from[g], to[g]), offsets[i]);
    offsets[i + 1] = offsets[i] + to[g] - from[g];
    i++;
  }
  return { facility, offsets, community, distance };
}

/** Where each facility's run of points starts in `ids` (points of one facility are consecutive), count + 1 entries. */
function facilityGroups(ids: Int32Array, pointOwner: Int32Array): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < ids.length; i++) if (i === 0 || pointOwner[ids[i]] !== pointOwner[ids[i - 1]]) starts.push(i);
  starts.push(ids.length);
  return Int32Array.from(starts);
}

/** The groups by the node at the start of their first point's snap edge (unsnapped points last). */
function spatialOrder(groups: Int32Array, ids: Int32Array, snap: SnapResult, edgeFrom: Int32Array): Int32Array {
  const G = groups.length - 1;
  const key = new Float64Array(G).fill(Infinity);
  for (let g = 0; g < G; g++) {
    const p = ids[groups[g]];
    if (snap.ok[p] && snap.edge[p] >= 0) key[g] = edgeFrom[snap.edge[p]];
  }
  return Int32Array.from({ length: G }, (_, g) => g).sort((a, b) => key[a] - key[b] || a - b);
}

/**
 * The communities each facility (group of points) meets, with its best distance to each, in
 * typed arrays grown by doubling: group g's entries are from[g] ≤ j < to[g]. A class rather than
 * closures made per call, so that V8 inlines note() into the search loops every time.
 */
class ReachNotes {
  community = new Int32Array(1024);
  distance = new Float64Array(1024);
  length = 0;
  /** per community, the best distance from the facility at hand (stamp = that facility) */
  readonly best: Float64Array;
  readonly stamp: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  constructor(communities: number, groups: number, readonly limit: number) {
    this.best = new Float64Array(communities);
    this.stamp = new Int32Array(communities).fill(-1);
    this.from = new Int32Array(groups);
    this.to = new Int32Array(groups);
  }
  begin(g: number): void {
    this.from[g] = this.length;
  }
  /** Community c at d metres from facility f (kept when within the limit; the nearest point of f counts). */
  note(f: number, c: number, d: number): void {
    if (!(d <= this.limit)) return;
    if (this.stamp[c] !== f) {
      this.stamp[c] = f;
      this.best[c] = d;
      if (this.length === this.community.length) this.grow();
      this.community[this.length++] = c;
    } else if (d < this.best[c]) this.best[c] = d;
  }
  end(g: number): void {
    this.to[g] = this.length;
    for (let j = this.from[g]; j < this.length; j++) this.distance[j] = this.best[this.community[j]];
  }
  private grow(): void {
    const community = new Int32Array(2 * this.length), distance = new Float64Array(2 * this.length);
    community.set(this.community);
    distance.set(this.distance);
    this.community = community;
    this.distance = distance;
  }
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
