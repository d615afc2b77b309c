/** Keeping score over time (issue 14): indicators, targets with deadlines, dated snapshots. */
export { higherIsBetter, indicatorIds, indicatorScopes, indicatorValue, indicatorValues, type IndicatorId, type IndicatorScope } from './indicators';
export { targetStatus, type Target, type TargetStatus } from './targets';
export { communityKey, compareSnapshots, coverageChangeCodes, indicatorSeries, SAME_FACILITY_M, snapshotValue, takeSnapshot, type Snapshot, type SnapshotComparison } from './snapshot';
export { readTargets } from './readTargets';
export { evaluateTargets, indicatorLabel, monitorTables, scopeLabel, targetSheet, type TargetRow } from './report';
