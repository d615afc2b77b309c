import { communityCoverageAttributes, type CoverageTable } from './coverageAttributes';
import { communityWorkbenchAttributes, roundTo, type WorkbenchTables } from './workbenchAttributes';

/** The results one community's exported attributes come from (a StudyAreaResult fits). */
export interface CommunityResultTables extends WorkbenchTables {
  coverage: CoverageTable;
  weights: { population: ArrayLike<number>; populationEstimated: ArrayLike<number>; weightUnknown: ArrayLike<number> };
  renovation: { isOld: ArrayLike<number>; score: ArrayLike<number> } | null;
}

/**
 * Every analysis attribute of community c with flat names (DESIGN §6) — the one list, written by
 * the CLI and by the app's "communities with analysis" export alike: `population` as the analysis
 * read it (whole persons; null when unknown) with `population_estimated`, `is_old` by the rule
 * set in force, then dist_<k>/ok_<k> per category and park_*, parking_*, score.
 */
export function communityResultAttributes(t: CommunityResultTables, c: number): Record<string, number | boolean | null> {
  return {
    population: t.weights.weightUnknown[c] ? null : roundTo(t.weights.population[c], 1),
    population_estimated: t.weights.populationEstimated[c] === 1,
    is_old: t.renovation ? t.renovation.isOld[c] === 1 : null,
    ...communityCoverageAttributes(t.coverage, c),
    ...communityWorkbenchAttributes(t, c),
  };
}
