/**
 * What `npm run bench:ui` measures inside the page: long main-thread tasks (PerformanceObserver
 * 'longtask', installed before the app's scripts run), the time from an action to the second
 * animation frame after it, and when the page has settled again. Times are performance.now() ms.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface BenchState {
  /** [startTime, duration] of every long task since the page started. */
  long: [number, number][];
  /** The long-task observer: takeRecords() hands over entries not yet delivered to its callback. */
  observer: PerformanceObserver;
  /** performance.now() of the map's last rendered frame. */
  lastRenderAt: number;
  load?: { t0: number; applied: number | null; paint: number | null; run: number | null; result: number | null };
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

/** Installs the long-task recorder in every page of the context, before the app runs. */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.long.push([e.startTime, e.duration]);
    });
    window.__bench = { long: [], observer, lastRenderAt: 0 };
    observer.observe({ type: 'longtask', buffered: true });
  });
}

/**
 * The longest task that ends after `from`: its duration and its start relative to `from` (ms,
 * rounded); 0 when there was none over 50 ms.
 */
export async function longestTaskAfter(page: Page, from: number): Promise<{ ms: number; at: number }> {
  return page.evaluate((from) => {
    const b = window.__bench;
    for (const e of b.observer.takeRecords()) b.long.push([e.startTime, e.duration]);
    let best = { ms: 0, at: 0 };
    for (const [s, d] of b.long) if (s + d > from && d > best.ms) best = { ms: Math.round(d), at: Math.round(s - from) };
    return best;
  }, from);
}

/**
 * Waits until nothing has happened for `quietMs`: no long task, no map frame, no analysis running,
 * the map idle with its data drawn.
 * Returns false when that did not happen within `timeoutMs`.
 */
export async function settle(page: Page, since: number, quietMs = 1500, timeoutMs = 300_000): Promise<boolean> {
  await page.evaluate(() => {
    const map = window.__lifecircle.map!;
    if (!(map as unknown as { __benchHooked?: boolean }).__benchHooked) {
      (map as unknown as { __benchHooked?: boolean }).__benchHooked = true;
      map.on('render', () => (window.__bench.lastRenderAt = performance.now()));
    }
  });
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const quiet = await page.evaluate(
      ({ since, quietMs }) => {
        const b = window.__bench;
        for (const e of b.observer.takeRecords()) b.long.push([e.startTime, e.duration]);
        const lastLong = Math.max(0, ...b.long.map(([s, d]) => s + d));
        const dbg = window.__lifecircle;
        // the analysis still running, MapLibre still tiling data, or deck.gl not yet drawn after a data change
        const busy = dbg.store!.getState().analysisStatus === 'running' || !dbg.map!.loaded() || !dbg.mapIdle;
        return !busy && performance.now() - Math.max(since, lastLong, b.lastRenderAt) >= quietMs;
      },
      { since, quietMs },
    );
    if (quiet) return true;
    await page.waitForTimeout(250);
  }
  return false;
}

export type Action = { type: 'click'; testid: string } | { type: 'pan'; dx: number; dy: number } | { type: 'zoom'; by: number };

/**
 * Performs the action in the page and returns when it started and how long until the second
 * animation frame after its start (two nested requestAnimationFrame callbacks).
 */
export async function timeAction(page: Page, action: Action): Promise<{ t0: number; frame2: number }> {
  return page.evaluate(async (a) => {
    const map = window.__lifecircle.map!;
    const t0 = performance.now();
    if (a.type === 'click') {
      const el = document.querySelector<HTMLElement>(`[data-testid="${a.testid}"]`);
      if (!el) throw new Error(`bench:ui: no element [data-testid="${a.testid}"]`);
      el.click();
    } else if (a.type === 'pan') map.panBy([a.dx, a.dy], { animate: false });
    else map.zoomTo(map.getZoom() + a.by, { animate: false });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { t0, frame2: performance.now() - t0 };
  }, action);
}
