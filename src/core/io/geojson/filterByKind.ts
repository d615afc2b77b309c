import type { Geometry } from 'geojson';
import { KIND_GEOMETRIES, KIND_NAMES, type LayerKind } from '../../model/layerKinds';
import type { IssueCollector } from '../issueCollector';
import { anchorPoint } from '../anchorPoint';
import { FAMILY_TEXT, GEOMETRY_FAMILY, splitGeometryForKind, type GeometryFamily } from '../geometrySplit';
import type { IndexedFeature } from './cleanFeatures';

const both = (families: GeometryFamily[]): { en: string; zh: string } => ({
  en: families.map((f) => FAMILY_TEXT[f].en).join('/'),
  zh: families.map((f) => FAMILY_TEXT[f].zh).join('/'),
});

/**
 * Keeps the features that belong in the chosen layer kind and reports the rest: of a file's
 * geometry families only those `splitGeometryForKind` gives the kind go in (a mixed file's points
 * are not communities), and within them only the types KIND_GEOMETRIES allows; facility polygons
 * become their representative point. Without a kind, only warns when the file mixes points,
 * lines and polygons. Messages are complete in both languages.
 */
export function filterByKind(items: IndexedFeature[], kind: LayerKind | undefined, issues: IssueCollector): IndexedFeature[] {
  const types: Partial<Record<Geometry['type'], number>> = {};
  for (const { f } of items) {
    const t = (f.geometry as Geometry).type;
    types[t] = (types[t] ?? 0) + 1;
  }
  if (!kind) {
    const families = new Map<GeometryFamily, number>();
    for (const [t, n] of Object.entries(types) as [Geometry['type'], number][]) {
      const fam = GEOMETRY_FAMILY[t];
      if (fam) families.set(fam, (families.get(fam) ?? 0) + n);
    }
    if (families.size > 1) {
      issues.add('mixed-geometry', {
        types: [...families].map(([k, n]) => `${n} ${FAMILY_TEXT[k].en}`).join(', '),
        types_zh: [...families].map(([k, n]) => `${n} 个${FAMILY_TEXT[k].zh}要素`).join('、'),
      });
    }
    return items;
  }
  const split = splitGeometryForKind(types, kind);
  const allowed = KIND_GEOMETRIES[kind] as readonly string[];
  const out: IndexedFeature[] = [];
  let converted = 0;
  // per family, what the split left out (looked up once, not per feature)
  const restOf = new Map<GeometryFamily, (typeof split.rest)[number]>();
  for (const r of split.rest) if (!restOf.has(r.family)) restOf.set(r.family, r);
  for (const it of items) {
    const g = it.f.geometry as Geometry;
    const fam = GEOMETRY_FAMILY[g.type];
    if (!fam) continue;
    const rest = restOf.get(fam);
    if (rest) {
      if (split.take.length > 0) {
        const taken = both(split.take);
        issues.addFeature('other-geometry-left-out', it.i, {
          family: fam,
          found: FAMILY_TEXT[fam].en,
          found_zh: FAMILY_TEXT[fam].zh,
          kind: KIND_NAMES[kind].en,
          kind_zh: KIND_NAMES[kind].zh,
          taken: taken.en,
          taken_zh: taken.zh,
          other: KIND_NAMES[rest.kind].en,
          other_zh: KIND_NAMES[rest.kind].zh,
        });
        continue;
      }
    } else if (kind === 'facilities' && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      out.push({ f: { ...it.f, geometry: { type: 'Point', coordinates: anchorPoint(g) } }, i: it.i });
      converted++;
      continue;
    }
    if (!rest && allowed.includes(g.type)) out.push(it);
    else {
      const expected = [...new Set(allowed.map((t) => GEOMETRY_FAMILY[t as Geometry['type']]!))];
      const exp = both(expected);
      issues.addFeature('wrong-geometry-for-kind', it.i, {
        found: FAMILY_TEXT[fam].en,
        found_zh: FAMILY_TEXT[fam].zh,
        kind: KIND_NAMES[kind].en,
        kind_zh: KIND_NAMES[kind].zh,
        expected: allowed.join('/'),
        expected_zh: exp.zh,
      });
    }
  }
  if (converted > 0) issues.add('polygon-to-point', { count: converted });
  return out;
}
