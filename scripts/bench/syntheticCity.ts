/**
 * Seeded synthetic cities for the benchmark (../shared/research/perf-anchors.md, DESIGN §7):
 * a jittered 100 m grid (±20 m), 4 % of grid edges dropped and diagonals added in 4 % of the
 * blocks (E ≈ 1.95 N); communities are random blocks drawn as 8-vertex inset polygons;
 * facilities are uniform points, one seeded stream per category. Output is GeoJSON because
 * that is what the engine consumes.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { EARTH_RADIUS_M } from '../../src/core/network';
import { mulberry32, subSeed } from './rng';

export interface SyntheticCityOptions {
  /** Target node count; the grid side is round(√nodes). */
  nodes: number;
  /** Number of community polygons (distinct blocks). */
  communities: number;
  /** Facilities per category. */
  facilitiesPerCategory: number;
  /** Category ids, one facility stream each. */
  categories: readonly string[];
  /** Seed of every random stream. Default 42. */
  seed?: number;
  /** Grid spacing in metres. Default 100. */
  spacing?: number;
  /** Uniform jitter amplitude in metres (±). Default 20. */
  jitter?: number;
  /** Share of grid edges dropped. Default 0.04. */
  dropRate?: number;
  /** Share of blocks that get one diagonal. Default 0.04. */
  diagonalRate?: number;
  /** South-west corner, lon/lat. Default Beijing, [116.2, 39.8]. */
  origin?: [number, number];
  /** Community polygon size relative to its block (0..1). Default 0.6. */
  inset?: number;
}

export interface CommunityProps {
  id: string;
  name: string;
  households: number;
  population: number;
  built_year: number;
  parking_spaces: number;
}

export interface FacilityProps {
  id: string;
  name: string;
  category: string;
}

export interface SyntheticCity {
  network: FeatureCollection<LineString, Record<string, never>>;
  communities: FeatureCollection<Polygon, CommunityProps>;
  facilities: FeatureCollection<Point, FacilityProps>;
  /** Grid side (nodes per row), grid edges kept, diagonals, city width in metres. */
  meta: { side: number; gridEdges: number; diagonals: number; widthM: number; seed: number };
}

/** Metres per degree of latitude on the sphere of R = 6,371,008.8 m (DESIGN §4). */
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/**
 * Builds a synthetic city. Deterministic for a given options object: the network, the
 * communities and each category's facilities (keyed by category id) use separate seeded
 * streams, so adding a category does not move anything else.
 */
