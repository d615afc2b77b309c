import type { EvidenceStatus, RuleCategory, RuleSet } from './types';

/** How a category's values in force stand (issue 16): a planner's own check, else the published evidence. */
export type ValueStanding = 'user_verified' | EvidenceStatus;

/** The standing of a category's radius in force: verified by the planner (for this value), else the evidence verdict. */
export function categoryStanding(c: Pick<RuleCategory, 'evidence_status' | 'user_verified' | 'radius_m'>): ValueStanding {
  if (c.user_verified && c.user_verified.value === c.radius_m) return 'user_verified';
  return c.evidence_status ?? 'none';
}

/** How many of the rule set's categories in force are confirmed (published evidence or a planner's check), of how many. */
export function confirmedCount(rules: Pick<RuleSet, 'categories'>): { confirmed: number; total: number; userVerified: number } {
  let confirmed = 0, userVerified = 0;
  for (const c of rules.categories) {
    const s = categoryStanding(c);
    if (s === 'user_verified') userVerified++;
    if (s === 'confirmed' || s === 'user_verified') confirmed++;
  }
  return { confirmed, total: rules.categories.length, userVerified };
}
