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
 * `runCli(argv, io)` runs it in-process (tests).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry } from 'geojson';
import { parseRuleSet } from '../src/core/rules/validateRuleSet';
import type { RuleSet } from '../src/core/rules/types';
import { suggestFieldMapping } from '../src/core/model/fieldAliases';
import { buildGraph } from '../src/core/network/buildGraph';
import { prepareCoverage } from '../src/core/analysis/prepareCoverage';
import { runCoverage, type CoverageResult } from '../src/core/analysis/runCoverage';
import { noDataCategoryIds } from '../src/core/analysis/noDataPolicy';
import { flatProperties } from '../src/core/io/export/flatProperties';
import { communityCoverageAttributes } from '../src/core/io/export/coverageAttributes';
import { processIo, withSafeStderr, type CliIo } from './cli/cliIo';
import { cliLang, tr, type CliLang } from './cli/cliLang';
import { parseCliArgs, USAGE } from './cli/parseCliArgs';
import { readInputFile } from './cli/readInputFile';
import { readInputs } from './cli/readInputs';
import { installProcessGuards, runGuarded } from './cli/runGuarded';
import { UserError } from './cli/userError';
import { checkOutPath, writeResult } from './cli/writeResult';
import { reportCoverageWarnings } from './cli/reportCoverageWarnings';
import { takeWorkbenchArgs, WORKBENCH_USAGE } from './cli/workbenchArgs';
import { runWorkbench } from './cli/runWorkbench';

const DEFAULT_RULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/rules/gb50180-2018.json');

type GeoFC = FeatureCollection<Geometry | null>;

function readRules(file: string, lang: CliLang): RuleSet {
  const bytes = readInputFile(file, '--rules', lang);
  let value: unknown;
  try {
    const text = new TextDecoder('utf-8').decode(bytes);
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UserError(tr(lang, `${file}: the rules file is not valid JSON (${(e as Error).message}); is it truncated?`, `${file}：规则文件不是有效的 JSON（${(e as Error).message}），是否被截断？`));
  }
  try {
    return parseRuleSet(value, file);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

/**
 * The output collection: original features and (flattened) properties plus dist_<k>, ok_<k> per category and
 * the workbench fields (park_ok, park_dist, parking_*, score; scripts/cli/runWorkbench).
 */
function resultCollection(communities: GeoFC, result: CoverageResult, extra: (c: number) => Record<string, unknown>): GeoFC {
  return {
    type: 'FeatureCollection',
    features: communities.features.map((f, c) => {
      // flat like the app's exports (no nested values: entrances as WKT, lists joined with ';')
      const props = flatProperties({ ...(f.properties ?? {}), ...communityCoverageAttributes(result, c), ...extra(c) });
      return { ...f, properties: props };
    }),
  };
}

async function main(argv: string[], io: CliIo, lang0: CliLang): Promise<void> {
  const t0 = performance.now();
  const workbenchArgs = takeWorkbenchArgs(argv, lang0);
  const parsed = parseCliArgs(workbenchArgs.rest, lang0);
  if (parsed.help) {
    io.stdout(USAGE + '\n' + WORKBENCH_USAGE + '\n');
    return;
  }
  const args = parsed;
  const lang = args.lang;
  checkOutPath(args.out, lang, [...Object.values(args.files), args.osm, args.rules].filter((f): f is string => typeof f === 'string'));
  const rulesFile = args.rules ?? DEFAULT_RULES;
  const rules = readRules(rulesFile, lang);
  const inputs = await readInputs({ files: args.files, osm: args.osm, crs: args.crs, rules, lang, io });
  const communities = inputs.layers.communities as GeoFC;
  const facilities = inputs.layers.facilities as GeoFC;
  const networkFc = inputs.layers.network;
  const mode = args.mode ?? (networkFc ? 'network' : 'euclidean');
  if (mode === 'network' && !networkFc) {
    throw new UserError(tr(lang, '--mode network needs a walking network: give --network N.geojson or an --osm extract with walkable ways', '--mode network 需要步行路网：请提供 --network N.geojson 或含可步行道路的 --osm 数据'));
  }

  const keys = new Set<string>();
  for (const f of communities.features.slice(0, 200)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const fields = suggestFieldMapping([...keys], 'communities');

  const graph = networkFc && mode === 'network' ? buildGraph(networkFc as GeoFC) : undefined;
  if (graph && graph.edgeCount === 0) {
    throw new UserError(tr(lang, `${inputs.sources.network}: the network has no usable segments (all lines excluded, empty or zero-length)`, `${inputs.sources.network}：路网没有可用的线段（全部被排除、为空或长度为零）`));
  }
  const ctx = prepareCoverage(
    { communities, facilities, rules, graph },
    {
      mode, maxSnap: args.maxSnap, detour: args.detour,
      householdsField: fields.households ?? undefined, populationField: fields.population ?? undefined,
    },
  );
  const result = runCoverage(ctx, { countNoData: args.countNoData });
  reportCoverageWarnings(result.warnings, communities, inputs.sources.communities ?? '--communities', lang, io);
  const workbench = runWorkbench({
    ctx, result, rules, communities, parks: inputs.layers.parks, parking: inputs.layers.parking,
    sources: inputs.sources, args: workbenchArgs, lang, io,
  });

  const out = resultCollection(communities, result, workbench.properties);
  writeResult(args.out, out as FeatureCollection, { crs: args.outCrs, attribution: inputs.attribution, lang });

  const byCategory: Record<string, number> = {};
  for (const c of rules.categories) byCategory[c.id] = 0;
  for (let f = 0; f < ctx.facilities.count; f++) if (ctx.facilities.category[f] >= 0) byCategory[rules.categories[ctx.facilities.category[f]].id]++;
  const summary = {
    mode: result.mode,
    rules: rules.id,
    ...(inputs.attribution ? { attribution: inputs.attribution } : {}),
    options: { max_snap_m: args.maxSnap, detour: args.detour, count_no_data: args.countNoData, persons_per_household: ctx.options.popEstimatePerHousehold },
    inputs: {
      communities: inputs.sources.communities ?? null, facilities: inputs.sources.facilities ?? null,
      network: mode === 'network' ? inputs.sources.network ?? null : null,
      parks: inputs.sources.parks ?? null, parking: inputs.sources.parking ?? null,
      osm: args.osm ?? null, rules: rulesFile,
    },
    crs: { input: args.crs === 'auto' ? 'wgs84' : args.crs, output: args.outCrs, files: inputs.files },
    osm: inputs.osm,
    counts: {
      communities: result.communityCount,
      facilities: ctx.facilities.count,
      facilities_by_category: byCategory,
      network: graph?.stats ?? null,
    },
    no_data: {
      counted: args.countNoData,
      categories: noDataCategoryIds(result),
      mandatory: noDataCategoryIds(result, { mandatoryOnly: true }),
    },
    totals: result.stats.totals,
    categories: result.stats.categories,
    levels: result.stats.levels,
    ...workbench.summary,
    unreachable: { communities: result.unreachableCommunities, facilities: result.unreachableFacilities },
    unknown_categories: inputs.unknownCategories,
    input_warnings: inputs.warnings,
    warnings: result.warnings,
    out: args.out,
    elapsed_ms: Math.round(performance.now() - t0),
  };
  io.stdout(JSON.stringify(summary, null, 2) + '\n');
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
