import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { effectiveRadius, categoriesOfLevel, isUnverified, parseRuleSet, validateRuleSet } from '../../src/core/rules';

const draftPath = resolve(__dirname, '../../../shared/standards/lifecircle-standard.draft.json');

describe('default rule set', () => {
  it('validates', () => {
    expect(validateRuleSet(defaultRules)).toEqual([]);
  });
  it('uses the level distance when a category has no radius, else its own', () => {
    const kg = defaultRules.categories.find((c) => c.id === 'kindergarten')!;
    const hc = defaultRules.categories.find((c) => c.id === 'nursing_home')!;
    const ms = defaultRules.categories.find((c) => c.id === 'middle_school')!;
    expect(effectiveRadius(kg, defaultRules)).toBe(300);
    expect(effectiveRadius(ms, defaultRules)).toBe(1000);
    expect(hc.radius_m).toBeNull();
    expect(effectiveRadius(hc, defaultRules)).toBe(1000); // 15-min level: upper end of 800–1,000 m
  });
  it('keeps levels separate (not nested)', () => {
    const five = categoriesOfLevel(defaultRules, '5min', true).map((c) => c.id);
    expect(five).toContain('kindergarten');
    expect(five).not.toContain('primary_school');
    expect(five).not.toContain('middle_school');
  });
  it('marks recalled values as unverified', () => {
    const kg = defaultRules.categories.find((c) => c.id === 'kindergarten')!;
    expect(isUnverified(kg.verification)).toBe(true);
  });

  describe.skipIf(!existsSync(draftPath))('against the research draft', () => {
    if (!existsSync(draftPath)) console.warn(`research draft absent at ${draftPath}: skipping draft comparison`);
    it('keeps every category id, level, radius, mandatory flag and source of the draft (citations corrected by the evidence, issue 16)', () => {
      const draft = JSON.parse(readFileSync(draftPath, 'utf8'));
      expect(defaultRules.categories.map((c) => c.id)).toEqual(draft.categories.map((c: { id: string }) => c.id));
      for (const d of draft.categories) {
        const c = defaultRules.categories.find((x) => x.id === d.id)!;
        expect([c.level, c.radius_m, c.mandatory]).toEqual([d.level, d.radius_m, d.mandatory]);
        if (d.id === 'refuse_point') {
          // its "verified" 120 m could not be reproduced: downgraded, the 70 m of CJJ 27 shown beside it
          expect(c.source).toContain('CJJ 27');
          continue;
        }
        // Appendix B: 5-minute categories are 表B.0.2, block ones 表B.0.3; Appendix C clauses said to be unverified
        let src: string = d.source;
        if (d.level === '5min') src = src.replace('表B.0.1', '表B.0.2');
        if (d.level === 'block') src = src.replace('表B.0.1', '表B.0.3');
        if (/附录C|C\.0\.\d/.test(d.source)) src += ' (Appendix C clause unverified)';
        expect(c.source).toBe(src);
        expect(c.verification).toEqual(d.verification);
      }
      expect(defaultRules.levels.map((l) => l.id)).toEqual(draft.levels.map((l: { id: string }) => l.id));
    });
  });
});

describe('validateRuleSet', () => {
  it('names each problem by its JSON path', () => {
    const bad = JSON.parse(JSON.stringify(defaultRules));
    bad.categories[0].level = 'nope';
    bad.categories[1].radius_m = -5;
    bad.categories.push({ ...bad.categories[2] });
    const paths = validateRuleSet(bad).map((p) => p.path);
    expect(paths).toContain('$.categories[0].level');
    expect(paths).toContain('$.categories[1].radius_m');
    expect(paths).toContain(`$.categories[${bad.categories.length - 1}].id`);
  });
  it('rejects non-JSON with the file name in the message', () => {
    expect(() => parseRuleSet('{oops', 'my-rules.json')).toThrow(/my-rules.json: not valid JSON/);
  });
});
