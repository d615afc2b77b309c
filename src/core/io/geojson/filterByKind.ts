import type { Geometry } from 'geojson';
import { KIND_GEOMETRIES, type LayerKind } from '../../model/layerKinds';
import type { IssueCollector } from '../issueCollector';
import { representativePoint } from '../representativePoint';
import type { IndexedFeature } from './cleanFeatures';

const KIND_ZH: Record<LayerKind, string> = {
  communities: '小区',
  facilities: '设施',
  parks: '公园',
  parking: '停车场',
  network: '路网',
  water: '水系',
};

const FAMILY: Record<Geometry['type'], string> = {
  Point: 'points',
  MultiPoint: 'points',
  LineString: 'lines',
  MultiLineString: 'lines',
  Polygon: 'polygons',
  MultiPolygon: 'polygons',
  GeometryCollection: 'collections',
};

/**
 * Keeps the features whose geometry the chosen layer kind accepts (model KIND_GEOMETRIES) and
 * reports the rest; facility polygons become their representative point. Without a kind, only
 * warns when the file mixes points, lines and polygons.
 */
export function filterByKind(items: IndexedFeature[], kind: LayerKind | undefined, issues: IssueCollector): IndexedFeature[] {
  if (!kind) {
    const families = new Map<string, number>();
    for (const { f } of items) {
      const fam = FAMILY[(f.geometry as Geometry).type];
      families.set(fam, (families.get(fam) ?? 0) + 1);
    }
    if (families.size > 1) issues.add('mixed-geometry', { types: [...families].map(([k, n]) => `${n} ${k}`).join(', ') });
    return items;
  }
  const allowed = KIND_GEOMETRIES[kind] as readonly string[];
  const out: IndexedFeature[] = [];
  let converted = 0;
  for (const it of items) {
    const g = it.f.geometry as Geometry;
    if (kind === 'facilities' && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      out.push({ f: { ...it.f, geometry: { type: 'Point', coordinates: representativePoint(g) } }, i: it.i });
      converted++;
      continue;
    }
    if (allowed.includes(g.type)) out.push(it);
    else {
      issues.addFeature('wrong-geometry-for-kind', it.i, {
        found: FAMILY[g.type],
        kind,
        kind_zh: KIND_ZH[kind],
        expected: allowed.join('/'),
      });
    }
  }
  if (converted > 0) issues.add('polygon-to-point', { count: converted });
  return out;
}
