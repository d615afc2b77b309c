import type { WalkGraph } from './graph';
import type { EdgeSources } from './multiSourceDijkstra';

export interface WalkingRoute {
  /** lon, lat pairs from the target's snap point to the source's snap point, along the network */
  coordinates: [number, number][];
  /** metres including both access legs (equals distancesAtSnaps) */
  distance: number;
  /** index of the source reached */
  source: number;
}

/**
 * The walking route from target point `i` to its nearest source, read back from a search run
 * with `trackPaths: true`. The access legs (point → snap point) are in `distance` but not in the
 * coordinates: draw them from the original points.
 *
 * @returns null when the target is unreachable
 */
export function walkingRoute(
  graph: WalkGraph,
  search: { dist: Float64Array; origin: Int32Array; predArc: Int32Array },
  targets: EdgeSources & { snapLonLat?: Float64Array },
  i: number,
  sources: EdgeSources,
  sourceIds?: ArrayLike<number>,
): WalkingRoute | null {
  const e = targets.edge[i];
  if (!targets.ok[i] || e < 0) return null;
  const { coords, edgeFrom, edgeTo, edgeLength, arcEdge } = graph;
  const len = edgeLength[e], f = targets.t[i];
  const u = edgeFrom[e], v = edgeTo[e];
  const at = (edge: number, t: number): [number, number] => {
    const a = edgeFrom[edge], b = edgeTo[edge];
    return [coords[2 * a] + t * (coords[2 * b] - coords[2 * a]), coords[2 * a + 1] + t * (coords[2 * b + 1] - coords[2 * a + 1])];
  };
  const node = (n: number): [number, number] => [coords[2 * n], coords[2 * n + 1]];
  const start = at(e, f);

  const du = search.dist[u] + f * len, dv = search.dist[v] + (1 - f) * len;
  let best = Math.min(du, dv);
  let direct = -1;
  const m = sourceIds ? sourceIds.length : sources.edge.length;
  for (let k = 0; k < m; k++) {
    const s = sourceIds ? sourceIds[k] : k;
    if (!sources.ok[s] || sources.edge[s] !== e) continue;
    const d = Math.abs(f - sources.t[s]) * len + sources.access[s];
    if (d < best) {
      best = d;
      direct = s;
    }
  }
  if (!Number.isFinite(best)) return null;
  const acc = targets.access[i];
  if (direct >= 0) {
    return { coordinates: [start, at(e, sources.t[direct])], distance: acc + best, source: direct };
  }

  const path: [number, number][] = [start];
  let n = du <= dv ? u : v;
  for (let guard = 0; guard <= graph.nodeCount; guard++) {
    path.push(node(n));
    const a = search.predArc[n];
    if (a < 0) break;
    const edge = arcEdge[a];
    n = edgeFrom[edge] === n ? edgeTo[edge] : edgeFrom[edge];
  }
  const s = search.origin[n];
  if (s < 0) return null;
  path.push(at(sources.edge[s], sources.t[s]));
  return { coordinates: path, distance: acc + best, source: s };
}
