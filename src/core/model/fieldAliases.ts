import type { LayerKind } from './layerKinds';

/**
 * Canonical property names per layer kind and the aliases that map onto them (DESIGN §3), including
 * the Chinese field names common in planning data. Matching ignores case, spaces, '_' and '-'.
 *
 * Order is preference: after the canonical name itself, the words of the layer's own kind
 * (小区名称 for communities, 设施名称 for facilities, 公园名称 ...) come before generic ones
 * (名称, name:zh, title), so a file holding both columns — typically a mixed file whose polygons
 * carry 小区名称 and whose points carry 名称 — maps the kind's own column. The app's dialog and
 * the CLI both go through `suggestFieldMapping`, so they agree.
 */
export const FIELD_ALIASES: Record<LayerKind, Record<string, readonly string[]>> = {
  communities: {
    id: ['小区编号', 'id', 'fid', 'objectid', 'code', '编号', '代码'],
    name: ['小区名称', '小区名', '项目名称', 'name:zh', 'title', '名称'],
    households: ['households', 'hh', 'dwellings', 'units', '户数', '总户数', '住户数', '套数'],
    population: ['population', 'pop', 'residents', '人口', '常住人口', '人口数', '居住人口'],
    built_year: ['built_year', 'year', 'year_built', 'start_date', '建成年代', '建成年份', '建成时间', '竣工年份', '建设年代'],
    parking_spaces: ['parking_spaces', 'parking', 'spaces', '停车位', '车位数', '车位', '停车位数'],
    elderly_share: ['elderly_share', 'elderly', 'aged_share', '老年人口比例', '老龄化率', '60岁以上占比'],
    // administrative units (issue 12): tables by 街道 / 乡镇 and 社区 / 村
    subdistrict: ['subdistrict', 'street_office', 'township', 'town', '街道', '街道办', '街道办事处', '乡镇', '镇', '乡', '所属街道'],
    neighborhood: ['neighborhood', 'neighbourhood', 'committee', 'village', '社区', '居委会', '社区居委会', '村', '村委会', '所属社区'],
    // the renovation programme (issue 14): joined from the usual list by the same matcher
    programme_status: ['programme_status', 'renovation_status', '改造状态', '实施状态', '状态', '进度'],
    programme_year: ['programme_year', 'renovation_year', '改造年度', '计划年度', '实施年度', '年度'],
    programme_works: ['programme_works', 'works', '改造内容', '改造项目', '建设内容'],
    programme_investment: ['programme_investment', 'investment', '投资（万元）', '投资(万元)', '总投资', '投资额', '投资'],
  },
  facilities: {
    id: ['设施编号', 'poi_id', 'id', 'fid', 'objectid', 'uid', '编号'],
    name: ['设施名称', 'poi名称', 'name:zh', 'title', '名称'],
    category: ['设施类型', '设施类别', 'category', 'type', 'kind', 'class', '类别', '类型', '分类'],
    capacity: ['capacity', 'seats', 'beds', '规模', '容量', '学位数', '床位数'],
  },
  parks: {
    id: ['id', 'fid', 'objectid', '编号'],
    name: ['公园名称', 'name:zh', '名称'],
  },
  parking: {
    id: ['id', 'fid', 'objectid', '编号'],
    name: ['停车场名称', 'name:zh', '名称'],
    spaces: ['spaces', 'capacity', 'parking_spaces', '车位', '车位数', '泊位', '泊位数', '停车位'],
    public: ['public', 'is_public', 'shared', '是否公共', '公共', '对外开放'],
  },
  network: {
    id: ['id', 'fid', 'osm_id', '编号'],
    name: ['道路名称', 'name:zh', '名称'],
    walkable: ['walkable', 'foot', '可步行'],
  },
  water: {
    id: ['id', 'fid'],
    name: ['name', '名称'],
  },
  // residential buildings for estimating households (issue 15): OSM building=* with building:levels, or the planner's footprints
  buildings: {
    id: ['id', 'fid', 'objectid', 'osm_id', '编号'],
    name: ['建筑名称', 'name:zh', '名称'],
    levels: ['levels', 'building:levels', 'floors', 'storeys', '层数', '楼层数', '地上层数', '建筑层数', '楼层'],
    building: ['building', 'use', 'usage', '建筑类型', '用途', '性质'],
  },
  // administrative units (issue 12): 街道 / 乡镇 or 社区 / 村 polygons, whose names the communities inside take
  units: {
    id: ['id', 'fid', 'objectid', 'code', '编号', '代码', '区划代码', 'xzqdm'],
    subdistrict: ['subdistrict', 'street_office', 'township', 'town', '街道', '街道名称', '街道办', '街道办事处', '乡镇', '乡镇名称', '镇', '乡', '所属街道', 'xzqmc'],
    neighborhood: ['neighborhood', 'neighbourhood', 'committee', 'village', '社区', '社区名称', '居委会', '社区居委会', '村', '村委会', '所属社区'],
    name: ['name:zh', '名称', '区划名称'],
  },
};

function fold(key: string): string {
  return key.toLowerCase().replace(/[\s_\-]/g, '');
}

/**
 * Suggests, for each canonical field of a kind, which of the given property keys holds it
 * (exact canonical name first, then aliases in table order: the kind's own words before generic
 * ones). Keys already canonical map to themselves; a key is used for one field only.
 */
export function suggestFieldMapping(keys: readonly string[], kind: LayerKind): Record<string, string | null> {
  const byFold = new Map<string, string>();
  for (const k of keys) if (!byFold.has(fold(k))) byFold.set(fold(k), k);
  const out: Record<string, string | null> = {};
  const used = new Set<string>();
  for (const [canonical, aliases] of Object.entries(FIELD_ALIASES[kind])) {
    let hit: string | null = null;
    for (const a of [canonical, ...aliases]) {
      const k = byFold.get(fold(a));
      if (k !== undefined && !used.has(k)) {
        hit = k;
        break;
      }
    }
    if (hit) used.add(hit);
    out[canonical] = hit;
  }
  return out;
}
