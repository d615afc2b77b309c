import type { FeatureCollection, Geometry } from 'geojson';

type GeoFC = FeatureCollection<Geometry | null>;
import type { RuleSet } from '../../src/core/rules/types';
import { suggestFieldMapping } from '../../src/core/model/fieldAliases';
import { parseNumber } from '../../src/core/model/normalize';
import type { CoverageContext } from '../../src/core/analysis/prepareCoverage';
import type { CoverageResult } from '../../src/core/analysis/runCoverage';
import { parkCoverage, type ParkCoverageResult } from '../../src/core/analysis/parkCoverage';
import { parkingSupply, type ParkingSupplyResult } from '../../src/core/analysis/parkingSupply';
import { rankByScore, renovationScore } from '../../src/core/analysis/renovationScore';
import { resolveRenovationWeights } from '../../src/core/analysis/renovationWeights';
import type { CliIo } from './cliIo';
import { tr, type CliLang } from './cliLang';
import type { WorkbenchArgs } from './workbenchArgs';
import { UserError } from './userError';
import { communityWorkbenchAttributes, roundTo } from '../../src/core/io/export/workbenchAttributes';

export interface WorkbenchCliInput {
  ctx: CoverageContext;
  result: CoverageResult;
  rules: RuleSet;
  communities: GeoFC;
  parks?: GeoFC;
  parking?: GeoFC;
  /** the file each layer came from, for messages */
  sources: { parks?: string; parking?: string };
  args: WorkbenchArgs;
  lang: CliLang;
  io: CliIo;
}

export interface WorkbenchCliOutput {
  /** park_ok, park_dist, parking_demand, parking_supply, parking_gap, score of community c */
  properties(c: number): Record<string, unknown>;
  /** parks, parking and score sections of the summary JSON */
  summary: { parks: unknown; parking: unknown; score: unknown };
}

const POPULATION_REFERENCE = 1000;
const AGE_BASE_YEAR = 1970;

const round = roundTo;

/**
 * The planner's-workbench part of `npm run analyze` (issue 5): park coverage with --parks,
 * parking supply and gap with --parking, and the renovation-priority score of every old
 * community. Output fields: park_ok (boolean) and park_dist (metres, one decimal; both null
 * without --parks), parking_demand / parking_supply / parking_gap (spaces, one decimal; null
 * without --parking), score (0–100, two decimals; null for communities that are not old).
 * The score uses the indicators it has: without --parks or --parking that indicator's weight is
 * re-distributed over the others (renovationScore). Bad parking spaces stop the run naming the
 * file and feature.
 */
