import type { RuleSet } from './types';
import { parseRuleSet } from './validateRuleSet';
import raw from '../../../data/rules/gb50180-2018.json';

/** The default GB 50180-2018 rule set, validated once on load. */
export const defaultRules: RuleSet = parseRuleSet(raw, 'data/rules/gb50180-2018.json');
