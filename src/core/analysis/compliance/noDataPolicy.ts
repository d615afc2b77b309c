/**
 * "No data" versus "a gap" (issue 8 item 7): a category with no facility at all in the facility
 * layer is not a finding about the communities — the data simply do not cover it (e.g. the
 * block-level 居住街坊 categories of a POI extract). Such a category is shown grey as 未提供数据 /
 * "no data" and, by default, left out of every gap count, completeness share and "all mandatory
 * met" rate. A category whose facilities exist but none is within reach IS a gap.
 *
 * This module is the one place of that rule: the analysis (coverage stats, level completeness),
 * the compliance table, community card, gap map, dashboard, renovation score, exports and the CLI
 * all read it through here or through the CoverageResult it shapes.
 */

import { DEFAULTS } from '../../rules/defaults';

/** How no-data categories are counted; an analysis setting (saved with the workspace, CLI --count-no-data). */
export interface NoDataPolicy {
  /** true: a category without any facility in the data counts as missing everywhere (the old behaviour) @default false */
  countNoData: boolean;
}

export const DEFAULT_NO_DATA_POLICY: NoDataPolicy = { countNoData: DEFAULTS.countNoData };

/**
 * Facilities per category in the data, whatever their geometry or reachability.
 * @param facilityCategory category index per facility (−1: unknown category, not counted)
 */
export function facilitiesInData(categoryCount: number, facilityCategory: ArrayLike<number>): Int32Array {
  const n = new Int32Array(categoryCount);
  for (let f = 0; f < facilityCategory.length; f++) {
    const k = facilityCategory[f];
    if (k >= 0 && k < categoryCount) n[k]++;
  }
  return n;
}

/** A category has no data when the facility layer holds none of it. */
export function isNoDataCategory(facilitiesInDataCount: number): boolean {
  return facilitiesInDataCount === 0;
}

/** Whether a category takes part in gap counts and completeness under the policy. */
export function countsTowardGaps(noData: boolean, policy: NoDataPolicy = DEFAULT_NO_DATA_POLICY): boolean {
  return !noData || policy.countNoData;
}

/** What one cell (category × community) of the compliance table or community card says. */
export type CellStatus = 'ok' | 'gap' | 'no_data';

/** The parts of a CoverageResult cellStatus reads. */
export interface CellStatusCoverage {
  communityCount: number;
  ok: ArrayLike<number>;
  stats: { categories: ReadonlyArray<{ noData?: boolean }> };
}

/**
 * Status of community c for category k: 'no_data' when the category has no facility in the data
 * (shown grey whatever the counting policy), else 'ok' when covered, else 'gap'.
 */
export function cellStatus(coverage: CellStatusCoverage, k: number, c: number): CellStatus {
  if (coverage.stats.categories[k]?.noData) return 'no_data';
  return coverage.ok[k * coverage.communityCount + c] === 1 ? 'ok' : 'gap';
}

/** Ids of the categories without data, in rule-set order (optionally of one level, or mandatory only). */
export function noDataCategoryIds(
  coverage: { stats: { categories: ReadonlyArray<{ id: string; level: string; mandatory: boolean; noData?: boolean }> } },
  filter: { level?: string; mandatoryOnly?: boolean } = {},
): string[] {
  return coverage.stats.categories
    .filter((c) => c.noData && (!filter.level || c.level === filter.level) && (!filter.mandatoryOnly || c.mandatory))
    .map((c) => c.id);
}
