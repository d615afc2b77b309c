import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { RuleSet } from '../../rules/types';
import { missingMandatory, type MissingMandatoryCoverage } from '../../analysis/compliance/missingMandatory';
import { noDataCategoryIds } from '../../analysis/compliance/noDataPolicy';
import type { CoverageTable } from './coverageAttributes';
import { LIST_SEPARATOR } from './flatProperties';

/**
 * The gaps of one life-circle level: the communities that miss at least one counted mandatory
 * category of that level (levels are not nested, DESIGN §4; categories without any facility in the
 * data only when the analysis counted them, noDataPolicy), with their original properties plus
 * flat `level`, `missing` (category ids joined with ';'), `missing_count`, the missing categories'
 * names joined (`missing_zh` with '、', `missing_en` with ', ') and `no_data` (the level's
 * mandatory categories without data, ids joined with ';'; empty when none).
 * @param communities the analysed collection (feature c ↔ community c of the result)
 */
export function gapCommunities(
  communities: FeatureCollection,
  result: CoverageTable & MissingMandatoryCoverage & { stats: { categories: ReadonlyArray<{ id: string; level: string; mandatory: boolean; noData?: boolean }> } },
  rules: Pick<RuleSet, 'categories'>,
  levelId: string,
): FeatureCollection<Geometry, Record<string, unknown>> {
  const C = result.communityCount;
  const m = missingMandatory(result, [levelId]);
  const lv = m.levels[0];
  const byId = new Map(rules.categories.map((cat) => [cat.id, cat]));
  const noData = noDataCategoryIds(result, { level: levelId, mandatoryOnly: true }).join(LIST_SEPARATOR);
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  const n = Math.min(C, communities.features.length);
  for (let c = 0; lv && c < n; c++) {
    if (!m.total[c]) continue;
    const missing = lv.categories.filter((_, j) => lv.counted[j] && result.ok[lv.k[j] * C + c] !== 1);
    const f = communities.features[c];
    features.push({
      type: 'Feature',
      ...(f.id !== undefined ? { id: f.id } : {}),
      geometry: f.geometry as Geometry,
      properties: {
        ...(f.properties ?? {}),
        level: levelId,
        missing: missing.join(LIST_SEPARATOR),
        missing_count: missing.length,
        missing_zh: missing.map((id) => byId.get(id)?.name_zh ?? id).join('、'),
        missing_en: missing.map((id) => byId.get(id)?.name_en ?? id).join(', '),
        no_data: noData,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
