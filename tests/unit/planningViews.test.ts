import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { renovationScore } from '../../src/core/analysis/renovation/renovationScore';
import { coverageWeights } from '../../src/core/analysis/coverage/coverageWeights';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { effectiveRadius } from '../../src/core/rules/ruleQueries';
import { prunedWeights, rankingRows, withWeight } from '../../src/ui/workbench/rankingRows';
import { applyRuleEdit, draftField, type CategoryDraft } from '../../src/core/rules/applyRuleEdit';

type F = Feature<Geometry | null>;
const c = (props: Record<string, unknown>): F => ({ type: 'Feature', properties: props, geometry: null });

describe('ranking rows', () => {
  const communities: FeatureCollection<Geometry | null> = {
    type: 'FeatureCollection',
    features: [
      c({ id: 'A', name: '甲', built_year: 1990, population: 1000, households: 400 }),
      c({ id: 'B', name: '乙', built_year: 2010, population: 800, households: 300 }),
      c({ id: 'C', built_year: 1980, population: 1500, households: 500 }),
      c({ id: 'D', name: '丁', built_year: 1990, population: 2000, households: 700 }),
    ],
  };
  const weights = coverageWeights(communities);
  // one level; completeness met share per community: A 0, B 0, C 1, D 0
  const coverage = { levelIds: ['5min'], levelCompleteness: Float64Array.from([0, 0, 1, 0]) };
  // weights 5min 1, age 1 (others 0): normalised 0.5 / 0.5
  const result = renovationScore(
    { communities, coverage, weights, oldBeforeYear: 2000 },
    { weights: { '5min': 1, age: 1, parking: 0, park: 0, elderly: 0 } },
  );

  it('orders old communities by score, ties by population, and keeps the parts', () => {
    // A: 5min missing 1 (population 1,000 → factor 1), age (2000 − 1990) / 30 = 1/3:
    //    100 × (0.5 · 1 + 0.5 · 1/3) = 66.667
    // C: 5min 0, age 20/30: 100 × 0.5 · 2/3 = 33.333
    // D: same as A (66.667) but 2,000 residents → ranked before A
    // B is not old.
    const rows = rankingRows(result, communities.features.map((f) => f.properties), weights.population);
    expect(rows.map((r) => r.index)).toEqual([3, 0, 2]);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(rows[0].score).toBeCloseTo(200 / 3, 10);
    expect(rows[2].score).toBeCloseTo(100 / 3, 10);
    expect(rows[2].name).toBe('C'); // no name → id
    expect(rows[0].builtYear).toBe(1990);
    expect(rows[0].population).toBe(2000);
    const five = rows[1].parts.find((p) => p.key === '5min')!;
    expect(five.indicator).toBe(1);
    expect(five.weight).toBeCloseTo(0.5, 12);
    expect(five.part).toBeCloseTo(50, 10);
    const age = rows[1].parts.find((p) => p.key === 'age')!;
    expect(age.part).toBeCloseTo(100 / 6, 10);
  });

  it('changes one raw weight, refusing to zero them all', () => {
    const keys = ['5min', 'parking', 'age'];
    expect(withWeight(keys, [0.25, 0.2, 0.15], 'age', 0)).toEqual({ '5min': 0.25, parking: 0.2, age: 0 });
    expect(withWeight(keys, [0.25, 0.2, 0.15], 'parking', -3)).toEqual({ '5min': 0.25, parking: 0, age: 0.15 });
    expect(withWeight(keys, [0, 0, 0.15], 'age', 0)).toBeNull();
  });

  it('drops weights of levels a new rule set lacks', () => {
    const w = { '5min': 0.25, '10min': 0, parking: 0.2, age: 0.15 };
    expect(prunedWeights(w, ['5min', '10min', '15min'])).toBeNull();
    expect(prunedWeights(w, ['10min', 'walk'])).toEqual({ '10min': 0, parking: 0.2, age: 0.15 });
    // only 5min was above 0 → the defaults of the known keys (10min 0.15, parking 0.2, park 0.1, age 0.15, elderly 0.05)
    expect(prunedWeights({ '5min': 1, '10min': 0, age: 0 }, ['10min'])).toEqual({ '10min': 0.15, parking: 0.2, park: 0.1, age: 0.15, elderly: 0.05 });
  });
});

