/**
 * Headless coverage analysis (DESIGN §6):
 *   npm run analyze -- --communities C.geojson --facilities F.geojson [--network N.geojson]
 *       [--parks P.geojson] [--parking K.geojson] [--osm area.osm] [--rules R.json]
 *       [--mode network|euclidean] [--max-snap 300] [--detour 1.0] [--count-no-data]
 *       [--crs wgs84|gcj02|bd09] [--out-crs wgs84|gcj02|bd09] [--lang en|zh] --out result.geojson
 * Inputs are read by the importer (GeoJSON, CSV, zipped Shapefile, OSM; scripts/cli/readInputs).
 * Writes the communities with their original properties plus dist_<k> (metres, one decimal, null
 * when unreachable or no facility) and ok_<k> for every category k of the rule set, and park_ok /
 * park_dist (--parks), parking_demand / parking_supply / parking_gap (--parking) and score
 * (renovation priority, null when not old; --weights, --parking-ratio: scripts/cli/runWorkbench);
 * prints the summary JSON on stdout. Categories without any facility in the input are "no data"
 * (summary no_data; left out of level completeness, gaps and score unless --count-no-data). Bad input: exit code 1 and a message naming the file and feature.
 * `runCli(argv, io)` runs it in-process (tests). The result is streamed to the file one feature at
 * a time (core/io/export/communityResultChunks). LIFECIRCLE_CLI_TIMING=<file> records its phase times and
 * peak RSS there (the benchmark's CLI rows).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry } from 'geojson';
import { DEFAULTS, minCounts, parseRuleSet, residentsPerSite } from '../src/core/rules';
import type { RuleSet } from '../src/core/rules';
import { StudyArea, studyAreaSummary, type StudyAreaLayers, type StudyAreaSettings } from '../src/core/studyArea';
import { resolveRenovationWeights } from '../src/core/analysis/renovation';
import { assignChoiceAttributes, assignScenarioAttributes, briefingBundle, briefingMeta, briefingTables, briefingWorkbook, communityResultChunks } from '../src/core/io/export';
import { choiceLevelTotals, choiceUnitTotals, formatDecay, type Decay, type FacilityChoiceResult } from '../src/core/analysis/choice';
import { surfaceFeatures } from '../src/core/analysis/surface';
import { assignUnits } from '../src/core/analysis/units';
import { subdistrictOf, localDate } from '../src/core/model';
import { compareSnapshots, evaluateTargets, monitorTables, readTargets, takeSnapshot, type Snapshot, type SnapshotComparison, type TargetRow } from '../src/core/monitor';
import { applyJoin, joinLeftOut, planJoin } from '../src/core/join';
import { estimateHouseholds, withEstimatedHouseholds } from '../src/core/estimate';
import { readTable, suggestFieldMapping } from '../src/core/io';
import { matchCategoryValue } from '../src/core/io';
import { scenarioDiff, type ScenarioDiff } from '../src/core/scenario';
import { readArea, readCandidatePoints, readScenarioEdits } from './cli/scenarioInputs';
import { processIo, withSafeStderr, type CliIo } from './cli/cliIo';
import { labelled, msg, cliLang, type CliLang } from './cli/cliLang';
import { parseCliArgs, USAGE } from './cli/parseCliArgs';
import { readInputFile } from './cli/readInputFile';
import { readInputs } from './cli/readInputs';
import { installProcessGuards, runGuarded } from './cli/runGuarded';
import { UserError } from './cli/userError';
import { checkOutPath, writeResult } from './cli/writeResult';
import { reportCoverageWarnings } from './cli/reportCoverageWarnings';
import { takeWorkbenchArgs, WORKBENCH_USAGE } from './cli/workbenchArgs';
import { reportWorkbenchWarnings } from './cli/reportWorkbenchWarnings';

const DEFAULT_RULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/rules/gb50180-2018.json');

type GeoFC = FeatureCollection<Geometry | null>;

function readRules(file: string, lang: CliLang): RuleSet {
  const bytes = readInputFile(file, '--rules', lang);
  let value: unknown;
  try {
    const text = new TextDecoder('utf-8').decode(bytes);
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UserError(msg(lang, 'cli_rules_not_json', { file, detail: (e as Error).message }));
  }
  try {
    return parseRuleSet(value, file);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

/**
 * With LIFECIRCLE_CLI_TIMING=<file> in the environment, the CLI writes its own figures there as
 * JSON when it is done (the benchmark reads them; start-up of node/tsx is not included):
 * `{ elapsed_ms, phases: { read, prepare, analyze, write, summary } (ms), max_rss_mb }`, max_rss_mb
 * being the process's peak resident set (getrusage) so far.
 */
