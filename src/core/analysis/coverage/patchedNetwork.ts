import type { GraphPatch } from '../../network/patchGraph';
import type { SegmentIndex } from '../../network/buildSegmentIndex';
import { snapPoints, type SnapResult } from '../../network/snapPoints';
import { prepareSnapTargets } from '../../network/distancesAtSnaps';
import { distancesAtSnaps } from '../../network/distancesAtSnaps';
import { multiSourceDijkstra, reuseDijkstraWorkspace, type EdgeSources } from '../../network/multiSourceDijkstra';
import { METRES_PER_DEGREE } from '../../network/localFrame';
import { CategorySearch, type SearchStart } from './nearestByCategory';
import { withSnaps, type CoverageContext } from './prepareCoverage';
import type { CoverageArrays } from './runCoverage';

const RAD = Math.PI / 180;

/** A coverage context moved onto a patched graph (withPatchedNetwork), and what moved with it. */
export interface PatchedContext {
  ctx: CoverageContext;
  /** communities with a sample point whose snap changed (onto a new edge, or a piece of a split one) */
  resnapped: Int32Array;
  /** per category, the facilities (feature index) one of whose points snapped differently */
  facilityMoved: Map<number, Set<number>>;
  /** the facility points that snapped differently */
  pointsMoved: readonly number[];
}

/**
 * The same analysis on the graph of patchGraph (links added by a scenario): communities and
 * facilities keep their snaps except the points that may now snap differently — those on a split
 * edge, or nearer to a new edge than to their present one — which are snapped again (exactly as
 * snapPoints on the new graph); components, issues, the sample plan and the workspace follow the
 * new graph. Network mode only.
 */
export function withPatchedNetwork(ctx: CoverageContext, patch: GraphPatch, index: SegmentIndex): PatchedContext {
  const net = ctx.network;
  if (!net) throw new Error('withPatchedNetwork: the context has no network');
  const graph = patch.graph;
  const samples = resnap(net.sampleSnap, ctx.communities.samples, patch, index, ctx.options.maxSnap);
  const sources = resnap(net.sourceSnap, ctx.facilities.points, patch, index, ctx.options.maxSnap);
  const moved = {
    ...net, graph, index, component: graph.component!, sampleSnap: samples.snap,
    // the sample plan holds as it was while no sample snapped differently (none on the new edges)
    samplePlan: samples.changed.length ? prepareSnapTargets(graph, samples.snap) : net.samplePlan,
    workspace: reuseDijkstraWorkspace(net.workspace, graph),
  };
  // the issues hold as they were while no point snapped differently and no components joined
  const same = patch.componentsKept && !samples.changed.length && !sources.changed.length;
  const network = same ? { ...moved, sourceSnap: sources.snap } : withSnaps(moved, ctx.communities, ctx.facilities, sources.snap);
  const { sampleOffsets, count: C } = ctx.communities;
  const resnapped: number[] = [];
  for (let c = 0, q = 0; c < C && q < samples.changed.length; c++) {
    let hit = false;
    for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) {
      while (q < samples.changed.length && samples.changed[q] < s) q++;
      if (samples.changed[q] === s) hit = true;
    }
    if (hit) resnapped.push(c);
  }
  const facilityMoved = new Map<number, Set<number>>();
  for (const p of sources.changed) {
    const f = ctx.facilities.pointOwner[p];
    const k = ctx.facilities.category[f];
    if (k < 0) continue;
    if (!facilityMoved.has(k)) facilityMoved.set(k, new Set());
    facilityMoved.get(k)!.add(f);
  }
  return { ctx: { ...ctx, network }, resnapped: Int32Array.from(resnapped), facilityMoved, pointsMoved: sources.changed };
}

/**
 * `snap` on the patched graph: points on a changed edge, or within their access leg of a new or
 * changed edge's box, are snapped again; the others keep their snap (no new edge is nearer).
 * @returns the snaps and the (ascending) points whose snap changed
 */
