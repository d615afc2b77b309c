import type { Position } from 'geojson';
import type { GraphBuildStats, WalkGraph } from './graph';
import type { SegmentIndex } from './buildSegmentIndex';
import { haversine } from './haversine';
import { IntPairMap } from './intPairMap';
import { connectedComponents } from './connectedComponents';

const SCALE = 1e7;

/**
 * What a scenario did to the network layer, in order (core/scenario applyEdits reports it as
 * `networkChanges`): the segment from–to of a line got the vertex `at`; a new line was added; or
 * a closure re-cut the lines (then the graph is built again).
 */
export type NetworkLayerChange =
  /**
   * segment from–to of a line got a new vertex `at` (a link's end joined it there); `shared` when
   * another segment of the layer joins the same two nodes (the graph keeps that edge)
   */
  | { kind: 'split'; from: Position; to: Position; at: Position; shared: boolean }
  /** a new line (a link after its ends joined), its feature index in the layer; not walkable: no edges */
  | { kind: 'line'; coordinates: Position[]; feature: number; walkable: boolean }
  /** a closure re-cut the lines */
  | { kind: 'close' };

/** A graph patched by new lines (patchGraph): the graph and what changed, for the analysis to reuse the rest. */
export interface GraphPatch {
  graph: WalkGraph;
  /** nodes 0 … baseNodeCount − 1 and edges 0 … baseEdgeCount − 1 are the baseline's (same ids) */
  baseNodeCount: number;
  baseEdgeCount: number;
  /** baseline edges whose geometry changed (split: the edge is now its first piece) */
  changedEdges: Int32Array;
  /** per new edge (id − baseEdgeCount): 1 when it is a segment of a new line, 0 when a piece of a split segment */
  newIsLine: Uint8Array;
  /** true when baseline nodes keep their component ids (no components joined) */
  componentsKept: boolean;
  /** the baseline geometry of each changed edge (same order): end nodes and length */
  changedFrom: Int32Array;
  changedTo: Int32Array;
  changedLength: Float64Array;
}

/** Baseline node id by rounded coordinates, built once per graph. */
const nodeIndexCache = new WeakMap<WalkGraph, IntPairMap>();

function nodeIndex(graph: WalkGraph): IntPairMap {
  let map = nodeIndexCache.get(graph);
  if (!map) {
    map = new IntPairMap(graph.nodeCount);
    for (let i = 0; i < graph.nodeCount; i++) map.getOrInsert(Math.round(graph.coords[2 * i] * SCALE), Math.round(graph.coords[2 * i + 1] * SCALE), i);
    nodeIndexCache.set(graph, map);
  }
  return map;
}

const validLonLat = (c: Position | undefined): c is Position => {
  const lon = c?.[0], lat = c?.[1];
  return typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
};

/**
 * The walking graph of the network layer after scenario edits that add lines (links whose ends
 * joined a vertex or split a segment: core/scenario applyEdits), made from the baseline graph
 * instead of buildGraph over the whole layer: every baseline node and edge keeps its id; new
 * nodes (link vertices, split points; a vertex at the coordinates of an existing node after
 * rounding to 7 decimals IS that node) and new edges are appended; a split segment's edge
 * becomes its first piece and the second piece is a new edge (unless another segment of the
 * layer joins the same nodes: then the graph keeps that edge and both pieces are new). Lengths,
 * zero-length and duplicate segments are treated exactly as buildGraph does, so the result
 * equals `buildGraph(layer)` up to the numbering of nodes and edges. Components are the
 * baseline's extended, or computed again (connectedComponents) when the links join two. The
 * patched graph has no `edgeFeature` (nothing reads it; fresh memory is dear at 400,000 edges).
 *
 * @param base the baseline graph (buildGraph of the baseline layer)
 * @param changes the edits' changes to the layer, in order
 * @param featureCount features in the scenario's network layer (for stats)
 * @returns null when a change is not a split or a new line (a closure), or does not match the
 *   baseline graph (a split segment that is not an edge of it): build the graph again then
 */
