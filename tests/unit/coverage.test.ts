import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { analyzeCoverage, runCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { prepareCoverage, withFacilities } from '../../src/core/analysis/coverage/prepareCoverage';
import { representativePoint } from '../../src/core/analysis/points/representativePoint';
import { euclideanNearest } from '../../src/core/analysis/search/euclideanNearest';
import { coverageRoute } from '../../src/core/analysis/coverage/coverageRoute';
import { haversine } from '../../src/core/network/haversine';
import type { CoverageRuleSet } from '../../src/core/analysis/coverage/coverageRules';

// One degree along the equator or a meridian: M = 6,371,008.8 · π / 180 = 111,195.0802 m.
const M = (6371008.8 * Math.PI) / 180;

type F = Feature<Geometry | null>;
const fc = (features: F[]): FeatureCollection<Geometry | null> => ({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number, props: Record<string, unknown> = {}): F => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });
const line = (coords: number[][]): F => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
/** a small square community centred on (lon, lat), half-size h degrees: its centroid is the centre */
const square = (lon: number, lat: number, props: Record<string, unknown> = {}, h = 0.0001): F => ({
  type: 'Feature', properties: props,
  geometry: { type: 'Polygon', coordinates: [[[lon - h, lat - h], [lon + h, lat - h], [lon + h, lat + h], [lon - h, lat + h], [lon - h, lat - h]]] },
});

const rules: CoverageRuleSet = {
  levels: [{ id: '5min', walk_m: 300 }, { id: '15min', walk_m: 1000 }],
  categories: [
    { id: 'kindergarten', level: '5min', radius_m: 300, mandatory: true },
    { id: 'middle_school', level: '15min', radius_m: 1000, mandatory: true },
    { id: 'clinic', level: '15min', radius_m: null, mandatory: false }, // radius = level's 1000 m
  ],
};

describe('coverage: levels are not nested', () => {
  // euclidean, all on the equator: distances are Δlon · M
  const communities = fc([
    point(0, 0, { id: 'A', population: 100 }), // kindergarten 0.002° = 222.4 m ✓, school 0.005° = 556.0 m ✓
    point(0.01, 0, { id: 'B', population: 100 }), // kindergarten 0.008° = 889.6 m ✗, school 0.005° = 556.0 m ✓
    point(0.0052, 0, { id: 'C', population: 100 }), // school next door (22.2 m) ✓ but kindergarten 0.0032° = 355.8 m ✗
  ]);
  const facilities = fc([point(0.002, 0, { category: 'kindergarten' }), point(0.005, 0, { category: 'middle_school' })]);
  const r = analyzeCoverage({ communities, facilities, rules });

  it('distances and ok flags per community × category', () => {
    const C = 3;
    expect(r.mode).toBe('euclidean');
    expect(r.categoryIds).toEqual(['kindergarten', 'middle_school', 'clinic']);
    expect(r.distance[0 * C + 0]).toBeCloseTo(0.002 * M, 6);
    expect(r.distance[0 * C + 1]).toBeCloseTo(0.008 * M, 6);
    expect(r.distance[1 * C + 2]).toBeCloseTo(0.0002 * M, 6);
    expect(Array.from(r.ok.subarray(0, 3))).toEqual([1, 0, 0]);
    expect(Array.from(r.ok.subarray(3, 6))).toEqual([1, 1, 1]);
    // no clinic at all: Infinity, not covered
    expect(Array.from(r.distance.subarray(6, 9))).toEqual([Infinity, Infinity, Infinity]);
    expect(r.stats.categories[2].radius).toBe(1000);
    expect(r.stats.categories[2].population.rate).toBe(0);
  });

  it('a level counts only its own mandatory categories', () => {
    // 5min: kindergarten only → A 1, B 0, C 0 (the school next to C does not help);
    // 15min: middle_school only (clinic is not mandatory) → all 1
    expect(Array.from(r.levelCompleteness.subarray(0, 3))).toEqual([1, 0, 0]);
    expect(Array.from(r.levelCompleteness.subarray(3, 6))).toEqual([1, 1, 1]);
    expect(r.stats.levels[0].complete.population.rate).toBeCloseTo(1 / 3, 12);
    expect(r.stats.levels[1].complete.population.rate).toBe(1);
    expect(r.stats.levels[1].mandatoryCategories).toEqual(['middle_school']);
  });
});

