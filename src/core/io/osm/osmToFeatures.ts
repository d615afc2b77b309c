import osmtogeojson from 'osmtogeojson';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { OsmData, OsmWay } from './osmTypes';

export interface OsmFeatures {
  fc: FeatureCollection;
  /** Ways referencing at least one node absent from the file (cut at the extract's edge). */
  missingNodeWays: number;
  /** Elements in the file. */
  elementCount: number;
}

/**
 * OSM elements → GeoJSON with osmtogeojson (multipolygon assembly, area detection by tags).
 * Properties are the OSM tags plus `id` = "way/123". A line way with missing nodes is split into
 * the runs of nodes that are present (a MultiLineString when several), instead of osmtogeojson's
 * straight jump across the gap, which would invent a walkable shortcut.
 */
export function osmToFeatures(data: OsmData): OsmFeatures {
  const coords = new Map<number, Position>();
  for (const e of data.elements) if (e.type === 'node') coords.set(e.id, [e.lon, e.lat]);
  const ways = new Map<number, OsmWay>();
  let missingNodeWays = 0;
  for (const e of data.elements) {
    if (e.type !== 'way') continue;
    ways.set(e.id, e);
    if (e.nodes.some((n) => !coords.has(n))) missingNodeWays++;
  }
  const raw = osmtogeojson({ elements: data.elements }, { flatProperties: false });
  const features: Feature[] = [];
  for (const f of raw.features) {
    const p = f.properties as { type: string; id: number; tags?: Record<string, string>; tainted?: boolean };
    const properties: Record<string, unknown> = { ...(p.tags ?? {}), id: `${p.type}/${p.id}` };
    let geometry = f.geometry;
    if (p.tainted && p.type === 'way' && geometry.type === 'LineString') {
      const runs = splitAtMissing(ways.get(p.id), coords);
      if (runs.length === 0) continue;
      geometry = runs.length === 1 ? { type: 'LineString', coordinates: runs[0] as Position[] } : { type: 'MultiLineString', coordinates: runs };
    }
    if (p.tainted) properties.osm_incomplete = true;
    features.push({ type: 'Feature', properties, geometry });
  }
  return { fc: { type: 'FeatureCollection', features }, missingNodeWays, elementCount: data.elements.length };
}

function splitAtMissing(way: OsmWay | undefined, coords: Map<number, Position>): Position[][] {
  if (!way) return [];
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (const n of way.nodes) {
    const c = coords.get(n);
    if (c) run.push(c);
    else {
      if (run.length >= 2) runs.push(run);
      run = [];
    }
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}
