/**
 * Coverage (DESIGN §4): snapping, one search per category, distances, coverage and its rates per category and level.
 */
export { categoryDistances, type CategoryDistances, type CategoryDistancesOptions } from './categoryDistances';
export { ENTRANCE_MAX_DISTANCE_M, communityPoints, facilityPoints, featureId, readEntrances, type CommunityPoints, type CoverageIssue, type CoverageIssueReason, type FacilityPoints } from './coveragePoints';
export { coverageRoute, type CoverageRoute } from './coverageRoute';
export { resolveCoverageRules, type CoverageCategory, type CoverageLevel, type CoverageRuleSet } from './coverageRules';
export { coverageStats, headlineMeasure, weightedRate, type CategoryCoverageStats, type CoverageStats, type CoverageTotals, type LevelCoverageStats, type RateMeasure, type WeightedRate } from './coverageStats';
export { coverageWeights, type CoverageWeights } from './coverageWeights';
export { prepareCoverage, withFacilities, type CoverageContext, type CoverageInput, type CoverageMode, type CoverageNetwork, type CoverageOptions } from './prepareCoverage';
export { analyzeCoverage, coverageTransferables, finishCoverage, newCoverageArrays, runCoverage, searchCoverageCategories, type CoverageArrays, type CoverageResult, type RunCoverageOptions } from './runCoverage';
export { uncoveredPopulation, type GapTarget } from './uncoveredPopulation';