function resnap(snap: SnapResult, points: Float64Array, patch: GraphPatch, index: SegmentIndex, maxSnap: number): { snap: SnapResult; changed: number[] } {
  const g = patch.graph;
  const changedEdge = new Set(patch.changedEdges);
  const extra = patchEdges(patch);
  // boxes of the new and changed edges (lon/lat), with a margin for great-circle arcs
  const box = new Float64Array(4 * extra.length);
  const margin = new Float64Array(extra.length);
  // metres per degree of longitude, low enough for any point within maxSnap of the box
  const kLon = new Float64Array(extra.length);
  extra.forEach((e, i) => {
    const a = g.edgeFrom[e], b = g.edgeTo[e];
    box[4 * i] = Math.min(g.coords[2 * a], g.coords[2 * b]);
    box[4 * i + 1] = Math.min(g.coords[2 * a + 1], g.coords[2 * b + 1]);
    box[4 * i + 2] = Math.max(g.coords[2 * a], g.coords[2 * b]);
    box[4 * i + 3] = Math.max(g.coords[2 * a + 1], g.coords[2 * b + 1]);
    margin[i] = 1 + 1e-3 * g.edgeLength[e];
    const lat = Math.max(Math.abs(box[4 * i + 1]), Math.abs(box[4 * i + 3])) + (maxSnap * 1.01 + margin[i]) / METRES_PER_DEGREE;
    kLon[i] = METRES_PER_DEGREE * Math.max(1e-6, Math.cos(Math.min(89.9, lat) * RAD));
  });
  const todo: number[] = [];
  for (let i = 0; i < snap.count; i++) {
    const e = snap.edge[i];
    if (e < 0) continue;
    if (changedEdge.has(e)) {
      todo.push(i);
      continue;
    }
    const lon = points[2 * i], lat = points[2 * i + 1];
    for (let j = 0; j < extra.length; j++) {
      const r = snap.access[i] * 1.01 + margin[j];
      const dLat = r / METRES_PER_DEGREE;
      const dLon = snap.access[i] <= maxSnap ? r / kLon[j] : r / (METRES_PER_DEGREE * Math.max(1e-6, Math.cos(Math.min(89.9, Math.abs(lat) + dLat) * RAD)));
      if (lon >= box[4 * j] - dLon && lon <= box[4 * j + 2] + dLon && lat >= box[4 * j + 1] - dLat && lat <= box[4 * j + 3] + dLat) {
        todo.push(i);
        break;
      }
    }
  }
  const changed: number[] = [];
  if (todo.length === 0) return { snap, changed };
  const sub = new Float64Array(2 * todo.length);
  todo.forEach((i, k) => {
    sub[2 * k] = points[2 * i];
    sub[2 * k + 1] = points[2 * i + 1];
  });
  const fresh = snapPoints(g, index, sub, maxSnap);
  todo.forEach((i, k) => {
    const e = fresh.edge[k];
    if (!(e === snap.edge[i] && !changedEdge.has(e) && fresh.t[k] === snap.t[i] && fresh.access[k] === snap.access[i])) changed.push(i);
  });
  // unchanged: the very same snaps
  if (!changed.length) return { snap, changed };
  const out: SnapResult = {
    count: snap.count, edge: snap.edge.slice(), t: snap.t.slice(), access: snap.access.slice(), ok: snap.ok.slice(), snapLonLat: snap.snapLonLat.slice(),
  };
  todo.forEach((i, k) => {
    const e = fresh.edge[k];
    out.edge[i] = e;
    out.t[i] = fresh.t[k];
    out.access[i] = fresh.access[k];
    out.ok[i] = fresh.ok[k];
    out.snapLonLat[2 * i] = fresh.snapLonLat[2 * k];
    out.snapLonLat[2 * i + 1] = fresh.snapLonLat[2 * k + 1];
  });
  return { snap: out, changed };
}

/** The new and changed edges of a patch. */
function patchEdges(patch: GraphPatch): Int32Array {
  const E0 = patch.baseEdgeCount, E = patch.graph.edgeCount;
  const out = new Int32Array(patch.changedEdges.length + E - E0);
  out.set(patch.changedEdges);
  for (let e = E0; e < E; e++) out[patch.changedEdges.length + e - E0] = e;
  return out;
}

/** Reverse searches on a context's graph and facility snaps, kept per context (a baseline serves many scenarios). */
const searches = new WeakMap<CoverageContext, CategorySearch>();

function categorySearch(ctx: CoverageContext): CategorySearch {
  let s = searches.get(ctx);
  if (!s) {
    const net = ctx.network!;
    s = new CategorySearch(net.graph, net.sourceSnap, ctx.categorySourceOffsets, ctx.categorySourceIds, ctx.options.cutoff);
    searches.set(ctx, s);
  }
  return s;
}

