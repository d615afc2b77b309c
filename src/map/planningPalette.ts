import type { RGBA } from './palette';

/**
 * Colours of the planning views (renovation ranking, parks, parking), read by both the map
 * overlays and the views' legends (style as data). RGBA 0–255.
 */
export const PLANNING_COLORS = {
  rankOutline: [111, 66, 193, 255] as RGBA,
  /** the compliance table's filtered communities */
  filteredOutline: [255, 146, 43, 255] as RGBA,
  rankLabel: [255, 255, 255, 255] as RGBA,
  rankLabelBackground: [111, 66, 193, 235] as RGBA,
  parkServiceFill: [64, 160, 80, 55] as RGBA,
  parkServiceLine: [40, 120, 55, 200] as RGBA,
  parkQualifying: [25, 100, 40, 255] as RGBA,
  // blue, not green: the parks themselves are green
  parkCovered: [33, 113, 181, 190] as RGBA,
  parkUncovered: [224, 49, 49, 200] as RGBA,
  parkingLotFill: [28, 126, 214, 110] as RGBA,
  parkingLotLine: [24, 100, 171, 255] as RGBA,
  parkingNoGap: [206, 212, 218, 190] as RGBA,
};

/** Stacked-bar colour of each renovation indicator (levels by their ids, then the extra indicators). */
const INDICATOR_COLORS: Record<string, RGBA> = {
  '5min': [214, 51, 108, 255],
  '10min': [247, 103, 7, 255],
  '15min': [245, 159, 0, 255],
  block: [174, 62, 201, 255],
  parking: [28, 126, 214, 255],
  park: [55, 178, 77, 255],
  age: [134, 94, 60, 255],
  elderly: [16, 152, 173, 255],
};

export function indicatorColor(key: string): RGBA {
  return INDICATOR_COLORS[key] ?? [134, 142, 150, 255];
}

/** Parking gap per household → fill: light green for none, then yellow → dark red at ≥ 0.6 spaces per household. */
export function parkingGapColor(gapPerHousehold: number): RGBA {
  if (!Number.isFinite(gapPerHousehold)) return [200, 200, 200, 150];
  if (gapPerHousehold <= 0) return PLANNING_COLORS.parkingNoGap;
  const t = Math.min(1, gapPerHousehold / 0.6);
  const a: [number, number, number] = [255, 224, 102];
  const b: [number, number, number] = [165, 15, 21];
  return [0, 1, 2].map((j) => Math.round(a[j] + (b[j] - a[j]) * t)).concat(210) as RGBA;
}

/** Legend stops of the parking-gap ramp, spaces per household. */
export const PARKING_GAP_STOPS = [0, 0.1, 0.3, 0.6];
