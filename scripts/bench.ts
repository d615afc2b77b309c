/**
 * LifeCircle benchmark (DESIGN §7, ../shared/research/perf-anchors.md). A benchmark, never a
 * timed test.
 *
 *   npm run bench                 S and M: table, naive Turf ratio; the CLI end to end at 20k
 *                                 communities
 *   npm run bench -- --L          also L (200k nodes) and its memory probe, and the CLI at 200k
 *                                 communities (1M-node network)
 *   npm run bench -- --json       ONE JSON object on stdout (progress on stderr); includes L
 *                                 (and the CLI at 200k) unless --no-L, so every budget gets a verdict
 *   options: --seed N (default 42), --runs N (cap on timed runs), --no-naive, --no-worker,
 *            --no-cli (skip the CLI runs)
 *   The CLI rows (bench/cliProbe.ts): the synthetic city written as GeoJSON files to a temporary
 *   folder, `scripts/analyze.ts` run on them in a child process, one run per size; time is what
 *   the CLI measures from its main to the end (node/tsx start-up excluded, LIFECIRCLE_CLI_TIMING),
 *   peak RSS the child's getrusage maximum. Budgets (issue 10): 20k ≤ 3 s; 200k ≤ 60 s, ≤ 2 GB.
 *   The browser figures (first paint, first result, interaction long tasks) are `npm run bench:ui`.
 *
 * Last results — 2026-11-26 21:35 UTC, after the engine speed-ups (commits 0e37046..b9c0571),
 * 2-vCPU AMD EPYC VM, Node 20.20.2, seed 42, `--json`, load average 2.3 → 1.8 (`uptime`; the
 * host is shared: the same code gave L whole 0.92–1.6 s within 10 minutes); ms, median (min–max):
 * step                 S                    M                    L
 * graphBuild         9.88 (7.10–36.4)     44.3 (37.4–66.3)     277 (274–322)
 * snap               3.09 (3.01–3.76)     34.4 (32.6–37.9)     174 (172–237)
 * wholeAnalysis      15.8 (15.2–30.1)     116 (111–119)        957 (892–1109)
 * oneCategory        1.71 (1.57–4.18)     7.08 (6.14–10.3)     51.0 (45.2–60.3)
 * oneCategoryCutoff  0.57 (0.48–5.32)     4.78 (4.30–8.65)     36.2 (30.0–38.9)
 * search15           9.35 (9.27–9.44)     74.9 (62.6–84.8)     536 (500–709)
 * polygons           23.8 (22.5–61.7)     189 (158–233)        528 (403–575)
 * reachedEdges       0.83 (0.69–9.70)     4.96 (4.72–6.69)     34.4 (30.3–114)
 * naiveTurf          165 (147–183)        2583 (2521–2673)     –
 * relaxations/s      18.2 M / 11.1 M / 6.1 M (improving relaxations, search15)
 * naive/ours (cut 500) S 290×, M 540× (no cutoff: M 365×)
 * memory L: peak RSS rise 160 MB; worker M: graph transfer 1.3 ms, runCoverage 105 vs 106 ms
 * in-process. All budgets pass. At load ~1 (21:28): M whole 108 ms, L whole 919 ms, snap M 32 /
 * L 165 ms. Same conditions, baseline 3a803d4 vs now (`--no-naive --no-worker`, alternated
 * twice): M whole 153/159 → 114/135 ms, snap M 50 → 35 ms, L 239 → 176–180 ms; the L search
 * kernel (search15 620–900 ms in either version) decides the L whole figure.
 * CLI end to end, 2026-12-07 05:50 UTC (`--json --no-naive --no-worker`, load average 8.0 → 6.6 from
 * other work on the host; M whole 222 ms, twice the quiet figure): 20k 5.5 s in the CLI (read 1.9,
 * prepare 0.9, analyze 2.0, write 0.7 s), peak RSS 377 MB; 200k 70 s (read 20, prepare 13,
 * analyze 22, write 15 s), 1.23 GB. Alone at load ~7: 20k 6.9 s, 200k 43 s / 1.27 GB. Before the
 * streaming writer (26daf9e): 20k 32–46 s and 0.83–0.94 GB; 200k failed after 5 min at 3.4 GB
 * (V8 string limit; its output is 553 MB).
 * 2026-12-07 evening, node-order search queue (nodeBuckets): `npm run bench` CLI 20k 2.79 s (read
 * 1.11, prepare 0.40, analyze 1.00, write 0.27) PASS; `--L`: search15 L 353 ms (was 620–900),
 * whole L 802 ms, choice L 1.77 s (was 2.38), CLI 20k 3.36 s with the host slow, 200k 22.8 s /
 * 1.31 GB.
 */