const TIMING_ENV = 'LIFECIRCLE_CLI_TIMING';

async function main(argv: string[], io: CliIo, lang0: CliLang): Promise<void> {
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let tPhase = t0;
  const phase = (name: string): void => {
    const t = performance.now();
    phases[name] = Math.round(t - tPhase);
    tPhase = t;
  };
  const workbenchArgs = takeWorkbenchArgs(argv, lang0);
  const parsed = parseCliArgs(workbenchArgs.rest, lang0);
  if (parsed.help) {
    io.stdout(USAGE + '\n' + WORKBENCH_USAGE + '\n');
    return;
  }
  const args = parsed;
  const lang = args.lang;
  const inputFiles = [...Object.values(args.files), args.osm, args.rules, args.scenario, args.suggest?.candidates, args.suggest?.area, args.join?.file, args.joinFacilities?.file].filter((f): f is string => typeof f === 'string');
  checkOutPath(args.out, lang, inputFiles);
  if (args.suggest) checkOutPath(args.suggest.out, lang, [...inputFiles, args.out]);
  if (args.surface) checkOutPath(args.surface.out, lang, [...inputFiles, args.out]);
  for (const f of [args.xlsx, args.bundle, args.snapshotOut]) if (f) checkOutPath(f, lang, [...inputFiles, args.out]);
  const rulesFile = args.rules ?? DEFAULT_RULES;
  let rules = readRules(rulesFile, lang);
  try {
    resolveRenovationWeights(rules.levels.map((l) => l.id), workbenchArgs.weights ?? {});
  } catch (e) {
    throw new UserError(`--weights: ${(e as Error).message}`);
  }
  if (workbenchArgs.parkingRatio !== undefined) rules = { ...rules, parking: { ...rules.parking, ratio_per_household: workbenchArgs.parkingRatio } };
  const inputs = await readInputs({ files: args.files, osm: args.osm, crs: args.crs, rules, lang, io });
  // the other half of the data (issue 15): a 小区 table joined by name or id, then households estimated
  let communities = inputs.layers.communities as GeoFC;
  const joinInfo = args.join ? await joinTable(args.join, communities, 'communities', lang, io) : null;
  if (joinInfo) communities = joinInfo.layer;
  // and the facilities' own list (places per kindergarten, beds per care home …)
  const facilityJoin = args.joinFacilities && inputs.layers.facilities ? await joinTable(args.joinFacilities, inputs.layers.facilities as GeoFC, 'facilities', lang, io) : null;
  // administrative units from a polygon layer (issue 12): as the app does when one is loaded
  let unitsInfo: { file: string | null; assigned: number; kept: number; outside: number } | null = null;
  if (inputs.layers.units) {
    const r = assignUnits(communities, inputs.layers.units as GeoFC);
    communities = r.fc as GeoFC;
    unitsInfo = { file: inputs.sources.units ?? null, assigned: r.assigned, kept: r.kept, outside: r.outside };
    io.stderr(`${msg(lang, 'cli_units_done', { file: inputs.sources.units ?? '', assigned: r.assigned, kept: r.kept, outside: r.outside })}\n`);
  }
  let estimateInfo: Record<string, number> | null = null;
  if (args.estimateHouseholds) {
    const buildings = (inputs.layers.buildings as GeoFC | undefined) ?? null;
    if (args.estimateHouseholds === 'buildings' && !buildings?.features.length) io.stderr(`${msg(lang, 'cli_estimate_no_buildings')}\n`);
    const estimates = estimateHouseholds(communities, buildings, { method: args.estimateHouseholds });
    communities = withEstimatedHouseholds(communities, estimates) as GeoFC;
    const n = (src: string) => estimates.filter((e) => e.source === src).length;
    estimateInfo = { given: n('given'), joined: n('joined'), buildings: n('buildings'), area: n('area'), none: estimates.filter((e) => !e.source).length };
    io.stderr(`${msg(lang, 'cli_estimate_done', { count: estimateInfo.buildings + estimateInfo.area, buildings: estimateInfo.buildings, area: estimateInfo.area, none: estimateInfo.none })}\n`);
  }
  const networkFc = inputs.layers.network;
  const mode = args.mode ?? (networkFc ? 'network' : 'euclidean');
  if (mode === 'network' && !networkFc) {
    throw new UserError(msg(lang, 'cli_network_mode_no_network'));
  }
  const layers: StudyAreaLayers = {
    communities,
    facilities: facilityJoin?.layer ?? (inputs.layers.facilities as GeoFC),
    network: mode === 'network' ? (networkFc as GeoFC) : null,
    parks: (inputs.layers.parks as GeoFC | undefined) ?? null,
    parking: (inputs.layers.parking as GeoFC | undefined) ?? null,
  };
  phase('read');
  const area = new StudyArea(layers);
  if (mode === 'network' && area.graph && area.graph.edgeCount === 0) {
    throw new UserError(msg(lang, 'cli_network_unusable', { file: inputs.sources.network }));
  }
  const settings: StudyAreaSettings = {
    mode, maxSnap: args.maxSnap, detour: args.detour, countNoData: args.countNoData,
    ...(workbenchArgs.weights ? { renovationWeights: workbenchArgs.weights } : {}),
  };
  // the one pipeline, as the app's worker runs it (core/studyArea)
  phase('prepare');
  const baseline = area.analyze(rules, settings);
  // A scenario is the same pipeline on the edited layers (core/studyArea withEdits); the output
  // and the summary are the scenario's, with before_/delta_ fields and a scenario block.
  let scenario: { area: StudyArea; result: typeof baseline; diff: ScenarioDiff; edits: number; skipped: number } | null = null;
  if (args.scenario) {
    const edits = readScenarioEdits(args.scenario, lang);
    const s = area.withEdits(edits);
    for (const p of s.problems) io.stderr(`${labelled(lang, 'cli_warning', msg(lang, 'cli_scenario_edit_skipped', { file: args.scenario, n: p.index + 1, detail: lang === 'zh-CN' ? p.detail_zh : p.detail }))}\n`);
    const result = s.area.analyze(rules, settings);
    const diff = scenarioDiff(baseline, result);
    scenario = { area: s.area, result, diff, edits: edits.length, skipped: s.problems.length };
    io.stderr(`${msg(lang, 'cli_scenario_applied', { file: args.scenario, count: edits.length - s.problems.length, changed: diff.changedCommunities })}\n`);
  }
  const finalArea = scenario?.area ?? area;
  const result = scenario?.result ?? baseline;
  const finalLayers = finalArea.layers;
  phase('analyze');
  reportCoverageWarnings(result.coverage.warnings, finalLayers.communities, inputs.sources.communities ?? '--communities', lang, io);
  reportWorkbenchWarnings(result, finalLayers, inputs.sources, lang, io);

  // The output: the communities as imported (canonical properties, as the app holds them) plus
  // every analysis attribute (core/io/export/communityAttributes, the app's export list), made one
  // feature at a time while the file is written, so memory does not grow with the output.
  // Beyond yes/no (issue 13): computed on the final study area, written after the analysis fields
  const choice = args.choice ? finalArea.choice(rules, settings, { decay: args.choice.decay, weighted: args.choice.weighted }) : null;
  const minCount = minCounts(rules);
  if (choice && args.choice) {
    const more = [choice.supply.some((s) => s && s.withoutCapacity < s.facilities) ? 'fca_' : '', choice.supply.some((s) => s && Number.isFinite(s.needed)) ? 'places_gap_' : ''].filter(Boolean);
    io.stderr(`${msg(lang, 'cli_choice_done', { count: choice.categoryIds.length, more: more.map((m) => `、${m}`).join(''), decay: formatDecay(args.choice.decay) })}\n`);
  }
  const extra = scenario || choice
    ? (out: Record<string, unknown>, c: number) => {
      if (scenario) assignScenarioAttributes(out, baseline, scenario.result, scenario.diff.change, c);
      if (choice) assignChoiceAttributes(out, choice, c, minCount);
    }
    : undefined;
  writeResult(args.out, { chunks: communityResultChunks(finalLayers.communities, result, { crs: args.outCrs, attribution: inputs.attribution, extra }) }, { crs: args.outCrs, attribution: inputs.attribution, lang });
  phase('write');

  let surfaceInfo: Record<string, unknown> | null = null;
  if (args.surface) {
    const sf = args.surface;
    if (!finalArea.graph || result.coverage.mode !== 'network') throw new UserError(msg(lang, 'cli_surface_needs_network'));
    const widest = [...rules.levels].sort((a, b) => b.walk_m - a.walk_m)[0];
    const level = sf.of ? rules.levels.find((l) => l.id === sf.of || l.name_zh === sf.of || l.name_en === sf.of) : sf.of === undefined ? widest : undefined;
    const categoryId = sf.of && !level ? matchCategoryValue(sf.of, rules.categories) : null;
    if (!level && !categoryId) throw new UserError(msg(lang, 'cli_surface_unknown', { value: sf.of ?? '', levels: rules.levels.map((l) => l.id).join(', ') }));
    const s = finalArea.surface(rules, settings, { cell: sf.cell, ...(categoryId ? { categoryId } : { levelId: level!.id }) });
    const features = surfaceFeatures(s.grid, s.value, s.metresPerMinute, s.parts);
    writeResult(sf.out, { features }, { crs: args.outCrs, attribution: inputs.attribution, lang });
    const what = categoryId ?? level!.id;
    io.stderr(`${msg(lang, 'cli_surface_done', { what, cells: features.length, cell: sf.cell, file: sf.out })}\n`);
    surfaceInfo = { of: what, categories: s.parts.map((p) => p.categoryId), cell_m: sf.cell, columns: s.grid.nx, rows: s.grid.ny, walkable_cells: features.length, metres_per_minute: s.metresPerMinute, out: sf.out };
  }

  let suggestion: Record<string, unknown> | null = null;
  if (args.suggest) {
    const sg = args.suggest;
    const categoryId = matchCategoryValue(sg.category, rules.categories);
    if (!categoryId) throw new UserError(msg(lang, 'cli_suggest_unknown_category', { value: sg.category, known: rules.categories.slice(0, 12).map((c) => c.id).join(', ') }));
    const candidates = sg.candidates
      ? await readCandidatePoints(sg.candidates, lang, args.crs)
      : sg.area ? finalArea.candidatesInArea(await readArea(sg.area, lang, args.crs)) : Float64Array.from(finalArea.graph?.coords ?? []);
    if (candidates.length === 0) throw new UserError(msg(lang, 'cli_suggest_no_candidates'));
    let capacity = sg.capacity ?? null;
    if (sg.capacityPlaces !== undefined) {
      const cat = rules.categories.find((c) => c.id === categoryId)!;
      capacity = residentsPerSite(sg.capacityPlaces, cat, DEFAULTS.elderlyShare);
      if (capacity === null) throw new UserError(msg(lang, 'cli_capacity_places_no_norm', { category: categoryId }));
    }
    const s = finalArea.suggestSites(rules, settings, { categoryId, k: sg.k, candidates, capacity, oldOnly: sg.oldOnly });
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const picks = s.picks.map((p) => ({ rank: p.rank, lon: p.lon, lat: p.lat, gain_population: r1(p.gainPopulation), gain_households: r1(p.gainHouseholds), communities: p.communities.length }));
    const features = picks.map(({ lon, lat, ...props }) => ({ type: 'Feature' as const, properties: { category: categoryId, ...props }, geometry: { type: 'Point' as const, coordinates: [lon, lat] } }));
    writeResult(sg.out, { features }, { crs: args.outCrs, attribution: inputs.attribution, lang });
    const gained = s.picks.reduce((a, p) => a + p.gainPopulation, 0);
    io.stderr(`${msg(lang, 'cli_suggest_done', { count: picks.length, category: categoryId, population: r1(gained), file: sg.out })}\n`);
    suggestion = {
      category: categoryId, k: sg.k, capacity, capacity_places: sg.capacityPlaces ?? null, old_only: sg.oldOnly, candidates: candidates.length / 2,
      idle_candidates: s.idleCandidates, uncovered_before: r1(s.uncoveredBefore), uncovered_after: r1(s.uncoveredAfter), out: sg.out, picks,
    };
  }

  const core = studyAreaSummary(finalLayers, result, rules, settings);
  const summary = {
    mode: core.mode,
    rules: core.rules,
    ...(inputs.attribution ? { attribution: inputs.attribution } : {}),
    options: core.options,
    inputs: {
      communities: inputs.sources.communities ?? null, facilities: inputs.sources.facilities ?? null,
      network: mode === 'network' ? inputs.sources.network ?? null : null,
      parks: inputs.sources.parks ?? null, parking: inputs.sources.parking ?? null,
      osm: args.osm ?? null, rules: rulesFile,
    },
    crs: { input: args.crs === 'auto' ? 'wgs84' : args.crs, output: args.outCrs, files: inputs.files },
    osm: inputs.osm,
    counts: { ...core.counts, network: mode === 'network' ? area.networkStats : null },
    no_data: core.no_data,
    totals: core.totals,
    categories: core.categories,
    levels: core.levels,
    parks: core.parks && { file: inputs.sources.parks ?? null, ...core.parks },
    parking: { file: inputs.sources.parking ?? null, ...core.parking },
    score: core.score,
    unreachable: core.unreachable,
    unknown_categories: inputs.unknownCategories,
    input_warnings: inputs.warnings,
    warnings: core.warnings,
    ...(scenario && args.scenario ? { scenario: scenarioBlock(args.scenario, scenario) } : {}),
    ...(suggestion ? { suggestion } : {}),
    ...(surfaceInfo ? { surface: surfaceInfo } : {}),
    ...(joinInfo ? { join: joinInfo.summary } : {}),
    ...(facilityJoin ? { join_facilities: facilityJoin.summary } : {}),
    ...(unitsInfo ? { units: unitsInfo } : {}),
    ...(estimateInfo ? { households_estimate: { method: args.estimateHouseholds, sources: estimateInfo } } : {}),
    ...(choice && args.choice ? { choice: choiceBlock(choice, args.choice.decay, minCount, rules, finalLayers.communities.features.map((f) => subdistrictOf(f.properties))) } : {}),
    out: args.out,
    elapsed_ms: Math.round(performance.now() - t0),
  };
  // keeping score (issue 14): targets against the values now, a snapshot, a comparison
  const today = localDate();
  const snapshot = args.snapshotOut || args.compare ? takeSnapshot(args.snapshotLabel ?? today, today, finalLayers.communities, finalLayers.facilities, result, rules) : null;
  let before: Snapshot | null = null;
  let comparison: SnapshotComparison | null = null;
  if (args.compare) {
    try {
      before = JSON.parse(new TextDecoder().decode(readInputFile(args.compare, '--compare', lang))) as Snapshot;
      if (!before || typeof before.indicators !== 'object' || typeof before.date !== 'string') throw new Error('not a snapshot');
    } catch (e) {
      throw new UserError(msg(lang, 'cli_bad_snapshot', { file: args.compare, detail: (e as Error).message }));
    }
    comparison = compareSnapshots(before, snapshot!);
    (summary as Record<string, unknown>).comparison = { since: { label: before.label, date: before.date }, ...comparison };
  }
  let targetRows: TargetRow[] = [];
  if (args.targets) {
    const read = await readTable(path.basename(args.targets), readInputFile(args.targets, '--targets', lang));
    if (!read.ok) throw new UserError(lang === 'zh-CN' ? read.detail_zh : read.detail);
    const { targets, problems } = readTargets(read.table, rules);
    for (const p of problems) io.stderr(`${labelled(lang, 'cli_warning', msg(lang, 'cli_target_skipped', { file: args.targets, row: p.row, problem: p.problem }))}\n`);
    targetRows = evaluateTargets(targets, result, finalLayers.communities, rules, before, today);
    (summary as Record<string, unknown>).targets = targetRows.map((r) => ({ ...r.target, current: r.value, status: r.status, baseline: r.baseline }));
  }
  // the check report's tables (targets, changes since --compare, programme) join the workbook
  const moreTables = monitorTables(targetRows, before && comparison ? { since: before.label, cmp: comparison } : null, finalLayers.communities, rules, lang);
  if (args.snapshotOut && snapshot) {
    writeFileSync(args.snapshotOut, JSON.stringify(snapshot));
    io.stderr(`${msg(lang, 'cli_snapshot_done', { file: args.snapshotOut, label: snapshot.label })}\n`);
  }
  // the briefing's files (issue 12): the same tables and bundle the app exports
  if (args.xlsx || args.bundle) {
    const meta = briefingMeta({ lang, place: null, rules, inputs: Object.entries(inputs.sources).map(([k, f]) => `${k}: ${f}`), attribution: inputs.attribution ?? null });
    if (args.xlsx) {
      writeFileSync(args.xlsx, await briefingWorkbook([...briefingTables(finalLayers.communities, result, rules, lang), ...moreTables], meta, lang));
      io.stderr(`${msg(lang, 'cli_xlsx_done', { file: args.xlsx })}\n`);
    }
    if (args.bundle) {
      writeFileSync(args.bundle, await briefingBundle({ communities: finalLayers.communities, facilities: finalLayers.facilities, result, rules, lang, meta, summary, extra, moreTables }));
      io.stderr(`${msg(lang, 'cli_bundle_done', { file: args.bundle })}\n`);
    }
  }
  io.stdout(JSON.stringify(summary, null, 2) + '\n');
  phase('summary');
  const timingFile = io.env[TIMING_ENV];
  if (timingFile) {
    const figures = { elapsed_ms: Math.round(performance.now() - t0), phases, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
    writeFileSync(timingFile, JSON.stringify(figures) + '\n');
  }
}

/**
 * Joins an attribute table to the communities or the facilities (issue 15): the unique matches (id,
 * same or normalised name) are applied; near and shared names cannot be confirmed on a command
 * line, so they are listed (with their candidates) in the summary's join block, as are the
 * unmatched rows.
 */
async function joinTable(join: { file: string; on: 'name' | 'id' }, layer: GeoFC, kind: 'communities' | 'facilities', lang: CliLang, io: CliIo) {
  const option = kind === 'communities' ? '--join' : '--join-facilities';
  const bytes = readInputFile(join.file, option, lang);
  const read = await readTable(path.basename(join.file), bytes);
  if (!read.ok) throw new UserError(lang === 'zh-CN' ? read.detail_zh : read.detail);
  const t = read.table;
  const mapping = suggestFieldMapping(t.columns, kind);
  const words = kind === 'communities'
    ? ({ noNames: 'cli_join_no_names', done: 'cli_join_done', one: 'community', left: 'communities_without_row' } as const)
    : ({ noNames: 'cli_join_facilities_no_names', done: 'cli_join_facilities_done', one: 'facility', left: 'facilities_without_row' } as const);
  if (join.on === 'name' && !mapping.name) throw new UserError(msg(lang, words.noNames, { file: join.file, columns: t.columns.join(', ') }));
  const label = (c: number) => String(layer.features[c]?.properties?.name ?? layer.features[c]?.properties?.id ?? c);
  const plan = planJoin(
    t.rows.map((r) => ({ id: mapping.id ? r[mapping.id] : undefined, name: mapping.name ? r[mapping.name] : undefined })),
    layer.features.map((f) => ({ id: f.properties?.id, name: f.properties?.name })),
    { on: join.on },
  );
  const applied = applyJoin(layer, kind, t, plan.matches, mapping);
  const rowName = (r: number) => String((mapping.name && t.rows[r][mapping.name]) ?? (mapping.id && t.rows[r][mapping.id]) ?? r + 2);
  io.stderr(`${msg(lang, words.done, { file: join.file, matched: plan.matches.length, rows: t.rows.length, fields: applied.fields.join(', '), review: plan.review.length, unmatched: plan.unmatchedRows.length, left: joinLeftOut(plan, layer, kind).length })}\n`);
  return {
    layer: applied.layer as GeoFC,
    summary: {
      file: join.file, on: join.on, rows: t.rows.length, fields: applied.fields,
      matched: plan.matches.map((m) => ({ row: m.row + 2, name: rowName(m.row), [words.one]: label(m.feature), how: m.how })),
      review: plan.review.map((r) => ({ row: r.row + 2, name: rowName(r.row), reason: r.reason, candidates: r.candidates.map((c) => ({ [words.one]: label(c.feature), score: Math.round(c.score * 100) / 100 })) })),
      unmatched_rows: plan.unmatchedRows.map((r) => ({ row: r + 2, name: rowName(r) })),
      [words.left]: joinLeftOut(plan, layer, kind).length,
    },
  };
}

/** The summary's choice block: per category, mean count within the radius, dual access, and the supply behind 2SFCA. */
function choiceBlock(ch: FacilityChoiceResult, decay: Decay, minCount: ReadonlyMap<string, number>, rules: RuleSet, units: readonly (string | null)[]) {
  const C = ch.communityCount;
  const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
  return {
    decay: formatDecay(decay),
    limit_factor: decay.kind === 'cumulative' ? 1 : DEFAULTS.gravityLimitFactor,
    categories: ch.categoryIds.map((id, k) => {
      const s = ch.supply[k]!;
      let n = 0, two = 0, meets = 0;
      for (let c = 0; c < C; c++) {
        n += ch.count[k * C + c];
        if (ch.count[k * C + c] >= 2) two++;
        if (ch.count[k * C + c] >= (minCount.get(id) ?? 1)) meets++;
      }
      return {
        id, mean_count: C ? Math.round((n / C) * 100) / 100 : null, communities_two_or_more: two,
        ...(minCount.has(id) ? { min_count: minCount.get(id), communities_meeting_min_count: meets } : {}),
        facilities: s.facilities, without_capacity: s.withoutCapacity, places: r1(s.places), places_needed: r1(s.needed), places_gap: r1(s.gap),
      };
    }),
    levels: choiceLevelTotals(ch, new Map(rules.categories.map((c) => [c.id, c.level]))).map((l) => ({
      id: l.levelId, categories: l.categories, places_needed: r1(l.needed), places_gap: r1(l.gap), communities_short: l.communitiesShort,
    })),
    // per 街道 (communities' subdistrict), where the rule set has norms
    units: choiceUnitTotals(ch, units).map((u) => ({ unit: u.unit, categories: Object.fromEntries(Object.entries(u.categories).map(([id, t]) => [id, { places_needed: r1(t.needed), places_gap: r1(t.gap), communities_short: t.communitiesShort }])) })),
  };
}

/** The summary's scenario block: what changed, per category and level (only what changed). */
function scenarioBlock(file: string, s: { diff: ScenarioDiff; edits: number; skipped: number }) {
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const totals = (t: { communities: number; households: number; population: number }) => ({ communities: t.communities, households: r1(t.households), population: r1(t.population) });
  const d = s.diff;
  return {
    file,
    edits: s.edits,
    skipped: s.skipped,
    changed_communities: d.changedCommunities,
    categories: d.categories.filter((k) => k.gained.communities || k.lost.communities).map((k) => ({ id: k.id, gained: totals(k.gained), lost: totals(k.lost) })),
    levels: d.levels.map((l) => ({
      id: l.id, now_complete: totals(l.nowComplete), no_longer_complete: totals(l.noLongerComplete),
      mean_completeness_before: l.meanCompletenessBefore, mean_completeness_after: l.meanCompletenessAfter,
    })),
    parking_gap: { before: r1(d.parking.gapBefore), after: r1(d.parking.gapAfter) },
    parks: d.parks && { gained: totals(d.parks.gained), lost: totals(d.parks.lost) },
  };
}

/**
 * Runs the CLI on `argv` (without node and script), writing to `io`; resolves to the exit code
 * (0 ok, 1 bad input or failure). Never throws and never exits the process.
 */
export function runCli(argv: string[], rawIo: CliIo = processIo): Promise<number> {
  // Names and ids from the data are echoed on stderr: no escape sequence reaches the terminal.
  const io = withSafeStderr(rawIo);
  const lang = cliLang(argv, io.env);
  return runGuarded(io, { lang, debug: argv.includes('--debug') }, () => main(argv, io, lang));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  installProcessGuards({ lang: cliLang(argv, process.env), debug: argv.includes('--debug') });
  void runCli(argv).then((code) => {
    process.exitCode = code;
  });
}
