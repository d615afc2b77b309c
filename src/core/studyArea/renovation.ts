import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { renovationScore, type RenovationScoreResult } from '../analysis/renovation/renovationScore';
import type { CoverageWeights } from '../analysis/coverage/coverageWeights';
import type { ParkCoverageResult } from '../analysis/parks/parkCoverage';
import type { ParkingSupplyResult } from '../analysis/parking/parkingSupply';
import { oldBeforeYear } from '../rules/defaults';
import type { RuleSet } from '../rules/types';

/**
 * The renovation-priority scores of a study area's results — the one call of the score: the
 * pipeline (analyzeStudyArea, hence the CLI) and the app's weight sliders (store/selectRenovation)
 * both come through here, with the rule set's old-before year and the default references.
 */
export function studyAreaRenovation(
  communities: { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> },
  results: {
    coverage: { levelIds: readonly string[]; levelCompleteness: ArrayLike<number> };
    weights: CoverageWeights;
    parks: Pick<ParkCoverageResult, 'ok'> | null;
    parking: Pick<ParkingSupplyResult, 'gap'> | null;
  },
  rules: Pick<RuleSet, 'old_before_year'>,
  weights?: Readonly<Record<string, unknown>>,
): RenovationScoreResult {
  return renovationScore(
    {
      communities,
      coverage: results.coverage,
      weights: results.weights,
      oldBeforeYear: oldBeforeYear(rules),
      parkingGap: results.parking?.gap ?? null,
      parkOk: results.parks?.ok ?? null,
    },
    weights ? { weights } : {},
  );
}
