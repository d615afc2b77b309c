import { describe, expect, it } from 'vitest';
import { applyRuleEdit, minCounts, validateRuleSet } from '../../src/core/rules';
import { defaultRules } from '../../src/core/rules/defaultRules';

describe('rule sets carry provision norms (千人指标) and minimum counts (issue 13)', () => {
  it('a planner sets, switches and removes a norm; it is marked as theirs; the validator accepts it', () => {
    const a = applyRuleEdit(defaultRules, { type: 'categoryNorm', id: 'kindergarten', per_1000: 30 });
    expect(a.problems).toEqual([]);
    const kg = a.rules!.categories.find((c) => c.id === 'kindergarten')!;
    expect(kg.norm).toEqual({ per_1000: 30, per: 'residents', source: 'planner-defined', verification: 'app-convention' });
    expect(validateRuleSet(a.rules)).toEqual([]);
    const b = applyRuleEdit(a.rules!, { type: 'categoryNorm', id: 'kindergarten', per_1000: 30, per: 'elderly' });
    expect(b.rules!.categories.find((c) => c.id === 'kindergarten')!.norm!.per).toBe('elderly');
    const c = applyRuleEdit(b.rules!, { type: 'categoryNorm', id: 'kindergarten', per_1000: null });
    expect(c.rules!.categories.find((x) => x.id === 'kindergarten')).not.toHaveProperty('norm');
  });

  it('minimum counts: set, read back by minCounts, 1 removes it; bad values are named', () => {
    const a = applyRuleEdit(defaultRules, { type: 'categoryMinCount', id: 'market', min_count: 2 });
    expect(minCounts(a.rules!)).toEqual(new Map([['market', 2]]));
    const b = applyRuleEdit(a.rules!, { type: 'categoryMinCount', id: 'market', min_count: 1 });
    expect(minCounts(b.rules!).size).toBe(0);
    const bad = { ...defaultRules, categories: defaultRules.categories.map((c, i) => (i === 0 ? { ...c, min_count: 1.5, norm: { per_1000: -3 } } : c)) };
    const problems = validateRuleSet(bad).map((p) => p.path);
    expect(problems).toEqual(expect.arrayContaining(['$.categories[0].min_count', '$.categories[0].norm.per_1000']));
  });
});
