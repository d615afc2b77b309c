import { builtYear, isOld } from '../core/model';

/**
 * Colours for every map layer and legend entry, in one table read by both the map and the legend
 * (style as data). RGBA 0–255.
 */
export type RGBA = [number, number, number, number];

export const COLORS = {
  background: '#f4f1ea',
  water: '#a9cfe8',
  waterOutline: '#7fb2d6',
  streetMain: '#ffffff',
  streetMainCasing: '#c9c2b4',
  streetLane: '#fbfaf7',
  streetLaneCasing: '#d8d2c6',
  footpath: '#a08f76',
  park: [120, 190, 110, 170] as RGBA,
  parkOutline: [60, 130, 60, 255] as RGBA,
  parking: [40, 90, 190, 255] as RGBA,
  parkingPrivate: [140, 150, 170, 255] as RGBA,
  /** residential buildings (the household estimate's layer), drawn quietly under the communities */
  /** administrative unit boundaries (街道 / 社区 polygons): a dashed-looking purple outline, no fill */
  unitLine: [132, 94, 247, 230] as RGBA,
  building: [176, 160, 140, 150] as RGBA,
  buildingOutline: [120, 105, 90, 200] as RGBA,
  communityNew: [150, 165, 185, 150] as RGBA,
  communityUnknown: [200, 200, 200, 150] as RGBA,
  communityOutline: [90, 90, 90, 200] as RGBA,
  communityOutlineCss: 'rgba(90,90,90,0.8)',
  parkOutlineCss: 'rgb(60,130,60)',
  selected: [255, 230, 0, 255] as RGBA,
  hover: [255, 255, 255, 90] as RGBA,
  /** outline of the facilities of the category in focus */
  focusOutline: [33, 37, 41, 255] as RGBA,
};

/**
 * A community's colour by age: old ones (core/model isOld, the one rule) on a warm ramp by year,
 * newer ones grey-blue, unknown ones light grey.
 */
export function communityColor(props: Readonly<Record<string, unknown>> | null | undefined, oldBeforeYear: number): RGBA {
  const year = builtYear(props);
  if (isOld(props, { old_before_year: oldBeforeYear })) return oldCommunityColor(year ?? oldBeforeYear - 10, oldBeforeYear);
  return year === null ? COLORS.communityUnknown : COLORS.communityNew;
}

/** The old-community ramp: darkest for the oldest (1980 or before) up to the cut-off year. */
export function oldCommunityColor(year: number, oldBeforeYear: number): RGBA {
  const t = Math.max(0, Math.min(1, (year - 1980) / Math.max(1, oldBeforeYear - 1980)));
  // #b2182b (oldest) → #f4a259 (newest old)
  return [Math.round(178 + (244 - 178) * t), Math.round(24 + (162 - 24) * t), Math.round(43 + (89 - 43) * t), 210];
}

/** Legend stops for the old-community ramp. */
export const OLD_RAMP_STOPS = [1980, 1990, 1999];

/** Fixed colours for the common categories, so maps look the same in every study area. */
const CATEGORY_COLORS: Record<string, RGBA> = {
  kindergarten: [230, 73, 128, 255],
  nursery: [240, 140, 180, 255],
  primary_school: [132, 94, 247, 255],
  middle_school: [92, 54, 180, 255],
  health_centre: [224, 49, 49, 255],
  health_station: [255, 107, 107, 255],
  elderly_daycare: [247, 103, 7, 255],
  nursing_home: [190, 75, 0, 255],
  market: [55, 178, 77, 255],
  supermarket: [18, 184, 134, 255],
  public_toilet: [134, 142, 150, 255],
  refuse_station: [92, 95, 102, 255],
  community_service_station: [28, 126, 214, 255],
  small_sports_ground: [250, 176, 5, 255],
  medium_sports_ground: [230, 150, 0, 255],
  large_sports_ground: [200, 120, 0, 255],
  outdoor_fitness: [252, 196, 25, 255],
  culture_station: [156, 54, 181, 255],
  culture_centre: [120, 30, 150, 255],
  bus_stop: [21, 170, 191, 255],
  metro_station: [11, 114, 133, 255],
  community_canteen: [240, 101, 149, 255],
  community_shops: [64, 192, 87, 255],
  post_office: [0, 120, 80, 255],
  bank: [70, 70, 160, 255],
};

