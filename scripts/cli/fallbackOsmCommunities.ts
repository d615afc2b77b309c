import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readLayerFile } from '../../src/core/io/readLayerFile';

const HOUSING = new Set(['residential', 'apartments', 'dormitory']);

/**
 * Communities for an OSM extract in which classifyOsm found none (no landuse=residential areas and
 * no NAMED residential buildings): every residential building polygon (building=residential,
 * apartments, dormitory), named or not, one community each. Coarser than compounds, but lets the
 * analysis run on districts mapped building by building. Empty when there are none either.
 */
export async function fallbackOsmCommunities(file: string, bytes: Uint8Array): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  const r = await readLayerFile(file, bytes);
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of r.features.features) {
    const g = f.geometry;
    const tags = (f.properties ?? {}) as Record<string, unknown>;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !HOUSING.has(String(tags.building))) continue;
    const id = String(tags.id ?? f.id ?? `building-${features.length + 1}`);
    const name = typeof tags['name:zh'] === 'string' ? tags['name:zh'] : typeof tags.name === 'string' ? tags.name : null;
    features.push({ type: 'Feature', properties: { ...tags, id, name, source: `building=${String(tags.building)} (fallback)` }, geometry: g });
  }
  return { type: 'FeatureCollection', features };
}
