import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { prepareCoverage } from '../../src/core/analysis/coverage/prepareCoverage';
import { runCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { missingMandatory } from '../../src/core/analysis/compliance/missingMandatory';
import { complianceRows } from '../../src/core/analysis/compliance/complianceRows';
import { uncoveredPopulation } from '../../src/core/analysis/coverage/uncoveredPopulation';
import { renovationScore } from '../../src/core/analysis/renovation/renovationScore';
import { cellStatus, noDataCategoryIds } from '../../src/core/analysis/compliance/noDataPolicy';
import { gapCommunities } from '../../src/core/io/export/gapCommunities';
import type { CoverageRuleSet } from '../../src/core/analysis/coverage/coverageRules';

// One degree along the equator: 6,371,008.8 · π / 180 = 111,195.08 m.
type F = Feature<Geometry | null>;
const fc = (features: F[]): FeatureCollection<Geometry | null> => ({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number, props: Record<string, unknown> = {}): F => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });

// One 5-minute level with two mandatory categories; the data hold kindergartens and NO clinic.
const rules: CoverageRuleSet & { old_before_year: number } = {
  levels: [{ id: '5min', walk_m: 300 }],
  categories: [
    { id: 'kindergarten', level: '5min', radius_m: 300, mandatory: true },
    { id: 'clinic', level: '5min', radius_m: 300, mandatory: true },
  ],
  old_before_year: 2000,
};
// A: kindergarten 0.001° = 111.2 m ✓ (1,000 residents); B: 0.01° = 1,112 m ✗ (3,000 residents). Both old.
const communities = fc([
  point(0, 0, { id: 'A', name: 'A', population: 1000, built_year: 1990 }),
  point(0.011, 0, { id: 'B', name: 'B', population: 3000, built_year: 1990 }),
]);
const facilities = fc([point(0.001, 0, { category: 'kindergarten' })]);
const ctx = prepareCoverage({ communities, facilities, rules });
const byDefault = runCoverage(ctx);
const counting = runCoverage(ctx, { countNoData: true });

describe('no data is not a gap (issue 8 item 7)', () => {
  it('marks the category without any facility as no data, in the stats and per cell', () => {
    expect(byDefault.stats.categories.map((c) => [c.id, c.noData, c.facilitiesInData])).toEqual([['kindergarten', false, 1], ['clinic', true, 0]]);
    expect(noDataCategoryIds(byDefault)).toEqual(['clinic']);
    expect(byDefault.stats.levels[0].noDataCategories).toEqual(['clinic']);
    expect([cellStatus(byDefault, 0, 0), cellStatus(byDefault, 0, 1), cellStatus(byDefault, 1, 0)]).toEqual(['ok', 'gap', 'no_data']);
    // The cell stays "no data" when the policy counts it (it is counted, but still shown as no data).
    expect(cellStatus(counting, 1, 1)).toBe('no_data');
  });

  it('by default leaves it out of completeness, "all mandatory met" and gap counts', () => {
    const lv = byDefault.stats.levels[0];
    expect(lv.countedCategories).toEqual(['kindergarten']);
    // A meets 1 of 1 → 1; B 0 of 1 → 0
    expect(Array.from(byDefault.levelCompleteness)).toEqual([1, 0]);
    // complete: A only → 1,000 of 4,000 residents = 25 %; mean completeness (1·1000 + 0·3000)/4000 = 0.25
    expect(lv.complete.population).toEqual({ covered: 1000, total: 4000, rate: 0.25 });
    expect(lv.complete.communities.rate).toBe(0.5);
    expect(lv.meanCompleteness.population).toBe(0.25);
    const m = missingMandatory(byDefault, ['5min']);
    expect(Array.from(m.total)).toEqual([0, 1]);
    expect(m.mandatoryCount).toBe(1);
    expect(m.levels[0].categories).toEqual(['kindergarten', 'clinic']); // both still shown (columns)
    expect(m.levels[0].counted).toEqual([true, false]);
    expect(Array.from(uncoveredPopulation(byDefault, [1000, 3000], { level: '5min' })!)).toEqual([0, 3000]);
  });

  it('with the toggle counts it as missing everywhere', () => {
    const lv = counting.stats.levels[0];
    expect(lv.countedCategories).toEqual(['kindergarten', 'clinic']);
    // A meets 1 of 2 → 0.5; B 0 of 2 → 0; nobody meets both
    expect(Array.from(counting.levelCompleteness)).toEqual([0.5, 0]);
    expect(lv.complete.population).toEqual({ covered: 0, total: 4000, rate: 0 });
    // (0.5 · 1000 + 0 · 3000) / 4000 = 0.125
    expect(lv.meanCompleteness.population).toBe(0.125);
    const m = missingMandatory(counting, ['5min']);
    expect(Array.from(m.total)).toEqual([1, 2]);
    expect(m.mandatoryCount).toBe(2);
    expect(Array.from(uncoveredPopulation(counting, [1000, 3000], { level: '5min' })!)).toEqual([1000, 3000]);
  });

  it('the compliance rows, the gap export and the renovation score follow the policy', () => {
    const weights = ctx.weights;
    const rows = (r: typeof byDefault) => complianceRows({ communities, coverage: r, weights, oldBeforeYear: 2000, levelIds: ['5min'] });
    expect(Array.from(rows(byDefault).total)).toEqual([0, 1]);
    expect(Array.from(rows(counting).total)).toEqual([1, 2]);

    const fullRules = { categories: [{ id: 'kindergarten', level: '5min', name_zh: '幼儿园', name_en: 'Kindergarten', mandatory: true }, { id: 'clinic', level: '5min', name_zh: '门诊部', name_en: 'Clinic', mandatory: true }] } as never;
    const gaps = gapCommunities(communities as FeatureCollection, byDefault, fullRules, '5min');
    expect(gaps.features.map((f) => [f.properties.name, f.properties.missing, f.properties.no_data])).toEqual([['B', 'kindergarten', 'clinic']]);
    const gaps2 = gapCommunities(communities as FeatureCollection, counting, fullRules, '5min');
    expect(gaps2.features.map((f) => [f.properties.name, f.properties.missing, f.properties.missing_zh])).toEqual([['A', 'clinic', '门诊部'], ['B', 'kindergarten;clinic', '幼儿园、门诊部']]);

    // Score with the 5min indicator only: (1 − completeness) × min(1, population / 1000).
    const score = (r: typeof byDefault) => Array.from(renovationScore({ communities, coverage: r, weights, oldBeforeYear: 2000 }, { weights: { '5min': 1, parking: 0, park: 0, age: 0, elderly: 0 } }).score);
    expect(score(byDefault)).toEqual([0, 100]); // A: 1 − 1 = 0; B: 1 − 0 = 1
    expect(score(counting)).toEqual([50, 100]); // A: 1 − 0.5 = 0.5
  });
});
