import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { prepareCoverage } from '../../src/core/analysis/coverage/prepareCoverage';
import { parkCoverage } from '../../src/core/analysis/parks/parkCoverage';
import { parkThresholdIndex, qualifyParks } from '../../src/core/analysis/parks/parkQualification';
import { parkAccessPoints } from '../../src/core/analysis/parks/parkAccessPoints';
import { polygonGridSamples } from '../../src/core/analysis/points/polygonGridSamples';
import type { CoverageRuleSet } from '../../src/core/analysis/coverage/coverageRules';
import type { ParkThreshold } from '../../src/core/rules/types';

// On the equator 1° = 6,371,008.8 · π / 180 = 111,195.08 m (haversine, network lengths), so
// 0.0001° = 11.1195 m. Turf 7 `area` uses the same radius, so a 0.001° square there is ≈ 111.195² m².
const M = (6371008.8 * Math.PI) / 180;

type F = Feature<Geometry | null>;
const fc = (features: F[]): FeatureCollection<Geometry | null> => ({ type: 'FeatureCollection', features });
const line = (coords: number[][]): F => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
const rect = (x0: number, y0: number, x1: number, y1: number, props: Record<string, unknown> = {}): F => ({
  type: 'Feature', properties: props,
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});
/** a small square community (11 m sides) centred on (lon, lat): its centroid is the centre */
const community = (lon: number, lat: number, props: Record<string, unknown>) => rect(lon - 0.00005, lat - 0.00005, lon + 0.00005, lat + 0.00005, props);

const THRESHOLDS: ParkThreshold[] = [
  { min_area_m2: 5000, radius_m: 500 },
  { min_area_m2: 2000, max_area_m2: 5000, radius_m: 300 },
];
const rules: CoverageRuleSet = { levels: [{ id: '5min', walk_m: 300 }], categories: [{ id: 'kindergarten', level: '5min', radius_m: 300, mandatory: true }] };

describe('park qualification', () => {
  it('takes the largest threshold met; max_area_m2 is exclusive', () => {
    expect(parkThresholdIndex(5000, THRESHOLDS)).toBe(0); // ≥ 5,000 → 500 m
    expect(parkThresholdIndex(4999.9, THRESHOLDS)).toBe(1); // 2,000–5,000 → 300 m
    expect(parkThresholdIndex(2000, THRESHOLDS)).toBe(1);
    expect(parkThresholdIndex(1999, THRESHOLDS)).toBe(-1);
    // overlapping thresholds: a 6,000 m² park meets both, the larger radius wins
    expect(parkThresholdIndex(6000, [{ min_area_m2: 1000, radius_m: 300 }, { min_area_m2: 5000, radius_m: 500 }])).toBe(1);
  });

  it('computes areas with Turf and classes by radius', () => {
    const parks = fc([
      rect(0, 0, 0.0008, 0.0008, { id: 'big' }), // (0.0008 · 111,195.08)² = 88.956² = 7,913 m² → 500 m
      rect(0, 0, 0.0005, 0.0005, { id: 'small' }), // 55.598² = 3,091 m² → 300 m
      rect(0, 0, 0.0003, 0.0003, { id: 'tiny' }), // 33.359² = 1,113 m² → none
      { type: 'Feature', properties: { id: 'nogeom' }, geometry: null },
    ]);
    const q = qualifyParks(parks, THRESHOLDS);
    expect(q.area[0]).toBeCloseTo((0.0008 * M) ** 2, -1);
    expect(q.area[1]).toBeCloseTo((0.0005 * M) ** 2, -1);
    expect(Array.from(q.radius)).toEqual([500, 300, NaN, NaN]);
    expect(Array.from(q.parkClass)).toEqual([0, 1, -1, -1]);
    expect(q.classes.map((k) => [k.radius, k.parkCount])).toEqual([[500, 1], [300, 1]]);
    expect(q.issues).toEqual([{ index: 3, id: 'nogeom', reason: 'no_geometry' }]);
    expect(() => qualifyParks(parks, [{ min_area_m2: 100, radius_m: 0 }])).toThrow(/park threshold 0.*radius_m/);
  });

  it('densifies boundary edges to ≤ 50 m and prefers entrances', () => {
    // south edge 0.0008° = 88.96 m → 2 pieces: a point added at its middle; 4 sides → 8 points
    // DESIGN §4 by default: the boundary vertices only (4 corners of the rectangle)
    expect(parkAccessPoints(fc([rect(0, 0, 0.0008, 0.0008)])).points.length / 2).toBe(4);
    const a = parkAccessPoints(fc([rect(0, 0, 0.0008, 0.0008)]), { densifyStep: 50 });
    expect(a.points.length / 2).toBe(8);
    expect([a.points[2], a.points[3]]).toEqual([0.0004, 0]);
    const e = parkAccessPoints(fc([rect(0, 0, 0.0008, 0.0008, { entrances: { type: 'MultiPoint', coordinates: [[0.0008, 0.0008]] } })]));
    expect(Array.from(e.points)).toEqual([0.0008, 0.0008]);
    expect(e.fromEntrances[0]).toBe(1);
  });
});

