import type { WalkGraph } from '../../network/graph';
import type { EdgeSources } from '../../network/multiSourceDijkstra';

/** One place a search starts from: a graph node at a distance, or a point on an edge (edge, t, access). */
export type SearchStart = { node: number; dist: number } | { edge: number; t: number; access: number };

/** The nearest facility of every category from one set of starts. */
export interface NearestByCategory {
  /** metres per category (Infinity: none reachable, or beyond the cutoff) */
  distance: Float64Array;
  /** the facility point reaching it, −1 */
  point: Int32Array;
  /** arcs relaxed */
  relaxed: number;
}

/**
 * Reverse searches over one graph and one set of facility snaps: from a few starts (a node, a
 * community's sample points) outward until the nearest facility of EVERY category is certain —
 * the same distance as the forward search from all of a category's facilities gives at that
 * start (DESIGN §4: access legs, the along-edge rule for a facility on the start's edge), in one
 * small search instead of one search per category. A category is given up at once when no
 * component of the starts holds a usable facility of it.
 */
export class CategorySearch {
  readonly #graph: WalkGraph;
  readonly #sources: EdgeSources;
  readonly #K: number;
  readonly #cutoff: number;
  /** facility points per edge (CSR) and the category of each (−1: none, unusable) */
  readonly #edgeStart: Int32Array;
  readonly #edgePoints: Int32Array;
  /** per edge, lists that replace the CSR's (a patched graph's new and changed edges) */
  readonly #overlay: Map<number, number[]> | null;
  readonly #category: Int32Array;
  /** compHas[component·K + k] = 1 when the component holds a usable facility of category k */
  readonly #compHas: Uint8Array;
  /** Infinity everywhere between runs (shared with searches patched from this one) */
  readonly #dist: Float64Array;
  /** category of every facility point, usable or not (for points that become usable) */
  readonly #allCategory: Int32Array;

  /**
   * @param graph the graph (with `component`)
   * @param sources the facility snaps
   * @param categoryOffsets, categoryIds the facility points of each category (CoverageContext's CSR)
   * @param cutoff metres; farther is Infinity (the analysis' cutoff)
   */
  constructor(graph: WalkGraph, sources: EdgeSources, categoryOffsets: Int32Array, categoryIds: Int32Array, cutoff = Infinity, from?: FacilityLists) {
    this.#graph = graph;
    this.#sources = sources;
    this.#K = categoryOffsets.length - 1;
    this.#cutoff = cutoff;
    const lists = from ?? facilityLists(graph.edgeCount, sources, categoryOffsets, categoryIds);
    this.#edgeStart = lists.edgeStart;
    this.#edgePoints = lists.edgePoints;
    this.#overlay = lists.overlay;
    this.#category = lists.category;
    this.#allCategory = lists.allCategory;
    this.#compHas = componentCategories(graph, sources, this.#category, this.#K);
    this.#dist = lists.dist && lists.dist.length >= graph.nodeCount ? lists.dist : new Float64Array(graph.nodeCount + 64).fill(Infinity);
  }

  /**
   * The same searches on a graph patched from this one (patchGraph: baseline edge ids kept) with
   * the facility snaps `sources` that differ from this one's only at the points `changed`: the
   * per-edge lists are shared, the patch's new and changed edges and the changed points' edges
   * overlaid.
   */
  patched(graph: WalkGraph, sources: EdgeSources, changed: readonly number[], patchEdges: Int32Array): CategorySearch {
    const category = this.#category.slice();
    const overlay = new Map<number, number[]>();
    const list = (e: number) => {
      let l = overlay.get(e);
      if (!l) {
        l = e < this.#edgeStart.length - 1 ? Array.from(this.#edgePoints.subarray(this.#edgeStart[e], this.#edgeStart[e + 1])) : [];
        overlay.set(e, l);
      }
      return l;
    };
    for (const e of patchEdges) list(e);
    for (const p of changed) {
      const before = this.#sources.edge[p];
      if (before >= 0 && this.#category[p] >= 0) {
        const l = list(before);
        const i = l.indexOf(p);
        if (i >= 0) l.splice(i, 1);
      }
      category[p] = -1;
      const k = this.#allCategory[p];
      if (k < 0 || !sources.ok[p] || sources.edge[p] < 0) continue;
      category[p] = k;
      const l = list(sources.edge[p]);
      l.push(p);
      l.sort((a, b) => a - b);
    }
    const offsets = new Int32Array(this.#K + 1);
    return new CategorySearch(graph, sources, offsets, new Int32Array(0), this.#cutoff, {
      edgeStart: this.#edgeStart, edgePoints: this.#edgePoints, overlay, category, allCategory: this.#allCategory, dist: this.#dist,
    });
  }

