import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Feature, Polygon } from 'geojson';
import { area, centroid, booleanPointInPolygon } from '@turf/turf';
import { analyzeCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { normalizeLayer } from '../../src/core/model';
import { COVERAGE_COLORS } from '../../src/map/palette';
import { countColors, launch, openApp, over, requireChromium, shot, waitForMap, type Rgb } from './browser';

const demo = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../data/demo', `${name}.geojson`), 'utf8'));
const hasChromium = requireChromium();


describe.skipIf(!hasChromium)('analysis in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs on the demo in a worker; the chart and a community card show the engine numbers', async () => {
    // The same analysis in Node, as the reference for what the page must show.
    const communities = normalizeLayer(demo('communities'), 'communities');
    const expected = analyzeCoverage({ communities, facilities: demo('facilities'), network: demo('network'), rules: defaultRules }, { mode: 'network' });
    const C = expected.communityCount;
    const k = expected.categoryIds.indexOf('kindergarten');
    const kgRate = expected.stats.categories[k].population.rate!;

    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForMap(page);
    await page.waitForSelector('[data-testid="analysis-status"][data-status="done"]', { timeout: 120_000 });
    const ms = await page.evaluate(() => window.__lifecircle.store!.getState().analysisMs);
    console.log(`[e2e] analysis in the worker: ${ms} ms`);

    // The page stayed responsive: a round trip to the main thread is quick right after the run.
    const t0 = Date.now();
    await page.evaluate(() => 1);
    expect(Date.now() - t0).toBeLessThan(2000);

    // Chart: population-weighted kindergarten coverage equals the engine's.
    await page.getByTestId('category-select').selectOption('kindergarten');
    const shown = Number(await page.getByTestId('coverage-rate-kindergarten').getAttribute('data-rate'));
    expect(shown).toBeCloseTo(kgRate, 9);
    const label = await page.getByTestId('coverage-rate-kindergarten').textContent();
    expect(label).toContain(`${(kgRate * 100).toFixed(1)}%`);

    // Service areas are computed and drawn; communities are coloured covered / not covered.
    await page.waitForFunction(() => window.__lifecircle.store!.getState().serviceArea?.categoryId === 'kindergarten');
    const sa = await page.evaluate(() => {
      const s = window.__lifecircle.store!.getState().serviceArea!;
      return { polygons: s.polygons.length, area: s.polygons[0]?.properties.area_m2 ?? 0, edges: s.edges?.length ?? 0 };
    });
    expect(sa.area).toBeGreaterThan(10_000);
    expect(sa.edges).toBeGreaterThan(10);
    await page.evaluate(() => {
      window.__lifecircle.mapIdle = false;
      window.__lifecircle.map!.triggerRepaint();
    });
    await waitForMap(page);
    const px = await countColors(page, { covered: over(COVERAGE_COLORS.covered), notCovered: over(COVERAGE_COLORS.notCovered) }, 14);
    console.log('[e2e] coverage pixels', px);
    expect(px.notCovered).toBeGreaterThan(500);
    expect(px.covered).toBeGreaterThan(50);
    await shot(page, 'analysis-kindergarten');

    // Pick a large community with a reachable kindergarten and click its centroid.
    const feats = communities.features as unknown as Feature<Polygon, Record<string, unknown>>[];
    const candidates = feats
      .map((f, c) => ({ c, a: area(f), d: expected.distance[k * C + c], inside: booleanPointInPolygon(centroid(f), f as never) }))
      .filter((x) => Number.isFinite(x.d) && x.inside)
      .sort((a, b) => b.a - a.a);
    const target = candidates[0];
    const [lon, lat] = centroid(feats[target.c]).geometry.coordinates;
    const xy = await page.evaluate(([lon, lat]) => window.__lifecircle.map!.project([lon, lat]), [lon, lat]);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + xy.x, box.y + xy.y);
    await expect.poll(() => page.getByTestId('community-name').textContent()).toBe(String(feats[target.c].properties.name));

    const row = page.getByTestId('compliance-kindergarten');
    expect(Number(await row.getAttribute('data-distance'))).toBeCloseTo(target.d, 1);
    expect(await row.getAttribute('data-ok')).toBe(target.d <= 300 ? '1' : '0');
    await row.click();
    await expect.poll(() => page.getByTestId('route-info').getAttribute('data-distance'), { timeout: 30_000 }).toBe(target.d.toFixed(1));
    await page.evaluate(() => {
      window.__lifecircle.mapIdle = false;
      window.__lifecircle.map!.triggerRepaint();
    });
    await waitForMap(page);
    const routePx = await countColors(page, { route: COVERAGE_COLORS.route.slice(0, 3) as Rgb }, 10);
    expect(routePx.route).toBeGreaterThan(30);
    await shot(page, 'analysis-community-route');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('euclidean mode gives straight-line figures no larger than the network ones', async () => {
    const { page, context } = await openApp(browser, 'en');
    await waitForMap(page);
    await page.waitForSelector('[data-testid="analysis-status"][data-status="done"]', { timeout: 120_000 });
    const net = Number(await page.getByTestId('coverage-rate-community_service_station').getAttribute('data-rate'));
    await page.getByTestId('mode-select').selectOption('euclidean');
    await page.waitForFunction(() => window.__lifecircle.store!.getState().coverage?.mode === 'euclidean', undefined, { timeout: 60_000 });
    await page.waitForSelector('[data-testid="analysis-status"][data-status="done"]');
    const eu = Number(await page.getByTestId('coverage-rate-community_service_station').getAttribute('data-rate'));
    expect(eu).toBeGreaterThanOrEqual(net);
    expect(await page.getByTestId('analysis-panel').textContent()).toContain('Detour factor');
    await shot(page, 'analysis-euclidean-en');
    await context.close();
  });
});
