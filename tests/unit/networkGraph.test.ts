import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { buildGraph } from '../../src/core/network/buildGraph';
import { haversine } from '../../src/core/network/haversine';

// Along the equator and along meridians the haversine is exactly R·Δ(radians), so with
// R = 6,371,008.8 m one degree is M = 6,371,008.8 · π / 180 = 111,195.0802335 m and 0.001° = 111.195 m.
const M = (6371008.8 * Math.PI) / 180;

function line(coords: number[][], props: Record<string, unknown> = {}): Feature<Geometry | null> {
  return { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } };
}
function fc(...features: Feature<Geometry | null>[]): FeatureCollection<Geometry | null> {
  return { type: 'FeatureCollection', features };
}
/** node id of a lon/lat in the graph (coordinates are the 7-decimal rounded values) */
function nodeAt(g: ReturnType<typeof buildGraph>, lon: number, lat: number): number {
  for (let i = 0; i < g.nodeCount; i++) if (Math.abs(g.coords[2 * i] - lon) < 1e-9 && Math.abs(g.coords[2 * i + 1] - lat) < 1e-9) return i;
  return -1;
}

describe('haversine', () => {
  it('is R·Δλ along the equator and R·Δφ along a meridian', () => {
    expect(haversine(0, 0, 0.001, 0)).toBeCloseTo(0.001 * M, 9); // 111.195080 m
    expect(haversine(10, 0, 10, 0.002)).toBeCloseTo(0.002 * M, 9); // 222.390160 m
    // Turf's documented example: (-75.343, 39.984) → (-75.534, 39.123) = 97.12922 km
    expect(haversine(-75.343, 39.984, -75.534, 39.123) / 1000).toBeCloseTo(97.12922, 4);
  });
});

