/**
 * Whether a building counts as dwellings for the household estimate (issue 15): OSM's residential
 * building values, Chinese uses (住宅, 居住 …), and untyped buildings (building=yes) with no other use
 * tagged (the estimate only counts those inside a community); shops, schools, offices, garages and
 * other stated uses do not.
 */
const RESIDENTIAL = new Set(['residential', 'apartments', 'house', 'detached', 'semidetached_house', 'terrace', 'dormitory', 'bungalow', '住宅', '居住', '住宅楼', '宿舍', '公寓', '商住']);
/** an untyped building with one of these tags is used for something else (an office, a shop, a school …) */
const OTHER_USE = ['amenity', 'shop', 'office', 'leisure', 'tourism', 'craft', 'industrial', 'healthcare', 'public_transport', 'man_made'];

export function isResidentialBuilding(props: Readonly<Record<string, unknown>> | null | undefined): boolean {
  const v = props?.['building:use'] ?? props?.building;
  const typed = v !== undefined && v !== null && v !== '' && v !== true && String(v).trim().toLowerCase() !== 'yes';
  if (typed) return RESIDENTIAL.has(String(v).trim().toLowerCase());
  return !OTHER_USE.some((k) => props?.[k] !== undefined && props?.[k] !== null && props?.[k] !== '');
}
