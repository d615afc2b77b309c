import { DEFAULTS } from '../rules/defaults';
import type { StudyAreaSettings } from './types';

/** The analysis settings a new workspace and the CLI start from. */
export const DEFAULT_STUDY_AREA_SETTINGS: Readonly<StudyAreaSettings> = Object.freeze({
  mode: 'network',
  maxSnap: DEFAULTS.maxSnapM,
  detour: DEFAULTS.detour,
  countNoData: DEFAULTS.countNoData,
});
