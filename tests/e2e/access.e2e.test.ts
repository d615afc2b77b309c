import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { DEFAULT_STUDY_AREA_SETTINGS, StudyArea } from '../../src/core/studyArea';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { clickAt, launch, openApp, requireChromium, shot, waitForAnalysis } from './browser';
import { demoLayer } from './demoLayers';

const hasChromium = requireChromium();
const layers = { communities: demoLayer('communities'), facilities: demoLayer('facilities'), network: demoLayer('network'), parks: demoLayer('parks'), parking: demoLayer('parking') };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };
// the same pipeline in Node: what the page must show
const area = new StudyArea(layers);
area.analyze(defaultRules, settings);
const ref = area.choice(defaultRules, settings);
const C = ref.communityCount;
const kg = ref.categoryIds.indexOf('kindergarten');
const refSurface = area.surface(defaultRules, settings, { cell: 50, levelId: '10min' });

describe.skipIf(!hasChromium)('beyond yes/no in the browser (issue 13): choice table, count colouring, card, surface', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the access view shows the pipeline’s counts; the card the community’s; a level surface with legend, a clicked cell’s breakdown and a GeoJSON export', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    await page.getByTestId('tab-access').click();
    await page.getByTestId('access-table').waitFor({ timeout: 60_000 });

    // the table: mean count within the radius and communities with two or more, as computed in Node
    let n = 0, two = 0;
    for (let c = 0; c < C; c++) {
      n += ref.count[kg * C + c];
      if (ref.count[kg * C + c] >= 2) two++;
    }
    const row = page.getByTestId('access-row-kindergarten');
    expect(Number(await row.getAttribute('data-mean'))).toBeCloseTo(n / C, 9);
    expect(Number(await row.getAttribute('data-two'))).toBe(two);
    await row.click();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().coloring)).toBe('choice');
    await page.getByTestId('access-count-legend').waitFor();

    // the card of the community with the most kindergartens within reach shows that count and the second-nearest
    let best = 0;
    for (let c = 1; c < C; c++) if (ref.count[kg * C + c] > ref.count[kg * C + best]) best = c;
    await page.evaluate((c) => window.__lifecircle.store!.getState().selectCommunity(c), best);
    const cardRow = page.getByTestId('compliance-choice-kindergarten');
    await cardRow.waitFor();
    expect(Number(await cardRow.getAttribute('data-count'))).toBe(ref.count[kg * C + best]);
    const d2 = ref.second[kg * C + best];
    expect(await cardRow.getAttribute('data-second')).toBe(Number.isFinite(d2) ? d2.toFixed(1) : '');

    // the surface of the 10-minute level at 50 m
    await page.getByTestId('access-surface-of').selectOption('l:10min');
    await page.getByTestId('access-cell-size').selectOption('50');
    await page.getByTestId('access-surface-legend').waitFor({ timeout: 60_000 });
    const shown = await page.evaluate(() => {
      const s = window.__lifecircle.store!.getState().surface!;
      return { nx: s.grid.nx, ny: s.grid.ny, value: Array.from(s.value) };
    });
    expect([shown.nx, shown.ny]).toEqual([refSurface.grid.nx, refSurface.grid.ny]);
    // the same cells, empty and unreachable alike; distances to a centimetre (float32 cells)
    const diffs = shown.value.map((v, q) => [q, v, refSurface.value[q]]).filter(([, v, r]) => !(Number.isNaN(r) ? Number.isNaN(v) : v === r || Math.abs(v - r) < 0.01));
    expect(diffs.slice(0, 5)).toEqual([]);
    expect(shown.value.filter(Number.isFinite).length).toBeGreaterThan(100);
    // click a walkable, reachable cell near the middle: its breakdown lists the level's categories
    const g = refSurface.grid;
    let q = -1;
    for (let r = Math.floor(g.ny / 2), tries = 0; q < 0 && tries < g.ny; tries++, r = (r + 1) % g.ny) {
      for (let c = Math.floor(g.nx / 3); c < g.nx; c++) if (Number.isFinite(refSurface.value[r * g.nx + c])) { q = r * g.nx + c; break; }
    }
    expect(q).toBeGreaterThanOrEqual(0);
    const col = q % g.nx, rw = Math.floor(q / g.nx);
    const centre: [number, number] = [g.lon0 + (col + 0.5) * g.dLon, g.lat0 + (rw + 0.5) * g.dLat];
    await page.evaluate((ll) => window.__lifecircle.map!.jumpTo({ center: ll, zoom: 15 }), centre);
    await clickAt(page, centre);
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().surfaceCell)).toEqual({ col, row: rw });
    for (const p of refSurface.parts) {
      const li = page.getByTestId(`access-cell-${p.categoryId}`);
      expect(Number(await li.getAttribute('data-value'))).toBeCloseTo(p.value[q], 2);
    }
    await page.evaluate(() => window.__lifecircle.map!.jumpTo({ center: window.__lifecircle.map!.getCenter(), zoom: 14 }));
    await shot(page, 'access-surface-zh-CN');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('access-export-geojson').click()]);
    expect(dl.suggestedFilename()).toBe('surface_10min_50m.geojson');
    const fc = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
    expect(fc.features.length).toBe(Array.from(refSurface.value).filter((v) => !Number.isNaN(v)).length);
    expect(fc.features[0].properties).toHaveProperty('minutes');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
