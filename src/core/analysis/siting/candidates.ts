import type { MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, bbox } from '@turf/turf';
import type { WalkGraph } from '../../network/graph';

/**
 * Candidate sites from the walking network: every node inside the planner's area (lon/lat
 * interleaved, node order). Nodes are where streets meet or bend, so a site there is reachable.
 */
export function networkNodesInArea(graph: WalkGraph, area: Polygon | MultiPolygon): Float64Array {
  const [w, s, e, n] = bbox(area);
  const out: number[] = [];
  const N = graph.coords.length >> 1;
  for (let i = 0; i < N; i++) {
    const lon = graph.coords[2 * i], lat = graph.coords[2 * i + 1];
    if (lon < w || lon > e || lat < s || lat > n) continue;
    if (booleanPointInPolygon([lon, lat], area)) out.push(lon, lat);
  }
  return Float64Array.from(out);
}
