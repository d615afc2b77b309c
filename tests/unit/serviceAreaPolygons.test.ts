import { area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  collectReachedPieces, planServiceAreaGrid, rasterizeServiceArea, serviceAreaPolygons,
} from '../../src/core/analysis/serviceArea';
import { straightStreet, streetGrid } from './serviceAreaFixtures';

const rel = (a: number, b: number): number => Math.abs(a - b) / b;

/** Signed area of a lon/lat ring (planar shoelace in degrees): > 0 when counter-clockwise. */
function signedDeg(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

describe('serviceAreaPolygons on a straight street', () => {
  // 21 nodes 100 m apart (2 km); the source is node 0, so node i is at 100·i m.
  const g = straightStreet(21);
  const dist = Float64Array.from({ length: 21 }, (_, i) => 100 * i);

  it('is the capsule of radius R over the part of the street within T − R', () => {
    // T = 1000, R = 100: axis 0..900 m, area 2·100·900 + π·100² = 180,000 + 31,415.9 = 211,415.9 m²
    const expected = 2 * 100 * 900 + Math.PI * 100 ** 2;
    for (const cellSize of [10, 25]) {
      const [f] = serviceAreaPolygons(g, dist, [1000], { cellSize, maxOffNetwork: 100 });
      expect(f.geometry.coordinates.length).toBe(1);
      expect(rel(f.properties.area_m2, expected)).toBeLessThan(cellSize === 10 ? 0.005 : 0.02);
      // the lon/lat polygon has the same area on the sphere (checks the back-projection)
      expect(rel(turfArea(f), expected)).toBeLessThan(cellSize === 10 ? 0.006 : 0.02);
    }
  });

  it('is a disc of radius T around the source when T < R', () => {
    // T = 60 < R = 100: only the source's own disc, π·60² = 11,309.7 m²
    const [f] = serviceAreaPolygons(g, dist, [60], { cellSize: 5, maxOffNetwork: 100 });
    expect(rel(f.properties.area_m2, Math.PI * 3600)).toBeLessThan(0.01);
  });

  it('returns nested areas in the order of the thresholds, outer rings counter-clockwise', () => {
    const fs = serviceAreaPolygons(g, dist, [500, 300], { cellSize: 10, maxOffNetwork: 50 });
    expect(fs.map((f) => f.properties.threshold)).toEqual([500, 300]);
    // R = 50: 2·50·(T − 50) + π·50²: T = 500 → 45,000 + 7,854.0; T = 300 → 25,000 + 7,854.0
    expect(rel(fs[0].properties.area_m2, 45_000 + Math.PI * 2500)).toBeLessThan(0.01);
    expect(rel(fs[1].properties.area_m2, 25_000 + Math.PI * 2500)).toBeLessThan(0.01);
    for (const f of fs) expect(signedDeg(f.geometry.coordinates[0][0])).toBeGreaterThan(0);
  });

  it('starts inside an edge at a seed', () => {
    // a facility snapped mid-edge between nodes 10 and 11 (access 0): node i at |i − 10.5|·100 m.
    const d = Float64Array.from({ length: 21 }, (_, i) => Math.abs(i - 10.5) * 100);
    const seeds = { edge: Int32Array.of(10), t: Float64Array.of(0.5), access: Float64Array.of(0) };
    // T = 120, R = 100: capsule over 20 m each side of the seed, 2·100·40 + π·100² = 39,415.9 m²
    const [f] = serviceAreaPolygons(g, d, [120], { cellSize: 5, maxOffNetwork: 100, seeds });
    expect(rel(f.properties.area_m2, 8000 + Math.PI * 1e4)).toBeLessThan(0.01);
    // without the seed, only the two nodes' discs of radius 120 − 50 = 70 m, 100 m apart:
    // 2·π·70² − lens; lens of two r = 70 discs at distance 100:
    // 2r²·acos(d/2r) − (d/2)·√(4r² − d²) = 9800·acos(0.7143) − 50·√9600 = 7,637.9 − 4,899.0 = 2,738.9
    const lens = 2 * 70 ** 2 * Math.acos(100 / 140) - 50 * Math.sqrt(4 * 70 ** 2 - 100 ** 2);
    const [plain] = serviceAreaPolygons(g, d, [120], { cellSize: 5, maxOffNetwork: 100 });
    expect(rel(plain.properties.area_m2, 2 * Math.PI * 4900 - lens)).toBeLessThan(0.01);
  });

  it('is empty when nothing is reached', () => {
    const [f] = serviceAreaPolygons(g, new Float64Array(21).fill(Infinity), [500]);
    expect(f.geometry.coordinates).toEqual([]);
    expect(f.properties.area_m2).toBe(0);
  });

  it('rejects a dist array that is too short', () => {
    expect(() => serviceAreaPolygons(g, new Float64Array(3), [500])).toThrow(/21 nodes/);
  });
});

describe('serviceAreaPolygons on a street grid', () => {
  // 6 × 6 nodes, 100 m blocks (W = 500 m); source at the corner node 0, Manhattan distances.
  const n = 6;
  const g = streetGrid(n);
  const dist = Float64Array.from({ length: n * n }, (_, k) => 100 * ((k % n) + Math.floor(k / n)));

  it('covers the whole grid plus R, with rounded corners, when T is large', () => {
    // R = 50 fills every 100 m block; the outline is the square [−50, 550]² minus four corners
    // of (1 − π/4)·R²: 600² − (4 − π)·50² = 360,000 − 2,146.0 = 357,854.0 m²
    const [f] = serviceAreaPolygons(g, dist, [10_000], { cellSize: 10, maxOffNetwork: 50 });
    expect(f.geometry.coordinates.length).toBe(1);
    expect(f.geometry.coordinates[0].length).toBe(1); // no holes
    expect(rel(f.properties.area_m2, 360_000 - (4 - Math.PI) * 2500)).toBeLessThan(0.005);
  });

  it('matches the raster cell count area for a partial area', () => {
    // No closed form here, so the reference is the count of 2 m cells inside the area (exact to
    // ~0.3 %). The 25 m contour must be within 1 % of it; the count of 25 m cells itself is the
    // cruder estimate (it misses by up to ~3 % on this small shape).
    const cellArea = (T: number, R: number, cellSize: number): number => {
      const pieces = collectReachedPieces(g, dist, T);
      const grid = planServiceAreaGrid(g, pieces, { cellSize, maxOffNetwork: R, maxCells: 1e8 })!;
      let inside = 0;
      for (const v of rasterizeServiceArea(g, pieces, T, grid, { maxOffNetwork: R })) if (v >= 0) inside++;
      return inside * grid.cellSize ** 2;
    };
    for (const [T, R, cellSize] of [[300, 50, 25], [450, 100, 25], [700, 30, 5]]) {
      const [f] = serviceAreaPolygons(g, dist, [T], { cellSize, maxOffNetwork: R });
      expect(rel(f.properties.area_m2, cellArea(T, R, 2))).toBeLessThan(0.01);
      expect(rel(f.properties.area_m2, cellArea(T, R, cellSize))).toBeLessThan(0.035);
    }
  });

  it('leaves holes in blocks wider than 2R', () => {
    // R = 30 leaves a 40 m × 40 m square hole in each of the 25 blocks (25·40² = 40,000 m²);
    // the outline is [−30, 530]² with rounded corners: 560² − (4 − π)·30² = 313,600 − 772.6 m²
    const [f] = serviceAreaPolygons(g, dist, [10_000], { cellSize: 5, maxOffNetwork: 30 });
    const holes = f.geometry.coordinates.reduce((s, p) => s + p.length - 1, 0);
    expect(holes).toBe(25);
    const expected = 560 ** 2 - (4 - Math.PI) * 900 - 25 * 40 ** 2;
    expect(rel(f.properties.area_m2, expected)).toBeLessThan(0.01);
  });
});
