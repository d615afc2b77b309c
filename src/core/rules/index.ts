export type * from './types';
export { validateRuleSet, parseRuleSet, type RuleProblem } from './validateRuleSet';
export { effectiveRadius, categoriesOfLevel, findCategory, findLevel, isUnverified, minCounts, orderedLevels, residentsPerSite } from './ruleQueries';
export { defaultRules } from './defaultRules';
export { DEFAULTS, DENSITY_BY_PERIOD, DENSITY_UNKNOWN_YEAR } from './defaults';
export { type ParkThreshold, type RuleCategory, type RuleLevel, type RuleSet, type Verification, type VerificationInfo } from './types';
export { type CategoryDraft, type RuleEdit, applyRuleEdit, draftField } from './applyRuleEdit';
export { categoryStanding, confirmedCount, type ValueStanding } from './evidence';
