import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { missingMandatory } from '../../src/core/analysis/compliance/missingMandatory';
import { complianceRows, countOldWithGaps } from '../../src/core/analysis/compliance/complianceRows';
import { uncoveredPopulation } from '../../src/core/analysis/coverage/uncoveredPopulation';
import { coverageWeights } from '../../src/core/analysis/coverage/coverageWeights';
import { complianceOrder, NO_FILTER } from '../../src/store/complianceOrder';
import { gapGridPoints } from '../../src/map/gapGridOverlay';

type F = Feature<Geometry | null>;
const fc = (features: F[]): FeatureCollection<Geometry | null> => ({ type: 'FeatureCollection', features });
const c = (props: Record<string, unknown>): F => ({ type: 'Feature', properties: props, geometry: null });

// Four communities:
//   0 "Block 10"  built 1985 (old)  700 households, 2,000 residents
//   1 "Block 2"   built 2005 (new)  200 households,   500 residents
//   2 "block 3"   no year, is_old   100 households → 100 × 2.8 = 280 residents (estimated)
//   3 (id w1)     built 1999 (old)  300 households,   800 residents
const communities = fc([
  c({ name: 'Block 10', built_year: 1985, households: 700, population: 2000 }),
  c({ name: 'Block 2', built_year: 2005, households: 200, population: 500 }),
  c({ name: 'block 3', is_old: true, households: 100 }),
  c({ id: 'w1', built_year: '1999年', households: 300, population: 800 }),
]);
const C = 4;
const I = Infinity;
// Categories a, b (5-min, mandatory), o (5-min, optional), d (10-min, mandatory), e (block, mandatory).
// Category-major rows, one entry per community 0..3.
const categoryIds = ['a', 'b', 'o', 'd', 'e'];
const ok = Uint8Array.from([
  1, 0, 0, 1, // a
  1, 1, 0, 0, // b
  0, 0, 0, 0, // o (optional: never counted)
  1, 1, 0, 1, // d
  0, 0, 0, 0, // e
]);
const distance = Float64Array.from([
  100, 400, I, 250, // a (radius 300)
  50, 200, 900, 350, // b
  I, I, I, I,
  420, 300, I, 480, // d (radius 500)
  I, I, I, I,
]);
const coverage = {
  communityCount: C,
  categoryIds,
  levelIds: ['15min', '10min', '5min', 'block'],
  ok,
  distance,
  stats: {
    levels: [
      { id: '15min', mandatoryCategories: [] },
      { id: '10min', mandatoryCategories: ['d'] },
      { id: '5min', mandatoryCategories: ['a', 'b'] },
      { id: 'block', mandatoryCategories: ['e'] },
    ],
  },
  unreachableCommunities: [{ index: 2 }],
};
const weights = coverageWeights(communities);
const rows = complianceRows({ communities, coverage, weights, oldBeforeYear: 2000, levelIds: ['5min', '10min', '15min'] });
const order = (...a: Parameters<typeof complianceOrder> extends [unknown, unknown, ...infer R] ? R : never) => Array.from(complianceOrder(rows, coverage, ...a));

describe('missing mandatory categories', () => {
  it('counts each level’s own mandatory categories, in the order asked for', () => {
    const m = missingMandatory(coverage, ['5min', '10min', 'nope', '15min']);
    expect(m.levels.map((l) => l.id)).toEqual(['5min', '10min', '15min']);
    expect(m.levels[0].k).toEqual([0, 1]);
    // 5-min (a, b): 0 → a✓ b✓ = 0; 1 → a✗ = 1; 2 → a✗ b✗ = 2; 3 → b✗ = 1
    expect(Array.from(m.perLevel.subarray(0, 4))).toEqual([0, 1, 2, 1]);
    // 10-min (d): only community 2 misses it
    expect(Array.from(m.perLevel.subarray(4, 8))).toEqual([0, 0, 1, 0]);
    // 15-min has no mandatory category: nothing missing
    expect(Array.from(m.perLevel.subarray(8, 12))).toEqual([0, 0, 0, 0]);
    expect(Array.from(m.total)).toEqual([0, 1, 3, 1]);
    expect(m.mandatoryCount).toBe(3);
  });

  it('counts the block level only when asked (e missing everywhere)', () => {
    expect(Array.from(missingMandatory(coverage, ['5min', 'block']).total)).toEqual([1, 2, 3, 2]);
  });
});

