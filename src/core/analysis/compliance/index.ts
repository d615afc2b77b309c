/**
 * Compliance (达标/缺项): which mandatory categories a community misses, and what counts as no data rather than a gap.
 */
export { complianceRows, countOldWithGaps, type ComplianceRows, type ComplianceRowsInput } from './complianceRows';
export { countedMandatory, missingMandatory, type LevelMandatory, type MissingLevel, type MissingMandatory, type MissingMandatoryCoverage } from './missingMandatory';
export { DEFAULT_NO_DATA_POLICY, cellStatus, countsTowardGaps, facilitiesInData, isNoDataCategory, noDataCategoryIds, type CellStatus, type CellStatusCoverage, type NoDataPolicy } from './noDataPolicy';
