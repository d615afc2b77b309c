/** Keeping score over time (issue 14): indicators, targets with deadlines, dated snapshots. */
export { higherIsBetter, indicatorIds, indicatorValue, type IndicatorId, type IndicatorScope } from './indicators';
export { targetStatus, type Target, type TargetStatus } from './targets';
export { compareSnapshots, SAME_FACILITY_M, takeSnapshot, type Snapshot, type SnapshotComparison } from './snapshot';
export { readTargets } from './readTargets';