describe('park coverage (network)', () => {
  // One street along the equator from −0.003° to 0.013°.
  const network = fc([line(Array.from({ length: 17 }, (_, i) => [-0.003 + i * 0.001, 0]))]);
  const parks = fc([
    rect(0.006, 0.0001, 0.0068, 0.0009, { id: 'P1' }), // 7,913 m² → 500 m; nearest corner (0.006, 0.0001), access 0.0001°
    rect(0.001, -0.0006, 0.0015, -0.0001, { id: 'P2' }), // 3,091 m² → 300 m; north corners at lat −0.0001
    rect(0.0126, 0.0001, 0.0129, 0.0004, { id: 'P3' }), // 1,113 m²: too small
  ]);
  const communities = fc([
    community(0, 0.0002, { id: 'A', population: 100 }),
    community(0.004, 0.0002, { id: 'B', population: 200 }),
    community(0.013, 0.0002, { id: 'F', population: 300 }),
    community(-0.0015, 0.0002, { id: 'H', population: 400 }),
  ]);
  const ctx = prepareCoverage({ communities, facilities: fc([]), rules, network });
  const r = parkCoverage(ctx, { parks, thresholds: THRESHOLDS, communities });

  it('measures each class to the nearest boundary point, covered under its own radius', () => {
    // A: to P2 0.0002 (access) + 0.0010 (street) + 0.0001 (park access) = 0.0013° = 144.55 m ≤ 300 ✓
    //    to P1 0.0002 + 0.0060 + 0.0001 = 0.0063° = 700.53 m
    // B: to P2 0.0002 + 0.0025 + 0.0001 = 0.0028° = 311.35 m > 300 ✗; to P1 0.0002 + 0.0020 + 0.0001 = 0.0023° = 255.75 m ≤ 500 ✓
    // F: to P1 0.0002 + 0.0062 + 0.0001 = 0.0065° = 722.77 m > 500 ✗ (P3 next door is too small)
    // H: to P2 0.0002 + 0.0025 + 0.0001 = 0.0028° = 311.35 m > 300 ✗; to P1 0.0078° = 867.32 m
    const [a, b, f, h] = [0, 1, 2, 3];
    expect(r.classDistance[0 * 4 + a]).toBeCloseTo(0.0063 * M, 6);
    expect(r.classDistance[1 * 4 + a]).toBeCloseTo(0.0013 * M, 6);
    expect(r.distance[a]).toBeCloseTo(144.553, 2);
    expect(r.distance[b]).toBeCloseTo(0.0023 * M, 6);
    expect(r.distance[f]).toBeCloseTo(0.0065 * M, 6);
    expect(r.distance[h]).toBeCloseTo(0.0028 * M, 6);
    expect(Array.from(r.ok)).toEqual([1, 1, 0, 0]);
    expect(Array.from(r.nearestPark)).toEqual([1, 0, 0, 1]);
  });

  it('reports community-, population- and area-based rates', () => {
    expect(r.stats.communities).toEqual({ covered: 2, total: 4, rate: 0.5 });
    // A (100) and B (200) of 1,000 people
    expect(r.stats.population.rate).toBeCloseTo(0.3, 12);
    expect(r.stats.qualifyingParks).toBe(2);
    // the 11 m squares hold no 20 m grid centre: one sample each, at the centre, measured as the
    // community itself → the two covered squares of four equal ones
    expect(r.stats.area!.rate).toBeCloseTo(0.5, 12);
  });

  it('keeps per-class node distances for drawing service areas', () => {
    // the street node at 0.001° is 0.0001° from P2's corner (0.001, −0.0001)
    const k300 = r.classes[1];
    expect(k300.radius).toBe(300);
    const graph = ctx.network!.graph;
    let node = -1;
    for (let i = 0; i < graph.nodeCount; i++) if (Math.abs(graph.coords[2 * i] - 0.001) < 1e-9) node = i;
    expect(k300.nodeDistance![node]).toBeCloseTo(0.0001 * M, 6);
    expect(k300.pointIds.every((p) => r.accessOwner[p] === 1)).toBe(true);
  });

  it('follows edited thresholds', () => {
    // parks ≥ 1,000 m² serve 300 m: P3 qualifies; F → P3 corner (0.0129, 0.0001):
    // 0.0002 + 0.0001 + 0.0001 = 0.0004° = 44.48 m ✓. A → P2 still 144.55 m ✓; B → P1 255.75 m ✓; H 311.35 ✗
    const r2 = parkCoverage(ctx, { parks, thresholds: [{ min_area_m2: 1000, radius_m: 300 }] });
    expect(r2.distance[2]).toBeCloseTo(0.0004 * M, 6);
    expect(Array.from(r2.ok)).toEqual([1, 1, 1, 0]);
    expect(r2.area).toBe(null);
  });

  it('lists a qualifying park far outside the network as unreachable, without searching for it', () => {
    // 0.01° (1.1 km) south of the street: beyond maxSnap 300 m; snapNearNetwork skips it
    const far = fc([...parks.features, rect(0.004, -0.0108, 0.0048, -0.01, { id: 'far' })]);
    const r3 = parkCoverage(ctx, { parks: far, thresholds: THRESHOLDS });
    expect(r3.unreachableParks).toEqual([
      { index: 3, id: 'far', reason: 'beyond_max_snap', detail: 'the park lies more than 300 m outside the network', detail_zh: '该公园在路网外超过 300 米' },
    ]);
    expect(Array.from(r3.ok)).toEqual(Array.from(r.ok));
  });
});

