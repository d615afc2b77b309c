import { kinks, unkinkPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { IssueCollector } from '../issueCollector';
import type { IndexedFeature } from './cleanFeatures';

/** turf.kinks is O(n²) in vertices; bigger polygons are not checked (rare in planning data). */
const MAX_VERTICES = 5000;

function vertexCount(g: Polygon | MultiPolygon): number {
  let n = 0;
  if (g.type === 'Polygon') for (const r of g.coordinates) n += r.length;
  else for (const p of g.coordinates) for (const r of p) n += r.length;
  return n;
}

/**
 * Splits a self-intersecting polygon into valid parts with turf's `unkinkPolygon` (no buffer(0)),
 * keeping the properties; returns null when the polygon cannot be repaired that way.
 */
export function repairSelfIntersection(f: Feature<Polygon | MultiPolygon>): Feature<MultiPolygon> | null {
  try {
    const parts = unkinkPolygon(f as Feature<Polygon>);
    const coords: Position[][][] = parts.features.map((p) => p.geometry.coordinates);
    if (coords.length === 0) return null;
    return { ...f, geometry: { type: 'MultiPolygon', coordinates: coords } };
  } catch {
    return null;
  }
}

/** True when turf finds crossing edges in the polygon (shared vertices of touching rings included). */
export function isSelfIntersecting(g: Polygon | MultiPolygon): boolean {
  if (vertexCount(g) > MAX_VERTICES) return false;
  return kinks(g).features.length > 0;
}

/**
 * Flags polygons with crossing edges (DESIGN §8: repair or flag); with `repair` splits them into
 * valid parts instead. Features are returned in the same order.
 */
export function checkSelfIntersections(items: IndexedFeature[], repair: boolean, issues: IssueCollector): IndexedFeature[] {
  let repaired = 0;
  const out = items.map((it) => {
    const g = it.f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return it;
    if (!isSelfIntersecting(g)) return it;
    if (repair) {
      const fixed = repairSelfIntersection(it.f as Feature<Polygon | MultiPolygon>);
      if (fixed) {
        repaired++;
        return { f: fixed as Feature, i: it.i };
      }
    }
    issues.addFeature('self-intersection', it.i);
    return it;
  });
  if (repaired > 0) issues.add('self-intersection-repaired', { count: repaired });
  return out;
}
