/**
 * Whether a building counts as dwellings for the household estimate (issue 15): OSM's residential
 * building values, Chinese uses (住宅, 居住 …), and untyped buildings (building=yes, no use given)
 * inside a residential compound; shops, schools, garages and other stated uses do not.
 */
const RESIDENTIAL = new Set(['residential', 'apartments', 'house', 'detached', 'semidetached_house', 'terrace', 'dormitory', 'bungalow', 'yes', '住宅', '居住', '住宅楼', '宿舍', '公寓', '商住']);

export function isResidentialBuilding(props: Readonly<Record<string, unknown>> | null | undefined): boolean {
  const v = props?.building ?? props?.['building:use'];
  if (v === undefined || v === null || v === '' || v === true) return true;
  return RESIDENTIAL.has(String(v).trim().toLowerCase());
}
