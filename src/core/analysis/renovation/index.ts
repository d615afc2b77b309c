/**
 * Renovation priority (DESIGN §4): the indicators, their weights and the score of each community.
 */
export { rankByScore, renovationScore, reweightRenovationScore, type RenovationInput, type RenovationOptions, type RenovationScoreResult } from './renovationScore';
export { DEFAULT_RENOVATION_WEIGHTS, RENOVATION_EXTRA_INDICATORS, resolveRenovationWeights, type RenovationWeights, type ResolvedRenovationWeights } from './renovationWeights';