/** A category's colour: fixed for known ids, else a stable hue from the id. */
export function categoryColor(id: string): RGBA {
  const c = CATEGORY_COLORS[id];
  if (c) return c;
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  const hue = h % 360;
  return hslToRgba(hue, 0.6, 0.45);
}

function hslToRgba(h: number, s: number, l: number): RGBA {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(255 * f(0)), Math.round(255 * f(8)), Math.round(255 * f(4)), 255];
}

export function rgbaCss(c: RGBA): string {
  return `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(2)})`;
}

/** Blue for "met": parks are green, so covered communities must never be (issue 8, item 9). */
const MET: [number, number, number] = [33, 113, 181];

/** Coverage colours: covered, not covered, unreachable (no network access / no facility reachable). */
export const COVERAGE_COLORS = {
  covered: [...MET, 200] as RGBA,
  notCovered: [224, 49, 49, 200] as RGBA,
  unreachable: [134, 142, 150, 170] as RGBA,
  /** no facility of the category in the data: lighter than unreachable, never red */
  noData: [206, 212, 218, 170] as RGBA,
  // dark with a white casing: reads over blue, red and grey communities alike
  route: [33, 37, 41, 255] as RGBA,
  routeCasing: [255, 255, 255, 255] as RGBA,
};

/** Level completeness 0 → 1: red → amber → blue. */
export function completenessColor(share: number): RGBA {
  if (!Number.isFinite(share)) return COVERAGE_COLORS.unreachable;
  const stops: [number, [number, number, number]][] = [
    [0, [201, 42, 42]],
    [0.5, [245, 159, 0]],
    [1, MET],
  ];
  const t = Math.max(0, Math.min(1, share));
  const i = t <= 0.5 ? 0 : 1;
  const [t0, a] = stops[i];
  const [t1, b] = stops[i + 1];
  const u = (t - t0) / (t1 - t0);
  return [0, 1, 2].map((j) => Math.round(a[j] + (b[j] - a[j]) * u)).concat(210) as RGBA;
}

/** Walking distance along reached streets: near (dark) to the radius (light). */
export function distanceColor(d: number, radius: number): RGBA {
  const t = Math.max(0, Math.min(1, d / Math.max(1, radius)));
  return [Math.round(8 + 247 * t * 0.9), Math.round(104 + 120 * t), Math.round(172 - 120 * t), 230];
}

/** A class of the missing-count colouring: counts min..max (inclusive) share a colour. */
export interface MissingBin {
  min: number;
  max: number;
  color: RGBA;
}

/** None missing, then yellow → dark red for the non-zero classes. */
export const MISSING_NONE: RGBA = [...MET, 210];
const MISSING_RAMP: RGBA[] = [
  [255, 212, 59, 210],
  [253, 141, 60, 210],
  [240, 59, 32, 210],
  [189, 0, 38, 215],
  [103, 0, 13, 220],
];

/**
 * Colour classes for missing counts 0..maxCount (gap map, table badges): 0 alone, then one class
 * per count when maxCount ≤ 5, else five classes of ceil(maxCount / 5) counts each (12 → 0 | 1–3 |
 * 4–6 | 7–9 | 10–12), so a single level and all levels both use the whole ramp.
 */
export function missingBins(maxCount: number): MissingBin[] {
  const M = Math.max(0, Math.floor(maxCount));
  const bins: MissingBin[] = [{ min: 0, max: 0, color: MISSING_NONE }];
  if (M === 0) return bins;
  const step = M <= 5 ? 1 : Math.ceil(M / 5);
  const starts: number[] = [];
  for (let a = 1; a <= M; a += step) starts.push(a);
  const n = starts.length;
  starts.forEach((a, i) => {
    // spread the classes over the ramp, the last always the darkest
    const ci = n === 1 ? 2 : Math.round((i * (MISSING_RAMP.length - 1)) / (n - 1));
    bins.push({ min: a, max: Math.min(M, a + step - 1), color: MISSING_RAMP[ci] });
  });
  return bins;
}

/** The class of a count (counts above the last class fall in it). */
export function missingBinIndex(bins: readonly MissingBin[], n: number): number {
  let i = 0;
  while (i + 1 < bins.length && n >= bins[i + 1].min) i++;
  return i;
}

/** Uncovered residents per hexagon, few → many (purples, apart from the red/green gap colours and blue water). */
export const GAP_GRID_RANGE: [number, number, number][] = [
  [203, 201, 226],
  [173, 170, 210],
  [145, 139, 194],
  [117, 107, 177],
  [94, 60, 153],
  [63, 0, 125],
];
