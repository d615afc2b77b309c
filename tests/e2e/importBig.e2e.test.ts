import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, requireChromium, shot, waitForMap } from './browser';

const hasChromium = requireChromium();

describe.skipIf(!hasChromium)('a 100 MB GeoJSON', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('parses in the import worker with progress while the page stays responsive; cancel stops it', async () => {
    const { page, errors, context } = await openApp(browser, 'en');
    await waitForMap(page);
    const t0 = Date.now();
    const mb = await page.evaluate(() => {
      const parts: string[] = [];
      let size = 0;
      let i = 0;
      const pad = 'x'.repeat(180);
      while (size < 100 * 1024 * 1024) {
        const s = `{"type":"Feature","properties":{"id":"f${i}","name":"设施 ${i}","category":"kindergarten","note":"${pad}"},"geometry":{"type":"Point","coordinates":[${115.6 + (i % 1000) * 0.00006},${33.2 + Math.floor(i / 1000) * 0.0001}]}}`;
        parts.push(s);
        size += s.length + 1;
        i++;
      }
      const file = new File(['{"type":"FeatureCollection","features":[', parts.join(','), ']}'], 'big.geojson', { type: 'application/json' });
      (window as unknown as { __big: File }).__big = file;
      return file.size / 1024 / 1024;
    });
    console.log(`[e2e] generated ${mb.toFixed(1)} MB in ${Date.now() - t0} ms`);

    // Long main-thread tasks from now on (PerformanceObserver 'longtask').
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
      // Sample the progress bar in the page too: on a quick machine the parse is over before a
      // few 250 ms polls from the test could see it move.
      const seen = new Set<string>();
      (window as unknown as { __progress: Set<string> }).__progress = seen;
      setInterval(() => {
        const bar = document.querySelector('[data-testid="import-progress-bar"]') as HTMLProgressElement | null;
        if (bar) seen.add(bar.value.toFixed(2));
      }, 10);
      const dt = new DataTransfer();
      dt.items.add((window as unknown as { __big: File }).__big);
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('import-progress').waitFor();
    // While the worker parses, the page answers quickly and the progress bar moves.
    const pings: number[] = [];
    const fractions = new Set<string>();
    const t1 = Date.now();
    while (await page.getByTestId('import-progress').isVisible().catch(() => false)) {
      const p0 = Date.now();
      const v = await page.evaluate(() => (document.querySelector('[data-testid="import-progress-bar"]') as HTMLProgressElement | null)?.value ?? null);
      pings.push(Date.now() - p0);
      if (v !== null) fractions.add(v.toFixed(2));
      if (pings.length === 3) await shot(page, 'import-big-progress');
      await page.waitForTimeout(250);
    }
    console.log(`[e2e] 100 MB parsed in ${Date.now() - t1} ms; progress values ${[...fractions].join(' ')}; slowest page round trip ${Math.max(...pings)} ms`);
    await page.getByTestId('import-dialog').waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('io-feature-count').textContent()).toMatch(/^\d{3},\d{3}/);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    console.log(`[e2e] long tasks while parsing: ${long.length}, longest ${Math.round(Math.max(0, ...long))} ms`);
    expect(Math.max(...pings)).toBeLessThan(1000);
    const sampled = await page.evaluate(() => [...(window as unknown as { __progress: Set<string> }).__progress]);
    expect(new Set([...fractions, ...sampled]).size).toBeGreaterThan(1);
    await page.getByTestId('io-cancel').click();

    // Cancel while reading: the worker is terminated, nothing changes, the next import works.
    const before = await page.evaluate(() => window.__lifecircle.store!.getState().layers.facilities!.fc.features.length);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add((window as unknown as { __big: File }).__big);
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('import-progress').waitFor();
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().layers.facilities!.fc.features.length)).toBe(before);
    expect(await page.getByTestId('import-dialog').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });
});
