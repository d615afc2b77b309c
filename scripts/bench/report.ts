/** The benchmark's budgets (DESIGN §7), the readable table and the JSON object. */
import type { CliSize } from './cliInputs';
import type { CliRunResult } from './cliProbe';
import type { MemoryResult } from './memoryChild';
import { rowNotes, type ScaleResult } from './runScale';
import type { ScaleName } from './syntheticCity';
import { formatTiming } from './timing';
import type { WorkerProbeResult } from './workerProbe';
import type { ScenarioProbeResult } from './scenarioProbe';
import type { ChoiceProbeResult } from './choiceProbe';

export interface Budget {
  id: string;
  description: string;
  value: number | null;
  limit: number;
  unit: string;
  /** 'max': value ≤ limit passes; 'min': value ≥ limit passes */
  kind: 'max' | 'min';
  /** null when not measured in this run (e.g. L skipped) */
  pass: boolean | null;
}

export interface BenchReport {
  benchmark: 'lifecircle';
  date: string;
  node: string;
  cpu: string;
  seed: number;
  /** os.loadavg() (1, 5, 15 min) before and after: other work on the machine skews every row */
  load_average: { start: number[]; end: number[] };
  scales: Partial<Record<ScaleName, ScaleResult>>;
  /** naive Turf / ours for one category at 500 m, at M (ours: one category, search cut at the radius) */
  ratio_vs_naive_turf: number | null;
  ratio_vs_naive_turf_no_cutoff: number | null;
  ratio_vs_naive_turf_S: number | null;
  memory: Partial<Record<ScaleName, MemoryResult>>;
  worker: (WorkerProbeResult & { scale: ScaleName; inProcessMedian: number }) | null;
  /** the CLI end to end (cliProbe), one run per size; empty with --no-cli */
  cli: Partial<Record<CliSize, CliRunResult>>;
  /** scenario edits and site suggestion (scenarioProbe), at L with --L/--json, else M; null with --no-scenario */
  scenario: ScenarioProbeResult | null;
  /** choice, second-nearest, surface and 2SFCA (choiceProbe), at L with --L/--json, else M; null with --no-choice */
  choice: ChoiceProbeResult | null;
  budgets: Budget[];
  all_budgets_pass: boolean;
}

function budget(
  id: string, description: string, value: number | null | undefined, limit: number, unit: string, kind: 'max' | 'min' = 'max',
): Budget {
  const v = value ?? null;
  const pass = v === null ? null : kind === 'max' ? v <= limit : v >= limit;
  return { id, description, value: v, limit, unit, kind, pass };
}

