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
 * Last results (2-vCPU VM, Node 20.20.2, seed 42) — updated by hand after a run:
 * (not yet recorded)
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
