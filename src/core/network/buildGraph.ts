import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import type { GraphBuildStats, WalkGraph } from './graph';
import { haversine } from './haversine';
import { IntPairMap } from './intPairMap';
import { hilbertOrder } from './hilbertOrder';
import { connectedComponents } from './connectedComponents';

export interface BuildGraphOptions {
  /** Renumber nodes along a Hilbert curve for memory locality. @default true */
  reorder?: boolean;
}

/** Anything with a `features` array: a GeoJSON FeatureCollection of the network layer. */
export interface NetworkInput {
  features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined>;
}

const SCALE = 1e7;

/**
 * Builds the walking graph from the network layer exactly as DESIGN §4 says: every LineString and
 * every part of a MultiLineString contributes its consecutive coordinate pairs as undirected edges
 * weighted by their haversine length (metres, R = 6,371,008.8 m); two vertices are one node when
 * their coordinates are equal after rounding to 7 decimals, so lines that cross without a shared
 * vertex stay unconnected. Zero-length and duplicate segments are dropped; features with
 * `properties.walkable === false` (or the string 'false') are excluded; null geometries and other
 * geometry types are skipped and counted in `graph.stats`. Node coordinates are the rounded values.
 * Inputs are not mutated.
 *
 * @param network FeatureCollection of LineString / MultiLineString (lon/lat degrees, WGS84)
 * @param options `reorder` (default true): Hilbert node order
 * @returns the CSR graph with `component`, `componentCount`, `edgeFeature` and `stats` filled in
 */
export function buildGraph(network: NetworkInput, options: BuildGraphOptions = {}): WalkGraph {
  const features = network.features;
  const stats: GraphBuildStats = {
    features: features.length, nodes: 0, edges: 0, components: 0, largestComponentNodes: 0,
    skippedNullGeometry: 0, skippedNotWalkable: 0, skippedOtherGeometry: 0, skipped: 0,
    invalidCoordinates: 0, droppedZeroLength: 0, droppedDuplicate: 0, totalLength: 0, maxEdgeLength: 0,
  };

  // pass 1: which features count, and an upper bound of vertices for preallocation
  const parts: (readonly Position[])[] = [];
  const partFeature: number[] = [];
  let vertexBound = 0;
  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi];
    const g = f?.geometry;
    if (g == null) {
      stats.skippedNullGeometry++;
      continue;
    }
    const walkable = f?.properties?.walkable;
    if (walkable === false || walkable === 'false') {
      stats.skippedNotWalkable++;
      continue;
    }
    if (g.type === 'LineString' && Array.isArray(g.coordinates)) {
      parts.push(g.coordinates);
      partFeature.push(fi);
      vertexBound += g.coordinates.length;
    } else if (g.type === 'MultiLineString' && Array.isArray(g.coordinates)) {
      for (const p of g.coordinates) {
        if (!Array.isArray(p)) continue;
        parts.push(p);
        partFeature.push(fi);
        vertexBound += p.length;
      }
    } else {
      stats.skippedOtherGeometry++;
    }
  }
  stats.skipped = stats.skippedNullGeometry + stats.skippedNotWalkable + stats.skippedOtherGeometry;

  // pass 2: nodes by rounded coordinates, segments between consecutive vertices. Most vertices
  // are shared by two lines or more, so the node map starts at half the vertex count (it grows).
  const nodeMap = new IntPairMap(vertexBound >> 1);
  const nodeLonI = new Int32Array(vertexBound);
  const nodeLatI = new Int32Array(vertexBound);
  let nodeCount = 0;
  const segA = new Int32Array(vertexBound);
  const segB = new Int32Array(vertexBound);
  const segF = new Int32Array(vertexBound);
  let segCount = 0;
  for (let pi = 0; pi < parts.length; pi++) {
    const part = parts[pi];
    let prev = -1;
    for (let k = 0; k < part.length; k++) {
      const c = part[k];
      const lon = c?.[0], lat = c?.[1];
      if (typeof lon !== 'number' || typeof lat !== 'number' || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
        stats.invalidCoordinates++;
        prev = -1;
        continue;
      }
      const lonI = Math.round(lon * SCALE), latI = Math.round(lat * SCALE);
      let id = nodeMap.getOrInsert(lonI, latI, nodeCount);
      if (id === -1) {
        id = nodeCount++;
        nodeLonI[id] = lonI;
        nodeLatI[id] = latI;
      }
      if (prev !== -1) {
        if (prev === id) {
          stats.droppedZeroLength++;
        } else {
          segA[segCount] = prev;
          segB[segCount] = id;
          segF[segCount] = partFeature[pi];
          segCount++;
        }
      }
      prev = id;
    }
  }
  const kept = dropDuplicateSegments(nodeCount, segA, segB, segF, segCount);
  stats.droppedDuplicate = segCount - kept;
  segCount = kept;

  let coords = new Float64Array(2 * nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    coords[2 * i] = nodeLonI[i] / SCALE;
    coords[2 * i + 1] = nodeLatI[i] / SCALE;
  }
  // newId[old] after a spatial reorder
  let newId: Int32Array | null = null;
  if (options.reorder !== false && nodeCount > 1) {
    const order = hilbertOrder(coords);
    newId = new Int32Array(nodeCount);
    const sorted = new Float64Array(2 * nodeCount);
    for (let i = 0; i < nodeCount; i++) {
      const old = order[i];
      newId[old] = i;
      sorted[2 * i] = coords[2 * old];
      sorted[2 * i + 1] = coords[2 * old + 1];
    }
    coords = sorted;
  }

  const edgeCount = segCount;
  const edgeFrom = new Int32Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  const edgeLength = new Float64Array(edgeCount);
  const edgeFeature = segF.slice(0, edgeCount);
  const degree = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const a = newId ? newId[segA[e]] : segA[e];
    const b = newId ? newId[segB[e]] : segB[e];
    edgeFrom[e] = a;
    edgeTo[e] = b;
    const len = haversine(coords[2 * a], coords[2 * a + 1], coords[2 * b], coords[2 * b + 1]);
    edgeLength[e] = len;
    stats.totalLength += len;
    if (len > stats.maxEdgeLength) stats.maxEdgeLength = len;
    degree[a]++;
    degree[b]++;
  }

  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = offsets[i] + degree[i];
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * edgeCount);
  const arcEdge = new Int32Array(2 * edgeCount);
  const arcLength = new Float64Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e], b = edgeTo[e], len = edgeLength[e];
    let p = cursor[a]++;
    targets[p] = b;
    arcEdge[p] = e;
    arcLength[p] = len;
    p = cursor[b]++;
    targets[p] = a;
    arcEdge[p] = e;
    arcLength[p] = len;
  }

  const cc = connectedComponents(nodeCount, offsets, targets);
  stats.nodes = nodeCount;
  stats.edges = edgeCount;
  stats.components = cc.count;
  stats.largestComponentNodes = cc.largest;

  return {
    nodeCount, edgeCount, coords, offsets, targets, arcEdge, arcLength, edgeFrom, edgeTo, edgeLength,
    edgeFeature, component: cc.component, componentCount: cc.count, stats,
  };
}

