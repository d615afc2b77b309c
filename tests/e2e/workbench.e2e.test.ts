import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bbox, booleanPointInPolygon, centroid, distance as turfDistance } from '@turf/turf';
import { analyzeCoverage, runCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { prepareCoverage } from '../../src/core/analysis/coverage/prepareCoverage';
import { parkCoverage } from '../../src/core/analysis/parks/parkCoverage';
import { parkingSupply } from '../../src/core/analysis/parking/parkingSupply';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { communityPopulation } from '../../src/core/model/communityPopulation';
import { missingBins } from '../../src/map/palette';
import { countColors, launch, openApp, over, repaintAndWait, requireChromium, shot, waitForAnalysis } from './browser';
import { demoLayer } from './demoLayers';

const rules = defaultRules;
const demo = demoLayer;
const hasChromium = requireChromium();

const analysisDone = waitForAnalysis;

/** Metres from the map's centre to a point. */
async function centreDistance(page: Page, lonLat: number[]): Promise<number> {
  const c = await page.evaluate(() => window.__lifecircle.map!.getCenter().toArray());
  return turfDistance(c, lonLat, { units: 'meters' });
}

describe.skipIf(!hasChromium)('workbench: compliance table, gap map, dashboard', () => {
  let browser: Browser;
  // The same analysis in Node, as the reference for what the page must show.
  const communities = demo('communities');
  const facilities = demo('facilities');
  const network = demo('network');
  const parks = demo('parks');
  const parking = demo('parking');
  const expected = analyzeCoverage({ communities, facilities, network, rules }, { mode: 'network' });
  const C = expected.communityCount;
  const lifeLevels = ['5min', '10min', '15min'];
  // Missing mandatory categories per community over the 5/10/15-minute levels, counted by hand
  // from the engine's ok flags (levels are not nested: each level's own mandatory categories).
  // Categories without any facility in the demo are "no data", not gaps (issue 8 item 7).
  const inData = new Set(facilities.features.map((f) => String(f.properties.category)));
  const mandatory = rules.categories.filter((c) => c.mandatory && lifeLevels.includes(c.level) && inData.has(c.id));
  const missing = Array.from({ length: C }, (_, c) =>
    mandatory.filter((cat) => !expected.ok[expected.categoryIds.indexOf(cat.id) * C + c]).length,
  );
  const isOld = communities.features.map((f) => typeof f.properties.built_year === 'number' && f.properties.built_year < rules.old_before_year);

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the table sorts by missing count; a row click selects and flies; a map click scrolls to the row', async () => {
    const { page, errors, context } = await openApp(browser, 'en');
    await analysisDone(page);
    await page.getByTestId('tab-compliance').click();
    await page.waitForSelector('[data-testid="compliance-table"]');
    expect(await page.getByTestId('cp-count').getAttribute('data-shown')).toBe(String(C));

    // Sort by the missing count: the first click on another column's header, then twice on "missing".
    await page.getByTestId('compliance-header-name').click();
    await expect.poll(() => page.getByTestId('compliance-header-name').getAttribute('aria-sort')).toBe('ascending');
    const header = page.getByTestId('compliance-header-missing');
    await header.click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const rows = page.locator('[data-testid^="compliance-row-"]');
    const shown = await rows.evaluateAll((els) => els.map((e) => ({ index: Number(e.getAttribute('data-index')), missing: Number(e.getAttribute('data-missing')) })));
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(60); // virtualised: only the rows in view
    const maxMissing = Math.max(...missing);
    expect(shown[0].missing).toBe(maxMissing);
    for (let i = 1; i < shown.length; i++) expect(shown[i].missing).toBeLessThanOrEqual(shown[i - 1].missing);
    for (const r of shown) expect(r.missing).toBe(missing[r.index]);
    // ties keep the input order: the top row is the first community with the most missing
    const top = missing.indexOf(maxMissing);
    expect(shown[0].index).toBe(top);
    await shot(page, 'workbench-compliance-sorted');

    // Move the map away, then click the top row: it is selected and the map flies there.
    const target = centroid(communities.features[top]).geometry.coordinates;
    await page.evaluate(([lon, lat]) => window.__lifecircle.map!.jumpTo({ center: [lon + 0.02, lat + 0.01], zoom: 14 }), target);
    expect(await centreDistance(page, target)).toBeGreaterThan(1000);
    await page.getByTestId(`compliance-row-${top}`).click();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().selectedCommunity)).toBe(top);
    // The map frames the community (and its walking route, once it arrives: issue 8 item 5).
    const [w, s, e, n] = bbox(communities.features[top]);
    const framed = () =>
      page.evaluate(([w, s, e, n]) => {
        const m = window.__lifecircle.map!;
        const v = m.getBounds().toArray();
        return !m.isMoving() && v[0][0] <= w && v[0][1] <= s && v[1][0] >= e && v[1][1] >= n;
      }, [w, s, e, n]);
    await expect.poll(framed, { timeout: 30_000 }).toBe(true);
    await page.waitForFunction((i) => window.__lifecircle.store!.getState().route?.communityIndex === i, top, { timeout: 30_000 });
    await page.waitForFunction(() => !window.__lifecircle.map!.isMoving(), undefined, { timeout: 30_000 });
    expect(await framed()).toBe(true);
    expect(await page.getByTestId(`compliance-row-${top}`).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('community-name').textContent()).toBe(String(communities.features[top].properties.name));
    await repaintAndWait(page);
    await shot(page, 'workbench-compliance-flown');

    // A click on the map selects a community far down the sorted table: its row scrolls into view.
    const candidates = communities.features
      .map((f, c) => ({ c, p: centroid(f).geometry.coordinates, inside: booleanPointInPolygon(centroid(f), f as never) }))
      .filter((x) => x.inside && missing[x.c] === Math.min(...missing));
    const far = candidates[candidates.length - 1];
    expect(await page.getByTestId(`compliance-row-${far.c}`).count()).toBe(0); // not rendered: out of view
    await page.evaluate(([lon, lat]) => window.__lifecircle.map!.jumpTo({ center: [lon, lat], zoom: 17 }), far.p);
    await repaintAndWait(page);
    const xy = await page.evaluate(([lon, lat]) => window.__lifecircle.map!.project([lon, lat]), far.p);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + xy.x, box.y + xy.y);
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().selectedCommunity)).toBe(far.c);
    const row = page.getByTestId(`compliance-row-${far.c}`);
    await expect.poll(() => row.getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
    const rb = (await row.boundingBox())!;
    const sb = (await page.locator('.cp-scroll').boundingBox())!;
    expect(rb.y).toBeGreaterThanOrEqual(sb.y);
    expect(rb.y + rb.height).toBeLessThanOrEqual(sb.y + sb.height + 1);

    // Filters: old only and at least one missing → the old communities with gaps.
    await page.getByTestId('cp-old-only').check();
    await page.getByTestId('cp-min-missing').fill('1');
    const oldWithGaps = missing.filter((m, c) => isOld[c] && m > 0).length;
    await expect.poll(() => page.getByTestId('cp-count').getAttribute('data-shown')).toBe(String(oldWithGaps));
    await page.getByTestId('cp-clear').click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the gap map colours communities by missing categories and aggregates uncovered residents on hexagons', async () => {
    const { page, errors, context } = await openApp(browser, 'en');
    await analysisDone(page);
    await page.getByTestId('tab-gaps').click();
    await page.waitForSelector('[data-testid="gap-view"]');

    // Uncovered residents of the 5-min level: communities missing any 5-min mandatory category.
    const five = rules.categories.filter((c) => c.mandatory && c.level === '5min').map((c) => expected.categoryIds.indexOf(c.id));
    let uncovered = 0;
    for (let c = 0; c < C; c++) if (five.some((k) => !expected.ok[k * C + c])) uncovered += communityPopulation(communities.features[c].properties, rules).population ?? 0;
    expect(Number(await page.getByTestId('gap-level-uncovered').getAttribute('data-value'))).toBeCloseTo(uncovered, 6);

    // All levels: 12 + 4 + 6 mandatory categories with data (the 15-min level's 4 without data do
    // not count) → classes of missingBins(22).
    const binColors = Object.fromEntries(missingBins(mandatory.length).map((b) => [`${b.min}-${b.max}`, over(b.color)]));
    // Opening the gap map colours by missing categories at once (issue 8); switched off, the
    // level's completeness colouring shows instead.
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().coloring)).toBe('missing');
    await page.getByTestId('gap-colour-missing').click();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().coloring)).toBe('level');
    await repaintAndWait(page);
    const before = await countColors(page, binColors, 10);
    await page.getByTestId('gap-colour-missing').click();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().coloring)).toBe('missing');
    await page.getByTestId('gap-scope-all').click();
    await repaintAndWait(page);
    const px = await countColors(page, binColors, 10);
    console.log('[e2e] missing-count pixels before/after', before, px);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(px)).toBeGreaterThan(sum(before) + 2000);
    // more than one class is on the map (the classes spread over 0..22)
    expect(Object.values(px).filter((n) => n > 200).length).toBeGreaterThan(1);
    await expect(page.getByTestId('legend-missing-legend').isVisible()).resolves.toBe(true);
    await shot(page, 'workbench-gap-missing-all');

    // The hex grid of the active level: the deck layer is there and the map changes under it.
    const snapshot = () =>
      page.evaluate(() => {
        const src = window.__lifecircle.map!.getCanvas();
        const c = document.createElement('canvas');
        c.width = src.width;
        c.height = src.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(src, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        const w = window as unknown as { __gapShot?: Uint8ClampedArray };
        const prev = w.__gapShot;
        w.__gapShot = d;
        if (!prev || prev.length !== d.length) return -1;
        let changed = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (Math.abs(d[i] - prev[i]) + Math.abs(d[i + 1] - prev[i + 1]) + Math.abs(d[i + 2] - prev[i + 2]) > 40) changed++;
        }
        return changed;
      });
    await snapshot();
    await page.getByTestId('gap-grid-level').click();
    await repaintAndWait(page);
    const layerIds = await page.evaluate(() => {
      const deck = (window.__lifecircle.overlay as unknown as { _deck?: { props: { layers: { id: string }[] } } })._deck;
      return deck ? deck.props.layers.map((l) => l.id) : null;
    });
    if (layerIds) expect(layerIds).toContain('gap-grid');
    const changed = await snapshot();
    console.log('[e2e] pixels changed by the hex grid', changed, 'deck layers', layerIds);
    expect(changed).toBeGreaterThan(5000);
    expect(Number(await page.getByTestId('gap-grid-legend').getAttribute('data-total'))).toBeCloseTo(uncovered, 6);
    await shot(page, 'workbench-gap-hex-level');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the dashboard shows the numbers the engine computes in Node', async () => {
    const ctx = prepareCoverage({ communities, facilities, network, rules }, { mode: 'network' });
    const cov = runCoverage(ctx);
    const parkRes = parkCoverage(ctx, { parks, thresholds: rules.parks.thresholds, communities });
    const parkingRes = parkingSupply(ctx, { communities, parking }, { ratio: rules.parking.ratio_per_household, searchRadius: rules.parking.search_radius_m });

    for (const locale of ['en', 'zh-CN'] as const) {
      const { page, errors, context } = await openApp(browser, locale);
      await analysisDone(page);
      await page.getByTestId('tab-dashboard').click();
      await page.waitForSelector('[data-testid="dashboard"]');
      const value = async (id: string) => Number(await page.getByTestId(`dash-${id}`).getAttribute('data-value'));
      for (const l of lifeLevels) {
        const st = cov.stats.levels.find((x) => x.id === l)!;
        expect(await value(`level-${l}`)).toBeCloseTo(st.complete.population.rate!, 9);
        expect(await value(`mean-${l}`)).toBeCloseTo(st.meanCompleteness.population!, 9);
      }
      expect(await value('park-rate')).toBeCloseTo(parkRes.stats.population.rate!, 9);
      expect(await value('park-area-rate')).toBeCloseTo(parkRes.stats.area!.rate!, 6);
      expect(await value('parking-gap')).toBeCloseTo(parkingRes.totals.gap, 6);
      expect(await value('old-missing')).toBe(missing.filter((m, c) => isOld[c] && m > 0).length);
      expect(await value('population')).toBeCloseTo(cov.stats.totals.population, 6);
      const kg = cov.stats.categories.find((c) => c.id === 'kindergarten')!;
      expect(Number(await page.getByTestId('dash-cat-kindergarten').getAttribute('data-value'))).toBeCloseTo(kg.population.rate!, 9);
      const pct = `${(cov.stats.levels.find((x) => x.id === '5min')!.complete.population.rate! * 100).toFixed(1)}%`;
      expect(await page.getByTestId('dash-level-5min').textContent()).toBe(pct);
      await shot(page, `workbench-dashboard-${locale}`);
      await page.getByTestId('dash-cats-5min').scrollIntoViewIfNeeded();
      await shot(page, `workbench-dashboard-bars-${locale}`);
      if (locale === 'zh-CN') {
        await page.getByTestId('tab-compliance').click();
        await page.waitForSelector('[data-testid="compliance-table"]');
        await shot(page, 'workbench-compliance-zh-CN');
        await page.getByTestId('tab-gaps').click();
        await page.getByTestId('gap-grid-category').click();
        await repaintAndWait(page);
        await shot(page, 'workbench-gap-zh-CN');
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
