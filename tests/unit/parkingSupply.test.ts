import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { prepareCoverage } from '../../src/core/analysis/coverage/prepareCoverage';
import { parkingSupply } from '../../src/core/analysis/parking/parkingSupply';
import { isPublicValue } from '../../src/core/analysis/parking/parkingLots';
import { communitiesWithin } from '../../src/core/analysis/search/communitiesWithin';
import type { CoverageRuleSet } from '../../src/core/analysis/coverage/coverageRules';

// On the equator 1° = 6,371,008.8 · π / 180 = 111,195.08 m, so 0.001° = 111.195 m.
const M = (6371008.8 * Math.PI) / 180;

type F = Feature<Geometry | null>;
const fc = (features: F[]): FeatureCollection<Geometry | null> => ({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number, props: Record<string, unknown> = {}): F => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });
const line = (coords: number[][]): F => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
const rules: CoverageRuleSet = { levels: [{ id: '5min', walk_m: 300 }], categories: [{ id: 'kindergarten', level: '5min', radius_m: 300, mandatory: true }] };

// A street along the equator from 0 to 0.02°; communities 0.0001° north, lots 0.0001° south.
const network = fc([line(Array.from({ length: 21 }, (_, i) => [i * 0.001, 0]))]);
const communities = fc([
  point(0.001, 0.0001, { id: 'A', households: 200, parking_spaces: 50 }),
  point(0.003, 0.0001, { id: 'B', households: 100, parking_spaces: 150 }), // own spaces exceed demand
  point(0.014, 0.0001, { id: 'C', households: 50 }), // no own spaces
]);
const parking = fc([
  point(0.002, -0.0001, { id: 'L1', spaces: 90, public: true }),
  point(0.009, -0.0001, { id: 'L2', spaces: 1000 }), // public by default, beyond 500 m of everyone
  point(0.001, -0.0001, { id: 'L3', spaces: 500, public: false }), // next to A, not public
  point(0.003, -0.0001, { id: 'L4', spaces: 400, public: '否' }), // next to B, not public
]);

describe('parking supply and gap (network)', () => {
  const ctx = prepareCoverage({ communities, facilities: fc([]), rules, network });
  const r = parkingSupply(ctx, { communities, parking });

  it('shares a public lot among the communities that reach it in proportion to demand', () => {
    // A → L1: 0.0001 + 0.0010 + 0.0001 = 0.0012° = 133.43 m; B → L1 the same: both reach it.
    // demand A = 200 × 1.0, B = 100: L1's 90 spaces split 2:1 → A 60, B 30.
    // L2 (0.009): A 0.0082° = 911.8 m, B 0.0062° = 689.4 m, C 0.0052° = 578.2 m — all > 500 m.
    expect(Array.from(r.demand)).toEqual([200, 100, 50]);
    expect(r.shared[0]).toBeCloseTo(60, 10);
    expect(r.shared[1]).toBeCloseTo(30, 10);
    expect(r.shared[2]).toBe(0);
    // A: 50 + 60 = 110, gap 200 − 110 = 90; B: 150 + 30 = 180 (takes its share although its own
    // spaces already cover its demand), gap 0; C: 0, gap 50
    expect(r.supply[0]).toBeCloseTo(110, 10);
    expect(r.supply[1]).toBeCloseTo(180, 10);
    expect(Array.from(r.gap).map((g) => Math.round(g * 1e9) / 1e9)).toEqual([90, 0, 50]);
  });

  it('lists the lots used with share and distance, and totals', () => {
    const lotsOf = (c: number) => Array.from(r.usedLot.subarray(r.usedOffsets[c], r.usedOffsets[c + 1]));
    expect(lotsOf(0)).toEqual([0]);
    expect(lotsOf(1)).toEqual([0]);
    expect(lotsOf(2)).toEqual([]);
    expect(r.usedDistance[r.usedOffsets[0]]).toBeCloseTo(0.0012 * M, 6);
    expect(r.usedShare[r.usedOffsets[1]]).toBeCloseTo(30, 10);
    expect(r.totals.publicLots).toBe(2); // L1, L2 (L3 false, L4 "否")
    expect(r.totals.publicSpaces).toBe(1090);
    expect(r.totals.unusedPublicSpaces).toBe(1000);
    expect(r.totals.gap).toBeCloseTo(140, 9);
    expect(r.totals.communitiesWithGap).toBe(2);
    expect(r.lotDemand[0]).toBe(300);
  });

  it('scales demand with the ratio', () => {
    // ratio 0.5: demand 100, 50, 25; L1 still splits 2:1 (60, 30) → A 110 ≥ 100, B 180, C 0 → gaps 0, 0, 25
    const r2 = parkingSupply(ctx, { communities, parking }, { ratio: 0.5 });
    expect(Array.from(r2.gap).map((g) => Math.round(g * 1e9) / 1e9)).toEqual([0, 0, 25]);
  });

  it('reaches a lot at 478 m but not one at 534 m', () => {
    // C (0.014) → a lot at 0.0181: 0.0001 + 0.0041 + 0.0001 = 0.0043° = 478.1 m ≤ 500 ✓;
    // at 0.0186: 0.0048° = 533.7 m ✗
    const lots = fc([point(0.0181, -0.0001, { spaces: 10 }), point(0.0186, -0.0001, { spaces: 10 })]);
    const r3 = parkingSupply(ctx, { communities, parking: lots });
    expect(r3.shared[2]).toBeCloseTo(10, 10);
    expect(r3.lotReach.distance[0]).toBeCloseTo(0.0043 * M, 6);
    expect(r3.lotReach.offsets[2] - r3.lotReach.offsets[1]).toBe(0);
  });
});