describe('coverage: population weighting', () => {
  it('population is the headline; missing population = households × 2.8, marked estimated', () => {
    const communities = fc([
      point(0, 0, { households: 400, population: 1000 }), // kindergarten 0.001° = 111 m ✓
      point(0.01, 0, { households: 1000, population: 3000 }), // 0.009° = 1000.8 m ✗
      point(0.0005, 0, { households: 500 }), // 0.0005° = 55.6 m ✓, population 500 × 2.8 = 1400 (estimated)
      point(0.0006, 0, {}), // ✓ but no weights: counts as a community only
    ]);
    const facilities = fc([point(0.001, 0, { category: 'kindergarten' })]);
    const r = analyzeCoverage({ communities, facilities, rules });
    const k = r.stats.categories[0];
    expect(k.communities).toEqual({ covered: 3, total: 4, rate: 0.75 });
    // households: (400 + 500) / (400 + 1000 + 500) = 900 / 1900
    expect(k.households.rate).toBeCloseTo(900 / 1900, 12);
    // population: (1000 + 1400) / (1000 + 3000 + 1400) = 2400 / 5400
    expect(k.population.covered).toBeCloseTo(2400, 9);
    expect(k.population.rate).toBeCloseTo(2400 / 5400, 12);
    expect(r.stats.totals).toMatchObject({ communities: 4, populationEstimated: 1, weightUnknown: 1 });
    // the persons-per-household factor is an option: 500 × 3 = 1500
    const r3 = analyzeCoverage({ communities, facilities, rules }, { popEstimatePerHousehold: 3 });
    expect(r3.stats.categories[0].population.rate).toBeCloseTo(2500 / 5500, 12);
  });
});