describe('buildGraph', () => {
  it('a straight street: 3 vertices → 3 nodes, 2 edges of 0.001° = 111.195 m', () => {
    const g = buildGraph(fc(line([[0, 0], [0.001, 0], [0.002, 0]])));
    expect(g.nodeCount).toBe(3);
    expect(g.edgeCount).toBe(2);
    expect(g.edgeLength[0]).toBeCloseTo(0.001 * M, 6);
    expect(g.edgeLength[1]).toBeCloseTo(0.001 * M, 6);
    expect(g.offsets[g.nodeCount]).toBe(4); // 2 undirected edges = 4 arcs
    const mid = nodeAt(g, 0.001, 0);
    expect(g.offsets[mid + 1] - g.offsets[mid]).toBe(2); // the middle node has degree 2
    expect(g.stats?.components).toBe(1);
  });

  it('lines crossing without a shared vertex are NOT connected (OSM convention)', () => {
    // a meridian street and an equator street cross at (0, 0), but neither has a vertex there
    const g = buildGraph(fc(line([[0, -0.001], [0, 0.001]]), line([[-0.001, 0], [0.001, 0]])));
    expect(g.nodeCount).toBe(4);
    expect(g.edgeCount).toBe(2);
    expect(g.componentCount).toBe(2);
    // with the vertex (0, 0) on both lines they join: 5 nodes, 4 edges, one component
    const j = buildGraph(fc(line([[0, -0.001], [0, 0], [0, 0.001]]), line([[-0.001, 0], [0, 0], [0.001, 0]])));
    expect(j.nodeCount).toBe(5);
    expect(j.edgeCount).toBe(4);
    expect(j.componentCount).toBe(1);
    const centre = nodeAt(j, 0, 0);
    expect(j.offsets[centre + 1] - j.offsets[centre]).toBe(4);
  });

  it('vertices equal after rounding to 7 decimals are one node', () => {
    // 0.00100000004 rounds to 0.0010000; 0.0010001 does not
    const g = buildGraph(fc(line([[0, 0], [0.001, 0]]), line([[0.00100000004, 0], [0.002, 0]]), line([[0.0010001, 0], [0.0010001, 0.001]])));
    expect(g.nodeCount).toBe(5);
    expect(g.componentCount).toBe(2);
  });

  it('MultiLineString parts each contribute edges; parts join only at shared vertices', () => {
    const g = buildGraph(fc({
      type: 'Feature', properties: {},
      geometry: { type: 'MultiLineString', coordinates: [
        [[0, 0], [0.001, 0]],
        [[0.001, 0], [0.001, 0.001]], // shares (0.001, 0) with the first part
        [[0.003, 0], [0.004, 0]], // disjoint part
      ] },
    }));
    expect(g.nodeCount).toBe(5);
    expect(g.edgeCount).toBe(3);
    expect(g.componentCount).toBe(2);
    expect(g.stats?.largestComponentNodes).toBe(3);
    // total length 3 × 0.001° (the vertical part is along the meridian lon 0.001: also exact)
    expect(g.stats?.totalLength).toBeCloseTo(0.003 * M, 6);
  });

  it('drops duplicate vertices, zero-length segments and duplicate lines', () => {
    const g = buildGraph(fc(
      // (0,0) repeated, and 0.00100000001 rounds onto 0.001: two zero-length segments
      line([[0, 0], [0, 0], [0.001, 0], [0.00100000001, 0], [0.002, 0]]),
      line([[0.002, 0], [0.001, 0]]), // the same segment reversed: duplicate
    ));
    expect(g.nodeCount).toBe(3);
    expect(g.edgeCount).toBe(2);
    expect(g.stats?.droppedZeroLength).toBe(2);
    expect(g.stats?.droppedDuplicate).toBe(1);
    for (let e = 0; e < g.edgeCount; e++) expect(g.edgeLength[e]).toBeGreaterThan(0);
  });

  it('excludes walkable=false (boolean or string), skips and counts null and non-line geometries', () => {
    const g = buildGraph(fc(
      line([[0, 0], [0.001, 0]]),
      line([[0, 0], [0, 0.001]], { walkable: false }),
      line([[0, 0], [0, -0.001]], { walkable: 'false' }),
      line([[0, 0], [-0.001, 0]], { walkable: true }),
      { type: 'Feature', properties: {}, geometry: null },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } },
    ));
    expect(g.edgeCount).toBe(2);
    expect(g.stats).toMatchObject({ skippedNotWalkable: 2, skippedNullGeometry: 1, skippedOtherGeometry: 1, skipped: 4 });
  });

  it('keeps edge ends and lengths consistent with the CSR arcs after the spatial reorder', () => {
    const feats: Feature<Geometry | null>[] = [];
    for (let i = 0; i < 20; i++) {
      feats.push(line(Array.from({ length: 20 }, (_, j) => [j * 0.001, i * 0.001])));
      feats.push(line(Array.from({ length: 20 }, (_, j) => [i * 0.001, j * 0.001])));
    }
    const g = buildGraph(fc(...feats));
    expect(g.nodeCount).toBe(400);
    expect(g.edgeCount).toBe(2 * 20 * 19);
    for (let v = 0; v < g.nodeCount; v++) {
      for (let a = g.offsets[v]; a < g.offsets[v + 1]; a++) {
        const e = g.arcEdge[a];
        const other = g.edgeFrom[e] === v ? g.edgeTo[e] : g.edgeFrom[e];
        expect(g.targets[a]).toBe(other);
        expect(g.arcLength[a]).toBe(g.edgeLength[e]);
      }
    }
    // Hilbert order: consecutive ids are near each other (here: at most a few grid steps)
    let far = 0;
    for (let v = 1; v < g.nodeCount; v++) {
      if (haversine(g.coords[2 * v - 2], g.coords[2 * v - 1], g.coords[2 * v], g.coords[2 * v + 1]) > 0.0015 * M) far++;
    }
    expect(far).toBeLessThan(20);
  });

  it('does not mutate its input', () => {
    const input = fc(line([[0, 0], [0.001, 0]]));
    const copy = JSON.parse(JSON.stringify(input));
    buildGraph(input);
    expect(input).toEqual(copy);
  });
});
