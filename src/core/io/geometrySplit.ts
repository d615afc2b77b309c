import type { Geometry } from 'geojson';
import { KIND_GEOMETRIES, type LayerKind } from '../model/layerKinds';

export type GeometryFamily = 'points' | 'lines' | 'polygons';

export const GEOMETRY_FAMILY: Record<Geometry['type'], GeometryFamily | null> = {
  Point: 'points',
  MultiPoint: 'points',
  LineString: 'lines',
  MultiLineString: 'lines',
  Polygon: 'polygons',
  MultiPolygon: 'polygons',
  GeometryCollection: null,
};

/** Family names in both languages, for messages. */
export const FAMILY_TEXT: Record<GeometryFamily, { en: string; zh: string }> = {
  points: { en: 'points', zh: '点' },
  lines: { en: 'lines', zh: '线' },
  polygons: { en: 'polygons', zh: '面' },
};

/**
 * What a layer kind is made of when a file offers several families it could take: communities
 * are polygons (points only when the file has no polygons), facilities points (polygons only when
 * the file has no points: they become their representative point), network lines. Parking and
 * water take both of their families.
 */
const PRIMARY: Record<LayerKind, readonly GeometryFamily[]> = {
  communities: ['polygons'],
  facilities: ['points'],
  parks: ['polygons'],
  parking: ['points', 'polygons'],
  network: ['lines'],
  water: ['polygons', 'lines'],
  units: ['polygons'],
  buildings: ['polygons'],
};

/** The layer the rest of a mixed file most likely belongs to. */
const KIND_FOR_FAMILY: Record<GeometryFamily, LayerKind> = { points: 'facilities', lines: 'network', polygons: 'communities' };

export interface GeometryRest {
  family: GeometryFamily;
  count: number;
  /** The layer these features can go to instead. */
  kind: LayerKind;
}

export interface GeometrySplit {
  /** Families loaded into the chosen layer. */
  take: GeometryFamily[];
  /** Families left out, with their counts and the layer they could go to. */
  rest: GeometryRest[];
}

/** Counts features per family from per-type counts (as the importer's `geometryTypes`). */
export function familyCounts(types: Partial<Record<Geometry['type'], number>>): Partial<Record<GeometryFamily, number>> {
  const out: Partial<Record<GeometryFamily, number>> = {};
  for (const [t, n] of Object.entries(types) as [Geometry['type'], number | undefined][]) {
    const fam = GEOMETRY_FAMILY[t];
    if (fam && n) out[fam] = (out[fam] ?? 0) + n;
  }
  return out;
}

/**
 * Which of a file's geometry families go into a layer of the chosen kind, and which are left for
 * another layer: a file of 3 polygons and 5 points loaded as communities takes the 3 polygons and
 * offers the 5 points as facilities (not 8 communities). A family the kind cannot use at all is
 * rest too. Pure: the dialog, the importer's filter and tests share it.
 */
export function splitGeometryForKind(types: Partial<Record<Geometry['type'], number>>, kind: LayerKind): GeometrySplit {
  const counts = familyCounts(types);
  const present = (Object.keys(counts) as GeometryFamily[]).filter((f) => (counts[f] ?? 0) > 0);
  const accepts = (fam: GeometryFamily): boolean => KIND_GEOMETRIES[kind].some((t) => GEOMETRY_FAMILY[t] === fam);
  const primary = present.filter((f) => PRIMARY[kind].includes(f));
  const take = primary.length > 0 ? primary : present.filter(accepts);
  const rest = present
    .filter((f) => !take.includes(f))
    .map((family) => ({ family, count: counts[family] ?? 0, kind: KIND_FOR_FAMILY[family] }));
  return { take, rest };
}
