/**
 * Park service (DESIGN §4): which parks qualify for which radius, where they are entered, and which communities they serve.
 */
export { parkAccessPoints, type ParkAccessPointOptions, type ParkAccessPoints } from './parkAccessPoints';
export { parkCoverage, type ParkAreaCoverage, type ParkClassService, type ParkCoverageInput, type ParkCoverageOptions, type ParkCoverageResult } from './parkCoverage';
export { checkParkThresholds, parkThresholdIndex, qualifyParks, type ParkClass, type ParkQualification } from './parkQualification';
