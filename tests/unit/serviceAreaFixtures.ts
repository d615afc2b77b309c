/**
 * Tiny hand-made walking graphs for the service-area tests, built directly as CSR so these
 * tests do not depend on buildGraph. Positions are given in metres around (116.4°, 39.9°) and
 * converted with the local equirectangular frame of R = 6,371,008.8 m.
 */
import type { WalkGraph } from '../../src/core/network/graph';

export const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
export const LON0 = 116.4;
export const LAT0 = 39.9;
export const KX = M_PER_DEG * Math.cos((LAT0 * Math.PI) / 180);

export const toLonLat = (x: number, y: number): [number, number] => [LON0 + x / KX, LAT0 + y / M_PER_DEG];

function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2
    + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

/** A WalkGraph from node positions in metres and undirected edges [a, b]. */
export function makeGraph(xy: [number, number][], edges: [number, number][]): WalkGraph {
  const nodeCount = xy.length;
  const coords = new Float64Array(2 * nodeCount);
  xy.forEach(([x, y], i) => {
    const [lon, lat] = toLonLat(x, y);
    coords[2 * i] = lon;
    coords[2 * i + 1] = lat;
  });
  const edgeCount = edges.length;
  const edgeFrom = new Int32Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  const edgeLength = new Float64Array(edgeCount);
  const degree = new Int32Array(nodeCount);
  edges.forEach(([a, b], e) => {
    edgeFrom[e] = a;
    edgeTo[e] = b;
    edgeLength[e] = haversine(coords[2 * a], coords[2 * a + 1], coords[2 * b], coords[2 * b + 1]);
    degree[a]++;
    degree[b]++;
  });
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * edgeCount);
  const arcEdge = new Int32Array(2 * edgeCount);
  const arcLength = new Float64Array(2 * edgeCount);
  edges.forEach(([a, b], e) => {
    for (const [p, q] of [[a, b], [b, a]]) {
      const k = fill[p]++;
      targets[k] = q;
      arcEdge[k] = e;
      arcLength[k] = edgeLength[e];
    }
  });
  return { nodeCount, edgeCount, coords, offsets, targets, arcEdge, arcLength, edgeFrom, edgeTo, edgeLength };
}

/** A north–south street of `n` nodes `step` metres apart (node i at y = i·step). */
export function straightStreet(n: number, step = 100): WalkGraph {
  const xy: [number, number][] = [];
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    xy.push([0, i * step]);
    if (i > 0) edges.push([i - 1, i]);
  }
  return makeGraph(xy, edges);
}

/** A full n × n street grid, `step` metres; node (i, j) = j·n + i at (i·step, j·step). */
export function streetGrid(n: number, step = 100): WalkGraph {
  const xy: [number, number][] = [];
  const edges: [number, number][] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      xy.push([i * step, j * step]);
      if (i > 0) edges.push([j * n + i - 1, j * n + i]);
      if (j > 0) edges.push([(j - 1) * n + i, j * n + i]);
    }
  }
  return makeGraph(xy, edges);
}
