import type { RGBA } from './palette';

/**
 * Colours of the accessibility surface by walking minutes (issue 13): the life-circle steps
 * 5 / 10 / 15 minutes, then 20 and 30; beyond, and unreachable. One table for the map, its
 * legend and the PNG export.
 */
export const SURFACE_BINS: readonly { upTo: number; color: RGBA }[] = [
  { upTo: 5, color: [0, 104, 55, 190] },
  { upTo: 10, color: [49, 163, 84, 190] },
  { upTo: 15, color: [173, 221, 142, 190] },
  { upTo: 20, color: [254, 224, 139, 190] },
  { upTo: 30, color: [252, 141, 89, 190] },
  { upTo: Infinity, color: [215, 48, 39, 190] },
];
/** cells no facility can be reached from */
export const SURFACE_UNREACHABLE: RGBA = [120, 120, 120, 150];

/** The colour of a cell at `minutes` (NaN: empty cell → transparent). */
export function surfaceColor(minutes: number): RGBA {
  if (Number.isNaN(minutes)) return [0, 0, 0, 0];
  if (minutes === Infinity) return SURFACE_UNREACHABLE;
  return SURFACE_BINS.find((b) => minutes <= b.upTo)!.color;
}

/** Communities by the number of facilities within the radius (choice): none, one, two, three or more. */
export const CHOICE_COLORS: readonly RGBA[] = [
  [215, 48, 39, 210],
  [253, 174, 97, 210],
  [116, 196, 118, 210],
  [0, 109, 44, 210],
];

export function choiceColor(count: number): RGBA {
  return CHOICE_COLORS[Math.min(3, Math.max(0, count))];
}