describe('coverage: network mode', () => {
  // a street along the equator 0 … 0.004° and an island street 0.010 … 0.011°
  const network = fc([line([[0, 0], [0.001, 0], [0.002, 0], [0.003, 0], [0.004, 0]]), line([[0.01, 0], [0.011, 0]])]);
  const communities = fc([
    square(0.0005, 0.0002, { id: 'near' }), // centroid 0.0002° north of the street
    square(0.0105, 0.0001, { id: 'island' }), // on the island street
    square(0.002, 0.004, { id: 'far' }), // 0.004° = 444.8 m from any street > maxSnap 300
    { type: 'Feature', properties: { id: 'nogeom' }, geometry: null },
    // entrances: the polygon's centroid is 0.001° from the street but an entrance on its south edge
    // sits 0.00005° from it (gates within 200 m of the polygon count; issue 9)
    { ...square(0.0035, 0.001, { id: 'gate' }, 0.00096), properties: { id: 'gate', entrances: { type: 'MultiPoint', coordinates: [[0.0035, 0.00005], [0.0035, 0.0019]] } } },
  ]);
  const facilities = fc([
    point(0.0025, -0.0001, { id: 'k1', category: 'kindergarten' }),
    point(0.003, -0.005, { id: 'k-far', category: 'kindergarten' }), // 0.005° = 556 m off the street
    point(0.001, 0, { id: 'x', category: 'cinema' }),
  ]);
  const r = analyzeCoverage({ communities, facilities, rules, network });
  const C = 5;

  it('community distance = access + path + access; entrances take the minimum', () => {
    expect(r.mode).toBe('network');
    // near: 0.0002 (access) + 0.002 (0.0005 → 0.0025 along the street) + 0.0001 (access) = 0.0023° = 255.75 m ≤ 300
    expect(r.distance[0]).toBeCloseTo(0.0023 * M, 5);
    expect(r.ok[0]).toBe(1);
    expect(r.nearestFacility[0]).toBe(0);
    // gate: entrance 0.00005° off the street, 0.001° along to k1, k1's 0.0001° leg: 0.00115° = 127.87 m
    // (its centroid would give 0.002 + 0.001 + 0.0001 = 0.0031°)
    expect(r.distance[4]).toBeCloseTo(0.00115 * M, 5);
    // no middle school at all
    for (let c = 0; c < C; c++) expect(r.distance[C + c]).toBe(Infinity);
  });

  it('island, beyond-maxSnap and geometry-less communities are Infinity and listed with a reason', () => {
    expect(r.distance[1]).toBe(Infinity);
    expect(r.distance[2]).toBe(Infinity);
    expect(r.distance[3]).toBe(Infinity);
    const reasons = r.unreachableCommunities.map((i) => [i.id, i.reason]);
    expect(reasons).toEqual([['island', 'isolated_component'], ['far', 'beyond_max_snap'], ['nogeom', 'no_geometry']]);
    // far: 0.004° = 444.78 m from the street
    expect(r.unreachableCommunities[1].distance).toBeCloseTo(0.004 * M, 4);
  });

  it('facilities beyond maxSnap or with an unknown category are listed, not used', () => {
    expect(r.unreachableFacilities.map((i) => [i.id, i.reason])).toEqual([['k-far', 'beyond_max_snap'], ['x', 'unknown_category']]);
    expect(r.stats.categories[0].facilities).toBe(1);
    // with maxSnap 600 m k-far counts (0.005° = 556 m); it is still farther than k1 for 'near'
    const r2 = analyzeCoverage({ communities, facilities, rules, network }, { maxSnap: 600 });
    expect(r2.stats.categories[0].facilities).toBe(2);
    expect(r2.distance[0]).toBeCloseTo(0.0023 * M, 5);
    // 'far' now snaps (444.8 m): 0.004 + 0.0005 (0.002 → 0.0025) + 0.0001 = 0.0046°
    expect(r2.distance[2]).toBeCloseTo(0.0046 * M, 4);
  });

  it('coverageRoute draws the route of the reported distance, access legs included', () => {
    const ctx = prepareCoverage({ communities, facilities, rules, network });
    const route = coverageRoute(ctx, 0, 4)!; // 'gate' via its entrance (0.0035, 0.00005) to k1 (0.0025, −0.0001)
    expect(route.distance).toBeCloseTo(r.distance[4], 9);
    expect(route.facility).toBe(0);
    const rounded = route.coordinates.map(([x, y]) => [Number(x.toFixed(7)), Number(y.toFixed(7))]);
    expect(rounded).toEqual([[0.0035, 0.00005], [0.0035, 0], [0.003, 0], [0.0025, 0], [0.0025, -0.0001]]);
    expect(coverageRoute(ctx, 0, 1)).toBe(null); // island
    const straight = coverageRoute(ctx, 0, 0, 'euclidean')!;
    expect(straight.coordinates).toEqual([[0.0005, 0.0002], [0.0025, -0.0001]]);
  });

  it('euclidean ≤ network for every community × category pair', () => {
    const ctx = prepareCoverage({ communities, facilities, rules, network }, { maxSnap: 1000 });
    const net = runCoverage(ctx);
    const euc = runCoverage(ctx, { mode: 'euclidean' });
    let finite = 0;
    for (let i = 0; i < net.distance.length; i++) {
      if (Number.isFinite(net.distance[i])) finite++;
      expect(euc.distance[i]).toBeLessThanOrEqual(net.distance[i] * (1 + 1e-9));
    }
    expect(finite).toBeGreaterThan(2);
  });
});

describe('coverage: euclidean ≤ network on a random grid', () => {
  it('holds for every pair', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const lines: F[] = [];
    // a 12 × 12 jittered grid at 40° N with 0.001° spacing
    const p = (i: number, j: number) => [116 + i * 0.001 + (((i * 7 + j * 13) % 5) - 2) * 0.00005, 40 + j * 0.001];
    for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) {
      if (i < 11) lines.push(line([p(i, j), p(i + 1, j)]));
      if (j < 11) lines.push(line([p(i, j), p(i, j + 1)]));
    }
    const communities = fc(Array.from({ length: 60 }, () => square(116 + rnd() * 0.011, 40 + rnd() * 0.011)));
    const facilities = fc(Array.from({ length: 12 }, (_, i) => point(116 + rnd() * 0.011, 40 + rnd() * 0.011, { category: i % 2 ? 'kindergarten' : 'middle_school' })));
    const ctx = prepareCoverage({ communities, facilities, rules, network: fc(lines) });
    const net = runCoverage(ctx);
    const euc = runCoverage(ctx, { mode: 'euclidean' });
    for (let i = 0; i < 120; i++) {
      expect(Number.isFinite(net.distance[i])).toBe(true);
      expect(euc.distance[i]).toBeLessThanOrEqual(net.distance[i] * (1 + 1e-9));
    }
    // the detour factor multiplies straight-line distances
    const euc13 = runCoverage(prepareCoverage({ communities, facilities, rules }, { detour: 1.3 }));
    for (let i = 0; i < 120; i++) expect(euc13.distance[i]).toBeCloseTo(euc.distance[i] * 1.3, 6);
  });
});