export function patchGraph(base: WalkGraph, changes: readonly NetworkLayerChange[], featureCount: number): GraphPatch | null {
  const N0 = base.nodeCount, E0 = base.edgeCount;
  let bound = 0;
  for (const ch of changes) {
    if (ch.kind === 'close') return null;
    bound += ch.kind === 'split' ? 2 : ch.coordinates.length;
  }
  const map = nodeIndex(base);
  const stats: GraphBuildStats = { ...(base.stats ?? emptyStats()) };

  // new nodes
  const newKey = new Map<string, number>();
  const newLon: number[] = [], newLat: number[] = [];
  const find = (c: Position): number => {
    const lonI = Math.round(c[0] * SCALE), latI = Math.round(c[1] * SCALE);
    const old = map.get(lonI, latI);
    if (old >= 0) return old;
    return newKey.get(`${lonI},${latI}`) ?? -1;
  };
  const findOrAdd = (c: Position): number => {
    const id = find(c);
    if (id >= 0) return id;
    const lonI = Math.round(c[0] * SCALE), latI = Math.round(c[1] * SCALE);
    const n = N0 + newLon.length;
    newKey.set(`${lonI},${latI}`, n);
    newLon.push(lonI / SCALE);
    newLat.push(latI / SCALE);
    return n;
  };
  const lon = (i: number) => (i < N0 ? base.coords[2 * i] : newLon[i - N0]);
  const lat = (i: number) => (i < N0 ? base.coords[2 * i + 1] : newLat[i - N0]);

  // edges: the baseline's (changed ones overridden), then new ones; the arrays are made once at the end
  const from: number[] = [], to: number[] = [], length: number[] = [];
  const override = new Map<number, number>(); // changed baseline edge → its slot in the lists
  const slot = (e: number) => (e >= E0 ? e - E0 + bound : override.get(e) ?? -1);
  const edgeFrom = (e: number) => { const q = slot(e); return q >= 0 ? from[q] : base.edgeFrom[e]; };
  const edgeTo = (e: number) => { const q = slot(e); return q >= 0 ? to[q] : base.edgeTo[e]; };
  const set = (q: number, a: number, b: number) => {
    from[q] = a;
    to[q] = b;
    length[q] = haversine(lon(a), lat(a), lon(b), lat(b));
  };
  let edgeCount = E0;
  const isLine: number[] = [];
  const changed: number[] = [], changedFrom: number[] = [], changedTo: number[] = [], changedLength: number[] = [];
  const touched: number[] = []; // new edges and changed baseline edges, for findEdge
  const lineOf = (e: number) => e >= E0 && isLine[e - E0] === 1;
  const addEdge = (a: number, b: number, line: boolean): number => {
    const e = edgeCount++;
    set(e - E0 + bound, a, b);
    isLine.push(line ? 1 : 0);
    touched.push(e);
    return e;
  };
  const joins = (e: number, a: number, b: number) => (edgeFrom(e) === a && edgeTo(e) === b) || (edgeFrom(e) === b && edgeTo(e) === a);
  const findEdge = (a: number, b: number): number => {
    if (a < N0) {
      for (let p = base.offsets[a], end = base.offsets[a + 1]; p < end; p++) if (joins(base.arcEdge[p], a, b)) return base.arcEdge[p];
    }
    for (const e of touched) if (joins(e, a, b)) return e;
    return -1;
  };

  for (const ch of changes) {
    if (ch.kind === 'split') {
      if (!validLonLat(ch.from) || !validLonLat(ch.to) || !validLonLat(ch.at)) return null;
      const u = find(ch.from), v = find(ch.to);
      if (u < 0 || v < 0 || u === v) return null;
      const e = findEdge(u, v);
      if (e < 0) return null;
      const p = findOrAdd(ch.at);
      if (p === u || p === v) return null;
      // the segment's line reads from → at → to
      if (ch.shared) {
        // one copy of the segment fewer: one duplicate fewer dropped
        stats.droppedDuplicate--;
        if (findEdge(u, p) < 0) addEdge(u, p, lineOf(e));
        if (findEdge(p, v) < 0) addEdge(p, v, lineOf(e));
        continue;
      }
      if (e < E0 && !override.has(e)) {
        override.set(e, changed.length);
        changed.push(e);
        changedFrom.push(base.edgeFrom[e]);
        changedTo.push(base.edgeTo[e]);
        changedLength.push(base.edgeLength[e]);
        touched.push(e);
      }
      const line = lineOf(e);
      set(slot(e), u, p);
      if (findEdge(p, v) < 0) addEdge(p, v, line);
      continue;
    }
    if (ch.kind === 'close' || !ch.walkable) continue;
    // a new line, as buildGraph reads one
    let prev = -1;
    for (const c of ch.coordinates) {
      if (!validLonLat(c)) {
        stats.invalidCoordinates++;
        prev = -1;
        continue;
      }
      const id = findOrAdd(c);
      if (prev !== -1) {
        if (prev === id) stats.droppedZeroLength++;
        else if (findEdge(prev, id) >= 0) stats.droppedDuplicate++;
        else addEdge(prev, id, true);
      }
      prev = id;
    }
  }

  const nodeCount = N0 + newLon.length;
  // no new node: the baseline's coordinates serve as they are (never written to)
  const coords = nodeCount === N0 ? base.coords : new Float64Array(2 * nodeCount);
  if (coords !== base.coords) coords.set(base.coords);
  for (let i = 0; i < newLon.length; i++) {
    coords[2 * (N0 + i)] = newLon[i];
    coords[2 * (N0 + i) + 1] = newLat[i];
  }
  const ef = new Int32Array(edgeCount), et = new Int32Array(edgeCount), el = new Float64Array(edgeCount);
  ef.set(base.edgeFrom);
  et.set(base.edgeTo);
  el.set(base.edgeLength);
  for (const e of touched) {
    const q = slot(e);
    ef[e] = from[q];
    et[e] = to[q];
    el[e] = length[q];
  }
  const graph = patchCsr(base, nodeCount, coords, ef, et, el, touched, stats, featureCount);
  return {
    graph, baseNodeCount: N0, baseEdgeCount: E0,
    changedEdges: Int32Array.from(changed), newIsLine: Uint8Array.from(isLine), componentsKept: graph.component !== null && kept.has(graph),
    changedFrom: Int32Array.from(changedFrom), changedTo: Int32Array.from(changedTo), changedLength: Float64Array.from(changedLength),
  };
}

