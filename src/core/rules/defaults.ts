/**
 * Every default of the analysis in one place (DESIGN §3, §4): the app's settings, the CLI's
 * options, the importer and the analysis read them from here, never from their own literal.
 * A rule set may override the ones it carries (persons per household, old-before year).
 */
export const DEFAULTS = Object.freeze({
  /** metres: a feature farther than this from every network segment is unreachable (CLI --max-snap) */
  maxSnapM: 300,
  /** straight-line distances × this in euclidean mode (CLI --detour) */
  detour: 1,
  /** persons per household when a community's population is missing (rules.persons_per_household) */
  personsPerHousehold: 2.8,
  /** a community is old when built before this year (rules.old_before_year; national renovation scope) */
  oldBeforeYear: 2000,
  /** categories without any facility in the data count as missing (CLI --count-no-data) */
  countNoData: false,
  /** renovation score: a community of this many residents or more counts fully in the level indicators */
  renovationPopulationReference: 1000,
  /** renovation score: built in this year or earlier → age indicator 1 */
  renovationAgeBaseYear: 1970,
  /**
   * share of residents aged 60+ where a community gives none (per-elderly norms' demand): 18.70 %,
   * the 2020 national census (第七次全国人口普查公报 第五号, 60岁及以上人口占18.70%)
   */
  elderlyShare: 0.187,
  /** household estimate (issue 15): floor area per household, m² (app convention: the typical 住宅 unit) */
  floorAreaPerHousehold: 90,
  /** household estimate: share of a residential building's floor area that is dwellings */
  residentialShare: 1,
  /** household estimate: storeys of a residential building that states none (app convention: 多层 walk-up) */
  buildingLevels: 6,
  /** gravity access: facilities count up to this multiple of the category's radius (DESIGN §4) */
  gravityLimitFactor: 2,
  /** metres: entrances farther than this from their community's outline are ignored */
  entranceMaxDistanceM: 200,
});

/** The part of a rule set the defaults can be overridden by. */
export interface DefaultOverrides {
  persons_per_household?: number;
  old_before_year?: number;
}

/** Persons per household in force: the rule set's, else the default. */
export function personsPerHousehold(rules?: DefaultOverrides | null): number {
  const v = rules?.persons_per_household;
  return typeof v === 'number' && v >= 0 && Number.isFinite(v) ? v : DEFAULTS.personsPerHousehold;
}

/** The year before which communities are old: the rule set's, else the default. */
export function oldBeforeYear(rules?: DefaultOverrides | null): number {
  const v = rules?.old_before_year;
  return typeof v === 'number' && Number.isFinite(v) ? v : DEFAULTS.oldBeforeYear;
}

/**
 * The population estimated from households (DESIGN §3): households × persons per household,
 * rounded to whole persons. The one place of the estimate: the analysis weights, the card, the
 * tables and every export show this number, and mark it as estimated.
 */
export function estimatePopulation(households: number, persons: number): number {
  return Math.round(households * persons);
}

/**
 * Household estimate from a community's area when no buildings are known (issue 15): net density in
 * households per hectare by built period — app conventions (floor-area ratio ÷ 90 m² per household:
 * walk-ups before 2000 ≈ FAR 1.5, 2000–2009 ≈ 2.0, later high-rise ≈ 2.5), editable, shown as such.
 */
export const DENSITY_BY_PERIOD: readonly { before: number; householdsPerHectare: number }[] = Object.freeze([
  { before: 2000, householdsPerHectare: 167 },
  { before: 2010, householdsPerHectare: 222 },
  { before: Infinity, householdsPerHectare: 278 },
]);
/** households per hectare when the built year is unknown */
export const DENSITY_UNKNOWN_YEAR = 200;