export function generateSyntheticCity(opts: SyntheticCityOptions): SyntheticCity {
  const seed = opts.seed ?? 42;
  const spacing = opts.spacing ?? 100;
  const jitter = opts.jitter ?? 20;
  const dropRate = opts.dropRate ?? 0.04;
  const diagonalRate = opts.diagonalRate ?? 0.04;
  const [lon0, lat0] = opts.origin ?? [116.2, 39.8];
  const inset = opts.inset ?? 0.6;
  const n = Math.max(2, Math.round(Math.sqrt(opts.nodes)));
  const width = (n - 1) * spacing;
  const cellCount = (n - 1) * (n - 1);
  if (opts.communities > cellCount) {
    throw new Error(`syntheticCity: ${opts.communities} communities do not fit in ${cellCount} blocks`);
  }

  const midLat = lat0 + width / 2 / M_PER_DEG;
  const mPerDegLon = M_PER_DEG * Math.cos((midLat * Math.PI) / 180);
  const toLon = (x: number): number => round7(lon0 + x / mPerDegLon);
  const toLat = (y: number): number => round7(lat0 + y / M_PER_DEG);

  // Node positions in metres; node (i, j) is column i, row j.
  const netRng = mulberry32(subSeed(seed, 0));
  const nx = new Float64Array(n * n);
  const ny = new Float64Array(n * n);
  const pos: [number, number][] = new Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      nx[k] = i * spacing + (netRng() * 2 - 1) * jitter;
      ny[k] = j * spacing + (netRng() * 2 - 1) * jitter;
      pos[k] = [toLon(nx[k]), toLat(ny[k])];
    }
  }

  // Grid edges run along rows and columns; consecutive kept edges form one LineString, the way
  // OSM ways span many nodes.
  const lines: Feature<LineString, Record<string, never>>[] = [];
  let gridEdges = 0;
  const runs = (nodeAt: (t: number) => number): void => {
    let run: [number, number][] = [pos[nodeAt(0)]];
    for (let t = 0; t < n - 1; t++) {
      if (netRng() < dropRate) {
        if (run.length > 1) lines.push(lineFeature(run));
        run = [pos[nodeAt(t + 1)]];
      } else {
        run.push(pos[nodeAt(t + 1)]);
        gridEdges++;
      }
    }
    if (run.length > 1) lines.push(lineFeature(run));
  };
  for (let j = 0; j < n; j++) runs((t) => j * n + t);
  for (let i = 0; i < n; i++) runs((t) => t * n + i);
  let diagonals = 0;
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      if (netRng() < diagonalRate) {
        const rising = netRng() < 0.5;
        const a = rising ? j * n + i : j * n + i + 1;
        const b = rising ? (j + 1) * n + i + 1 : (j + 1) * n + i;
        lines.push(lineFeature([pos[a], pos[b]]));
        diagonals++;
      }
    }
  }

  // Communities: distinct random blocks (partial Fisher–Yates), octagon inset toward the centre.
  const comRng = mulberry32(subSeed(seed, 1));
  const cells = new Int32Array(cellCount);
  for (let c = 0; c < cellCount; c++) cells[c] = c;
  const communities: Feature<Polygon, CommunityProps>[] = [];
  for (let c = 0; c < opts.communities; c++) {
    const r = c + Math.floor(comRng() * (cellCount - c));
    const cell = cells[r];
    cells[r] = cells[c];
    cells[c] = cell;
    const i = cell % (n - 1);
    const j = (cell - i) / (n - 1);
    const corners = [j * n + i, j * n + i + 1, (j + 1) * n + i + 1, (j + 1) * n + i];
    let cx = 0;
    let cy = 0;
    for (const k of corners) {
      cx += nx[k] / 4;
      cy += ny[k] / 4;
    }
    const ring: [number, number][] = [];
    for (let q = 0; q < 4; q++) {
      const a = corners[q];
      const b = corners[(q + 1) % 4];
      for (const [x, y] of [
        [nx[a], ny[a]],
        [(nx[a] + nx[b]) / 2, (ny[a] + ny[b]) / 2],
      ]) {
        ring.push([toLon(cx + (x - cx) * inset), toLat(cy + (y - cy) * inset)]);
      }
    }
    ring.push(ring[0]);
    const households = 200 + Math.floor(comRng() * 1800);
    communities.push({
      type: 'Feature',
      properties: {
        id: `c${c}`,
        name: `小区${c}`,
        households,
        population: Math.round(households * (2.5 + comRng() * 0.7)),
        built_year: 1975 + Math.floor(comRng() * 46),
        parking_spaces: Math.floor(households * comRng()),
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }

  const facilities: Feature<Point, FacilityProps>[] = [];
  opts.categories.forEach((category) => {
    // seeded by the category id, so adding or removing a category moves nothing else
    const rng = mulberry32(subSeed(seed, fnv1a(category)));
    for (let f = 0; f < opts.facilitiesPerCategory; f++) {
      const x = rng() * width;
      const y = rng() * width;
      facilities.push({
        type: 'Feature',
        properties: { id: `${category}-${f}`, name: `${category} ${f}`, category },
        geometry: { type: 'Point', coordinates: [toLon(x), toLat(y)] },
      });
    }
  });

  return {
    network: { type: 'FeatureCollection', features: lines },
    communities: { type: 'FeatureCollection', features: communities },
    facilities: { type: 'FeatureCollection', features: facilities },
    meta: { side: n, gridEdges, diagonals, widthM: width, seed },
  };
}

/** FNV-1a hash of a string, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function lineFeature(coords: [number, number][]): Feature<LineString, Record<string, never>> {
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } };
}

/** The three benchmark scales of DESIGN §7: nodes / communities / facilities per category. */
export const SCALES = {
  S: { nodes: 10_000, communities: 1_000, facilitiesPerCategory: 100 },
  M: { nodes: 50_000, communities: 5_000, facilitiesPerCategory: 1_000 },
  L: { nodes: 200_000, communities: 20_000, facilitiesPerCategory: 5_000 },
} as const;

export type ScaleName = keyof typeof SCALES;
