import type { Language } from './language';

/** Why a scenario edit cannot be read or applied (core/scenario), keyed by code. */
export const EDIT_PROBLEM_KEYS = [
  'edit_no_geometry', 'edit_link_geometry', 'edit_park_geometry', 'edit_point_geometry',
  'edit_link_unjoined', 'edit_close_nothing', 'edit_target_missing',
  'edit_needs_layer', 'edit_needs_target', 'edit_unknown_op',
] as const;
export type EditProblemKey = (typeof EDIT_PROBLEM_KEYS)[number];

type P = { m?: number; layer?: string; id?: string; op?: string; layers?: string; got?: unknown };
const LAYER_ZH: Record<string, string> = { facilities: '设施', parks: '公园', parking: '停车场', network: '路网', communities: '小区' };

const CATALOGUE: Record<EditProblemKey, { en: (p: P) => string; zh: (p: P) => string }> = {
  edit_no_geometry: { en: () => 'the edit has no geometry', zh: () => '该编辑没有几何' },
  edit_link_geometry: { en: () => 'a new link must be a LineString of two or more points', zh: () => '新增步道应为至少两点的 LineString' },
  edit_park_geometry: { en: () => 'a new park must be a Polygon', zh: () => '新增公园应为 Polygon' },
  edit_point_geometry: { en: (p) => `"${p.op}" needs a Point`, zh: (p) => `“${p.op}”需要 Point 位置` },
  edit_link_unjoined: { en: (p) => `neither end of the new link is within ${p.m} m of the network`, zh: (p) => `新增步道的两端都不在路网 ${p.m} 米以内` },
  edit_close_nothing: { en: (p) => `no network segment within ${p.m} m of the point`, zh: (p) => `该点 ${p.m} 米内没有路段` },
  edit_target_missing: { en: (p) => `no ${p.layer} feature with id "${p.id}"`, zh: (p) => `${LAYER_ZH[p.layer ?? ''] ?? p.layer}中没有 id 为“${p.id}”的要素` },
  edit_needs_layer: { en: (p) => `"${p.op}" needs layer ${p.layers}, got ${JSON.stringify(p.got)}`, zh: (p) => `“${p.op}”的 layer 应为 ${p.layers}，实际为 ${JSON.stringify(p.got)}` },
  edit_needs_target: { en: (p) => `"${p.op}" needs target_id`, zh: (p) => `“${p.op}”需要 target_id` },
  edit_unknown_op: { en: (p) => `unknown op ${JSON.stringify(p.op)} (add, move, delete, close, add_entrance)`, zh: (p) => `未知的 op ${JSON.stringify(p.op)}（应为 add、move、delete、close、add_entrance）` },
};

/** An edit problem's text in a language. */
export function editProblemText(key: EditProblemKey, params: P, lang: Language): string {
  return CATALOGUE[key][lang === 'zh-CN' ? 'zh' : 'en'](params);
}

/** Both languages, as an EditProblem's `detail` and `detail_zh`. */
export function editProblemDetails(key: EditProblemKey, params: P = {}): { detail: string; detail_zh: string } {
  return { detail: editProblemText(key, params, 'en'), detail_zh: editProblemText(key, params, 'zh-CN') };
}
