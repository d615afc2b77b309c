import type { Language } from './language';

/** What an analysis issue is about (the feature kinds the analysis reads). */
export type IssueSubject = 'community' | 'facility' | 'park' | 'lot';

/** Why a feature does not take part in (part of) an analysis, or takes part differently. */
export type AnalysisIssueReason =
  | 'no_geometry'
  | 'invalid_geometry'
  | 'invalid_entrances'
  | 'far_entrances'
  | 'unknown_category'
  | 'beyond_max_snap'
  | 'isolated_component'
  | 'invalid_spaces';

/** What the messages of an issue read; each reason uses its own. */
export interface AnalysisIssueParams {
  subject: IssueSubject;
  /** invalid_geometry: the geometry type found */
  geometryType?: string;
  /** beyond_max_snap: metres to the nearest network segment (absent when beyond the search) */
  distance?: number;
  /** beyond_max_snap: the snapping limit, metres; absent when there is no network at all */
  maxSnap?: number;
  /** unknown_category: the value found (null when absent) */
  category?: unknown;
  /** far_entrances: how many, and their distances from the community, metres */
  far?: { count: number; min: number; max: number; limit: number; remaining: number };
  /** invalid_entrances / far_entrances: what is used instead */
  fallback?: 'representative_point' | 'boundary' | 'other_entrances';
  /** invalid_spaces: the field and its raw value */
  field?: string;
  value?: unknown;
}

type Render = (p: AnalysisIssueParams) => string;

const SUBJECT: Record<IssueSubject, [string, string]> = {
  community: ['community', '小区'],
  facility: ['facility', '设施'],
  park: ['park', '公园'],
  lot: ['lot', '停车场'],
};

const GEOMETRY_RULE: Record<IssueSubject, [string, string]> = {
  community: ['a community must be a Polygon, MultiPolygon or Point with lon/lat coordinates', '小区应为带经纬度坐标的 Polygon、MultiPolygon 或 Point'],
  facility: ['a facility must be a Point, MultiPoint or polygon with lon/lat coordinates', '设施应为带经纬度坐标的 Point、MultiPoint 或多边形'],
  park: ['a park must be a Polygon or MultiPolygon', '公园应为 Polygon 或 MultiPolygon'],
  lot: ['a parking lot must be a Point or Polygon with lon/lat coordinates', '停车场应为带经纬度坐标的 Point 或 Polygon'],
};

const FALLBACK: Record<'representative_point' | 'boundary', [string, string]> = {
  representative_point: ['using the representative point', '改用代表点'],
  boundary: ['using the park boundary', '改用公园边界'],
};

function fb(p: AnalysisIssueParams, i: 0 | 1): string {
  const n = p.far?.remaining ?? 0;
  if (p.fallback === 'other_entrances' && n > 0) return i === 0 ? `the other ${n} are used` : `使用其余 ${n} 个出入口`;
  return FALLBACK[p.fallback === 'boundary' ? 'boundary' : 'representative_point'][i];
}

/**
 * The analysis' messages about features, keyed by reason, in both languages — the one catalogue
 * the analysis (`detail`, `detail_zh` of its issues), the app and the CLI read.
 */
const CATALOGUE: Record<AnalysisIssueReason, { en: Render; zh: Render }> = {
  no_geometry: {
    en: (p) => `the ${SUBJECT[p.subject][0]} has no geometry`,
    zh: (p) => `该${SUBJECT[p.subject][1]}没有几何`,
  },
  invalid_geometry: {
    en: (p) => `${GEOMETRY_RULE[p.subject][0]}, got ${p.geometryType}`,
    zh: (p) => `${GEOMETRY_RULE[p.subject][1]}，实际为 ${p.geometryType}`,
  },
  invalid_entrances: {
    en: (p) => `properties.entrances is not a MultiPoint or a list of [lon, lat]; ${fb(p, 0)}`,
    zh: (p) => `properties.entrances 不是 MultiPoint 或 [经度, 纬度] 列表，${fb(p, 1)}`,
  },
  far_entrances: {
    en: (p) => `${p.far!.count} entrance(s) lie ${Math.round(p.far!.min)}–${Math.round(p.far!.max)} m from the community, more than ${p.far!.limit} m: ignored; ${fb(p, 0)}`,
    zh: (p) => `${p.far!.count} 个出入口距小区 ${Math.round(p.far!.min)}–${Math.round(p.far!.max)} 米，超过 ${p.far!.limit} 米，已忽略；${fb(p, 1)}`,
  },
  unknown_category: {
    en: (p) => (p.category == null ? 'no properties.category' : `category "${String(p.category)}" is not in the rule set`),
    zh: (p) => (p.category == null ? '缺少 properties.category' : `类别“${String(p.category)}”不在规则集中`),
  },
  beyond_max_snap: {
    en: (p) =>
      p.distance !== undefined && Number.isFinite(p.distance)
        ? `the ${SUBJECT[p.subject][0]} is ${p.distance.toFixed(1)} m from the nearest network segment`
        : p.maxSnap !== undefined
          ? `the ${SUBJECT[p.subject][0]} lies more than ${p.maxSnap} m outside the network`
          : 'there is no network segment',
    zh: (p) =>
      p.distance !== undefined && Number.isFinite(p.distance)
        ? `该${SUBJECT[p.subject][1]}距最近的路网路段 ${p.distance.toFixed(1)} 米`
        : p.maxSnap !== undefined
          ? `该${SUBJECT[p.subject][1]}在路网外超过 ${p.maxSnap} 米`
          : '没有路网路段',
  },
  isolated_component: {
    en: () => 'its part of the network is not connected to any facility',
    zh: () => '其所在的路网部分与任何设施都不连通',
  },
  invalid_spaces: {
    en: (p) => `properties.${p.field} = ${JSON.stringify(p.value)} is not a number of spaces ≥ 0; counted as 0`,
    zh: (p) => `properties.${p.field} = ${JSON.stringify(p.value)} 不是 ≥ 0 的车位数，按 0 计`,
  },
};

/** The message of an analysis issue in a language. */
export function analysisIssueText(reason: AnalysisIssueReason, params: AnalysisIssueParams, lang: Language): string {
  return CATALOGUE[reason][lang === 'zh-CN' ? 'zh' : 'en'](params);
}

/** Both languages of an analysis issue, as its `detail` (English) and `detail_zh` members. */
export function issueDetails(reason: AnalysisIssueReason, params: AnalysisIssueParams): { detail: string; detail_zh: string } {
  return { detail: analysisIssueText(reason, params, 'en'), detail_zh: analysisIssueText(reason, params, 'zh-CN') };
}
