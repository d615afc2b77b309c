import type { RenovationScoreResult } from '../core/analysis/renovation';
import { studyAreaRenovation } from '../core/studyArea';
import { memoLast } from '../util/memoLast';
import type { AppState } from './useStore';

const compute = memoLast(
  (
    communities: NonNullable<AppState['layers']['communities']>,
    coverage: NonNullable<AppState['coverage']>,
    weights: NonNullable<AppState['weights']>,
    parking: AppState['parking'],
    parks: AppState['parks'],
    oldBeforeYear: number,
    renovationWeights: AppState['renovationWeights'],
  ): RenovationScoreResult =>
    studyAreaRenovation(communities.fc, { coverage, weights, parks, parking }, { old_before_year: oldBeforeYear }, renovationWeights),
);

/**
 * Renovation-priority scores of the current analysis through the pipeline's own function
 * (core/studyArea studyAreaRenovation, as the CLI): a light O(communities) computation, so it runs
 * on the main thread and follows the weight sliders instantly. Null before an analysis.
 */
export function selectRenovation(s: AppState): RenovationScoreResult | null {
  if (!s.layers.communities || !s.coverage || !s.weights || s.coverage.communityCount !== s.layers.communities.fc.features.length) return null;
  return compute(s.layers.communities, s.coverage, s.weights, s.parking, s.parks, s.rules.old_before_year, s.renovationWeights);
}
