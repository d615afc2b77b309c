import type { StudyAreaResult } from '../core/studyArea';
import { memoLast } from '../util/memoLast';
import { selectRenovation } from './selectRenovation';
import type { AppState } from './useStore';

const build = memoLast((coverage: AppState['coverage'], weights: AppState['weights'], parks: AppState['parks'], parking: AppState['parking'], renovation: ReturnType<typeof selectRenovation>): StudyAreaResult | null =>
  coverage && weights && parking && renovation ? { coverage, weights, parks, parking, renovation } : null,
);

/**
 * The app's results as the core's StudyAreaResult (the renovation score as the sliders set it): what
 * the briefing, the exports and the targets read, as the CLI reads analyzeStudyArea's. Null before
 * an analysis. The same object while nothing changed.
 */
export function selectStudyAreaResult(s: AppState): StudyAreaResult | null {
  return build(s.coverage, s.weights, s.parks, s.parking, s.coverage ? renovationOrNull(s) : null);
}

/** The renovation scores, or null when the weights are not valid for the rule set (the ranking view says why). */
function renovationOrNull(s: AppState) {
  try {
    return selectRenovation(s);
  } catch {
    return null;
  }
}
