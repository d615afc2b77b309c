import Flatbush from 'flatbush';
import { createTwoLabelWorkspace, twoNearestLabels, type TwoLabelWorkspace } from '../../network/twoNearestSearch';
import { haversine } from '../../network/haversine';
import { createLocalFrame, lonLatExtent } from '../../network/localFrame';
import type { CoverageContext, CoverageMode } from '../coverage/prepareCoverage';
import type { SnapResult } from '../../network/snapPoints';

/** Per community, the nearest and second-nearest facility of one category (distinct facilities). */
export interface NearestTwo {
  /** metres; Infinity when none is reachable */
  first: Float64Array;
  /** facility index (feature order), −1 when none */
  firstFacility: Int32Array;
  /** metres to the nearest other facility; Infinity when fewer than two are reachable */
  second: Float64Array;
  secondFacility: Int32Array;
}

const byNodeCache = new WeakMap<SnapResult, Int32Array>();

/** The communities ordered by the node at the start of their first sample's snap edge (unsnapped last), once per snaps. */
function byNode(C: number, sampleOffsets: Int32Array, snap: SnapResult, edgeFrom: Int32Array): Int32Array {
  const cached = byNodeCache.get(snap);
  if (cached && cached.length === C) return cached;
  const key = new Float64Array(C).fill(Infinity);
  for (let c = 0; c < C; c++) {
    const s = sampleOffsets[c];
    if (s < sampleOffsets[c + 1] && snap.ok[s] && snap.edge[s] >= 0) key[c] = edgeFrom[snap.edge[s]];
  }
  const order = Int32Array.from({ length: C }, (_, c) => c).sort((a, b) => key[a] - key[b] || a - b);
  byNodeCache.set(snap, order);
  return order;
}

/** Keeps the best two (distance, group) pairs of distinct groups in slots [0], [1]. */
class TopTwo {
  d = [Infinity, Infinity];
  g = [-1, -1];
  reset(): void {
    this.d[0] = this.d[1] = Infinity;
    this.g[0] = this.g[1] = -1;
  }
  offer(d: number, g: number): void {
    if (g < 0 || !(d < Infinity)) return;
    if (g === this.g[0]) {
      if (d < this.d[0]) this.d[0] = d;
      return;
    }
    if (g === this.g[1]) {
      if (d < this.d[1]) this.d[1] = d;
      if (this.d[1] < this.d[0]) this.swap();
      return;
    }
    if (d < this.d[0]) {
      this.d[1] = this.d[0];
      this.g[1] = this.g[0];
      this.d[0] = d;
      this.g[0] = g;
    } else if (d < this.d[1]) {
      this.d[1] = d;
      this.g[1] = g;
    }
  }
  private swap(): void {
    [this.d[0], this.d[1]] = [this.d[1], this.d[0]];
    [this.g[0], this.g[1]] = [this.g[1], this.g[0]];
  }
}

/**
 * The nearest and second-nearest facility of category k from every community (DESIGN §4 Choice
 * and second-nearest: "dual access"), by the coverage's distance: network mode — the nearest and
 * second-nearest group of every node (twoNearestSearch), read at each community sample like the coverage
 * (edge ends, and directly along a shared edge); euclidean — haversine × detour. A facility with
 * several points is one facility (at its nearest point); two facilities at the same place are two.
 * The first distance equals the coverage's distance.
 *
 * @param ws the two-nearest search's arrays, for callers running many categories (allocated here when absent)
 */
