import type { Geometry } from 'geojson';
import type { Language } from '../../messages/language';
import { pick } from '../../messages/language';
import type { RuleSet } from '../../rules/types';
import { orderedLevels } from '../../rules/ruleQueries';
import { featureLabel } from '../../model/featureLabel';
import { builtYear, isOld } from '../../model/oldCommunity';
import { neighborhoodOf, subdistrictOf } from '../../model/adminUnit';
import { unitRate, unitTotals } from '../../analysis/units/unitTotals';
import { headlineMeasure } from '../../analysis/coverage/coverageStats';
import type { StudyAreaResult } from '../../studyArea/types';

/** How a column's numbers are written (Excel number formats; CSV keeps the plain value). */
export type ColumnFormat = 'text' | 'int' | 'dec1' | 'pct' | 'year' | 'bool';

export interface TableColumn {
  key: string;
  /** header in the language asked for, with its unit, e.g. 覆盖率(%) */
  header: string;
  format: ColumnFormat;
}

/** One sheet of the briefing workbook (and one CSV): a name, columns with units, rows of plain values. */
export interface BriefingTable {
  /** sheet / file name in the language asked for */
  name: string;
  /** file-name-safe English id */
  id: string;
  columns: TableColumn[];
  rows: Record<string, string | number | boolean | null>[];
}

type FC = { features: readonly { properties: Record<string, unknown> | null; geometry: Geometry | null }[] };

const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 1000) / 10);

/**
 * The tables a planner hands in for the yearly check (issue 12): per administrative unit (街道 / 乡镇;
 * communities' `subdistrict`), per category, the community list with distances and the gap list —
 * plain values with headers in the UI language and units in the header. The Excel workbook, the CSVs
 * and the bundle are written from these, so they agree.
 */