describe('euclideanNearest', () => {
  it('is exact: equals brute-force haversine', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    // a wide area (3° of latitude) so the planar frame is visibly distorted
    const t = Float64Array.from({ length: 400 }, (_, i) => (i % 2 ? 38 + rnd() * 3 : 116 + rnd() * 3));
    const s = Float64Array.from({ length: 100 }, (_, i) => (i % 2 ? 38 + rnd() * 3 : 116 + rnd() * 3));
    const r = euclideanNearest(t, s);
    for (let i = 0; i < 200; i++) {
      let best = Infinity;
      for (let j = 0; j < 50; j++) best = Math.min(best, haversine(t[2 * i], t[2 * i + 1], s[2 * j], s[2 * j + 1]));
      expect(r.distance[i]).toBe(best);
    }
  });
});

describe('representativePoint', () => {
  it('uses the centroid when inside, pointOnFeature when the centroid falls outside', () => {
    // square: centroid = mean of the 4 distinct vertices = (1, 1)
    expect(representativePoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual([1, 1]);
    // a U shape: vertex mean x = (0+3+3+2+2+1+1+0)/8 = 1.5, y = (0+0+3+3+0.5+0.5+3+3)/8 = 1.625,
    // in the notch (1 < x < 2, y > 0.5), outside the polygon
    const u = { type: 'Polygon' as const, coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 0.5], [1, 0.5], [1, 3], [0, 3], [0, 0]]] };
    const p = representativePoint(u)!;
    expect(booleanPointInPolygon([1.5, 1.625], u)).toBe(false);
    expect(p).not.toEqual([1.5, 1.625]);
    expect(booleanPointInPolygon(p, u)).toBe(true);
    expect(representativePoint({ type: 'Point', coordinates: [3, 4] })).toEqual([3, 4]);
    expect(representativePoint({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toBe(null);
  });
});

describe('runCoverage: one category again', () => {
  it('recomputing one category after a facility change equals a full run', () => {
    const network = fc([line([[0, 0], [0.004, 0]])]);
    const communities = fc([point(0.001, 0.0001), point(0.003, 0.0001)]);
    const ctx = prepareCoverage({ communities, facilities: fc([point(0, 0, { category: 'kindergarten' })]), rules, network });
    const before = runCoverage(ctx);
    // move the kindergarten to 0.004: community 2 is now 0.0001 + 0.001 = 0.0011° away
    const moved = withFacilities(ctx, fc([point(0.004, 0, { category: 'kindergarten' })]));
    const partial = runCoverage(moved, { categories: [0], previous: before });
    const full = runCoverage(moved);
    expect(Array.from(partial.distance)).toEqual(Array.from(full.distance));
    expect(partial.distance[1]).toBeCloseTo(0.0011 * M, 6);
    expect(partial.stats).toEqual(full.stats);
    expect(before.distance[1]).toBeCloseTo(0.0031 * M, 6); // unchanged input result
    // reused snaps (the unchanged facility) equal a fresh preparation
    const two = fc([point(0, 0, { category: 'kindergarten' }), point(0.004, 0, { category: 'kindergarten' })]);
    const reused = runCoverage(withFacilities(moved, two));
    const fresh = runCoverage(prepareCoverage({ communities, facilities: two, rules, network }));
    expect(Array.from(reused.distance)).toEqual(Array.from(fresh.distance));
    expect(reused.distance[0]).toBeCloseTo(0.0011 * M, 6);
  });
});

describe('coverage: bad options are named, not turned into NaN distances', () => {
  const communities = fc([point(0, 0, { id: 'A' })]);
  const facilities = fc([point(0.001, 0, { id: 'K', category: 'kindergarten' })]);
  it.each([
    [{ detour: Number.NaN }, /detour must be a factor > 0/],
    [{ detour: 0 }, /detour must be a factor > 0/],
    [{ maxSnap: -1 }, /maxSnap must be metres ≥ 0/],
    [{ cutoff: 0 }, /cutoff must be metres > 0/],
    [{ popEstimatePerHousehold: -2 }, /popEstimatePerHousehold must be persons ≥ 0/],
  ])('%o throws', (options, message) => {
    expect(() => prepareCoverage({ communities, facilities, rules }, options)).toThrow(message);
  });
});