  /**
   * The nearest facility of each category from the starts (a community: all its usable sample
   * snaps); with `only`, of the categories k with only[k] = 1 (the others stay Infinity).
   */
  run(starts: readonly SearchStart[], only?: ArrayLike<number>): NearestByCategory {
    const g = this.#graph, K = this.#K, cutoff = this.#cutoff;
    const { edgeFrom, edgeTo, edgeLength, offsets, targets, arcEdge, arcLength } = g;
    const comp = g.component!;
    const src = this.#sources, cat = this.#category, eStart = this.#edgeStart, ePts = this.#edgePoints, overlay = this.#overlay;
    const dist = this.#dist;
    const best = new Float64Array(K).fill(Infinity);
    const point = new Int32Array(K).fill(-1);
    const done = new Uint8Array(K).fill(1);
    const touched: number[] = [];
    const heap = new MinHeap();
    const offer = (k: number, d: number, p: number) => {
      if (only && !only[k]) return;
      if (d < best[k] || (d === best[k] && p < point[k])) {
        best[k] = d;
        point[k] = p;
      }
    };
    const seed = (v: number, d: number) => {
      if (!(d < dist[v])) return;
      if (dist[v] === Infinity) touched.push(v);
      dist[v] = d;
      heap.push(d, v);
    };
    for (const s of starts) {
      const node = 'node' in s ? s.node : edgeFrom[s.edge];
      for (let k = 0; k < K; k++) if (this.#compHas[comp[node] * K + k] && (!only || only[k])) done[k] = 0;
      if ('node' in s) {
        seed(s.node, s.dist);
        continue;
      }
      const e = s.edge, len = edgeLength[e];
      seed(edgeFrom[e], s.access + s.t * len);
      seed(edgeTo[e], s.access + (1 - s.t) * len);
      // a facility on the same edge: straight along it
      const over = overlay?.get(e);
      if (over) for (const p of over) offer(cat[p], s.access + Math.abs(s.t - src.t[p]) * len + src.access[p], p);
      else {
        for (let q = eStart[e]; q < eStart[e + 1]; q++) {
          const p = ePts[q];
          offer(cat[p], s.access + Math.abs(s.t - src.t[p]) * len + src.access[p], p);
        }
      }
    }
    let remaining = 0;
    for (let k = 0; k < K; k++) if (!done[k]) remaining++;
    let relaxed = 0;
    while (remaining > 0 && heap.size > 0) {
      const d = heap.topKey();
      const x = heap.pop();
      if (d > dist[x]) continue;
      if (d > cutoff) break;
      // every facility not yet offered is at least d away
      for (let k = 0; k < K; k++) {
        if (!done[k] && best[k] <= d) {
          done[k] = 1;
          remaining--;
        }
      }
      if (remaining === 0) break;
      for (let a = offsets[x], end = offsets[x + 1]; a < end; a++) {
        const e = arcEdge[a];
        const len = edgeLength[e];
        const fromX = edgeFrom[e] === x;
        const over = overlay?.get(e);
        if (over) for (const p of over) offer(cat[p], d + (fromX ? src.t[p] * len : (1 - src.t[p]) * len) + src.access[p], p);
        else {
          for (let q = eStart[e]; q < eStart[e + 1]; q++) {
            const p = ePts[q];
            offer(cat[p], d + (fromX ? src.t[p] * len : (1 - src.t[p]) * len) + src.access[p], p);
          }
        }
        const y = targets[a];
        const nd = d + arcLength[a];
        if (nd < dist[y]) {
          relaxed++;
          seed(y, nd);
        }
      }
    }
    for (const v of touched) dist[v] = Infinity;
    for (let k = 0; k < K; k++) {
      if (!(best[k] <= cutoff)) {
        best[k] = Infinity;
        point[k] = -1;
      }
    }
    return { distance: best, point, relaxed };
  }
}

/** Facility points per edge (CSR, plus overlaid edges), their categories, and a distance array to share. */
interface FacilityLists {
  edgeStart: Int32Array;
  edgePoints: Int32Array;
  overlay: Map<number, number[]> | null;
  /** per point, its category when usable, else −1 */
  category: Int32Array;
  /** per point, its category */
  allCategory: Int32Array;
  dist?: Float64Array;
}

function facilityLists(E: number, sources: EdgeSources, categoryOffsets: Int32Array, categoryIds: Int32Array): FacilityLists {
  const category = new Int32Array(sources.edge.length).fill(-1);
  const all = new Int32Array(sources.edge.length).fill(-1);
  const start = new Int32Array(E + 1);
  for (let k = 0; k + 1 < categoryOffsets.length; k++) {
    for (let q = categoryOffsets[k]; q < categoryOffsets[k + 1]; q++) {
      const p = categoryIds[q];
      const e = sources.edge[p];
      all[p] = k;
      if (!sources.ok[p] || e < 0) continue;
      category[p] = k;
      start[e + 1]++;
    }
  }
  for (let e = 0; e < E; e++) start[e + 1] += start[e];
  const cursor = start.slice(0, E);
  const points = new Int32Array(start[E]);
  for (let p = 0; p < category.length; p++) if (category[p] >= 0) points[cursor[sources.edge[p]]++] = p;
  return { edgeStart: start, edgePoints: points, overlay: null, category, allCategory: all };
}

/** compHas[component·K + k] = 1 when the component holds a usable facility of category k. */
function componentCategories(graph: WalkGraph, sources: EdgeSources, category: Int32Array, K: number): Uint8Array {
  const comp = graph.component!;
  const compCount = graph.componentCount ?? comp.reduce((m, c) => Math.max(m, c + 1), 0);
  const has = new Uint8Array(compCount * K);
  for (let p = 0; p < category.length; p++) if (category[p] >= 0) has[comp[graph.edgeFrom[sources.edge[p]]] * K + category[p]] = 1;
  return has;
}

/** A binary min-heap of (key, node) pairs (lazy deletion: stale entries are skipped by the caller). */
class MinHeap {
  #keys: number[] = [];
  #vals: number[] = [];

  get size(): number {
    return this.#keys.length;
  }

  topKey(): number {
    return this.#keys[0];
  }

  push(key: number, val: number): void {
    const keys = this.#keys, vals = this.#vals;
    let i = keys.length;
    keys.push(key);
    vals.push(val);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      vals[i] = vals[parent];
      i = parent;
    }
    keys[i] = key;
    vals[i] = val;
  }

  pop(): number {
    const keys = this.#keys, vals = this.#vals;
    const top = vals[0];
    const key = keys.pop()!, val = vals.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const c = l + 1 < n && keys[l + 1] < keys[l] ? l + 1 : l;
        if (keys[c] >= key) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = key;
      vals[i] = val;
    }
    return top;
  }
}