export function briefingTables(communities: FC, result: StudyAreaResult, rules: RuleSet, lang: Language): BriefingTable[] {
  const t = (en: string, zh: string) => pick(lang, en, zh);
  const { coverage, weights, parking, renovation } = result;
  const C = coverage.communityCount;
  const cat = new Map(rules.categories.map((c) => [c.id, c]));
  const catName = (id: string) => (cat.get(id) ? (lang === 'zh-CN' ? cat.get(id)!.name_zh : cat.get(id)!.name_en) : id);
  const levels = orderedLevels(rules).filter((l) => coverage.levelIds.includes(l.id));
  const levelName = (id: string) => {
    const l = rules.levels.find((x) => x.id === id);
    return l ? (lang === 'zh-CN' ? l.name_zh : l.name_en) : id;
  };
  const measure = headlineMeasure(coverage.stats.totals);
  const rateWord = measure === 'population' ? t('residents', '人口') : t('communities', '小区');
  const props = (c: number) => communities.features[c]?.properties ?? {};
  const mandatory = coverage.stats.categories.filter((c) => c.mandatory && !c.noData);

  // 1. per 街道
  const u = unitTotals(communities.features.map((f) => subdistrictOf(f.properties)), coverage, weights, { parkingGap: parking?.gap ?? null });
  const unitTable: BriefingTable = {
    id: 'units',
    name: t('By subdistrict', '街道汇总'),
    columns: [
      { key: 'unit', header: t('Subdistrict / town', '街道/乡镇'), format: 'text' },
      { key: 'communities', header: t('Communities', '小区数(个)'), format: 'int' },
      { key: 'households', header: t('Households', '户数(户)'), format: 'int' },
      { key: 'population', header: t('Residents', '人口(人)'), format: 'int' },
      { key: 'weight_unknown', header: t('Communities without households/population', '缺户数人口的小区(个)'), format: 'int' },
      ...levels.map((l) => ({ key: `complete_${l.id}`, header: t(`${levelName(l.id)}: all mandatory met (% of ${rateWord})`, `${levelName(l.id)}全部达标(${rateWord}%)`), format: 'pct' as const })),
      ...mandatory.map((c) => ({ key: `rate_${c.id}`, header: t(`${catName(c.id)} covered (% of ${rateWord})`, `${catName(c.id)}覆盖率(${rateWord}%)`), format: 'pct' as const })),
      { key: 'with_gaps', header: t('Communities with gaps', '有缺项的小区(个)'), format: 'int' },
      { key: 'parking_gap', header: t('Parking gap (spaces)', '停车缺口(个)'), format: 'dec1' },
    ],
    rows: u.rows.map((x) => ({
      unit: x.unit || t('(no subdistrict given)', '（未注明街道）'),
      communities: x.communities, households: r1(x.households), population: r1(x.population), weight_unknown: x.weightUnknown,
      ...Object.fromEntries(levels.map((l) => [`complete_${l.id}`, pct(unitRate(x, x.levels[l.id] ?? { communities: 0, population: 0 }, measure))])),
      ...Object.fromEntries(mandatory.map((c) => [`rate_${c.id}`, pct(unitRate(x, x.categories[c.id], measure))])),
      with_gaps: x.withGaps, parking_gap: r1(x.parkingGap),
    })),
  };

  // 2. per category
  const categoryTable: BriefingTable = {
    id: 'categories',
    name: t('By category', '分类覆盖'),
    columns: [
      { key: 'category', header: t('Category', '设施类别'), format: 'text' },
      { key: 'id', header: 'id', format: 'text' },
      { key: 'level', header: t('Life circle', '生活圈'), format: 'text' },
      { key: 'mandatory', header: t('Mandatory', '强制配建'), format: 'bool' },
      { key: 'radius', header: t('Radius (m)', '服务半径(米)'), format: 'int' },
      { key: 'facilities', header: t('Facilities', '设施数(处)'), format: 'int' },
      { key: 'covered', header: t('Communities covered', '覆盖小区(个)'), format: 'int' },
      { key: 'covered_population', header: t('Residents covered', '覆盖人口(人)'), format: 'int' },
      { key: 'rate', header: t(`Coverage (% of ${rateWord})`, `覆盖率(${rateWord}%)`), format: 'pct' },
      { key: 'source', header: t('Rule source', '依据'), format: 'text' },
    ],
    rows: coverage.stats.categories.map((c) => ({
      category: catName(c.id), id: c.id, level: levelName(c.level), mandatory: c.mandatory, radius: c.radius,
      facilities: c.facilitiesInData, covered: c.communities.covered, covered_population: r1(c.population.covered),
      rate: c.noData ? null : pct(c[measure].rate), source: cat.get(c.id)?.source ?? '',
    })),
  };

  // 3. the communities
  const communityTable: BriefingTable = {
    id: 'communities',
    name: t('Communities', '小区明细'),
    columns: [
      { key: 'id', header: t('Id', '编号'), format: 'text' },
      { key: 'name', header: t('Community', '小区名称'), format: 'text' },
      { key: 'subdistrict', header: t('Subdistrict', '街道'), format: 'text' },
      { key: 'neighborhood', header: t('Neighbourhood committee', '社区'), format: 'text' },
      { key: 'households', header: t('Households', '户数(户)'), format: 'int' },
      { key: 'population', header: t('Residents', '人口(人)'), format: 'int' },
      { key: 'built_year', header: t('Built', '建成年代'), format: 'year' },
      { key: 'old', header: t('Old community', '老旧小区'), format: 'bool' },
      ...levels.map((l) => ({ key: `completeness_${l.id}`, header: t(`${levelName(l.id)} completeness (%)`, `${levelName(l.id)}达标率(%)`), format: 'pct' as const })),
      ...coverage.categoryIds.map((id) => ({ key: `dist_${id}`, header: t(`${catName(id)} distance (m)`, `${catName(id)}距离(米)`), format: 'int' as const })),
      { key: 'parking_gap', header: t('Parking gap (spaces)', '停车缺口(个)'), format: 'dec1' },
      { key: 'score', header: t('Renovation score (0–100)', '更新评分(0–100)'), format: 'dec1' },
    ],
    rows: Array.from({ length: C }, (_, c) => {
      const p = props(c);
      return {
        id: p.id == null ? null : String(p.id), name: featureLabel(p, c), subdistrict: subdistrictOf(p), neighborhood: neighborhoodOf(p),
        households: weights.weightUnknown[c] ? null : r1(weights.households[c]), population: weights.weightUnknown[c] ? null : r1(weights.population[c]),
        built_year: builtYear(p), old: isOld(p, rules),
        ...Object.fromEntries(levels.map((l) => [`completeness_${l.id}`, pct(coverage.levelCompleteness[coverage.levelIds.indexOf(l.id) * C + c])])),
        ...Object.fromEntries(coverage.categoryIds.map((id, k) => [`dist_${id}`, Number.isFinite(coverage.distance[k * C + c]) ? Math.round(coverage.distance[k * C + c]) : null])),
        parking_gap: parking ? r1(parking.gap[c]) : null,
        score: renovation && Number.isFinite(renovation.score[c]) ? r1(renovation.score[c]) : null,
      };
    }),
  };

  // 4. gaps: a row per community and level with missing mandatory categories
  const gapRows: BriefingTable['rows'] = [];
  for (let c = 0; c < C; c++) {
    for (const l of levels) {
      const ls = coverage.stats.levels.find((x) => x.id === l.id)!;
      const missing = ls.countedCategories.filter((id) => !coverage.ok[coverage.categoryIds.indexOf(id) * C + c]);
      if (!missing.length) continue;
      gapRows.push({
        name: featureLabel(props(c), c), subdistrict: subdistrictOf(props(c)), level: levelName(l.id),
        missing: missing.map(catName).join(lang === 'zh-CN' ? '、' : ', '), count: missing.length,
        population: weights.weightUnknown[c] ? null : r1(weights.population[c]),
      });
    }
  }
  const gapTable: BriefingTable = {
    id: 'gaps',
    name: t('Gaps', '缺项清单'),
    columns: [
      { key: 'name', header: t('Community', '小区名称'), format: 'text' },
      { key: 'subdistrict', header: t('Subdistrict', '街道'), format: 'text' },
      { key: 'level', header: t('Life circle', '生活圈'), format: 'text' },
      { key: 'missing', header: t('Missing mandatory categories', '缺少的强制配建类别'), format: 'text' },
      { key: 'count', header: t('Missing (count)', '缺项数(项)'), format: 'int' },
      { key: 'population', header: t('Residents', '人口(人)'), format: 'int' },
    ],
    rows: gapRows,
  };
  return [unitTable, categoryTable, communityTable, gapTable];
}