import os from 'node:os';
import { buildGraph } from '../src/core/network';
import { prepareCoverage } from '../src/core/analysis/coverage';
import { runCoverage } from '../src/core/analysis/coverage';
import { benchCategoryIds, benchRules } from './bench/benchRules';
import { measureMemory } from './bench/memoryProbe';
import type { MemoryResult } from './bench/memoryChild';
import { evaluateBudgets, formatTable, type BenchReport } from './bench/report';
import { runScale, type ScaleResult } from './bench/runScale';
import { generateSyntheticCity, SCALES, type ScaleName } from './bench/syntheticCity';
import { measure } from './bench/timing';
import { probeWorker } from './bench/workerProbe';
import { probeScenarios } from './bench/scenarioProbe';
import { probeChoice } from './bench/choiceProbe';
import { probeCli } from './bench/cliProbe';

interface Args {
  json: boolean;
  large: boolean;
  naive: boolean;
  worker: boolean;
  cli: boolean;
  scenario: boolean;
  choice: boolean;
  seed: number;
  runs?: number;
}

function parseArgs(argv: string[]): Args {
  const has = (f: string): boolean => argv.includes(f);
  const value = (f: string): string | undefined => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const json = has('--json');
  const known = new Set(['--json', '--L', '--no-L', '--no-naive', '--no-worker', '--no-cli', '--no-scenario', '--no-choice', '--seed', '--runs']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') && !known.has(a)) {
      console.error(`bench: unknown option ${a}. Options: --json --L --no-L --no-naive --no-worker --no-cli --no-scenario --no-choice --seed N --runs N`);
      process.exit(2);
    }
    if (a === '--seed' || a === '--runs') i++;
  }
  const seed = Number(value('--seed') ?? 42);
  const runs = value('--runs') !== undefined ? Number(value('--runs')) : undefined;
  if (!Number.isInteger(seed) || (runs !== undefined && !(runs >= 1))) {
    console.error('bench: --seed takes an integer and --runs a count ≥ 1');
    process.exit(2);
  }
  return {
    json,
    large: has('--L') || (json && !has('--no-L')),
    naive: !has('--no-naive'),
    worker: !has('--no-worker'),
    cli: !has('--no-cli'),
    scenario: !has('--no-scenario'),
    choice: !has('--no-choice'),
    seed,
    runs,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const loadStart = os.loadavg();
  const log = (msg: string): void => { process.stderr.write(`${msg}\n`); };
  const names: ScaleName[] = args.large ? ['S', 'M', 'L'] : ['S', 'M'];
  const scales: Partial<Record<ScaleName, ScaleResult>> = {};
  const memory: Partial<Record<ScaleName, MemoryResult>> = {};

  if (args.large) {
    // first, in a fresh process, so nothing else is on the heap
    log('memory probe at L …');
    memory.L = await measureMemory('L', args.seed);
  }
  for (const s of names) {
    log(`scale ${s} …`);
    scales[s] = runScale(s, { seed: args.seed, naive: args.naive && s !== 'L', maxRuns: args.runs });
  }

  let worker: BenchReport['worker'] = null;
  if (args.worker) {
    log('worker probe at M …');
    const city = generateSyntheticCity({ ...SCALES.M, categories: benchCategoryIds, seed: args.seed });
    const graph = buildGraph(city.network);
    const probe = await probeWorker(graph, city.communities, city.facilities, 5);
    const ctx = prepareCoverage({ communities: city.communities, facilities: city.facilities, rules: benchRules, graph });
    const inProcess = measure(() => runCoverage(ctx), { maxRuns: 5 }).timing;
    worker = { ...probe, scale: 'M', inProcessMedian: inProcess.median };
  }

  const cli: BenchReport['cli'] = {};
  if (args.cli) {
    // each in its own process, so its peak RSS is its own
    for (const size of args.large ? (['20k', '200k'] as const) : (['20k'] as const)) {
      log(`CLI end to end at ${size} communities …`);
      cli[size] = await probeCli(size, args.seed);
    }
  }

  let scenario: BenchReport['scenario'] = null;
  if (args.scenario) {
    const scale: ScaleName = args.large ? 'L' : 'M';
    log(`scenarios at ${scale} (facility edit, network edit, site suggestion K = 10) …`);
    scenario = probeScenarios(scale, args.seed);
  }

  let choice: BenchReport['choice'] = null;
  if (args.choice) {
    const scale: ScaleName = args.large ? 'L' : 'M';
    log(`choice, second-nearest, surface and 2SFCA at ${scale} …`);
    choice = probeChoice(scale, args.seed);
  }

  const budgets = evaluateBudgets(scales, memory, cli, scenario, choice);
  const report: BenchReport = {
    benchmark: 'lifecircle',
    date: new Date().toISOString(),
    node: process.versions.node,
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
    seed: args.seed,
    load_average: { start: loadStart, end: os.loadavg() },
    scales,
    ratio_vs_naive_turf: scales.M?.ratioVsNaive ?? null,
    ratio_vs_naive_turf_no_cutoff: scales.M?.ratioVsNaiveNoCutoff ?? null,
    ratio_vs_naive_turf_S: scales.S?.ratioVsNaive ?? null,
    memory,
    worker,
    cli,
    scenario,
    choice,
    budgets,
    all_budgets_pass: budgets.every((b) => b.pass !== false),
  };
  if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else console.log(formatTable(report));
  log('UI figures (first paint, first result, long main-thread tasks per interaction in Chromium): npm run bench:ui');
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