export function runWorkbench(input: WorkbenchCliInput): WorkbenchCliOutput {
  const { ctx, result, rules, communities, args, lang, io } = input;
  const C = result.communityCount;
  let weightsChecked;
  try {
    weightsChecked = resolveRenovationWeights(rules.levels.map((l) => l.id), args.weights ?? {});
  } catch (e) {
    throw new UserError(`--weights: ${(e as Error).message}`);
  }

  const keys = new Set<string>();
  for (const f of communities.features.slice(0, 200)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const fields = suggestFieldMapping([...keys], 'communities');

  let parks: ParkCoverageResult | null = null;
  if (input.parks) {
    const file = input.sources.parks ?? '--parks';
    parks = parkCoverage(ctx, { parks: input.parks, thresholds: rules.parks.thresholds, communities });
    for (const w of parks.warnings) warn(io, lang, `${file}: ${label(input.parks, w.index, lang)}: ${w.detail}`);
    const far = parks.unreachableParks.filter((i) => i.reason === 'beyond_max_snap');
    if (far.length) {
      warn(io, lang, tr(lang,
        `${file}: ${far.length} qualifying park(s) lie farther than ${ctx.options.maxSnap} m from the network and serve nobody (first: ${label(input.parks, far[0].index, lang)})`,
        `${file}：${far.length} 个达标公园距路网超过 ${ctx.options.maxSnap} 米，无法服务任何小区（首个：${label(input.parks, far[0].index, lang)}）`));
    }
  }

  // Always: without --parking (or with an empty file) supply is each community's own spaces.
  const lots = input.parking ?? null;
  const file = input.sources.parking ?? '--parking';
  const pk = new Set<string>();
  for (const f of lots?.features.slice(0, 200) ?? []) for (const k of Object.keys(f.properties ?? {})) pk.add(k);
  const pf = suggestFieldMapping([...pk], 'parking');
  const spacesField = pf.spaces ?? 'spaces';
  if (lots) checkSpaces(lots, spacesField, file, lang, io);
  const parking: ParkingSupplyResult = parkingSupply(ctx, { communities, parking: lots }, {
    ratio: args.parkingRatio ?? rules.parking.ratio_per_household,
    searchRadius: rules.parking.search_radius_m,
    ownSpacesField: fields.parking_spaces ?? 'parking_spaces',
    spacesField, publicField: pf.public ?? 'public',
  });

  const score = renovationScore({
    communities, coverage: result, weights: ctx.weights, oldBeforeYear: rules.old_before_year,
    parkingGap: parking.gap, parkOk: parks?.ok ?? null,
  }, {
    weights: args.weights, populationReference: POPULATION_REFERENCE, ageBaseYear: AGE_BASE_YEAR,
    builtYearField: fields.built_year ?? 'built_year', elderlyField: fields.elderly_share ?? 'elderly_share',
  });
  const ranking = rankByScore(score.score, ctx.weights.population);

  const properties = (c: number): Record<string, unknown> => communityWorkbenchAttributes({ parks, parking, renovation: score }, c);

  const rate = (r: { covered: number; total: number; rate: number | null }) => ({ covered: round(r.covered, 1), total: round(r.total, 1), rate: r.rate });
  const summary = {
    parks: parks && {
      file: input.sources.parks ?? null,
      parks: parks.stats.parks,
      qualifying: parks.stats.qualifyingParks,
      thresholds: rules.parks.thresholds,
      classes: parks.classes.map((k) => ({ radius_m: k.radius, parks: k.parkCount })),
      communities: parks.stats.communities, households: parks.stats.households, population: parks.stats.population,
      area_m2: parks.stats.area && rate(parks.stats.area),
      area_sample_m: parks.area ? round(parks.area.cellSize, 1) : null,
      unreachable: parks.unreachableParks,
    },
    parking: parking && {
      file: input.sources.parking ?? null,
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
      weights: Object.fromEntries(weightsChecked.keys.map((k, i) => [k, round(weightsChecked.normalised[i], 4)])),
      unavailable: parks ? [] : ['park'],
      old_before_year: rules.old_before_year,
      age_base_year: AGE_BASE_YEAR,
      population_reference: POPULATION_REFERENCE,
      old_communities: score.isOld.reduce((a, b) => a + b, 0),
      top: Array.from(ranking.subarray(0, 10), (c) => ({
        index: c, id: ctx.communities.ids[c] ?? communities.features[c]?.properties?.[fields.id ?? 'id'] ?? null,
        // the name column as mapped (小区名称, 名称 …), like every other field
        name: communities.features[c]?.properties?.[fields.name ?? 'name'] ?? null, score: round(score.score[c], 2),
        parts: Object.fromEntries(score.keys.map((k, i) => [k, round(score.part[i * C + c], 2)])),
      })),
    },
  };
  return { properties, summary };
}

function warn(io: CliIo, lang: CliLang, msg: string): void {
  io.stderr(`${tr(lang, 'warning', '警告')}${tr(lang, ': ', '：')}${msg}\n`);
}

/** 'feature 3 "P7"': the position in the collection and its id or name. */
function label(fc: GeoFC, index: number, lang: CliLang): string {
  const p = fc.features[index]?.properties ?? {};
  const l = p.id ?? p.name ?? fc.features[index]?.id ?? null;
  return tr(lang, `feature ${index + 1}`, `第 ${index + 1} 个要素`) + (l == null ? '' : ` "${String(l).slice(0, 60)}"`);
}

/**
 * Spaces must be numbers ≥ 0: a wrong value would silently shrink the supply, so it stops the
 * run naming each feature; a lot without spaces is a warning (it adds nothing).
 */
function checkSpaces(fc: GeoFC, field: string, file: string, lang: CliLang, io: CliIo): void {
  const bad: string[] = [];
  let missing = 0, firstMissing = -1;
  fc.features.forEach((f, j) => {
    const v = f.properties?.[field];
    if (v == null || v === '') {
      if (missing++ === 0) firstMissing = j;
      return;
    }
    const x = parseNumber(v);
    if (x === null || x < 0) bad.push(`${file}: ${label(fc, j, lang)}: ${tr(lang, `"${field}" = ${JSON.stringify(v)} is not a number of parking spaces ≥ 0; fix the value or remove the lot`, `“${field}” = ${JSON.stringify(v)} 不是有效的车位数（应为 ≥ 0 的数字）；请修正或删除该停车场`)}`);
  });
  if (missing) {
    warn(io, lang, tr(lang,
      `${file}: ${missing} parking lot(s) have no "${field}" and add no spaces (first: ${label(fc, firstMissing, lang)})`,
      `${file}：${missing} 个停车场没有“${field}”，不计车位（首个：${label(fc, firstMissing, lang)}）`));
  }
  if (bad.length) throw new UserError(bad.slice(0, 20).join('\n') + (bad.length > 20 ? `\n… ${bad.length - 20} more` : ''));
}
