import type { FeatureCollection, Position } from 'geojson';
import { forEachPositionList } from './mapCoordinates';
import { zoneFromEastings, type GaussKrugerZone } from './gaussKruger';

/** What the coordinates of a layer look like, judged from their ranges. */
export type CoordinateGuess =
  | { kind: 'empty' }
  | { kind: 'geographic' }
  | { kind: 'swapped' }
  | { kind: 'web-mercator' }
  | { kind: 'gauss-kruger'; zone: GaussKrugerZone }
  | { kind: 'gauss-kruger-no-zone' }
  | { kind: 'projected-unknown' };

export interface CoordinateStats {
  /** Bounding box of the finite positions examined: [xmin, ymin, xmax, ymax]. */
  bbox: [number, number, number, number];
  /** Positions examined (at most `maxSamples`). */
  samples: number;
}

const MERCATOR_MAX = 20037508.35;

/** Approximate bounding box of China (lon/lat), used to judge which reading of the numbers is plausible. */
export const CHINA_BBOX: [number, number, number, number] = [73.4, 3.8, 135.1, 53.6];

export function inChina(lon: number, lat: number): boolean {
  return lon >= CHINA_BBOX[0] && lon <= CHINA_BBOX[2] && lat >= CHINA_BBOX[1] && lat <= CHINA_BBOX[3];
}

/** The smallest value (−0 below +0, as a sort orders them); the list is not empty. */
function lowest(v: readonly number[]): number {
  let m = v[0] as number;
  for (let i = 1; i < v.length; i++) {
    const x = v[i] as number;
    if (x < m || (x === 0 && m === 0 && Object.is(x, -0))) m = x;
  }
  return m;
}

/** The largest value (+0 above −0); the list is not empty. */
function highest(v: readonly number[]): number {
  let m = v[0] as number;
  for (let i = 1; i < v.length; i++) {
    const x = v[i] as number;
    if (x > m || (x === 0 && m === 0 && Object.is(m, -0))) m = x;
  }
  return m;
}

/** Percentile of a sorted array (nearest rank). */
function pct(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))] as number;
}

/**
 * Classifies a layer's coordinates by range (DESIGN §8): lon/lat, lat/lon swapped, Web Mercator
 * metres, CGCS2000 3° Gauss-Krüger with the zone prefixing the easting, Gauss-Krüger/UTM without a
 * zone, or an unknown projection (e.g. a local city grid). The majority decides, so a few stray
 * coordinates do not flip a layer: they are reported per feature as out of range instead.
 * Robust ranges (1st–99th percentile) are used for the same reason.
 */
export function detectCoordinateSystem(fc: FeatureCollection, maxSamples = 50000): CoordinateGuess & CoordinateStats {
  // Position lists, not positions, are visited (a layer has ~10⁶ positions): their lengths give
  // the count, and every step-th position of the whole sequence is read by index.
  let total = 0;
  const count = (list: readonly Position[]): void => {
    total += list.length;
  };
  for (const f of fc.features) if (f.geometry) forEachPositionList(f.geometry, count);
  const step = Math.max(1, Math.ceil(total / maxSamples));
  const xs: number[] = [];
  const ys: number[] = [];
  // index in the whole sequence of the list's first position
  let i = 0;
  const sample = (list: readonly Position[]): void => {
    for (let j = (step - (i % step)) % step; j < list.length; j += step) {
      const x = list[j][0], y = list[j][1];
      if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
        xs.push(x);
        ys.push(y);
      }
    }
    i += list.length;
  };
  for (const f of fc.features) {
    if (!f.geometry) continue;
    forEachPositionList(f.geometry, sample);
  }
  const n = xs.length;
  if (n === 0) return { kind: 'empty', bbox: [0, 0, 0, 0], samples: 0 };
  // the extent by a scan (as the ends of the sorted samples: −0 before +0); sorting, slow for
  // 50,000 doubles, only when the percentiles of projected coordinates are needed below
  const bbox: [number, number, number, number] = [lowest(xs), lowest(ys), highest(xs), highest(ys)];
  const stats = { bbox, samples: n };
  let big = 0;
  let geo = 0;
  for (let k = 0; k < n; k++) {
    const x = xs[k] as number;
    const y = ys[k] as number;
    if (Math.abs(x) > 1000 || Math.abs(y) > 1000) big++;
    else if (Math.abs(x) <= 180 && Math.abs(y) <= 180) geo++;
  }
  if (big > n / 2) {
    const sx = Float64Array.from(xs).sort();
    const sy = Float64Array.from(ys).sort();
    const x0 = pct(sx, 0.01);
    const x1 = pct(sx, 0.99);
    const y0 = pct(sy, 0.01);
    const y1 = pct(sy, 0.99);
    const zone = zoneFromEastings(x0, x1);
    if (zone && y0 >= 1e6 && y1 <= 6.6e6) return { kind: 'gauss-kruger', zone, ...stats };
    if (x0 >= 250000 && x1 <= 750000 && y0 >= 1.5e6 && y1 <= 6.6e6) return { kind: 'gauss-kruger-no-zone', ...stats };
    if (Math.abs(x0) <= MERCATOR_MAX && Math.abs(x1) <= MERCATOR_MAX && Math.abs(y0) <= MERCATOR_MAX && Math.abs(y1) <= MERCATOR_MAX) {
      // Small numbers around (0,0) are a local grid, not the Gulf of Guinea.
      const cx = ((x0 + x1) / 2 / MERCATOR_MAX) * 180;
      const cy = (Math.atan(Math.exp((((y0 + y1) / 2) / MERCATOR_MAX) * Math.PI)) * 360) / Math.PI - 90;
      // 6° Gauss-Krüger with the zone number (13–23) overlaps Web Mercator's range; when the
      // Mercator reading falls outside China the zone reading is left to the user to confirm.
      const zone6 = Math.floor(x0 / 1e6);
      const sixDegree = zone6 >= 13 && zone6 <= 23 && Math.floor(x1 / 1e6) === zone6 && x0 - zone6 * 1e6 >= 250000 && x1 - zone6 * 1e6 <= 750000 && y0 >= 1e6 && y1 <= 6.6e6;
      if (sixDegree && !inChina(cx, cy)) return { kind: 'projected-unknown', ...stats };
      if (Math.abs(cx) > 5 || Math.abs(cy) > 5) return { kind: 'web-mercator', ...stats };
    }
    return { kind: 'projected-unknown', ...stats };
  }
  if (geo === 0) return { kind: 'projected-unknown', ...stats };
  return { kind: isSwapped(xs, ys) ? 'swapped' : 'geographic', ...stats };
}

/**
 * Lat/lon order: no x beyond ±90 while some y is beyond ±90 (a latitude cannot be), or every
 * position lies in China once swapped and in the Arctic/nowhere as given.
 */
function isSwapped(xs: number[], ys: number[]): boolean {
  let xWithinLat = true;
  let yBeyondLat = false;
  let swappedInChina = true;
  let givenInChina = true;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] as number;
    const y = ys[k] as number;
    if (Math.abs(x) > 180 || Math.abs(y) > 180) continue;
    if (Math.abs(x) > 90) xWithinLat = false;
    if (Math.abs(y) > 90) yBeyondLat = true;
    if (!inChina(y, x)) swappedInChina = false;
    if (!inChina(x, y)) givenInChina = false;
  }
  return (xWithinLat && yBeyondLat) || (swappedInChina && !givenInChina);
}
