import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { buildGraph } from '../../src/core/network/buildGraph';
import { buildSegmentIndex } from '../../src/core/network/buildSegmentIndex';
import { snapPoints } from '../../src/core/network/snapPoints';

// snapPoints answers small box queries from the segment grid and large ones from flatbush; the
// grid must visit exactly the edges flatbush would, so snaps are identical with and without it.
describe('segment grid', () => {
  it('gives the same snaps as the flatbush tree alone (random network, short and long edges)', () => {
    let seed = 99;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const feats: Feature<Geometry>[] = [];
    // 0.03° ≈ 2.6 km square at 30° N: short streets (≈ 10–150 m) and a few 1–3 km long ones
    for (let i = 0; i < 1500; i++) {
      const x = 120 + rnd() * 0.03, y = 30 + rnd() * 0.03;
      const long = i % 100 === 0;
      const dx = (rnd() - 0.5) * (long ? 0.03 : 0.0015), dy = (rnd() - 0.5) * (long ? 0.03 : 0.0015);
      feats.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[x, y], [x + dx, y + dy], [x + dx, y + 2 * dy]] } });
    }
    const g = buildGraph({ features: feats });
    const index = buildSegmentIndex(g);
    expect(index.grid).not.toBeNull();
    // a 64 m cell grid over ≈ 2.9 km: about 45 × 45 cells, every edge in at least one
    expect(index.grid!.nx).toBeGreaterThan(30);
    expect(index.grid!.items.length).toBeGreaterThanOrEqual(g.edgeCount);
    // points inside, at the edge of and far outside the network (the last ones beyond maxSnap)
    const pts: number[] = [];
    for (let i = 0; i < 3000; i++) pts.push(119.995 + rnd() * 0.04, 29.995 + rnd() * 0.04);
    pts.push(120.2, 30.2, 119.9, 30.01, NaN, 30);
    const lonlat = Float64Array.from(pts);
    const withGrid = snapPoints(g, index, lonlat, 300);
    const treeOnly = snapPoints(g, { ...index, grid: null }, lonlat, 300);
    for (const key of ['edge', 't', 'access', 'ok', 'snapLonLat'] as const) {
      expect(Array.from(withGrid[key])).toEqual(Array.from(treeOnly[key]));
    }
    expect(withGrid.edge[3000]).toBeGreaterThanOrEqual(0);
    expect(withGrid.ok[3000]).toBe(0);
    // the tree, built when first read, holds the extent snapping used (bounds)
    const fresh = buildSegmentIndex(g);
    const tree = fresh.index!;
    expect(fresh.bounds).toEqual({ minX: tree.minX, minY: tree.minY, maxX: tree.maxX, maxY: tree.maxY });
    expect(fresh.index).toBe(tree);
  });

  it('is null for a graph without edges', () => {
    const g = buildGraph({ features: [] });
    expect(buildSegmentIndex(g).grid).toBeNull();
  });
});
