import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS } from '../../../src/core/studyArea';
import { networkNodesInArea, suggestSites } from '../../../src/core/analysis/siting';
import { defaultRules } from '../../../src/core/rules/defaultRules';
import { effectiveRadius, type RuleSet } from '../../../src/core/rules';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const fc = (features: Feature<Geometry, Record<string, unknown>>[]): FC => ({ type: 'FeatureCollection', features });
const point = (props: Record<string, unknown>, lon: number): Feature<Geometry, Record<string, unknown>> => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, 32] } });

// One straight street along lat 32, a vertex every 0.001° (≈ 94.4 m), 118.000 → 118.020.
const street = { type: 'Feature' as const, properties: { id: 's' }, geometry: { type: 'LineString' as const, coordinates: Array.from({ length: 21 }, (_, i) => [118 + i / 1000, 32]) } };
const network = fc([street]);
// West cluster (covered by the existing kindergarten), a lone community, an east cluster.
const communities = fc([
  point({ id: 'W1', households: 100 }, 118.002),
  point({ id: 'W2', households: 100 }, 118.003),
  point({ id: 'L', households: 10 }, 118.009),
  point({ id: 'E1', households: 300 }, 118.015),
  point({ id: 'E2', households: 50 }, 118.016),
]);
const facilities = fc([point({ id: 'K0', category: 'kindergarten' }, 118.0025)]);
const rules: RuleSet = { ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: 300 })) };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };
const everywhere = { type: 'Polygon' as const, coordinates: [[[117.99, 31.99], [118.03, 31.99], [118.03, 32.01], [117.99, 32.01], [117.99, 31.99]]] };

describe('site suggestion (issue 11): greedy maximal covering with lazy evaluation', () => {
  const { area, result } = analyzeStudyArea({ communities, facilities, network }, rules, settings);
  const ctx = area.context(rules, settings);
  const candidates = networkNodesInArea(ctx.network!.graph, everywhere);
  const radius = effectiveRadius(rules.categories[0], rules);
  const base = { categoryId: 'kindergarten', radius, candidates, weight: result.weights.population, households: result.weights.households };

  it('takes every street vertex inside the area as a candidate', () => {
    expect(candidates.length / 2).toBe(21);
    expect(networkNodesInArea(ctx.network!.graph, { type: 'Polygon', coordinates: [[[118.0095, 31.9], [118.0125, 31.9], [118.0125, 32.1], [118.0095, 32.1], [118.0095, 31.9]]] }).length / 2).toBe(3);
  });

  it('picks the east cluster first (980 residents), then the lone community (28); the covered west adds nothing', () => {
    const s = suggestSites(ctx, result.coverage, { ...base, k: 3 });
    expect(s.picks.map((p) => [p.rank, p.gainPopulation, p.gainHouseholds])).toEqual([[1, 980, 350], [2, 28, 10]]);
    // the first site lies where both east communities are within 300 m walking: 118.013–118.018
    expect(s.picks[0].lon).toBeGreaterThanOrEqual(118.013 - 1e-9);
    expect(s.picks[0].lon).toBeLessThanOrEqual(118.018 + 1e-9);
    expect(Math.abs(s.picks[1].lon - 118.009)).toBeLessThanOrEqual(0.003 + 1e-9);
    expect(s.uncoveredBefore).toBe(1008);
    expect(s.uncoveredAfter).toBe(0);
  });

  it('the reported gains equal the coverage change recomputed from scratch with the picks added as facilities', () => {
    const s = suggestSites(ctx, result.coverage, { ...base, k: 2 });
    const added = fc([...facilities.features, ...s.picks.map((p, i) => ({ type: 'Feature' as const, properties: { id: `P${i}`, category: 'kindergarten' }, geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] } }))]);
    const after = analyzeStudyArea({ communities, facilities: added, network }, rules, settings).result;
    const covered = (r: typeof result) => r.coverage.stats.categories[0].population.covered;
    expect(covered(after) - covered(result)).toBeCloseTo(s.picks.reduce((a, p) => a + p.gainPopulation, 0), 9);
  });

  it('a capacity of 500 residents per site: three sites serve the 1,008 uncovered residents, none above 500, gains non-increasing', () => {
    const s = suggestSites(ctx, result.coverage, { ...base, k: 5, capacity: 500 });
    // Any site reaching 500 or more uncovered residents serves exactly 500 (nearest first, a community
    // may be partly served): 500 + 500 + the last 8.
    expect(s.picks.map((p) => p.gainPopulation)).toEqual([500, 500, 8]);
    expect(s.uncoveredAfter).toBe(0);
    for (let i = 1; i < s.picks.length; i++) expect(s.picks[i].gainPopulation).toBeLessThanOrEqual(s.picks[i - 1].gainPopulation);
    // households follow the residents served (2.8 persons per household here)
    expect(s.picks.reduce((a, p) => a + p.gainHouseholds, 0)).toBeCloseTo(360, 9);
  });

  it('"old communities only": only their residents count', () => {
    const weight = Float64Array.from(result.weights.population, (w, c) => (c === 2 ? w : 0)); // only L is old
    const s = suggestSites(ctx, result.coverage, { ...base, k: 2, weight });
    expect(s.picks.map((p) => p.gainPopulation)).toEqual([28]);
  });
});