/**
 * The CSR arrays of the patched edge list from the baseline's: the arcs of nodes no touched edge
 * meets are copied in blocks, those of the others written in edge order (as buildGraph orders
 * them). Components: the baseline's, extended to the new nodes, unless the new edges join two
 * components or make a new one (then connectedComponents runs again).
 */
function patchCsr(
  base: WalkGraph, nodeCount: number, coords: Float64Array, edgeFrom: Int32Array, edgeTo: Int32Array, edgeLength: Float64Array,
  touched: readonly number[], stats: GraphBuildStats, featureCount: number,
): WalkGraph {
  const N0 = base.nodeCount, E0 = base.edgeCount, edgeCount = edgeFrom.length;
  const isTouched = new Set(touched);
  // nodes whose arcs change, and their arcs (edge ids, ascending)
  const arcsOf = new Map<number, number[]>();
  const arcs = (x: number) => {
    let l = arcsOf.get(x);
    if (!l) {
      l = [];
      if (x < N0) for (let a = base.offsets[x]; a < base.offsets[x + 1]; a++) if (!isTouched.has(base.arcEdge[a])) l.push(base.arcEdge[a]);
      arcsOf.set(x, l);
    }
    return l;
  };
  for (const e of touched) {
    if (e < E0) {
      arcs(base.edgeFrom[e]);
      arcs(base.edgeTo[e]);
    }
  }
  for (const e of touched) {
    arcs(edgeFrom[e]).push(e);
    arcs(edgeTo[e]).push(e);
  }
  for (let i = N0; i < nodeCount; i++) arcs(i);
  for (const l of arcsOf.values()) l.sort((x, y) => x - y);
  const changed = [...arcsOf.keys()].sort((x, y) => x - y);

  const offsets = new Int32Array(nodeCount + 1);
  const baseOffsets = base.offsets;
  for (let i = 0; i < N0; i++) offsets[i + 1] = offsets[i] + baseOffsets[i + 1] - baseOffsets[i];
  for (let i = N0; i < nodeCount; i++) offsets[i + 1] = offsets[i];
  // degree changes shift every later node's offset
  let shift = 0, next = 0;
  for (const x of changed) {
    for (let i = next; i <= x; i++) offsets[i] += shift;
    const before = x < N0 ? baseOffsets[x + 1] - baseOffsets[x] : 0;
    shift += arcsOf.get(x)!.length - before;
    next = x + 1;
  }
  for (let i = next; i <= nodeCount; i++) offsets[i] += shift;

  const targets = new Int32Array(2 * edgeCount), arcEdge = new Int32Array(2 * edgeCount), arcLength = new Float64Array(2 * edgeCount);
  const copy = (from: number, to: number) => {
    // baseline nodes from … to − 1, none touched: their arcs as they were
    if (from >= to) return;
    const a = baseOffsets[from], b = baseOffsets[to], at = offsets[from];
    targets.set(base.targets.subarray(a, b), at);
    arcEdge.set(base.arcEdge.subarray(a, b), at);
    arcLength.set(base.arcLength.subarray(a, b), at);
  };
  let done = 0;
  for (const x of changed) {
    if (x < N0) {
      copy(done, x);
      done = x + 1;
    }
    let p = offsets[x];
    for (const e of arcsOf.get(x)!) {
      targets[p] = edgeFrom[e] === x ? edgeTo[e] : edgeFrom[e];
      arcEdge[p] = e;
      arcLength[p] = edgeLength[e];
      p++;
    }
  }
  copy(done, N0);

  let total = 0, max = 0;
  for (let e = 0; e < edgeCount; e++) {
    total += edgeLength[e];
    if (edgeLength[e] > max) max = edgeLength[e];
  }
  const extended = extendComponents(base, nodeCount, touched, edgeFrom, edgeTo);
  const cc = extended ?? connectedComponents(nodeCount, offsets, targets);
  const s: GraphBuildStats = {
    ...stats, features: featureCount, nodes: nodeCount, edges: edgeCount, components: cc.count, largestComponentNodes: cc.largest,
    totalLength: total, maxEdgeLength: max,
  };
  const graph: WalkGraph = {
    nodeCount, edgeCount, coords, offsets, targets, arcEdge, arcLength, edgeFrom, edgeTo, edgeLength,
    component: cc.component, componentCount: cc.count, stats: s,
  };
  if (extended) kept.add(graph);
  return graph;
}

