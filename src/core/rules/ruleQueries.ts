import type { RuleCategory, RuleSet, RuleLevel } from './types';

/**
 * The walking distance (metres) that covers a category — the one rule, read by the analysis
 * (coverageRules), the rule editor, the compliance table and the panels: its own radius, else its
 * level's walking distance. Throws naming the category for an unknown level.
 */
export function effectiveRadius(
  category: Pick<RuleCategory, 'id' | 'level' | 'radius_m'>,
  rules: { levels: ReadonlyArray<Pick<RuleLevel, 'id' | 'walk_m'>> },
): number {
  if (category.radius_m != null) return category.radius_m;
  const level = rules.levels.find((l) => l.id === category.level);
  if (!level) throw new Error(`rule set: category "${category.id}" has unknown level "${category.level}"`);
  return level.walk_m;
}

/** Categories of one level only: levels are not nested (a 15-min facility does not serve a 5-min need). */
export function categoriesOfLevel(rules: RuleSet, levelId: string, mandatoryOnly = false): RuleCategory[] {
  return rules.categories.filter((c) => c.level === levelId && (!mandatoryOnly || c.mandatory));
}

export function findCategory(rules: RuleSet, id: string): RuleCategory | undefined {
  return rules.categories.find((c) => c.id === id);
}

export function findLevel(rules: RuleSet, id: string): RuleLevel | undefined {
  return rules.levels.find((l) => l.id === id);
}

/** True when any of the entry's verification flags is not 'verified' (the UI marks such values). */
export function isUnverified(v: RuleCategory['verification']): boolean {
  if (typeof v === 'string') return v !== 'verified';
  return Object.values(v).some((f) => f !== 'verified');
}

/** Levels in the order planners read them: 5 → 10 → 15 minutes, then the residential block. */
export function orderedLevels(rules: RuleSet): RuleLevel[] {
  return [...rules.levels].sort((a, b) => (a.walk_minutes ?? Infinity) - (b.walk_minutes ?? Infinity));
}

/** Categories that ask for more than one facility within the radius (min_count > 1), by id. */
export function minCounts(rules: Pick<RuleSet, 'categories'>): Map<string, number> {
  return new Map(rules.categories.filter((c) => (c.min_count ?? 1) > 1).map((c) => [c.id, c.min_count as number]));
}

/**
 * Residents one site of `places` (seats, beds) can serve under the category's norm (issue 11:
 * "a kindergarten of N places serves at most N ÷ (places per resident) residents", the ratio being
 * the rule set's 千人指标): places × 1,000 ÷ per_1000; for a per-elderly norm the elderly served
 * are turned into residents by the elderly share. Null when the category has no norm.
 */
export function residentsPerSite(places: number, category: Pick<RuleCategory, 'norm'>, elderlyShare: number): number | null {
  const n = category.norm;
  if (!n || !(n.per_1000 > 0) || !(places > 0)) return null;
  const served = (places * 1000) / n.per_1000;
  return n.per === 'elderly' ? served / Math.max(elderlyShare, 1e-6) : served;
}