describe('compliance rows', () => {
  it('reads names, built years, old flags and weights', () => {
    expect(rows.names).toEqual(['Block 10', 'Block 2', 'block 3', 'w1']);
    expect(Array.from(rows.builtYear)).toEqual([1985, 2005, NaN, 1999]);
    // old: 1985 < 2000; 2005 is not; no year but is_old: true; "1999年" < 2000
    expect(Array.from(rows.isOld)).toEqual([1, 0, 1, 1]);
    expect(Array.from(rows.population)).toEqual([2000, 500, 280, 800]);
    expect(Array.from(rows.populationEstimated)).toEqual([0, 0, 1, 0]);
    expect(Array.from(rows.unreachable)).toEqual([0, 0, 1, 0]);
  });

  it('counts old communities with at least one missing mandatory category', () => {
    // old: 0 (total 0), 2 (total 3), 3 (total 1) → 2 and 3; community 1 misses one but is new
    expect(countOldWithGaps(rows)).toBe(2);
  });

  it('refuses a community count that does not match the result', () => {
    expect(() => complianceRows({ communities: fc([]), coverage, weights, oldBeforeYear: 2000, levelIds: [] })).toThrow(/0 communities given, the coverage result has 4/);
  });
});

describe('compliance order', () => {
  it('sorts by missing count, stable on ties', () => {
    // totals 0, 1, 3, 1
    expect(order({ key: 'missing', dir: 'desc' })).toEqual([2, 1, 3, 0]);
    expect(order({ key: 'missing', dir: 'asc' })).toEqual([0, 1, 3, 2]);
    // 5-min counts 0, 1, 2, 1
    expect(order({ key: 'missing:5min', dir: 'desc' })).toEqual([2, 1, 3, 0]);
  });

  it('sorts distances with unreachable (Infinity) as the worst', () => {
    // a: 100, 400, ∞, 250
    expect(order({ key: 'cat:a', dir: 'asc' })).toEqual([0, 3, 1, 2]);
    expect(order({ key: 'cat:a', dir: 'desc' })).toEqual([2, 1, 3, 0]);
  });

  it('puts unknown built years last in both directions', () => {
    // 1985, 2005, unknown, 1999
    expect(order({ key: 'built_year', dir: 'asc' })).toEqual([0, 3, 1, 2]);
    expect(order({ key: 'built_year', dir: 'desc' })).toEqual([1, 3, 0, 2]);
  });

  it('sorts names numerically, ignoring case', () => {
    // Block 2 < block 3 < Block 10 < w1
    expect(order({ key: 'name', dir: 'asc' })).toEqual([1, 2, 0, 3]);
    expect(order({ key: 'population', dir: 'desc' })).toEqual([0, 3, 1, 2]);
  });

  it('filters by old, missing category, minimum missing, level and name', () => {
    expect(order(null, { ...NO_FILTER, oldOnly: true })).toEqual([0, 2, 3]);
    // b not met by 2 and 3
    expect(order(null, { ...NO_FILTER, missingCategory: 'b' })).toEqual([2, 3]);
    expect(order(null, { ...NO_FILTER, minMissing: 2 })).toEqual([2]);
    // with a level, the minimum counts that level: 10-min counts 0, 0, 1, 0
    expect(order(null, { ...NO_FILTER, level: '10min', minMissing: 1 })).toEqual([2]);
    expect(order(null, { ...NO_FILTER, search: 'block' })).toEqual([0, 1, 2]);
    expect(order(null, { ...NO_FILTER, search: '  W1 ' })).toEqual([3]);
    expect(order({ key: 'missing', dir: 'desc' }, { ...NO_FILTER, oldOnly: true, minMissing: 1 })).toEqual([2, 3]);
  });
});

describe('uncovered population', () => {
  it('per category: residents of communities not covered', () => {
    // a not met by 1 and 2: 500 and 280 residents
    expect(Array.from(uncoveredPopulation(coverage, weights.population, { category: 'a' })!)).toEqual([0, 500, 280, 0]);
  });

  it('per level: residents of communities missing any of its mandatory categories', () => {
    // 5-min: 1, 2, 3 miss a or b → 500, 280, 800 (Σ 1,580)
    expect(Array.from(uncoveredPopulation(coverage, weights.population, { level: '5min' })!)).toEqual([0, 500, 280, 800]);
    expect(Array.from(uncoveredPopulation(coverage, weights.population, { level: '15min' })!)).toEqual([0, 0, 0, 0]);
    expect(uncoveredPopulation(coverage, weights.population, { level: 'x' })).toBeNull();
  });

  it('gives the hex grid one weighted point per uncovered community with a location', () => {
    const points = Float64Array.from([116.0, 39.0, 116.1, 39.1, NaN, NaN, 116.3, 39.3]);
    // 5-min: communities 1, 2, 3 uncovered; 2 has no point
    expect(gapGridPoints(coverage, weights.population, points, { level: '5min' })).toEqual([
      { index: 1, position: [116.1, 39.1], weight: 500 },
      { index: 3, position: [116.3, 39.3], weight: 800 },
    ]);
  });
});