/** Patched graphs whose baseline nodes kept their component ids. */
const kept = new WeakSet<WalkGraph>();

/**
 * The baseline's components with the new nodes in the largest one, when that is what the new
 * edges make (every new node joined to component 0, no two components joined); else null.
 */
function extendComponents(
  base: WalkGraph, nodeCount: number, touched: readonly number[], edgeFrom: Int32Array, edgeTo: Int32Array,
): { component: Int32Array; count: number; largest: number } | null {
  const N0 = base.nodeCount;
  if (!base.component || base.componentCount == null || base.stats == null) return null;
  // union-find over the new nodes; −1 − c stands for baseline component c
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const key = (v: number) => (v < N0 ? -1 - base.component![v] : v);
  for (let v = N0; v < nodeCount; v++) parent.set(v, v);
  for (const e of touched) {
    const a = find(key(edgeFrom[e])), b = find(key(edgeTo[e]));
    if (a === b) continue;
    if (a < 0 && b < 0) return null; // two baseline components joined
    if (a < 0) parent.set(b, a);
    else parent.set(a, b);
  }
  // no new node: the baseline's array serves as it is
  const component = nodeCount === N0 ? base.component : new Int32Array(nodeCount);
  if (component !== base.component) component.set(base.component);
  for (let v = N0; v < nodeCount; v++) {
    if (find(v) !== -1) return null; // not joined to component 0
    component[v] = 0;
  }
  return { component, count: base.componentCount, largest: base.stats.largestComponentNodes + nodeCount - N0 };
}

function emptyStats(): GraphBuildStats {
  return {
    features: 0, nodes: 0, edges: 0, components: 0, largestComponentNodes: 0, skippedNullGeometry: 0, skippedNotWalkable: 0,
    skippedOtherGeometry: 0, skipped: 0, invalidCoordinates: 0, droppedZeroLength: 0, droppedDuplicate: 0, totalLength: 0, maxEdgeLength: 0,
  };
}

/**
 * The baseline's segment index serving the patched graph: changed and new edges are listed in
 * `extra` (snapPoints tests them in every query); a changed edge's baseline box holds its first
 * piece, so the index still finds it. Null when a new node lies outside the indexed extent (the
 * "far outside the network" shortcuts of snapping would be wrong there): build the index again.
 */
export function patchSegmentIndex(index: SegmentIndex, patch: GraphPatch): SegmentIndex | null {
  const bounds = index.bounds;
  if (!bounds) return null;
  const { graph, baseNodeCount: N0, baseEdgeCount: E0 } = patch;
  const { lon0, lat0, kx, ky } = index.frame;
  for (let i = N0; i < graph.nodeCount; i++) {
    const x = (graph.coords[2 * i] - lon0) * kx, y = (graph.coords[2 * i + 1] - lat0) * ky;
    if (!(x >= bounds.minX && x <= bounds.maxX && y >= bounds.minY && y <= bounds.maxY)) return null;
  }
  const extra = new Int32Array(patch.changedEdges.length + graph.edgeCount - E0);
  extra.set(patch.changedEdges);
  for (let e = E0, k = patch.changedEdges.length; e < graph.edgeCount; e++, k++) extra[k] = e;
  // a copy that keeps the lazy tree (a spread would build it now) and shares it with the baseline
  const patched = Object.defineProperties({}, Object.getOwnPropertyDescriptors(index)) as SegmentIndex;
  patched.extra = extra;
  return patched;
}
