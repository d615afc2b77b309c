/** Briefings: map image, tables, bundle (issue 12). */
export const en = {
  bf_title: 'Life-circle facilities check',
  bf_north: 'N',
  bf_map_image: 'Map image (PNG, this view, legend)',
  bf_map_image_print: 'Map image for print (PNG, 300 dpi)',
  bf_tables: 'Tables by subdistrict (Excel)',
  bf_bundle: 'Export bundle (.zip: GeoJSON, Excel, CSV, map, README)',
};

export const zh: typeof en = {
  bf_title: '生活圈配套设施体检',
  bf_north: '北',
  bf_map_image: '地图图片（PNG，当前视图，含图例）',
  bf_map_image_print: '印刷用地图图片（PNG，300 dpi）',
  bf_tables: '街道统计表（Excel）',
  bf_bundle: '导出包（.zip：GeoJSON、Excel、CSV、地图、说明）',
};
