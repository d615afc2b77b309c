/**
 * The one pipeline (issue 10): a study area's layers + a rule set + settings → every result. The
 * app's analysis worker and the CLI both call it. See ../network/README.md "the life of an analysis".
 */
export { StudyArea, analyzeStudyArea, type AccessSurface, type ServiceAreaResult, type SiteRequest } from './studyArea';
export { studyAreaRenovation } from './renovation';
export { DEFAULT_STUDY_AREA_SETTINGS } from './defaultSettings';
export type { StudyAreaLayers, StudyAreaSettings, StudyAreaResult, StudyAreaProgress } from './types';
export { studyAreaSummary } from './summary';
