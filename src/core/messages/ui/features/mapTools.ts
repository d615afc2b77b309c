/** Strings of the map's find-and-frame tools (search box, zoom buttons). */
export const en = {
  search_placeholder: 'Find a community or facility (name or pinyin initials)',
  search_none: 'No match',
  search_kind_community: 'Community',
  search_kind_facility: 'Facility',
  zoom_full: 'Full extent',
  zoom_full_title: 'Zoom to the whole study area',
  zoom_selection: 'Zoom to selection',
  zoom_selection_title: 'Zoom to the selected community and its walking route',
};

export const zh: typeof en = {
  search_placeholder: '查找小区或设施（名称或拼音首字母）',
  search_none: '无匹配结果',
  search_kind_community: '小区',
  search_kind_facility: '设施',
  zoom_full: '全图',
  zoom_full_title: '缩放至整个研究区',
  zoom_selection: '缩放至选中',
  zoom_selection_title: '缩放至选中的小区及其步行路线',
};