describe('parking supply (euclidean)', () => {
  it('uses the straight line × detour', () => {
    const ctx = prepareCoverage({ communities, facilities: fc([]), rules }, { detour: 1.3 });
    // A → L1 (0.002, −0.0001): √(0.001² + 0.0002²) = 0.00101980° = 113.40 m × 1.3 = 147.4 m ✓
    // A → a lot at (0.005, 0.0001): 0.004° = 444.78 m straight, × 1.3 = 578.2 m ✗
    const lots = fc([point(0.002, -0.0001, { spaces: 90 }), point(0.005, 0.0001, { spaces: 70 })]);
    const r = parkingSupply(ctx, { communities, parking: lots });
    const w = communitiesWithin(ctx, Float64Array.from([0.002, -0.0001]), 500);
    expect(Array.from(w.community)).toEqual([0, 1]);
    expect(w.distance[0]).toBeCloseTo(Math.hypot(0.001, 0.0002) * M * 1.3, 6);
    // lot 2 at 0.005: B (0.003) is 0.002° = 222.4 m × 1.3 = 289.1 m ✓, A is not → B takes all 70
    expect(r.shared[0]).toBeCloseTo(60, 10);
    expect(r.shared[1]).toBeCloseTo(30 + 70, 10);
  });

  it('reads public flags literally: only an explicit no excludes a lot', () => {
    expect([undefined, null, true, 'true', '是', 'yes', 1].map(isPublicValue)).toEqual([true, true, true, true, true, true, true]);
    expect([false, 0, 'false', 'No', '否', 'private', '私有'].map(isPublicValue)).toEqual([false, false, false, false, false, false, false]);
  });

  it('leaves a lot only zero-demand communities reach unused', () => {
    const cs = fc([point(0, 0, { id: 'X' }), point(0.01, 0, { id: 'Y', households: 10 })]); // X has no households
    const ctx = prepareCoverage({ communities: cs, facilities: fc([]), rules });
    const r = parkingSupply(ctx, { communities: cs, parking: fc([point(0.0001, 0, { spaces: 30 })]) });
    expect(Array.from(r.shared)).toEqual([0, 0]);
    expect(r.totals.unusedPublicSpaces).toBe(30);
    expect(Array.from(r.gap)).toEqual([0, 10]);
  });
});
