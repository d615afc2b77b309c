import type { Browser, Page } from 'playwright-core';
import { VIEWPORT } from '../../../tests/e2e/chromium';
import { startProfiler, type SelfTime } from './cpuProfile';
import type { LProject } from './lProject';
import { longestTaskAfter, recordLongTasks, settle, timeAction, type Action } from './pageProbe';

export interface Verdict {
  verdict: 'OK' | 'OVER';
}

export interface LoadResult extends Verdict {
  /** What the times count from: the page's start (demo) or the moment the project file was chosen (L). */
  from: 'page start' | 'project file chosen';
  firstPaintMs: number;
  firstRunMs: number;
  firstResultMs: number;
  resultMinusPaintMs: number;
  longestTaskAfterResultMs: number;
  /** When that task started, ms after the first result. */
  longestTaskAtMs: number;
  settled: boolean;
  /** Top self-time functions on the main thread from the start of the load until it settled (with --profile). */
  profile?: SelfTime[];
}

export interface InteractionRow extends Verdict {
  name: string;
  longestTaskMs: number;
  /** When that task started, ms after the action's start. */
  longestTaskAtMs: number;
  secondFrameMs: number;
  settled: boolean;
  /** Top self-time functions on the main thread during the interaction (with --profile). */
  profile?: SelfTime[];
}

export interface DatasetResult {
  name: string;
  counts: { communities: number; facilities: number; networkLines: number };
  budgetMs: number;
  load: LoadResult;
  interactions: InteractionRow[];
}

export interface DatasetSpec {
  name: string;
  budgetMs: number;
  /** Opened through the app's "open project" file input after the demo has loaded; else the demo itself. */
  project?: LProject;
}

const verdict = (ms: number, budget: number): Verdict['verdict'] => (ms > budget ? 'OVER' : 'OK');
const LOAD_TIMEOUT = 20 * 60_000;

async function demoLoad(page: Page): Promise<{ paint: number; run: number; result: number }> {
  await page.waitForFunction(() => window.__lifecircle?.firstResultAt != null && window.__lifecircle.firstPaintAt != null, undefined, { timeout: LOAD_TIMEOUT, polling: 200 });
  return page.evaluate(() => ({ paint: window.__lifecircle.firstPaintAt!, run: window.__lifecircle.firstRunAt ?? NaN, result: window.__lifecircle.firstResultAt! }));
}

/**
 * Opens the project through the app's own file input and times, from the moment the file is chosen,
 * the first frame deck.gl draws with the new data, the analysis start and its result (the same
 * definitions as the app's firstPaintAt / firstRunAt / firstResultAt, which only record the page's first load).
 */
async function projectLoad(page: Page, project: LProject): Promise<{ t0: number; paint: number; run: number; result: number }> {
  await page.evaluate((n) => {
    const dbg = window.__lifecircle;
    const load = { t0: performance.now(), applied: null as number | null, paint: null as number | null, run: null as number | null, result: null as number | null };
    window.__bench.load = load;
    const unsubscribe = dbg.store!.subscribe((s) => {
      const now = performance.now();
      if (load.applied === null && s.layers.communities?.fc.features.length === n) load.applied = now;
      if (load.applied === null) return;
      if (load.run === null && s.analysisStatus === 'running') load.run = now;
      if (s.analysisStatus === 'done' && s.coverage?.communityCount === n) {
        load.result = now;
        unsubscribe();
      }
    });
    // (no named function in here: tsx would wrap it in a __name() helper the page does not have)
    dbg.map!.on('render', () => {
      if (load.paint === null && load.applied !== null && dbg.deckFrames > 0) load.paint = performance.now();
    });
  }, project.communities);
  await page.getByTestId('project-file-input').setInputFiles(project.file);
  await page.waitForFunction(() => window.__bench.load!.result !== null && window.__bench.load!.paint !== null, undefined, { timeout: LOAD_TIMEOUT, polling: 250 });
  const l = await page.evaluate(() => window.__bench.load!);
  return { t0: l.t0, paint: l.paint! - l.t0, run: (l.run ?? NaN) - l.t0, result: l.result! - l.t0 };
}

async function testids(page: Page, selector: string): Promise<{ ids: string[]; active: string | null }> {
  return page.$$eval(selector, (els) => ({
    ids: els.map((e) => e.getAttribute('data-testid')!),
    active: els.find((e) => e.classList.contains('active'))?.getAttribute('data-testid') ?? null,
  }));
}

