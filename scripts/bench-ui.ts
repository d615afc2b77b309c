/**
 * LifeCircle interaction benchmark (issue 8, DESIGN §7): drives the production build in headless
 * Chromium (SwiftShader WebGL, 1600×1000, zh-CN) on the bundled demo and on the L synthetic city
 * (opened through the app's "open project" input) and prints the time to first paint and first
 * result, and for each workbench tab, colouring mode, a pan and a zoom the longest main-thread task
 * and the time to the second animation frame. A benchmark, never a test: OVER never fails the run.
 *
 *   npm run bench:ui                 demo and L (L takes minutes under software WebGL)
 *   npm run bench:ui -- --no-L       the demo only
 *   npm run bench:ui -- --json       ONE JSON object on stdout (progress on stderr)
 *   options: --profile (CPU-profile the load and every interaction; print the top 5 main-thread
 *            self-time functions of the load and of the worst interaction), --dist DIR (serve another build, e.g. an unminified one), --seed N (L city)
 */
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { CHROMIUM, launchChromium, VIEWPORT } from '../tests/e2e/chromium';
import { root, startServer } from '../tests/e2e/servers';
import { ensureBuild } from './bench/ui/ensureBuild';
import { formatUiReport, type UiReport } from './bench/ui/formatUi';
import { writeLProject } from './bench/ui/lProject';
import { runDataset, type DatasetResult, type DatasetSpec } from './bench/ui/runDataset';

/** Budgets of issue 8: no main-thread task over this after the first result. */
const BUDGET_MS = { demo: 200, L: 500 };

function parseArgs(argv: string[]) {
  const known = new Set(['--json', '--no-L', '--profile', '--dist', '--seed']);
  for (let i = 0; i < argv.length; i++) {
    if (!known.has(argv[i])) {
      console.error(`bench:ui: unknown option ${argv[i]}. Options: --json --no-L --profile --dist DIR --seed N`);
      process.exit(2);
    }
    if (argv[i] === '--dist' || argv[i] === '--seed') i++;
  }
  const value = (f: string) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : undefined);
  const seed = Number(value('--seed') ?? 42);
  if (!Number.isInteger(seed)) {
    console.error('bench:ui: --seed takes an integer');
    process.exit(2);
  }
  return { json: argv.includes('--json'), large: !argv.includes('--no-L'), profile: argv.includes('--profile'), dist: value('--dist'), seed };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (msg: string) => process.stderr.write(`${msg}\n`);
  const loadStart = os.loadavg();
  const built = args.dist ? null : ensureBuild(root, log);
  const outDir = args.dist ? ['--outDir', resolve(args.dist)] : [];
  const server = await startServer(resolve(root, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', ...outDir], 'vite preview', 60_000);
  const browser = await launchChromium();
  const specs: DatasetSpec[] = [{ name: 'demo', budgetMs: BUDGET_MS.demo }];
  try {
    if (args.large) {
      log('writing the L synthetic city as a project file …');
      specs.push({ name: 'L', budgetMs: BUDGET_MS.L, project: writeLProject(args.seed) });
    }
    // a screenshot of each dataset after the interactions, to see that it really was on the map
    const shotsDir = resolve(root, 'test-output/screenshots');
    mkdirSync(shotsDir, { recursive: true });
    const datasets: DatasetResult[] = [];
    for (const spec of specs) datasets.push(await runDataset(browser, server.url, spec, { profile: args.profile, shotsDir, log }));
    const report: UiReport = {
      benchmark: 'lifecircle-ui',
      date: new Date().toISOString(),
      command: `npm run bench:ui${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
      browser: `${execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()} headless, SwiftShader WebGL`,
      window: `${VIEWPORT.width}×${VIEWPORT.height} zh-CN`,
      load_average: { start: loadStart, end: os.loadavg() },
      built,
      profiled: args.profile,
      datasets,
      all_within_budget: datasets.every((d) => d.load.verdict === 'OK' && d.interactions.every((i) => i.verdict === 'OK')),
    };
    if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else console.log(formatUiReport(report));
  } finally {
    await browser.close();
    server.stop();
    for (const s of specs) if (s.project) rmSync(dirname(s.project.file), { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:ui failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
