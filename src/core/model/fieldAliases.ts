import type { LayerKind } from './layerKinds';

/**
 * Canonical property names per layer kind and the aliases that map onto them (DESIGN §3), including
 * the Chinese field names common in planning data. Matching ignores case, spaces, '_' and '-'.
 */
export const FIELD_ALIASES: Record<LayerKind, Record<string, readonly string[]>> = {
  communities: {
    id: ['id', 'fid', 'objectid', 'code', '编号', '小区编号', '代码'],
    name: ['name', 'name:zh', 'title', '名称', '小区名称', '小区名', '项目名称'],
    households: ['households', 'hh', 'dwellings', 'units', '户数', '总户数', '住户数', '套数'],
    population: ['population', 'pop', 'residents', '人口', '常住人口', '人口数', '居住人口'],
    built_year: ['built_year', 'year', 'year_built', 'start_date', '建成年代', '建成年份', '建成时间', '竣工年份', '建设年代'],
    parking_spaces: ['parking_spaces', 'parking', 'spaces', '停车位', '车位数', '车位', '停车位数'],
    elderly_share: ['elderly_share', 'elderly', 'aged_share', '老年人口比例', '老龄化率', '60岁以上占比'],
  },
  facilities: {
    id: ['id', 'fid', 'objectid', 'poi_id', 'uid', '编号'],
    name: ['name', 'name:zh', 'title', '名称', '设施名称', 'poi名称'],
    category: ['category', 'type', 'kind', 'class', '类别', '类型', '设施类型', '分类'],
    capacity: ['capacity', 'seats', 'beds', '规模', '容量', '学位数', '床位数'],
  },
  parks: {
    id: ['id', 'fid', 'objectid', '编号'],
    name: ['name', 'name:zh', '名称', '公园名称'],
  },
  parking: {
    id: ['id', 'fid', 'objectid', '编号'],
    name: ['name', 'name:zh', '名称', '停车场名称'],
    spaces: ['spaces', 'capacity', 'parking_spaces', '车位', '车位数', '泊位', '泊位数', '停车位'],
    public: ['public', 'is_public', 'shared', '是否公共', '公共', '对外开放'],
  },
  network: {
    id: ['id', 'fid', 'osm_id', '编号'],
    name: ['name', 'name:zh', '名称', '道路名称'],
    walkable: ['walkable', 'foot', '可步行'],
  },
  water: {
    id: ['id', 'fid'],
    name: ['name', '名称'],
  },
};

function fold(key: string): string {
  return key.toLowerCase().replace(/[\s_\-]/g, '');
}

/**
 * Suggests, for each canonical field of a kind, which of the given property keys holds it
 * (exact canonical name first, then aliases in order). Keys already canonical map to themselves.
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
