/**
 * Headless coverage analysis (DESIGN §6):
 *   npm run analyze -- --communities C.geojson --facilities F.geojson [--network N.geojson]
 *       [--rules R.json] [--mode network|euclidean] [--max-snap 300] [--detour 1.0] --out result.geojson
 * Writes the communities with their original properties plus dist_<k> (metres, one decimal, null
 * when unreachable or no facility) and ok_<k> for every category k of the rule set; prints the
 * summary JSON on stdout. Bad input: exit code 1 and a message naming the file and feature.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FeatureCollection, Geometry } from 'geojson';
import { parseRuleSet } from '../src/core/rules/validateRuleSet';
import type { RuleSet } from '../src/core/rules/types';
import { suggestFieldMapping } from '../src/core/model/fieldAliases';
import { buildGraph } from '../src/core/network/buildGraph';
import { checkCoverageLayer, type CoverageLayer } from '../src/core/analysis/checkCoverageInput';
import { prepareCoverage, type CoverageMode } from '../src/core/analysis/prepareCoverage';
import { runCoverage, type CoverageResult } from '../src/core/analysis/runCoverage';

const DEFAULT_RULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/rules/gb50180-2018.json');

const USAGE = `usage: npm run analyze -- --communities C.geojson --facilities F.geojson [--network N.geojson]
    [--rules R.json] [--mode network|euclidean] [--max-snap 300] [--detour 1.0] --out result.geojson`;

/** A user-facing failure: printed without a stack trace, exit code 1. */
class UserError extends Error {}

type GeoFC = FeatureCollection<Geometry | null>;

function parseCli(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        communities: { type: 'string' },
        facilities: { type: 'string' },
        network: { type: 'string' },
        rules: { type: 'string' },
        mode: { type: 'string' },
        'max-snap': { type: 'string' },
        detour: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // parseArgs messages name the offending option, e.g. "Unknown option '--osm'"
    throw new UserError(`${(e as Error).message.split('. To specify')[0]}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  for (const k of ['communities', 'facilities', 'out'] as const) {
    if (!v[k]) throw new UserError(`missing --${k}\n${USAGE}`);
  }
  const mode = v.mode ?? (v.network ? 'network' : 'euclidean');
  if (mode !== 'network' && mode !== 'euclidean') throw new UserError(`--mode must be network or euclidean, got "${mode}"`);
  if (mode === 'network' && !v.network) throw new UserError('--mode network needs --network N.geojson (a walking network)');
  const number = (name: string, raw: string | undefined, dflt: number, min: number): number => {
    if (raw === undefined) return dflt;
    const x = Number(raw);
    if (!Number.isFinite(x) || x < min) throw new UserError(`--${name} must be a number ≥ ${min}, got "${raw}"`);
    return x;
  };
  return {
    communities: v.communities!, facilities: v.facilities!, network: v.network, rules: v.rules, out: v.out!,
    mode: mode as CoverageMode,
    maxSnap: number('max-snap', v['max-snap'], 300, 0),
    detour: number('detour', v.detour, 1, 1),
  };
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read the ${what} file (${code === 'ENOENT' ? 'file not found' : code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UserError(`${file}: the ${what} file is not valid JSON (${(e as Error).message}); is it truncated?`);
  }
}

function readLayer(file: string, layer: CoverageLayer, rules: RuleSet): GeoFC {
  const value = readJson(file, layer);
  const problems = checkCoverageLayer(value, layer, rules);
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems.filter((p) => p.severity === 'warning')) process.stderr.write(`warning: ${file}: ${p.message}\n`);
  if (errors.length) {
    const lines = errors.map((p) => `${file}: ${p.index === null ? '' : `feature ${p.index}: `}${p.message}`);
    throw new UserError(lines.join('\n'));
  }
  return value as GeoFC;
}

function round1(d: number): number | null {
  return Number.isFinite(d) ? Math.round(d * 10) / 10 : null;
}

/** The output collection: original features and properties plus dist_<k>, ok_<k> per category. */
function resultCollection(communities: GeoFC, result: CoverageResult): GeoFC {
  const C = result.communityCount;
  return {
    type: 'FeatureCollection',
    features: communities.features.map((f, c) => {
      const props: Record<string, unknown> = { ...(f.properties ?? {}) };
      result.categoryIds.forEach((id, k) => {
        props[`dist_${id}`] = round1(result.distance[k * C + c]);
        props[`ok_${id}`] = result.ok[k * C + c] === 1;
      });
      return { ...f, properties: props };
    }),
  };
}

function main(): void {
  const t0 = performance.now();
  const args = parseCli(process.argv.slice(2));
  const rulesFile = args.rules ?? DEFAULT_RULES;
  let rules: RuleSet;
  try {
    rules = parseRuleSet(readJson(rulesFile, 'rules'), rulesFile);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError((e as Error).message);
  }
  const communities = readLayer(args.communities, 'communities', rules);
  const facilities = readLayer(args.facilities, 'facilities', rules);
  const networkFc = args.network ? readLayer(args.network, 'network', rules) : undefined;

  const keys = new Set<string>();
  for (const f of communities.features.slice(0, 200)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const fields = suggestFieldMapping([...keys], 'communities');

  const graph = networkFc ? buildGraph(networkFc) : undefined;
  if (graph && graph.edgeCount === 0) throw new UserError(`${args.network}: the network has no usable segments (all lines excluded, empty or zero-length)`);
  const ctx = prepareCoverage(
    { communities, facilities, rules, graph },
    {
      mode: args.mode, maxSnap: args.maxSnap, detour: args.detour,
      householdsField: fields.households ?? undefined, populationField: fields.population ?? undefined,
    },
  );
  const result = runCoverage(ctx);

  const out = resultCollection(communities, result);
  try {
    mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    writeFileSync(args.out, JSON.stringify(out));
  } catch (e) {
    throw new UserError(`${args.out}: cannot write the output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }

  const byCategory: Record<string, number> = {};
  for (const c of rules.categories) byCategory[c.id] = 0;
  for (let f = 0; f < ctx.facilities.count; f++) if (ctx.facilities.category[f] >= 0) byCategory[rules.categories[ctx.facilities.category[f]].id]++;
  const summary = {
    mode: result.mode,
    rules: rules.id,
    options: { max_snap_m: args.maxSnap, detour: args.detour, persons_per_household: ctx.options.popEstimatePerHousehold },
    inputs: { communities: args.communities, facilities: args.facilities, network: args.network ?? null, rules: rulesFile },
    counts: {
      communities: result.communityCount,
      facilities: ctx.facilities.count,
      facilities_by_category: byCategory,
      network: graph?.stats ?? null,
    },
    totals: result.stats.totals,
    categories: result.stats.categories,
    levels: result.stats.levels,
    unreachable: { communities: result.unreachableCommunities, facilities: result.unreachableFacilities },
    warnings: result.warnings,
    out: args.out,
    elapsed_ms: Math.round(performance.now() - t0),
  };
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
}

try {
  main();
} catch (e) {
  const msg = e instanceof UserError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
  process.stderr.write(`error: ${msg}\n`);
  process.exit(1);
}