/**
 * The coverage arrays of the patched context from the baseline's (`arrays`, updated in place):
 * the same numbers as searching every category on the new graph, by touching only what the new
 * links can change (DESIGN §4 distances; issue 11).
 *
 * Every path that uses a new edge enters and leaves the new edges at "attachments" (baseline
 * nodes at the ends of new or changed edges). At each attachment one small reverse search on the
 * baseline graph and one on the new graph (CategorySearch: the nearest facility of every category
 * at once) give d_k before and after. A category none of whose attachments got nearer gains
 * nothing anywhere (the link does not break the triangle inequality: |d_k(a) − d_k(b)| ≤ its
 * length). Otherwise ONE search on the new graph seeded at the attachments with their new
 * distances, no farther than the farthest community's present distance, gives every community its
 * distance through the links, and it keeps the nearer of that and its baseline distance.
 * Communities measured afresh (a reverse search from their sample points on the new graph, for
 * the categories concerned): those whose snap changed, those whose nearest facility snapped
 * differently (its old place is gone), and those whose shortest path ran along a split segment:
 * its pieces are a hair longer than the segment (the split point is rounded to 7 decimals), so
 * where |d_k(u) − d_k(v)| = its length one search on the baseline graph from its far end finds the
 * communities whose distance was reached through it.
 *
 * @returns edges relaxed
 */
