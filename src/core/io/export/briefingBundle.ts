import type { FeatureCollection, Geometry } from 'geojson';
import type { Language } from '../../messages/language';
import type { RuleSet } from '../../rules/types';
import type { StudyAreaResult } from '../../studyArea/types';
import { exportGeoJson } from './exportGeoJson';
import { withAttribution } from './withAttribution';
import { communityResultAttributes } from './communityAttributes';
import { briefingTables, type BriefingTable } from './briefingTables';
import { briefingCsv, briefingWorkbook, bundleReadme, zipBundle, type BriefingMeta } from './briefingFiles';
import { attributeDictionary } from './attributeDictionary';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

export interface BundleInput {
  communities: FC;
  facilities: FC;
  result: StudyAreaResult;
  rules: RuleSet;
  lang: Language;
  meta: BriefingMeta;
  /** the summary's numbers (core/studyArea studyAreaSummary), written as summary.json */
  summary: unknown;
  /** the map image, when the caller can draw one (the app); the CLI has none */
  mapPng?: Uint8Array | null;
  /** tables after the briefing's own (the check report's targets, changes and programme: core/monitor monitorTables) */
  moreTables?: readonly BriefingTable[];
  /** more attributes per community (choice fields, a scenario's before_/delta_) */
  extra?: (out: Record<string, unknown>, c: number) => void;
}

/**
 * The export bundle (issue 12): communities with every analysis attribute and facilities as
 * GeoJSON (with the data credit), the Excel workbook, each table as CSV, the summary as JSON, the
 * map image when there is one, and a README in Chinese and English with the attribute dictionary.
 * One function for the app and the CLI, so both bundles hold the same files.
 */
export async function briefingBundle(input: BundleInput): Promise<Uint8Array> {
  const { communities, facilities, result, rules, lang, meta } = input;
  const tables = [...briefingTables(communities as never, result, rules, lang), ...(input.moreTables ?? [])];
  const attrs = (_f: unknown, c: number) => {
    if (c >= result.coverage.communityCount) return undefined;
    const out = communityResultAttributes(result, c) as Record<string, unknown>;
    input.extra?.(out, c);
    return out;
  };
  const files: Record<string, Uint8Array | string> = {
    'communities.geojson': withAttribution(exportGeoJson(communities as FeatureCollection, { attributes: attrs }), meta.attribution),
    'facilities.geojson': withAttribution(exportGeoJson(facilities as FeatureCollection), meta.attribution),
    'tables.xlsx': await briefingWorkbook(tables, meta, lang),
    'summary.json': JSON.stringify(input.summary, null, 2),
  };
  for (const t of tables) files[`${t.id}.csv`] = briefingCsv(t, lang);
  if (input.mapPng) files['map.png'] = input.mapPng;
  const list = [
    { name: 'communities.geojson', zh: '小区及全部分析字段（WGS84）', en: 'communities with every analysis field (WGS84)' },
    { name: 'facilities.geojson', zh: '配套设施（WGS84）', en: 'facilities (WGS84)' },
    { name: 'tables.xlsx', zh: '统计表：街道汇总、分类覆盖、小区明细、缺项清单', en: 'tables: by subdistrict, by category, communities, gaps' },
    ...tables.map((t) => ({ name: `${t.id}.csv`, zh: `${t.name}（CSV，UTF-8 带 BOM）`, en: `${t.name} (CSV, UTF-8 with BOM)` })),
    { name: 'summary.json', zh: '汇总数字（与命令行输出相同）', en: 'the summary numbers (as the command line prints them)' },
    ...(input.mapPng ? [{ name: 'map.png', zh: '当前地图（含图例、比例尺、指北针）', en: 'the current map (legend, scale bar, north arrow)' }] : []),
  ];
  files['README.md'] = bundleReadme(list, attributeDictionary(rules, 'zh-CN'), attributeDictionary(rules, 'en'), meta);
  return zipBundle(files);
}
