/**
 * The plan of 青禾县城 in the logical metre frame (see geometry.ts): arterial
 * grid lines, what each superblock ("face") is, the river band and bridges.
 * Face (i, j) lies between arterial columns XA[i]..XA[i+1] and rows YA[j]..YA[j+1].
 */
import type { XY } from './geometry';

export type StreetKind = 'main' | 'secondary' | 'lane' | 'footpath';

/** x of the north–south arterials (metres). Blocks are 400–520 m wide. */
export const XA = [100, 620, 1120, 1600, 2050, 2550, 3050, 3550, 4050, 4550, 5050, 5500, 5900] as const;
/** y of the east–west arterials; rows 1550 and 2150 are the two riverside roads. */
export const YA = [100, 560, 1050, 1550, 2150, 2600, 3000, 3400, 3800, 4300, 4900] as const;

/** Face row holding the river (between the riverside roads). */
export const RIVER_ROW = 3;

export type Zone = 'core' | 'ring' | 'newWest' | 'newEast' | 'south' | 'village' | 'industrial' | 'farm' | 'parkFace' | 'river';

// Rows from north (j = 9) to south (j = 0); one letter per column i = 0..11.
// C core, R older ring, W new west/north, E new east (no markets), S south of the river,
// V urban village, I industrial park, F farmland, P 人民公园, ~ river band.
const ZONE_MAP = [
  'FWWWVWWVEEEF', // j = 9
  'VWWRRRRREEEE', // j = 8
  'WWWRCCCREEEE', // j = 7
  'WWWPCCCREEEE', // j = 6
  'VWWRCCCREEEE', // j = 5
  'WWWRRRRREEEF', // j = 4
  '~~~~~~~~~~~~', // j = 3
  'VSSSSSSSIISF', // j = 2
  'FSVSSSSVIIIF', // j = 1
  'FFSSVSSFIIFF', // j = 0
];
const ZONE_BY_LETTER: Record<string, Zone> = {
  C: 'core', R: 'ring', W: 'newWest', E: 'newEast', S: 'south', V: 'village', I: 'industrial', F: 'farm', P: 'parkFace', '~': 'river',
};

export const FACE_COLS = XA.length - 1;
export const FACE_ROWS = YA.length - 1;

/** The zone of face (i, j); 'farm' outside the grid. */
export function faceZone(i: number, j: number): Zone {
  if (i < 0 || j < 0 || i >= FACE_COLS || j >= FACE_ROWS) return 'farm';
  const row = ZONE_MAP[FACE_ROWS - 1 - j] as string;
  return ZONE_BY_LETTER[row[i] as string] as Zone;
}

/** Face columns/rows spanned by the old core and by the new east district (for meta and checks). */
export const CORE_FACES = { i0: 4, i1: 7, j0: 5, j1: 8 } as const;
export const NEW_EAST_FACES = { i0: 8, i1: 12, j0: 4, j1: 10 } as const;

/** Names and kinds of the north–south arterials (index = column line). */
export const COLUMN_LINES: { name: string; kind: StreetKind }[] = [
  { name: '西环路', kind: 'main' },
  { name: '新华路', kind: 'secondary' },
  { name: '育才路', kind: 'main' },
  { name: '文昌路', kind: 'secondary' },
  { name: '西关街', kind: 'main' },
  { name: '解放路', kind: 'main' },
  { name: '建设路', kind: 'main' },
  { name: '东关街', kind: 'main' },
  { name: '光明路', kind: 'secondary' },
  { name: '朝阳路', kind: 'main' },
  { name: '振兴路', kind: 'main' },
  { name: '长安路', kind: 'secondary' },
  { name: '东环路', kind: 'main' },
];

/** Names and kinds of the east–west arterials (index = row line). */
export const ROW_LINES: { name: string; kind: StreetKind }[] = [
  { name: '南环路', kind: 'main' },
  { name: '工业路', kind: 'secondary' },
  { name: '迎宾大道', kind: 'main' },
  { name: '滨河南路', kind: 'main' },
  { name: '滨河北路', kind: 'main' },
  { name: '南关街', kind: 'main' },
  { name: '人民路', kind: 'main' },
  { name: '胜利路', kind: 'main' },
  { name: '北关街', kind: 'main' },
  { name: '和平路', kind: 'secondary' },
  { name: '北环路', kind: 'main' },
];

/**
 * Road bridges: column lines that cross the river. One of them (东关大桥) spans
 * the riverside promenades without meeting them: the demo's one overpass.
 */
export const BRIDGES: { column: number; name: string; overpass: boolean }[] = [
  { column: 2, name: '育才桥', overpass: false },
  { column: 5, name: '解放桥', overpass: false },
  { column: 7, name: '东关大桥', overpass: true },
  { column: 10, name: '振兴大桥', overpass: false },
];
/** x of the pedestrian bridge inside 滨河公园. */
export const FOOTBRIDGE_X = 1900;

/** Centre line of the river (logical y at x), meandering ±150 m about y = 1850. */
export function riverCentre(x: number): number {
  return 1850 + 110 * Math.sin((2 * Math.PI * x) / 1650 + 0.6) + 40 * Math.sin((2 * Math.PI * x) / 760 + 1.9);
}

/** Half of the river's north–south width at x (metres): 40–52, so 60–100 m across the flow. */
export function riverHalfWidth(x: number): number {
  return 46 + 6 * Math.sin((2 * Math.PI * x) / 1300 + 0.3);
}

/** Logical x range of the river polygon (kept inside the bbox after warping). */
export const RIVER_X: XY = [62, 5938];

/** Distance (metres) from the river bank to the promenade footpaths. */
export const PROMENADE_OFFSET = 25;

export type ParkSize = 'small' | 'medium' | 'large';

/** Faces that host a planned park region, with the size class it must fall in. */
export const PARK_PLAN: { i: number; j: number; size: ParkSize; name: string }[] = [
  { i: 4, j: 5, size: 'small', name: '南关小游园' },
  { i: 6, j: 7, size: 'small', name: '北门街头绿地' },
  { i: 5, j: 4, size: 'small', name: '滨河小游园' },
  { i: 7, j: 8, size: 'small', name: '东关街心花园' },
  { i: 1, j: 8, size: 'small', name: '新华路口袋公园' },
  { i: 9, j: 4, size: 'small', name: '朝阳路口袋公园' },
  { i: 5, j: 0, size: 'small', name: '南环小游园' },
  { i: 5, j: 6, size: 'medium', name: '鼓楼广场' },
  { i: 4, j: 7, size: 'medium', name: '街心花园' },
  { i: 3, j: 8, size: 'medium', name: '文昌游园' },
  { i: 7, j: 5, size: 'medium', name: '东关游园' },
  { i: 10, j: 8, size: 'medium', name: '长安游园' },
  { i: 6, j: 2, size: 'medium', name: '迎宾游园' },
  { i: 1, j: 6, size: 'large', name: '文化公园' },
  { i: 2, j: 9, size: 'large', name: '北湖公园' },
  { i: 9, j: 6, size: 'large', name: '东湖公园' },
  { i: 3, j: 1, size: 'large', name: '城南公园' },
];