export function searchNetworkPatch(before: CoverageContext, patched: PatchedContext, patch: GraphPatch, arrays: CoverageArrays): number {
  const after = patched.ctx;
  const g = patch.graph, N0 = patch.baseNodeCount;
  const K = after.categories.length, C = after.communities.count;
  const { sampleOffsets } = after.communities;
  const net = after.network!;
  const owner = after.facilities.pointOwner;
  let relaxed = 0;

  // attachments: baseline nodes at the ends of new and changed edges (and of split segments)
  const seen = new Set<number>();
  const attach: number[] = [];
  const note = (v: number) => {
    if (v < N0 && !seen.has(v)) {
      seen.add(v);
      attach.push(v);
    }
  };
  for (const e of patchEdges(patch)) {
    note(g.edgeFrom[e]);
    note(g.edgeTo[e]);
  }
  patch.changedFrom.forEach(note);
  patch.changedTo.forEach(note);

  // d_k at the attachments before and after, every category at once
  const old = categorySearch(before);
  const now = old.patched(g, net.sourceSnap, patched.pointsMoved, patchEdges(patch));
  const A = attach.length;
  const dOld = new Float64Array(A * K), dNew = new Float64Array(A * K), fNew = new Int32Array(A * K);
  attach.forEach((v, i) => {
    const r0 = old.run([{ node: v, dist: 0 }]);
    const r1 = now.run([{ node: v, dist: 0 }]);
    relaxed += r0.relaxed + r1.relaxed;
    dOld.set(r0.distance, i * K);
    dNew.set(r1.distance, i * K);
    fNew.set(r1.point, i * K);
  });
  const index = new Map(attach.map((v, i) => [v, i]));

  // communities measured afresh, per category (fresh[k·C + c]): snapped differently (every
  // category), or their nearest facility of k did (its old place is gone)
  const fresh = new Uint8Array(K * C);
  for (const c of patched.resnapped) for (let k = 0; k < K; k++) fresh[k * C + c] = 1;
  for (const [k, moved] of patched.facilityMoved) {
    for (let c = 0; c < C; c++) if (moved.has(arrays.nearestFacility[k * C + c])) fresh[k * C + c] = 1;
  }

  // does the link join baseline components? (then communities out of reach may come within it)
  const base = before.network!.graph.component!;
  const joined = new Set(attach.map((v) => base[v])).size > 1;
  const hasOkSample = (c: number) => {
    for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) if (net.sampleSnap.ok[s]) return true;
    return false;
  };
  /** the farthest present distance of k a community not measured afresh has (Infinity: one out of reach might come within it) */
  const reach = (k: number) => {
    let cutoff = 0;
    for (let c = 0; c < C && cutoff < Infinity; c++) {
      if (fresh[k * C + c]) continue;
      const d = arrays.distance[k * C + c];
      if (d < Infinity) cutoff = Math.max(cutoff, d);
      else if (joined && hasOkSample(c)) cutoff = Infinity;
    }
    return Math.min(cutoff, after.options.cutoff);
  };
  /** one search on `graph` from nodes at distances, evaluated at the community samples (min per community) */
  const fromNodes = (net0: typeof net, nodes: number[], dist: number[], cutoff: number) => {
    const gr = net0.graph;
    const sources: EdgeSources = { edge: new Int32Array(nodes.length), t: new Float64Array(nodes.length), access: Float64Array.from(dist), ok: new Uint8Array(nodes.length).fill(1) };
    nodes.forEach((v, q) => {
      const e = gr.arcEdge[gr.offsets[v]];
      sources.edge[q] = e;
      sources.t[q] = gr.edgeFrom[e] === v ? 0 : 1;
    });
    const run = multiSourceDijkstra(gr, sources, net0.workspace, { cutoff });
    relaxed += run.relaxed;
    const r = distancesAtSnaps(gr, run, net0.sampleSnap, sources, { cutoff: after.options.cutoff, plan: net0.samplePlan });
    const best = new Float64Array(C).fill(Infinity), from = new Int32Array(C).fill(-1);
    for (let c = 0; c < C; c++) {
      for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) {
        if (r.distance[s] < best[c]) {
          best[c] = r.distance[s];
          from[c] = r.source[s];
        }
      }
    }
    return { best, from };
  };

  // A split segment's pieces are a hair longer than it: where shortest paths of k ran along it
  // (|d_k(u) − d_k(v)| = its length), the communities beyond it — whose baseline distance is
  // reached through its far end — are measured afresh (found by one search on the baseline graph
  // from the far end at its distance: those for which it is as short as their present distance).
  for (let i = 0; i < patch.changedEdges.length; i++) {
    const u = index.get(patch.changedFrom[i])!, v = index.get(patch.changedTo[i])!, len = patch.changedLength[i];
    for (let k = 0; k < K; k++) {
      const du = dOld[u * K + k], dv = dOld[v * K + k];
      const far = dv >= du + len - 1e-6 && dv < Infinity ? v : du >= dv + len - 1e-6 && du < Infinity ? u : -1;
      if (far < 0) continue;
      const { best } = fromNodes(before.network!, [attach[far]], [dOld[far * K + k]], reach(k));
      for (let c = 0; c < C; c++) if (best[c] <= arrays.distance[k * C + c] + 1e-7) fresh[k * C + c] = 1;
    }
  }

  for (let k = 0; k < K; k++) {
    let gained = false;
    for (let i = 0; i < A && !gained; i++) if (dNew[i * K + k] < dOld[i * K + k]) gained = true;
    if (!gained) continue;
    // ONE search on the new graph from the attachments, as far as a community could gain
    const cutoff = reach(k);
    const seeds: number[] = [];
    for (let i = 0; i < A; i++) if (dNew[i * K + k] <= cutoff) seeds.push(i);
    if (seeds.length === 0) continue;
    const { best, from } = fromNodes(net, seeds.map((i) => attach[i]), seeds.map((i) => dNew[i * K + k]), cutoff);
    const radius = after.categories[k].radius;
    for (let c = 0; c < C; c++) {
      const at = k * C + c;
      if (fresh[at] || !(best[c] < arrays.distance[at])) continue;
      const p = fNew[seeds[from[c]] * K + k];
      arrays.distance[at] = best[c];
      arrays.nearestFacility[at] = p >= 0 ? owner[p] : -1;
      arrays.ok[at] = best[c] <= radius ? 1 : 0;
    }
  }

  // communities measured afresh, from their sample points on the new graph (only the categories they need)
  const need = new Uint8Array(K);
  for (let c = 0; c < C; c++) {
    let any = false;
    for (let k = 0; k < K; k++) any = (need[k] = fresh[k * C + c]) === 1 || any;
    if (!any) continue;
    const starts: SearchStart[] = [];
    for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) {
      if (net.sampleSnap.ok[s] && net.sampleSnap.edge[s] >= 0) starts.push({ edge: net.sampleSnap.edge[s], t: net.sampleSnap.t[s], access: net.sampleSnap.access[s] });
    }
    const r = now.run(starts, need);
    relaxed += r.relaxed;
    for (let k = 0; k < K; k++) {
      if (!need[k]) continue;
      const at = k * C + c;
      arrays.distance[at] = r.distance[k];
      arrays.nearestFacility[at] = r.point[k] >= 0 ? owner[r.point[k]] : -1;
      arrays.ok[at] = r.distance[k] <= after.categories[k].radius ? 1 : 0;
    }
  }
  return relaxed;
}
