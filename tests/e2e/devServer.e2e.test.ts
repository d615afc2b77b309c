import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { COLORS, oldCommunityColor } from '../../src/map/palette';
import { countColors, launch, openApp, over, repaintAndWait, requireChromium, shot, waitForMap } from './browser';
import { startServer, type RunningServer } from './servers';

const hasChromium = requireChromium();

/**
 * The README's first command as a new planner runs it: `npm run dev`. Dev loads CSS and workers
 * differently from the production build (a dev-only 0-px map once slipped through).
 */
describe.skipIf(!hasChromium)('npm run dev: the demo on the map', () => {
  let browser: Browser;
  let dev: RunningServer;
  beforeAll(async () => {
    dev = await startServer('npm', ['run', 'dev', '--'], 'npm run dev', 90_000);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    dev?.stop();
  });

  it('shows a full-height map with communities, and the first result does not wait for the map', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN', '', dev.url);
    await waitForMap(page, 150_000);
    const box = (await page.getByTestId('map').boundingBox())!;
    console.log(`[e2e] dev map ${Math.round(box.width)}×${Math.round(box.height)} px`);
    expect(box.height).toBeGreaterThan(300);
    expect(box.width).toBeGreaterThan(600);

    await page.getByTestId('color-built_year').click();
    await page.waitForFunction(() => window.__lifecircle.store!.getState().coloring === 'built_year');
    await repaintAndWait(page);
    const px = await countColors(page, { old: over(oldCommunityColor(1990, 2000)), new: over(COLORS.communityNew) }, 3);
    console.log('[e2e] dev community pixels', px);
    expect(px.old + px.new).toBeGreaterThan(2000);
    console.log(`[e2e] screenshot ${await shot(page, 'dev-demo-zh')}`);

    // The analysis starts when the data are loaded, not after the map has drawn them.
    await page.waitForFunction(() => window.__lifecircle.firstResultAt !== null, undefined, { timeout: 60_000 });
    const t = await page.evaluate(() => ({ run: window.__lifecircle.firstRunAt!, paint: window.__lifecircle.firstPaintAt!, result: window.__lifecircle.firstResultAt! }));
    console.log(`[e2e] dev: analysis started ${t.run} ms, first paint ${t.paint} ms, first result ${t.result} ms (${t.result - t.paint} ms after the paint)`);
    expect(t.run).toBeLessThanOrEqual(t.paint);

    // The scenario view in dev: terra-draw (an ESM dependency Vite pre-bundles) starts its line mode.
    await page.waitForSelector('[data-testid="analysis-status"][data-status="done"]', { timeout: 120_000 });
    await page.getByTestId('tab-scenario').click();
    await page.getByTestId('scenario-view').waitFor();
    await page.getByTestId('sc-tool-link').click();
    await page.getByTestId('sc-hint').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
