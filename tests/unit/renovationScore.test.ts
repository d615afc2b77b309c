import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { rankByScore, renovationScore, reweightRenovationScore, type RenovationInput } from '../../src/core/analysis/renovation/renovationScore';
import { resolveRenovationWeights } from '../../src/core/analysis/renovation/renovationWeights';
import { coverageWeights } from '../../src/core/analysis/coverage/coverageWeights';

type F = Feature<Geometry | null>;
const fc = (features: F[]): FeatureCollection<Geometry | null> => ({ type: 'FeatureCollection', features });
const c = (props: Record<string, unknown>): F => ({ type: 'Feature', properties: props, geometry: null });

const communities = fc([
  c({ id: 'X', built_year: 1985, population: 2000, households: 700, elderly_share: 0.3 }),
  c({ id: 'Y', built_year: 1995, population: 500, households: 200 }),
  c({ id: 'Z', built_year: 2005, population: 900, households: 300 }),
  c({ id: 'W', built_year: 1960, elderly_share: '25%' }),
]);
const levelIds = ['5min', '10min', '15min'];
// levelCompleteness[l·C + c] (share of the level's mandatory categories met), C = 4
const completeness = [
  0.5, 0, 0, 1, // 5min
  1, 0.5, 1, 1, // 10min
  0, 1, 1, 1, // 15min
];
const input: RenovationInput = {
  communities,
  coverage: { levelIds, levelCompleteness: Float64Array.from(completeness) },
  weights: coverageWeights(communities),
  oldBeforeYear: 2000,
  parkingGap: Float64Array.from([350, 0, 0, 0]),
  parkOk: Uint8Array.from([0, 1, 1, 0]),
};
const at = (r: ReturnType<typeof renovationScore>, key: string, col: number) => r.part[r.keys.indexOf(key) * 4 + col];

describe('renovation weights', () => {
  it('merges overrides over the defaults and normalises to sum 1', () => {
    const d = resolveRenovationWeights(levelIds);
    expect(d.keys).toEqual(['5min', '10min', '15min', 'parking', 'park', 'age', 'elderly']);
    expect(Array.from(d.normalised)).toEqual([0.25, 0.15, 0.1, 0.2, 0.1, 0.15, 0.05].map((w) => w / 1.0));
    // park 0.1 → 0.6: raw sum 1.5; park 0.6 / 1.5 = 0.4, 5min 0.25 / 1.5 = 0.1667
    const o = resolveRenovationWeights(levelIds, { park: 0.6 });
    expect(o.normalised[4]).toBeCloseTo(0.4, 12);
    expect(o.normalised[0]).toBeCloseTo(0.25 / 1.5, 12);
    expect(() => resolveRenovationWeights(levelIds, { speed: 1 })).toThrow(/unknown weight "speed"/);
    expect(() => resolveRenovationWeights(levelIds, { age: -1 })).toThrow(/"age" must be a number ≥ 0/);
    const zero = Object.fromEntries(d.keys.map((k) => [k, 0]));
    expect(() => resolveRenovationWeights(levelIds, zero)).toThrow(/sum to 0/);
  });
});

