import { effectiveRadius } from '../../rules/ruleQueries';
import type { RuleCategory, RuleLevel } from '../../rules/types';

/**
 * The part of a rule set the coverage analysis reads. A full `RuleSet` (src/core/rules) fits;
 * tests and scripts may pass just these fields.
 */
export interface CoverageRuleSet {
  levels: ReadonlyArray<Pick<RuleLevel, 'id' | 'walk_m'>>;
  categories: ReadonlyArray<Pick<RuleCategory, 'id' | 'level' | 'radius_m' | 'mandatory'>>;
  /** Population estimate per household when population is missing. */
  persons_per_household?: number;
}

/** A category with its effective radius, in rule-set order (its index is the category index). */
export interface CoverageCategory {
  id: string;
  level: string;
  /** metres: the category's own radius, else its level's walking distance */
  radius: number;
  mandatory: boolean;
}

export interface CoverageLevel {
  id: string;
  walk_m: number;
  /** indexes (into the categories) of this level's mandatory categories; levels are not nested */
  mandatory: number[];
}

/**
 * Resolves radii (category radius_m, else its level's walk_m) and each level's mandatory
 * categories. Throws a specific Error for an unknown level or a missing distance.
 */
export function resolveCoverageRules(rules: CoverageRuleSet): { categories: CoverageCategory[]; levels: CoverageLevel[] } {
  const levels: CoverageLevel[] = rules.levels.map((l) => ({ id: l.id, walk_m: l.walk_m, mandatory: [] }));
  const byId = new Map(levels.map((l) => [l.id, l]));
  const categories = rules.categories.map((c, i): CoverageCategory => {
    const level = byId.get(c.level);
    if (!level) throw new Error(`rule set: category "${c.id}" (categories[${i}]) has unknown level "${c.level}"`);
    const radius = effectiveRadius(c, rules);
    if (!(typeof radius === 'number' && radius > 0)) {
      throw new Error(`rule set: category "${c.id}" has no radius and level "${level.id}" has no walking distance`);
    }
    if (c.mandatory) level.mandatory.push(i);
    return { id: c.id, level: c.level, radius, mandatory: c.mandatory };
  });
  return { categories, levels };
}
