/**
 * LifeCircle benchmark (DESIGN §7, ../shared/research/perf-anchors.md). A benchmark, never a
 * timed test.
 *
 *   npm run bench                 S and M: table, naive Turf ratio
 *   npm run bench -- --L          also L (200k nodes) and its memory probe
 *   npm run bench -- --json       ONE JSON object on stdout (progress on stderr); includes L
 *                                 unless --no-L, so every budget gets a verdict
 *   options: --seed N (default 42), --runs N (cap on timed runs), --no-naive, --no-worker
 *
 * Last results — 2026-11-26, 2-vCPU AMD EPYC VM shared with other jobs (load average 3 → 6.6
 * during the run, so every row is inflated, M/L most), Node 20.20.2, seed 42, `--json`;
 * ms, median (min–max):
 * step                 S                    M                    L
 * graphBuild         10.7 (6.62–28.2)     58.9 (37.3–107)      641 (582–869)
 * snap               5.65 (5.25–6.26)     51.1 (50.1–58.6)     273 (263–326)
 * wholeAnalysis      21.3 (19.6–25.9)     208 (184–301)        1440 (1374–1556)
 * oneCategory        2.66 (2.21–5.49)     8.77 (8.08–11.4)     45.4 (42.5–96.1)
 * oneCategoryCutoff  1.31 (0.56–2.36)     6.02 (5.69–20.8)     47.6 (39.0–129)
 * search15           12.0 (9.45–13.2)     95.6 (65.0–139)      577 (565–650)
 * polygons           24.9 (22.5–99.0)     355 (264–572)        646 (612–1279)
 * reachedEdges       0.81 (0.66–13.3)     8.63 (5.73–12.4)     60.0 (37.1–171)
 * naiveTurf          188 (179–215)        6777 (5922–7536)     –
 * relaxations/s      14.3 M / 8.7 M / 5.7 M (improving relaxations, search15)
 * naive/ours (cut 500) S 143×, M 1125× (no cutoff: M 772×)
 * memory L: peak RSS rise 135 MB; worker M: graph transfer 1.6 ms, runCoverage 228 vs 146 ms
 * in-process. Budgets: all pass except whole analysis M (208 > 200 ms). At load ~2 the same
 * code gave M whole 136–160 ms, polygons M 162–200 ms, L polygons ~500 ms.
 */
import os from 'node:os';
import { buildGraph } from '../src/core/network';
import { prepareCoverage } from '../src/core/analysis/prepareCoverage';
import { runCoverage } from '../src/core/analysis/runCoverage';
import { benchCategoryIds, benchRules } from './bench/benchRules';
import { measureMemory } from './bench/memoryProbe';
import type { MemoryResult } from './bench/memoryChild';
import { evaluateBudgets, formatTable, type BenchReport } from './bench/report';
import { runScale, type ScaleResult } from './bench/runScale';
import { generateSyntheticCity, SCALES, type ScaleName } from './bench/syntheticCity';
import { measure } from './bench/timing';
import { probeWorker } from './bench/workerProbe';

interface Args {
  json: boolean;
  large: boolean;
  naive: boolean;
  worker: boolean;
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
  const known = new Set(['--json', '--L', '--no-L', '--no-naive', '--no-worker', '--seed', '--runs']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') && !known.has(a)) {
      console.error(`bench: unknown option ${a}. Options: --json --L --no-L --no-naive --no-worker --seed N --runs N`);
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

  const budgets = evaluateBudgets(scales, memory);
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
    budgets,
    all_budgets_pass: budgets.every((b) => b.pass !== false),
  };
  if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else console.log(formatTable(report));
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
