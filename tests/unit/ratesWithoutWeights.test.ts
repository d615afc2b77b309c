import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS, studyAreaSummary } from '../../src/core/studyArea';
import { headlineMeasure } from '../../src/core/analysis/coverage';
import { defaultRules } from '../../src/core/rules/defaultRules';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;
const sq = (lon: number, size: number): Geometry => ({ type: 'Polygon', coordinates: [[[lon, 32], [lon + size, 32], [lon + size, 32 + size], [lon, 32 + size], [lon, 32]]] });
const rules = { ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: 300 })) };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'euclidean' as const };
const facilities: FC = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { category: 'kindergarten' }, geometry: { type: 'Point', coordinates: [118.0005, 32.0005] } }] };

describe('rates that still mean something without households or population (issue 15)', () => {
  it('no weights anywhere: shares of communities and of residential area, and the summary says so', () => {
    // A (small, next to the kindergarten) is covered; B (four times its area, 1 km away) is not
    const communities: FC = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'A' }, geometry: sq(118, 0.001) }, { type: 'Feature', properties: { name: 'B' }, geometry: sq(118.01, 0.002) }] };
    const r = analyzeStudyArea({ communities, facilities }, rules, settings).result;
    const stats = r.coverage.stats;
    expect(stats.totals.population).toBe(0);
    expect(headlineMeasure(stats.totals)).toBe('communities');
    const kg = stats.categories[0];
    expect(kg.population.rate).toBeNull();
    expect(kg.communities.rate).toBe(0.5);
    expect(kg.area.rate).toBeCloseTo(1 / 5, 2);
    const s = studyAreaSummary({ communities, facilities }, r, rules, settings);
    expect(s.rates).toMatchObject({ measure: 'communities', communities_without_weights: 2 });
    expect(s.rates.note).toContain('shares of communities');
  });

  it('some with, some without: population-weighted over those with weights, the others counted; area is not read', () => {
    const communities: FC = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'A', households: 100 }, geometry: sq(118, 0.001) }, { type: 'Feature', properties: { name: 'B' }, geometry: sq(118.01, 0.002) }] };
    const r = analyzeStudyArea({ communities, facilities }, rules, settings).result;
    expect(headlineMeasure(r.coverage.stats.totals)).toBe('population');
    expect(r.coverage.stats.categories[0].population.rate).toBe(1);
    expect(r.coverage.stats.totals).toMatchObject({ weightUnknown: 1, area: 0 });
    const s = studyAreaSummary({ communities, facilities }, r, rules, settings);
    expect(s.rates).toMatchObject({ measure: 'population', communities_without_weights: 1 });
    expect(s.rates.note).toContain('1 without are left out');
  });
});
