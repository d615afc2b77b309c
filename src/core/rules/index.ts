export type * from './types';
export { validateRuleSet, parseRuleSet, type RuleProblem } from './validateRuleSet';
export { effectiveRadius, categoriesOfLevel, findCategory, findLevel, isUnverified, orderedLevels } from './ruleQueries';