/** Loads one dataset in a fresh zh-CN window and times the load and every interaction. */
export async function runDataset(browser: Browser, url: string, spec: DatasetSpec, opts: { profile: boolean; shotsDir?: string; log: (msg: string) => void }): Promise<DatasetResult> {
  const { log } = opts;
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  await recordLongTasks(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`  page error: ${String(e)}`));
  page.setDefaultTimeout(LOAD_TIMEOUT);
  try {
    log(`[${spec.name}] opening the app …`);
    // with --profile, the profiler starts on a same-origin page so it survives the app's navigation
    let stopLoadProfiler: (() => Promise<SelfTime[]>) | null = null;
    if (opts.profile && !spec.project) {
      await page.goto(`${url}favicon.svg`);
      stopLoadProfiler = await startProfiler(page);
    }
    await page.goto(url);
    const demo = await demoLoad(page);
    let load: LoadResult;
    if (!spec.project) {
      log(`[${spec.name}] first paint ${demo.paint} ms, first result ${demo.result} ms; waiting for the page to settle …`);
      const settled = await settle(page, demo.result);
      const longest = await longestTaskAfter(page, demo.result);
      load = { from: 'page start', firstPaintMs: demo.paint, firstRunMs: demo.run, firstResultMs: demo.result, resultMinusPaintMs: demo.result - demo.paint, longestTaskAfterResultMs: longest.ms, longestTaskAtMs: longest.at, settled, verdict: verdict(longest.ms, spec.budgetMs) };
    } else {
      await settle(page, demo.result);
      if (opts.profile) stopLoadProfiler = await startProfiler(page);
      log(`[${spec.name}] opening ${spec.project.file} (${spec.project.megabytes.toFixed(1)} MB) with the "open project" input …`);
      const p = await projectLoad(page, spec.project);
      log(`[${spec.name}] first paint ${Math.round(p.paint)} ms, first result ${Math.round(p.result)} ms after choosing the file; waiting for the page to settle …`);
      const settled = await settle(page, p.t0 + p.result);
      const longest = await longestTaskAfter(page, p.t0 + p.result);
      const r = Math.round;
      load = { from: 'project file chosen', firstPaintMs: r(p.paint), firstRunMs: r(p.run), firstResultMs: r(p.result), resultMinusPaintMs: r(p.result - p.paint), longestTaskAfterResultMs: longest.ms, longestTaskAtMs: longest.at, settled, verdict: verdict(longest.ms, spec.budgetMs) };
    }
    if (stopLoadProfiler) load.profile = await stopLoadProfiler();
    const counts = await page.evaluate(() => {
      const l = window.__lifecircle.store!.getState().layers;
      return { communities: l.communities?.fc.features.length ?? 0, facilities: l.facilities?.fc.features.length ?? 0, networkLines: l.network?.fc.features.length ?? 0 };
    });

    const interactions: InteractionRow[] = [];
    const measure = async (name: string, action: Action) => {
      log(`[${spec.name}] ${name} …`);
      const stopProfiler = opts.profile ? await startProfiler(page) : null;
      const { t0, frame2 } = await timeAction(page, action);
      const settled = await settle(page, t0 + frame2);
      const longest = await longestTaskAfter(page, t0);
      const profile = stopProfiler ? await stopProfiler() : undefined;
      if (!settled) log(`[${spec.name}] ${name}: the page did not settle within the time limit`);
      interactions.push({ name, longestTaskMs: longest.ms, longestTaskAtMs: longest.at, secondFrameMs: Math.round(frame2), settled, verdict: verdict(longest.ms, spec.budgetMs), ...(profile ? { profile } : {}) });
    };

    const tabs = await testids(page, '[data-testid="workbench"] [data-testid^="tab-"]');
    for (const id of tabs.ids) await measure(id, { type: 'click', testid: id });
    // close the drawer again (clicking the open tab), untimed, so the map has its full height
    const open = (await testids(page, '[data-testid="workbench"] [data-testid^="tab-"]')).active;
    if (open) {
      const { t0, frame2 } = await timeAction(page, { type: 'click', testid: open });
      await settle(page, t0 + frame2);
    }
    // every colouring mode, the one shown at start last so the map ends as it began
    const colors = await testids(page, '[data-testid="analysis-panel"] [data-testid^="color-"]');
    for (const id of [...colors.ids.filter((c) => c !== colors.active), ...(colors.active ? [colors.active] : [])]) await measure(id, { type: 'click', testid: id });
    await measure('pan', { type: 'pan', dx: 400, dy: 250 });
    await measure('zoom in', { type: 'zoom', by: 1 });
    await measure('zoom out', { type: 'zoom', by: -1 });
    if (opts.shotsDir) {
      const file = `${opts.shotsDir}/bench-ui-${spec.name}.png`;
      await page.screenshot({ path: file, timeout: LOAD_TIMEOUT });
      log(`[${spec.name}] screenshot ${file}`);
    }
    return { name: spec.name, counts, budgetMs: spec.budgetMs, load, interactions };
  } finally {
    await context.close();
  }
}
