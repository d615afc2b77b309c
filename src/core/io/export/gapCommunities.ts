import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { RuleSet } from '../../rules/types';
import type { CoverageTable } from './coverageAttributes';

/**
 * The gaps of one life-circle level: the communities that miss at least one mandatory category of
 * that level (levels are not nested, DESIGN §4), with their original properties plus `level`,
 * `missing` (category ids), `missing_count`, and the missing categories' names joined (`missing_zh`,
 * `missing_en`). Categories the result does not contain are ignored.
 * @param communities the analysed collection (feature c ↔ community c of the result)
 */
export function gapCommunities(
  communities: FeatureCollection,
  result: CoverageTable,
  rules: Pick<RuleSet, 'categories'>,
  levelId: string,
): FeatureCollection<Geometry, Record<string, unknown>> {
  const C = result.communityCount;
  const mandatory = rules.categories
    .filter((cat) => cat.level === levelId && cat.mandatory)
    .map((cat) => ({ cat, k: result.categoryIds.indexOf(cat.id) }))
    .filter((x) => x.k >= 0);
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  const n = Math.min(C, communities.features.length);
  for (let c = 0; c < n; c++) {
    const missing = mandatory.filter(({ k }) => result.ok[k * C + c] !== 1).map((x) => x.cat);
    if (!missing.length) continue;
    const f = communities.features[c];
    features.push({
      type: 'Feature',
      ...(f.id !== undefined ? { id: f.id } : {}),
      geometry: f.geometry as Geometry,
      properties: {
        ...(f.properties ?? {}),
        level: levelId,
        missing: missing.map((m) => m.id),
        missing_count: missing.length,
        missing_zh: missing.map((m) => m.name_zh).join('、'),
        missing_en: missing.map((m) => m.name_en).join(', '),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
