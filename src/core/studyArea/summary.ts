import { roundTo } from '../io/export/workbenchAttributes';
import { noDataCategoryIds } from '../analysis/compliance/noDataPolicy';
import { headlineMeasure } from '../analysis/coverage/coverageStats';
import { rankByScore } from '../analysis/renovation/renovationScore';
import { DEFAULTS, oldBeforeYear, personsPerHousehold } from '../rules/defaults';
import type { RuleSet } from '../rules/types';
import type { StudyAreaLayers, StudyAreaResult, StudyAreaSettings } from './types';

const round = roundTo;
const rate = (r: { covered: number; total: number; rate: number | null }) => ({ covered: round(r.covered, 1), total: round(r.total, 1), rate: r.rate });

/**
 * The numbers of a study area's result as one plain object (DESIGN §6 summary JSON): options,
 * counts, rates per category and level, parks, parking, renovation top 10 and warnings. The CLI
 * prints it (adding its inputs and timing); the app's briefing reads the same fields.
 */
export function studyAreaSummary(layers: StudyAreaLayers, result: StudyAreaResult, rules: RuleSet, settings: StudyAreaSettings) {
  const { coverage, parks, parking, renovation, weights } = result;
  const C = coverage.communityCount;
  const byCategory: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const c of rules.categories) byCategory[c.id] = 0;
  for (const f of layers.facilities.features) {
    const k = f.properties?.category;
    if (typeof k === 'string' && Object.hasOwn(byCategory, k)) byCategory[k]++;
  }
  const ranking = rankByScore(renovation.score, weights.population);
  const feature = (c: number) => layers.communities.features[c]?.properties ?? {};
  return {
    mode: coverage.mode,
    rules: rules.id,
    options: { max_snap_m: settings.maxSnap, detour: settings.detour, count_no_data: settings.countNoData, persons_per_household: personsPerHousehold(rules) },
    counts: {
      communities: C,
      facilities: layers.facilities.features.length,
      facilities_by_category: { ...byCategory },
    },
    no_data: {
      counted: settings.countNoData,
      categories: noDataCategoryIds(coverage),
      mandatory: noDataCategoryIds(coverage, { mandatoryOnly: true }),
    },
    totals: coverage.stats.totals,
    // which rate is the headline: residents where any community has them, else the share of
    // communities (and of residential area); communities without weights are counted (issue 15)
    rates: {
      measure: headlineMeasure(coverage.stats.totals),
      communities_without_weights: coverage.stats.totals.weightUnknown,
      note: headlineMeasure(coverage.stats.totals) === 'communities'
        ? 'no community has households or population: rates are shares of communities (and area_m2 of residential area)'
        : coverage.stats.totals.weightUnknown > 0
          ? `population-weighted over the communities with households or population; ${coverage.stats.totals.weightUnknown} without are left out of the weighted rates`
          : 'population-weighted',
    },
    categories: coverage.stats.categories,
    levels: coverage.stats.levels,
    parks: parks && {
      parks: parks.stats.parks,
      qualifying: parks.stats.qualifyingParks,
      thresholds: rules.parks.thresholds,
      classes: parks.classes.map((k) => ({ radius_m: k.radius, parks: k.parkCount })),
      communities: parks.stats.communities, households: parks.stats.households, population: parks.stats.population,
      area_m2: parks.stats.area && rate(parks.stats.area),
      area_sample_m: parks.area ? round(parks.area.cellSize, 1) : null,
      unreachable: parks.unreachableParks,
    },
    parking: {
      ratio_per_household: parking.ratio,
      search_radius_m: parking.searchRadius,
      lots: parking.lots.count,
      public_lots: parking.totals.publicLots,
      public_spaces: round(parking.totals.publicSpaces, 1),
      unused_public_spaces: round(parking.totals.unusedPublicSpaces, 1),
      total_demand: round(parking.totals.demand, 1),
      total_own: round(parking.totals.own, 1),
      total_shared: round(parking.totals.shared, 1),
      total_supply: round(parking.totals.supply, 1),
      total_gap: round(parking.totals.gap, 1),
      communities_with_gap: parking.totals.communitiesWithGap,
      issues: parking.issues,
    },
    score: {
      weights: Object.fromEntries(renovation.keys.map((k, i) => [k, round(renovation.weights[i], 4)])),
      unavailable: parks ? [] : ['park'],
      old_before_year: oldBeforeYear(rules),
      age_base_year: DEFAULTS.renovationAgeBaseYear,
      population_reference: DEFAULTS.renovationPopulationReference,
      old_communities: renovation.isOld.reduce((a, b) => a + b, 0),
      top: Array.from(ranking.subarray(0, 10), (c) => ({
        index: c,
        id: feature(c).id ?? null,
        name: feature(c).name ?? null,
        score: round(renovation.score[c], 2),
        parts: Object.fromEntries(renovation.keys.map((k, i) => [k, round(renovation.part[i * C + c], 2)])),
      })),
    },
    unreachable: { communities: coverage.unreachableCommunities, facilities: coverage.unreachableFacilities },
    warnings: coverage.warnings,
  };
}
