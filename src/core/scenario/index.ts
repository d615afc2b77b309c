/**
 * Scenarios (issue 11, DESIGN §4): edits over the baseline, applied to the layers and analysed by
 * the same pipeline (../studyArea); their before/after; their GeoJSON form.
 */
export type { EditLayer, EditOp, EditProblem, Scenario, ScenarioEdit } from './types';
export { applyEdits, CLOSE_PICK_M, LINK_JOIN_M, type AppliedEdits, type NetworkChange } from './applyEdits';
export { editsFromGeoJson, editsToGeoJson } from './editsGeoJson';
export { roundCoordinates, EDIT_DECIMALS } from './roundCoordinates';
export { scenarioDiff, type CategoryDiff, type DiffTotals, type LevelDiff, type ScenarioDiff } from './scenarioDiff';