describe('park coverage (euclidean) and the area-based rate', () => {
  it('uses the straight line to the nearest boundary point × detour', () => {
    const communities = fc([community(0, 0.0002, { id: 'A' })]);
    const parks = fc([rect(0.001, -0.0006, 0.0015, -0.0001)]);
    const ctx = prepareCoverage({ communities, facilities: fc([]), rules }, { detour: 1.2 });
    const r = parkCoverage(ctx, { parks, thresholds: THRESHOLDS });
    // A (0, 0.0002) → corner (0.001, −0.0001): √(0.001² + 0.0003²) = 0.00104403° = 116.09 m; × 1.2 = 139.31 m
    expect(r.distance[0]).toBeCloseTo(Math.hypot(0.001, 0.0003) * M * 1.2, 1);
    expect(r.ok[0]).toBe(1);
  });

  it('counts the share of the residential land within the service radius', () => {
    // A long park (0.002° × 0.02° ≈ 494,000 m² → 500 m) whose east edge is the meridian 0.
    // The community spans 0.004°–0.005° east of it: 444.78–555.98 m. Points up to 500 m from the
    // edge are covered: (500 − 444.78) / 111.195 = 0.4966 of its width.
    const parks = fc([rect(-0.002, -0.01, 0, 0.01)]);
    const communities = fc([rect(0.004, -0.0002, 0.005, 0.0002, { id: 'R' })]);
    const ctx = prepareCoverage({ communities, facilities: fc([]), rules });
    const r = parkCoverage(ctx, { parks, thresholds: THRESHOLDS, communities }, { areaCellSize: 2, densifyStep: 50 });
    expect(r.stats.area!.rate).toBeGreaterThan(0.4966 - 0.03);
    expect(r.stats.area!.rate).toBeLessThan(0.4966 + 0.03);
    expect(r.area!.covered[0]).toBeCloseTo(r.area!.area[0] * r.stats.area!.rate!, 6);
    // the community point (its centre, 0.0045° = 500.38 m away) is just outside
    expect(r.ok[0]).toBe(0);
  });

  it('samples polygons on a grid and keeps holes out', () => {
    // 0.001° square (111.2 m) with a hole of its middle 0.0005° square: cells of 0.0001° (11.1195 m)
    // → 10 × 10 centres, the 5 × 5 in the hole dropped = 75 samples
    const withHole: F = {
      type: 'Feature', properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001], [0, 0]],
          [[0.00025, 0.00025], [0.00025, 0.00075], [0.00075, 0.00075], [0.00075, 0.00025], [0.00025, 0.00025]],
        ],
      },
    };
    const s = polygonGridSamples(fc([withHole]), { cellSize: 0.0001 * M });
    expect(s.offsets[1]).toBe(75);
    expect(s.area[0]).toBeCloseTo(0.75 * (0.001 * M) ** 2, -1);
  });
});