/** The budgets of DESIGN §7 and issue 3, evaluated on what was measured. */
export function evaluateBudgets(
  scales: Partial<Record<ScaleName, ScaleResult>>, memory: Partial<Record<ScaleName, MemoryResult>>,
  cli: Partial<Record<CliSize, CliRunResult>> = {},
  scenario: ScenarioProbeResult | null = null,
  choice: ChoiceProbeResult | null = null,
): Budget[] {
  const atL = scenario?.scale === 'L' ? scenario : null;
  const choiceL = choice?.scale === 'L' ? choice : null;
  const t = (s: ScaleName, row: string): number | undefined => scales[s]?.timings[row]?.median;
  return [
    budget('whole_analysis_M', 'whole analysis (snapping + 15 categories + stats) at M', t('M', 'wholeAnalysis'), 200, 'ms'),
    budget('whole_analysis_L', 'whole analysis (snapping + 15 categories + stats) at L', t('L', 'wholeAnalysis'), 1500, 'ms'),
    budget('one_category_L', 'changing one category at L', t('L', 'oneCategory'), 100, 'ms'),
    budget('graph_build_L', 'graph build from GeoJSON (+ segment index) at L', t('L', 'graphBuild'), 1000, 'ms'),
    budget('ratio_vs_naive_turf', 'naive Turf / ours, one category at 500 m, at M', scales.M?.ratioVsNaive, 300, '×', 'min'),
    budget('memory_L', 'peak RSS rise during the L analysis', memory.L?.peakRssRiseMB, 300, 'MB'),
    budget('polygons_L', 'service-area polygons, one category at L', t('L', 'polygons'), 1500, 'ms'),
    budget('reached_edges_L', 'reached edges, one category at L', t('L', 'reachedEdges'), 100, 'ms'),
    budget('cli_20k', 'CLI end to end, 20k communities (read → analysis → write; start-up excluded)', cli['20k']?.elapsedMs, 3000, 'ms'),
    budget('cli_200k', 'CLI end to end, 200k communities (start-up excluded)', cli['200k']?.elapsedMs, 60000, 'ms'),
    budget('cli_200k_rss', 'CLI peak RSS, 200k communities', cli['200k']?.peakRssMB, 2048, 'MB'),
    budget('scenario_facility_edit_L', 'a scenario facility edit at L, the slowest kind (add: only the new facility searched; move, delete: its category)', atL ? Math.max(...Object.values(atL.facilityEditByOp)) : undefined, 100, 'ms'),
    budget('scenario_network_edit_L', 'a scenario network edit at L', atL?.networkEdit.median, 300, 'ms'),
    budget('site_suggestion_L', 'site suggestion K = 10 among 5,000 candidates at L', atL?.suggestion.median, 5000, 'ms'),
    budget('choice_counts_second_L', 'counts within the radius and second-nearest, 15 categories at L', choiceL?.countsAndSecond.median, 3000, 'ms'),
    budget('surface_category_L', 'accessibility surface of one category at L (50 m cells, grid snapped once)', choiceL?.surfaceCategory.median, 300, 'ms'),
    budget('fca_category_L', '2SFCA of one category (1,000 m) at L', choiceL?.fcaCategory.median, 1000, 'ms'),
  ];
}

const ROWS = [
  'generate', 'graphBuild', 'snap', 'wholeAnalysis', 'oneCategory', 'oneCategoryCutoff',
  'search15', 'polygons', 'reachedEdges', 'naiveTurf',
];

const fmtRate = (v: number): string => `${(v / 1e6).toFixed(1)} M/s`;
const fmtRatio = (v: number | null | undefined): string => (v == null ? '–' : `${Math.round(v)}×`);