/**
 * Removes segments joining two nodes already joined by an earlier segment (either direction),
 * compacting segA/segB/segF in place and keeping the first occurrences in order: segments are
 * grouped by their lower node (counting sort) and a stamp per higher node finds repeats, which
 * touches memory far less than a hash map keyed by node pairs.
 *
 * @returns the number of segments kept
 */
function dropDuplicateSegments(nodeCount: number, segA: Int32Array, segB: Int32Array, segF: Int32Array, count: number): number {
  const start = new Int32Array(nodeCount + 1);
  for (let s = 0; s < count; s++) start[Math.min(segA[s], segB[s]) + 1]++;
  for (let i = 0; i < nodeCount; i++) start[i + 1] += start[i];
  const cursor = start.slice(0, nodeCount);
  const bySeg = new Int32Array(count);
  for (let s = 0; s < count; s++) bySeg[cursor[Math.min(segA[s], segB[s])]++] = s;
  // within a group segments ascend, so the first one seen for a pair is the first in the input
  const stamp = new Int32Array(nodeCount).fill(-1);
  const dup = new Uint8Array(count);
  let drops = 0;
  for (let lo = 0; lo < nodeCount; lo++) {
    for (let p = start[lo], end = start[lo + 1]; p < end; p++) {
      const s = bySeg[p];
      const hi = Math.max(segA[s], segB[s]);
      if (stamp[hi] === lo) {
        dup[s] = 1;
        drops++;
      } else {
        stamp[hi] = lo;
      }
    }
  }
  if (drops === 0) return count;
  let k = 0;
  for (let s = 0; s < count; s++) {
    if (dup[s]) continue;
    segA[k] = segA[s];
    segB[k] = segB[s];
    segF[k] = segF[s];
    k++;
  }
  return k;
}
