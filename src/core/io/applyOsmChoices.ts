import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { normalizeLayer } from '../model/normalize';
import type { OsmLayers } from './classifyOsm';

export type OsmLayerKind = keyof OsmLayers;

export interface OsmChoices {
  /** OSM-classified category → another rule-set category, or null to leave those facilities out. */
  reassign?: Readonly<Record<string, string | null>>;
  /** Layers to load. @default all six (buildings included) */
  include?: readonly OsmLayerKind[];
}

/**
 * Applies the OSM import dialog's choices to classifyOsm's layers: facility categories
 * reassigned (the classifier's category kept as `category_osm`; one OSM feature that now lands
 * twice in a category counts once) or dropped, then every included layer normalised to canonical
 * properties. Input not mutated.
 */
export function applyOsmChoices(layers: OsmLayers, choices: OsmChoices = {}): Partial<Record<OsmLayerKind, FeatureCollection<Geometry, Record<string, unknown>>>> {
  const include = choices.include ?? (['network', 'communities', 'facilities', 'parks', 'parking', 'buildings'] as const);
  const reassign = choices.reassign ?? {};
  const out: Partial<Record<OsmLayerKind, FeatureCollection<Geometry, Record<string, unknown>>>> = {};
  for (const kind of include) {
    let fc = layers[kind] as FeatureCollection;
    if (kind === 'facilities') {
      const seen = new Set<string>();
      const features: Feature[] = [];
      for (const f of fc.features) {
        const p = (f.properties ?? {}) as Record<string, unknown>;
        const from = String(p.category);
        const to = from in reassign ? reassign[from] : from;
        if (!to) continue;
        const osmId = String(p.osm_id ?? p.id);
        const id = `${osmId}:${to}`;
        if (seen.has(id)) continue;
        seen.add(id);
        features.push(to === from ? f : { ...f, properties: { ...p, id, category: to, category_osm: from } });
      }
      fc = { type: 'FeatureCollection', features };
    }
    out[kind] = normalizeLayer(fc as FeatureCollection<Geometry>, kind);
  }
  return out;
}