/** The human-readable report. */
export function formatTable(r: BenchReport): string {
  const names = (['S', 'M', 'L'] as const).filter((s) => r.scales[s]);
  const lines: string[] = [];
  lines.push(`LifeCircle benchmark — ${r.date}, Node ${r.node}, ${r.cpu}, seed ${r.seed}`);
  lines.push('milliseconds, median (min–max) of n runs after a warm-up (perf-anchors policy)');
  const la = (v: number[]): string => v.map((x) => x.toFixed(2)).join(' ');
  lines.push(`load average before ${la(r.load_average.start)}, after ${la(r.load_average.end)} (above ~1 on this 2-core machine, other work is slowing every row)`);
  lines.push('');
  const sizes = names.map((s) => {
    const z = r.scales[s]!.size;
    return `${s}: ${z.nodes.toLocaleString('en')} nodes, ${z.edges.toLocaleString('en')} edges, ${z.communities.toLocaleString('en')} communities, ${z.facilities.toLocaleString('en')} facilities in ${z.categories} categories`;
  });
  lines.push(...sizes, '');
  const head = ['step', ...names];
  const body = ROWS.filter((row) => names.some((s) => r.scales[s]!.timings[row])).map((row) => [
    row, ...names.map((s) => formatTiming(r.scales[s]!.timings[row])),
  ]);
  body.push(['relaxations/s (search15)', ...names.map((s) => fmtRate(r.scales[s]!.relaxedPerSecond))]);
  body.push(['arcs scanned/s ≈', ...names.map((s) => fmtRate(r.scales[s]!.arcsScannedPerSecond))]);
  body.push(['naive / ours (cut 500)', ...names.map((s) => fmtRatio(r.scales[s]!.ratioVsNaive))]);
  body.push(['naive / ours (no cut)', ...names.map((s) => fmtRatio(r.scales[s]!.ratioVsNaiveNoCutoff))]);
  const widths = head.map((_, c) => Math.max(head[c].length, ...body.map((row) => row[c].length)));
  const fmt = (row: string[]): string => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt), '');
  for (const row of ROWS) if (rowNotes[row]) lines.push(`  ${row}: ${rowNotes[row]}`);
  lines.push('');
  for (const s of names) {
    const c = r.scales[s]!.checks;
    lines.push(`checks ${s}: ${Object.entries(c).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(2)}`).join(', ')}`);
  }
  for (const [s, m] of Object.entries(r.memory)) {
    lines.push(`memory ${s}: peak RSS rise ${m.peakRssRiseMB.toFixed(0)} MB (high-water rise ${m.hwmRiseMB.toFixed(0)} MB, retained heap+buffers ${m.retainedMB.toFixed(0)} MB) over a ${m.baselineRssMB.toFixed(0)} MB post-generation baseline`);
  }
  if (r.worker) {
    const w = r.worker;
    lines.push(`worker ${w.scale}: boot ${w.boot.toFixed(0)} ms (tsx transpiles there), graph copy+transfer ${w.graphTransfer.toFixed(1)} ms, layers sent + prepare ${w.prepare.toFixed(0)} ms; runCoverage (15 categories + stats) round trip ${formatTiming(w.wholeAnalysis)} vs ${w.inProcessMedian.toFixed(0)} ms in-process`);
  }
  for (const c of Object.values(r.cli)) {
    const phases = Object.entries(c.phases).map(([k, v]) => `${k} ${v}`).join(', ');
    lines.push(`CLI ${c.size}: ${c.communities.toLocaleString('en')} communities, ${c.facilities.toLocaleString('en')} facilities, ${c.nodes.toLocaleString('en')}-node network (${c.inputMB.toFixed(0)} MB in, ${c.outputMB.toFixed(0)} MB out): ${c.elapsedMs} ms in the CLI (${phases}), ${c.wallMs.toFixed(0)} ms with start-up, peak RSS ${c.peakRssMB} MB`);
  }
  if (r.scenario) {
    const x = r.scenario;
    lines.push(`scenario ${x.scale}: facility edit ${formatTiming(x.facilityEdit)} (median add ${x.facilityEditByOp.add.toFixed(0)} ms, move ${x.facilityEditByOp.move.toFixed(0)} ms, delete ${x.facilityEditByOp.delete.toFixed(0)} ms), network edit ${formatTiming(x.networkEdit)} (graph patched, searched through the link), site suggestion K = 10 among ${x.candidates.toLocaleString('en')} nodes ${formatTiming(x.suggestion)}`);
  }
  if (r.choice) {
    const x = r.choice;
    lines.push(`choice ${x.scale}: counts + second-nearest, 15 categories ${formatTiming(x.countsAndSecond)} (naive per-community searches ≈ ${Math.round(x.naiveEstimate).toLocaleString('en')} ms, ${x.ratioVsNaive.toFixed(1)}×); surface of one category ${formatTiming(x.surfaceCategory)} on ${x.cells.toLocaleString('en')} cells of 50 m (grid ${Math.round(x.surfaceGrid)} ms once); 2SFCA of one category ${formatTiming(x.fcaCategory)}`);
  }
  lines.push('', 'budgets:');
  for (const b of r.budgets) {
    const v = b.value === null ? 'not run' : `${b.unit === '×' ? Math.round(b.value) : b.value.toFixed(b.value < 10 ? 1 : 0)} ${b.unit}`;
    const verdict = b.pass === null ? 'SKIP' : b.pass ? 'PASS' : 'FAIL';
    lines.push(`  ${verdict}  ${b.description}: ${v} (${b.kind === 'max' ? '≤' : '≥'} ${b.limit} ${b.unit})`);
  }
  return lines.join('\n');
}
