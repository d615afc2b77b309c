import { complianceRows, type ComplianceRows } from '../core/analysis/compliance';
import { countedMandatory } from '../core/analysis/compliance';
import { orderedLevels, type RuleSet } from '../core/rules';
import { memoLast } from '../util/memoLast';
import type { AppState } from './useStore';

/**
 * The life-circle levels the gap views count, in reading order (5 → 10 → 15 minutes): levels with
 * a walking time. The residential-block level (街坊, no minutes) is left out: its facilities sit
 * inside the community and are rarely in the data, so counting them would mark everyone as missing.
 */
export function lifeCircleLevelIds(rules: RuleSet): string[] {
  return orderedLevels(rules)
    .filter((l) => l.walk_minutes != null)
    .map((l) => l.id);
}

const levelsOf = memoLast((rules: RuleSet) => lifeCircleLevelIds(rules));

/** Comma-joined level ids the 'missing' colouring counts (a string, so memoLast compares it by value). */
export function selectMissingLevels(s: AppState): string {
  return s.gapScope === 'all' ? levelsOf(s.rules).join(',') : s.activeLevel;
}

const compute = memoLast(
  (
    communities: NonNullable<AppState['layers']['communities']>,
    coverage: NonNullable<AppState['coverage']>,
    weights: NonNullable<AppState['weights']>,
    oldBeforeYear: number,
    levelIds: string[],
  ): ComplianceRows => complianceRows({ communities: communities.fc, coverage, weights, oldBeforeYear, levelIds }),
);

/** The compliance table of the current analysis (life-circle levels), null before one. */
export function selectComplianceRows(s: AppState): ComplianceRows | null {
  if (!s.layers.communities || !s.coverage || !s.weights || s.coverage.communityCount !== s.layers.communities.fc.features.length) return null;
  return compute(s.layers.communities, s.coverage, s.weights, s.rules.old_before_year, levelsOf(s.rules));
}

const maxOf = memoLast((coverage: NonNullable<AppState['coverage']>, levels: string): number => {
  const ids = levels.split(',');
  return coverage.stats.levels.filter((l) => ids.includes(l.id)).reduce((a, l) => a + countedMandatory(l).length, 0);
});

/**
 * The most categories a community can miss in the current scope (the mandatory categories with
 * data of the counted levels); null before an analysis. The map's colour classes follow from it.
 */
export function selectMissingMax(s: AppState): number | null {
  return s.coverage ? maxOf(s.coverage, selectMissingLevels(s)) : null;
}