describe('renovation score', () => {
  const r = renovationScore(input);

  it('scores old communities only, from normalised indicators and weights', () => {
    // X (1985, 2,000 people → population factor 1): 5min missing 0.5, 10min 0, 15min 1, parking
    // 350 / 700 = 0.5, park not covered 1, age (2000 − 1985) / 30 = 0.5, elderly 0.3:
    // 100 × (0.25·0.5 + 0 + 0.10·1 + 0.2·0.5 + 0.1·1 + 0.15·0.5 + 0.05·0.3) = 100 × 0.515 = 51.5
    expect(r.score[0]).toBeCloseTo(51.5, 10);
    expect(at(r, 'park', 0)).toBeCloseTo(10, 10);
    expect(at(r, 'age', 0)).toBeCloseTo(7.5, 10);
    // Y (1995, 500 people → factor 0.5): 5min 1 × 0.5 = 0.5, 10min 0.5 × 0.5 = 0.25, 15min 0,
    // parking 0, park 0, age 5/30; no elderly share → its 0.05 goes to the rest (Σ 0.95):
    // 100 × (0.125 + 0.0375 + 0.15 · 5/30) / 0.95 = 100 × 0.1875 / 0.95 = 19.7368
    expect(r.populationFactor[1]).toBe(0.5);
    expect(r.score[1]).toBeCloseTo(18.75 / 0.95, 10);
    expect(r.effectiveWeight[r.keys.indexOf('elderly') * 4 + 1]).toBe(0);
    expect(r.effectiveWeight[r.keys.indexOf('5min') * 4 + 1]).toBeCloseTo(0.25 / 0.95, 12);
    // Z (2005) is not old
    expect(r.isOld[2]).toBe(0);
    expect(r.score[2]).toBeNaN();
    // W (1960, no households or population → factor 1, parking unavailable): levels all met (0),
    // park 1, age clamped to 1, elderly "25%" → 0.25; available Σ = 0.5 + 0.1 + 0.15 + 0.05 = 0.8:
    // 100 × (0.1 + 0.15 + 0.0125) / 0.8 = 32.8125
    expect(r.score[3]).toBeCloseTo(32.8125, 10);
    expect(r.indicator[r.keys.indexOf('parking') * 4 + 3]).toBeNaN();
  });

  it('makes the parts add up to the score', () => {
    for (const col of [0, 1, 3]) {
      let sum = 0;
      for (let i = 0; i < r.keys.length; i++) sum += r.part[i * 4 + col];
      expect(sum).toBeCloseTo(r.score[col], 10);
    }
  });

  it('ranks by score and re-ranks when a weight changes', () => {
    expect(Array.from(rankByScore(r.score))).toEqual([0, 3, 1]); // X 51.5, W 32.8, Y 19.7
    // age alone: X 0.5, Y 0.1667, W 1 → W, X, Y
    const ageOnly = renovationScore(input, { weights: { '5min': 0, '10min': 0, '15min': 0, parking: 0, park: 0, age: 1, elderly: 0 } });
    expect(ageOnly.score[3]).toBeCloseTo(100, 10);
    expect(ageOnly.score[0]).toBeCloseTo(50, 10);
    expect(Array.from(rankByScore(ageOnly.score))).toEqual([3, 0, 1]);
    // the same from the kept indicators (slider path)
    const re = reweightRenovationScore(r, { '5min': 0, '10min': 0, '15min': 0, parking: 0, park: 0, age: 1, elderly: 0 });
    expect(Array.from(re.score)).toEqual(Array.from(ageOnly.score));
    expect(Array.from(re.part)).toEqual(Array.from(ageOnly.part));
  });

  it('re-distributes the weights of layers that were not given', () => {
    // X without parking and parks: Σ available = 0.5 + 0.15 + 0.05 = 0.7;
    // 100 × (0.125 + 0.1 + 0.075 + 0.015) / 0.7 = 45
    const r2 = renovationScore({ ...input, parkingGap: null, parkOk: null });
    expect(r2.score[0]).toBeCloseTo(45, 10);
    expect(at(r2, 'park', 0)).toBe(0);
  });

  it('can turn population weighting off and treats is_old without a year as old', () => {
    const r3 = renovationScore(input, { populationReference: 0 });
    // Y with factor 1: 100 × (0.25 + 0.075 + 0.025) / 0.95 = 36.842
    expect(r3.score[1]).toBeCloseTo(35 / 0.95, 10);
    const noYear = fc([c({ id: 'V', is_old: true, population: 3000 })]);
    const r4 = renovationScore({
      communities: noYear, coverage: { levelIds: ['5min'], levelCompleteness: [0] },
      weights: coverageWeights(noYear), oldBeforeYear: 2000,
    });
    // only the 5min indicator is available (1): score 100
    expect(r4.score[0]).toBeCloseTo(100, 10);
  });
});
