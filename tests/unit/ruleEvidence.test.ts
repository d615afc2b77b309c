import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { applyRuleEdit, categoryStanding, confirmedCount, validateRuleSet } from '../../src/core/rules';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { readEvidence } from '../../scripts/rules/evidence';

const evidenceFile = path.resolve(__dirname, '../../../shared/standards/evidence-2026-12.md');

describe('the rule set shows its evidence (issue 16)', () => {
  it('cites 表B.0.2 for 5-minute and 表B.0.3 for block categories, never 表B.0.1 for them', () => {
    for (const c of defaultRules.categories) {
      if (c.level === '5min' || c.level === 'block') expect(c.source, c.id).not.toContain('表B.0.1');
    }
    expect(defaultRules.categories.find((c) => c.id === 'property_management')!.source).toContain('表B.0.3');
    expect(defaultRules.categories.find((c) => c.id === 'kindergarten')!.source).toContain('表B.0.2');
  });

  it('refuse_point 120 m is no longer labelled verified, and shows the 70 m of the superseded CJJ 27', () => {
    const r = defaultRules.categories.find((c) => c.id === 'refuse_point')!;
    expect(typeof r.verification === 'object' ? r.verification.radius : r.verification).not.toBe('verified');
    expect(r.radius_range).toMatchObject({ min: 70, max: 120 });
    expect(r.evidence_status).toBe('none');
  });

  it('carries the evidence file’s verdicts: 9 confirmed, 14 weak, 21 without evidence; records validate', () => {
    const count = (s: string) => defaultRules.categories.filter((c) => c.evidence_status === s).length;
    expect([count('confirmed'), count('weak'), count('none'), count('contradicted')]).toEqual([9, 14, 21, 0]);
    const toilet = defaultRules.categories.find((c) => c.id === 'public_toilet')!;
    expect(toilet.evidence![0]).toMatchObject({ grade: 'A', status: 'confirmed', quote: '公共厕所的服务半径不应大于300m', source: { key: 'S4', url: 'http://m.jianbiaoku.com/webarbs/book/159282/4696807.shtml' } });
    expect(validateRuleSet(defaultRules)).toEqual([]);
    expect(confirmedCount(defaultRules)).toEqual({ confirmed: 9, total: 44, userVerified: 0 });
    const bad = { ...defaultRules, categories: defaultRules.categories.map((c, i) => (i === 0 ? { ...c, evidence: [{ grade: 'D', status: 'maybe', source: {}, quote: 'x'.repeat(40) }] } : c)) };
    expect(validateRuleSet(bad).map((p) => p.path)).toEqual(expect.arrayContaining(['$.categories[0].evidence[0].grade', '$.categories[0].evidence[0].status', '$.categories[0].evidence[0].source', '$.categories[0].evidence[0].quote']));
  });

  it('a planner’s check counts as verified for the value it was made for; changing the value clears it', () => {
    const check = { by: '张工', date: '2026-12-07', clause: '表B.0.2', page: '18', note: '对照纸质版' };
    const a = applyRuleEdit(defaultRules, { type: 'categoryUserVerified', id: 'kindergarten', check }).rules!;
    const kg = a.categories.find((c) => c.id === 'kindergarten')!;
    expect(kg.user_verified).toEqual({ ...check, value: 300 });
    expect(categoryStanding(kg)).toBe('user_verified');
    expect(confirmedCount(a)).toMatchObject({ confirmed: 10, userVerified: 1 });
    expect(validateRuleSet(a)).toEqual([]);
    const b = applyRuleEdit(a, { type: 'categoryRadius', id: 'kindergarten', radius_m: 500 }).rules!;
    expect(b.categories.find((c) => c.id === 'kindergarten')!.user_verified).toBeNull();
    expect(categoryStanding(b.categories.find((c) => c.id === 'kindergarten')!)).toBe('weak');
  });

  it.skipIf(!existsSync(evidenceFile))('the build reads every category and level row of the evidence file (skipped when ../shared is absent)', () => {
    const ev = readEvidence(readFileSync(evidenceFile, 'utf8'));
    expect(ev.categories.length).toBe(44);
    expect(new Set(ev.categories.map((r) => r.id))).toEqual(new Set(defaultRules.categories.map((c) => c.id)));
    expect(ev.sources.size).toBe(13);
  });
});