describe('rule edits', () => {
  const kg = () => defaultRules.categories.find((x) => x.id === 'kindergarten')!;

  it('sets a category radius without touching the input', () => {
    const r = applyRuleEdit(defaultRules, { type: 'categoryRadius', id: 'kindergarten', radius_m: 600 });
    expect(r.problems).toEqual([]);
    const k = r.rules!.categories.find((x) => x.id === 'kindergarten')!;
    expect(k.radius_m).toBe(600);
    expect(kg().radius_m).toBe(300);
    expect(r.rules!.categories.length).toBe(defaultRules.categories.length);
  });

  it('clears a radius to the level default and edits the level distance', () => {
    // culture_station is a 5-min category without a radius of its own → 5-min walk 300 m
    const cleared = applyRuleEdit(defaultRules, { type: 'categoryRadius', id: 'kindergarten', radius_m: null }).rules!;
    const k = cleared.categories.find((x) => x.id === 'kindergarten')!;
    expect(k.radius_kind).toBe('level_default');
    expect(effectiveRadius(k, cleared)).toBe(300);
    const walked = applyRuleEdit(cleared, { type: 'levelWalk', id: '5min', walk_m: 400 }).rules!;
    expect(effectiveRadius(walked.categories.find((x) => x.id === 'kindergarten')!, walked)).toBe(400);
    expect(effectiveRadius(walked.categories.find((x) => x.id === 'culture_station')!, walked)).toBe(400);
  });

  it('rejects a non-positive radius with the path of the field', () => {
    const r = applyRuleEdit(defaultRules, { type: 'categoryRadius', id: 'kindergarten', radius_m: -5 });
    expect(r.rules).toBeNull();
    const i = defaultRules.categories.findIndex((x) => x.id === 'kindergarten');
    expect(r.problems).toEqual([{ path: `$.categories[${i}].radius_m`, message: 'must be a positive number of metres or null' }]);
    expect(applyRuleEdit(defaultRules, { type: 'categoryRadius', id: 'nope', radius_m: 5 }).problems[0].message).toMatch(/no category "nope"/);
  });

  it('toggles mandatory', () => {
    const r = applyRuleEdit(defaultRules, { type: 'categoryMandatory', id: 'nursery', mandatory: true }).rules!;
    expect(r.categories.find((x) => x.id === 'nursery')!.mandatory).toBe(true);
  });

  it('adds a category, or names each bad field', () => {
    const draft: CategoryDraft = { id: 'pocket_library', name_zh: '社区书屋', name_en: 'Community library', level: '10min', radius_m: null, mandatory: false };
    const ok = applyRuleEdit(defaultRules, { type: 'addCategory', category: draft }).rules!;
    const added = ok.categories[ok.categories.length - 1];
    expect(added).toMatchObject({ id: 'pocket_library', level: '10min', custom: true, verification: 'app-convention' });
    expect(effectiveRadius(added, ok)).toBe(500);

    const n = defaultRules.categories.length;
    const bad = applyRuleEdit(defaultRules, {
      type: 'addCategory',
      category: { ...draft, id: 'Kinder Garten', name_en: ' ', level: '7min', radius_m: 0 },
    });
    expect(bad.rules).toBeNull();
    const fields = Object.fromEntries(bad.problems.map((p) => [draftField(p.path), p.message]));
    expect(Object.keys(fields).sort()).toEqual(['id', 'level', 'name_en', 'radius_m']);
    expect(bad.problems.every((p) => p.path.startsWith(`$.categories[${n}]`))).toBe(true);

    const dup = applyRuleEdit(defaultRules, { type: 'addCategory', category: { ...draft, id: 'kindergarten' } });
    expect(dup.problems).toEqual([{ path: `$.categories[${n}].id`, message: 'duplicate category id "kindergarten"' }]);
  });

  it('edits park thresholds and parking, checked like the analysis checks them', () => {
    const parks = applyRuleEdit(defaultRules, {
      type: 'parkThresholds',
      thresholds: [{ min_area_m2: 10000, radius_m: 800 }, { min_area_m2: 1000, max_area_m2: 10000, radius_m: 300 }],
    });
    expect(parks.rules!.parks.thresholds[0]).toEqual({ min_area_m2: 10000, radius_m: 800 });
    const inverted = applyRuleEdit(defaultRules, { type: 'parkThresholds', thresholds: [{ min_area_m2: 5000, max_area_m2: 2000, radius_m: 300 }] });
    expect(inverted.rules).toBeNull();
    expect(inverted.problems[0].message).toMatch(/max_area_m2 must be larger than min_area_m2/);

    const p = applyRuleEdit(defaultRules, { type: 'parking', ratio_per_household: 0.8 }).rules!;
    expect(p.parking).toMatchObject({ ratio_per_household: 0.8, search_radius_m: 500 });
    expect(applyRuleEdit(defaultRules, { type: 'parking', search_radius_m: 0 }).rules).toBeNull();
  });

  it('saves as a named rule set with a new id', () => {
    // 1,700,000,000,000 ms in base 36 = "loyw3v28"
    const r = applyRuleEdit(defaultRules, { type: 'rename', name: 'Qinghe 2025', now: 1_700_000_000_000 }).rules!;
    expect(r.id).toBe('custom-qinghe-2025-loyw3v28');
    expect(r.name_en).toBe('Qinghe 2025');
    expect(r.name_zh).toBe('Qinghe 2025');
    const zh = applyRuleEdit(defaultRules, { type: 'rename', name: '青禾县 2025 细则', now: 36 }).rules!;
    expect(zh.id).toBe('custom-2025-10');
    expect(applyRuleEdit(defaultRules, { type: 'rename', name: '  ', now: 1 }).rules).toBeNull();
  });
});