export function nearestTwo(ctx: CoverageContext, k: number, mode: CoverageMode = ctx.options.mode, ws?: TwoLabelWorkspace): NearestTwo {
  const C = ctx.communities.count;
  const first = new Float64Array(C).fill(Infinity), second = new Float64Array(C).fill(Infinity);
  const firstFacility = new Int32Array(C).fill(-1), secondFacility = new Int32Array(C).fill(-1);
  const ids = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  if (!ids.length) return { first, firstFacility, second, secondFacility };
  const { pointOwner } = ctx.facilities;
  const { sampleOffsets } = ctx.communities;
  const top = new TopTwo();

  if (mode === 'network') {
    const net = ctx.network;
    if (!net) throw new Error('network mode needs a walking network; load one or use euclidean mode');
    const { graph, sourceSnap, sampleSnap } = net;
    const { d1, g1, d2, g2 } = twoNearestLabels(graph, sourceSnap, ids, pointOwner, ws ?? createTwoLabelWorkspace(graph, net.workspace), ctx.options.cutoff);
    // this category's points by edge, for the along-the-edge candidates
    const onEdge = new Map<number, number[]>();
    for (const p of ids) {
      if (!sourceSnap.ok[p] || sourceSnap.edge[p] < 0) continue;
      const list = onEdge.get(sourceSnap.edge[p]);
      if (list) list.push(p);
      else onEdge.set(sourceSnap.edge[p], [p]);
    }
    const { edgeFrom, edgeTo, edgeLength } = graph;
    // communities in node order: each reads the labels at its edges' ends, so that neighbours in
    // memory follow each other (feature order jumps across the city: a cache miss per read)
    for (const c of byNode(C, sampleOffsets, sampleSnap, edgeFrom)) {
      top.reset();
      for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) {
        if (!sampleSnap.ok[s] || sampleSnap.edge[s] < 0) continue;
        const e = sampleSnap.edge[s], t = sampleSnap.t[s], len = edgeLength[e], acc = sampleSnap.access[s];
        const u = edgeFrom[e], v = edgeTo[e];
        top.offer(acc + d1[u] + t * len, g1[u]);
        top.offer(acc + d2[u] + t * len, g2[u]);
        top.offer(acc + d1[v] + (1 - t) * len, g1[v]);
        top.offer(acc + d2[v] + (1 - t) * len, g2[v]);
        for (const p of onEdge.get(e) ?? []) top.offer(acc + Math.abs(t - sourceSnap.t[p]) * len + sourceSnap.access[p], pointOwner[p]);
      }
      keep(c);
    }
  } else {
    // straight lines: candidates from an index in a local metre frame, then checked on the sphere
    const { points } = ctx.facilities;
    const pts = new Float64Array(2 * ids.length);
    ids.forEach((p, i) => {
      pts[2 * i] = points[2 * p];
      pts[2 * i + 1] = points[2 * p + 1];
    });
    const f = createLocalFrame(...lonLatExtent(pts));
    const tree = new Flatbush(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const x = (pts[2 * i] - f.lon0) * f.kx, y = (pts[2 * i + 1] - f.lat0) * f.ky;
      tree.add(x, y, x, y);
    }
    tree.finish();
    const { samples } = ctx.communities;
    const detour = ctx.options.detour;
    for (let c = 0; c < C; c++) {
      top.reset();
      for (let s = sampleOffsets[c]; s < sampleOffsets[c + 1]; s++) {
        const lon = samples[2 * s], lat = samples[2 * s + 1];
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
        const x = (lon - f.lon0) * f.kx, y = (lat - f.lat0) * f.ky;
        const near = new TopTwo();
        const offerAll = (cands: number[]) => {
          for (const i of cands) near.offer(haversine(lon, lat, pts[2 * i], pts[2 * i + 1]), pointOwner[ids[i]]);
        };
        offerAll(tree.neighbors(x, y, 8));
        if (ids.length > 8) {
          // the frame's metres are not the sphere's: everything within the second's distance (+ 2 %) is
          // checked on the sphere; without two facilities among the eight nearest points, all are
          const r = near.d[1] * 1.02 + 1;
          offerAll(r < Infinity ? tree.search(x - r, y - r, x + r, y + r) : Array.from({ length: ids.length }, (_, i) => i));
        }
        top.offer(near.d[0] * detour, near.g[0]);
        top.offer(near.d[1] * detour, near.g[1]);
      }
      keep(c);
    }
  }
  return { first, firstFacility, second, secondFacility };

  function keep(c: number): void {
    const cut = ctx.options.cutoff;
    if (top.d[0] <= cut) {
      first[c] = top.d[0];
      firstFacility[c] = top.g[0];
    }
    if (top.d[1] <= cut) {
      second[c] = top.d[1];
      secondFacility[c] = top.g[1];
    }
  }
}
