/** The kinds of layer a study area is made of (DESIGN §3). */
export const LAYER_KINDS = ['communities', 'facilities', 'parks', 'parking', 'network', 'water', 'buildings', 'units'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

type GeomType = 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon';

/** Geometry types each kind accepts; anything else is a "wrong geometry type for the layer" error. */
export const KIND_GEOMETRIES: Record<LayerKind, readonly GeomType[]> = {
  communities: ['Polygon', 'MultiPolygon', 'Point'],
  facilities: ['Point', 'MultiPoint', 'Polygon', 'MultiPolygon'],
  parks: ['Polygon', 'MultiPolygon'],
  parking: ['Point', 'Polygon', 'MultiPolygon'],
  network: ['LineString', 'MultiLineString'],
  water: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
  buildings: ['Polygon', 'MultiPolygon'],
  units: ['Polygon', 'MultiPolygon'],
};

export function isLayerKind(x: unknown): x is LayerKind {
  return typeof x === 'string' && (LAYER_KINDS as readonly string[]).includes(x);
}

/** Layer kind names for messages written in core (importer issues), in both UI languages. */
export const KIND_NAMES: Record<LayerKind, { en: string; zh: string }> = {
  communities: { en: 'communities', zh: '小区' },
  facilities: { en: 'facilities', zh: '设施' },
  parks: { en: 'parks', zh: '公园' },
  parking: { en: 'parking', zh: '停车场' },
  network: { en: 'walking network', zh: '路网' },
  water: { en: 'water', zh: '水系' },
  buildings: { en: 'buildings', zh: '建筑' },
  units: { en: 'administrative units', zh: '行政区划' },
};
