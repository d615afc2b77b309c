import { area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { generateSyntheticCity, SCALES } from '../../scripts/bench/syntheticCity';

const cats = ['kindergarten', 'market', 'middle_school'];
const S = { ...SCALES.S, categories: cats };

describe('generateSyntheticCity', () => {
  const city = generateSyntheticCity(S);

  it('is deterministic for a seed and changes with it', () => {
    const again = generateSyntheticCity(S);
    expect(JSON.stringify(again)).toBe(JSON.stringify(city));
    const other = generateSyntheticCity({ ...S, seed: 7 });
    expect(JSON.stringify(other.network)).not.toBe(JSON.stringify(city.network));
  });

  it('has about 10k nodes and 1.94 edges per node at S', () => {
    // side = round(√10,000) = 100; 2·100·99 = 19,800 grid edges, 4 % dropped → 19,008 expected
    // (binomial sd √(19,800·0.04·0.96) ≈ 28); 99² = 9,801 blocks, 4 % with a diagonal → 392 (sd ≈ 19)
    expect(city.meta.side).toBe(100);
    expect(Math.abs(city.meta.gridEdges - 19_008)).toBeLessThan(150);
    expect(Math.abs(city.meta.diagonals - 392)).toBeLessThan(100);
    const nodes = new Set<string>();
    let segments = 0;
    for (const f of city.network.features) {
      const c = f.geometry.coordinates;
      segments += c.length - 1;
      for (const p of c) nodes.add(`${p[0]},${p[1]}`);
    }
    expect(segments).toBe(city.meta.gridEdges + city.meta.diagonals);
    // a node disappears only if all its edges were dropped (≈ 0.04² at the corners): ≥ 9,990 of 10,000
    expect(nodes.size).toBeGreaterThanOrEqual(9_990);
    expect(nodes.size).toBeLessThanOrEqual(10_000);
    expect(segments / nodes.size).toBeGreaterThan(1.9);
    expect(segments / nodes.size).toBeLessThan(1.98);
  });

  it('spans (side − 1) × 100 m = 9.9 km', () => {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const f of city.network.features) {
      for (const [x, y] of f.geometry.coordinates) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
    const mPerDeg = (6_371_008.8 * Math.PI) / 180;
    const midLat = (minY + maxY) / 2;
    // 9,900 m plus up to ±20 m of jitter at each side
    expect(Math.abs((maxY - minY) * mPerDeg - 9_900)).toBeLessThan(41);
    expect(Math.abs((maxX - minX) * mPerDeg * Math.cos((midLat * Math.PI) / 180) - 9_900)).toBeLessThan(41);
  });

  it('draws communities as closed 8-vertex polygons in distinct blocks, 0.6² of a block', () => {
    expect(city.communities.features.length).toBe(1_000);
    const centres = new Set<string>();
    let total = 0;
    for (const f of city.communities.features) {
      const ring = f.geometry.coordinates[0];
      expect(ring.length).toBe(9);
      expect(ring[8]).toEqual(ring[0]);
      centres.add(`${ring[0][0].toFixed(5)},${ring[0][1].toFixed(5)}`);
      total += turfArea(f);
      expect(f.properties.population).toBeGreaterThan(f.properties.households * 2.4);
    }
    expect(centres.size).toBe(1_000);
    // inset 0.6 of a ~100 m × 100 m block (the midpoints lie on its sides): 0.36 · 10,000 = 3,600 m²
    expect(Math.abs(total / 1_000 - 3_600) / 3_600).toBeLessThan(0.03);
  });

  it('gives each category its own stream of 100 facilities', () => {
    for (const c of cats) {
      expect(city.facilities.features.filter((f) => f.properties.category === c).length).toBe(100);
    }
    // dropping the other categories does not move a category's facilities
    const alone = generateSyntheticCity({ ...S, categories: ['market'] });
    const a = alone.facilities.features.map((f) => f.geometry.coordinates);
    const b = city.facilities.features.filter((f) => f.properties.category === 'market').map((f) => f.geometry.coordinates);
    expect(a).toEqual(b);
  });

  it('uses a √nodes grid at M (224) and L (447) and rejects too many communities', () => {
    expect(Math.round(Math.sqrt(SCALES.M.nodes))).toBe(224);
    expect(Math.round(Math.sqrt(SCALES.L.nodes))).toBe(447);
    const m = generateSyntheticCity({ ...SCALES.M, categories: ['market'] });
    expect(m.meta.side).toBe(224);
    expect(m.communities.features.length).toBe(5_000);
    expect(() => generateSyntheticCity({ nodes: 9, communities: 5, facilitiesPerCategory: 1, categories: [] }))
      .toThrow(/do not fit in 4 blocks/);
  });
});
