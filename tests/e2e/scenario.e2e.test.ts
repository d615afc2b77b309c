import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS } from '../../src/core/studyArea';
import { applyEdits, scenarioDiff, type ScenarioEdit } from '../../src/core/scenario';
import { representativePoint } from '../../src/core/analysis/points';
import { isOld } from '../../src/core/model';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { haversine } from '../../src/core/network';
import { clickAt, launch, openApp, requireChromium, screenAt, shot, waitForAnalysis } from './browser';
import { demoLayer } from './demoLayers';

const hasChromium = requireChromium();
const layers = { communities: demoLayer('communities'), facilities: demoLayer('facilities'), network: demoLayer('network'), parks: demoLayer('parks'), parking: demoLayer('parking') };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };
const baseline = analyzeStudyArea(layers, defaultRules, settings).result;
const C = baseline.coverage.communityCount;
const kg = baseline.coverage.categoryIds.indexOf('kindergarten');
// An old community without a kindergarten within reach, with the most residents: the place to try one.
const target = (() => {
  let best = -1;
  for (let c = 0; c < C; c++) {
    if (baseline.coverage.ok[kg * C + c] || !isOld(layers.communities.features[c].properties)) continue;
    if (best < 0 || baseline.weights.population[c] > baseline.weights.population[best]) best = c;
  }
  return best;
})();
const targetPoint = representativePoint(layers.communities.features[target].geometry)!;
// Two street vertices near it (the nearest, and one 80–250 m away): a footpath between them joins the network at both ends.
const streetEnds = (() => {
  const vs: [number, number][] = [];
  for (const f of layers.network.features) {
    const g = f.geometry;
    if (g.type === 'LineString') for (const p of g.coordinates) vs.push([p[0], p[1]]);
  }
  const d = (p: [number, number]) => haversine(p[0], p[1], targetPoint[0], targetPoint[1]);
  vs.sort((a, b) => d(a) - d(b));
  const a = vs[0];
  const b = vs.find((p) => { const x = haversine(p[0], p[1], a[0], a[1]); return x > 80 && x < 250; })!;
  return [a, b] as [[number, number], [number, number]];
})();

const edits = (page: Page) => page.evaluate(() => {
  const s = window.__lifecircle.store!.getState();
  return s.scenarios.find((x) => x.id === s.activeScenarioId)?.edits ?? [];
}) as Promise<ScenarioEdit[]>;

describe.skipIf(!hasChromium)('scenarios in the browser (issue 11): edit, diff, suggest, accept, undo', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a kindergarten in an old community: the diff matches the pipeline run on the edited layers; undo, redo, a footpath, a suggestion accepted', async () => {
    expect(target).toBeGreaterThanOrEqual(0);
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    await page.getByTestId('tab-scenario').click();
    await page.getByTestId('scenario-view').waitFor();
    await page.getByTestId('sc-new').click();
    await page.evaluate((ll) => window.__lifecircle.map!.jumpTo({ center: ll, zoom: 16 }), targetPoint as [number, number]);
    await page.getByTestId('sc-category').selectOption('kindergarten');
    await page.getByTestId('sc-tool-add-facility').click();
    await clickAt(page, targetPoint as [number, number]);
    await expect.poll(async () => (await edits(page)).length, { timeout: 30_000 }).toBe(1);
    const [added] = await edits(page);
    expect(added).toMatchObject({ op: 'add', layer: 'facilities', properties: { category: 'kindergarten' } });

    // The reference: the same edit applied to the demo layers and run through the pipeline in Node.
    const after = analyzeStudyArea(applyEdits(layers, [added]).layers, defaultRules, settings).result;
    const ref = scenarioDiff(baseline, after);
    const refKg = ref.categories[kg];
    expect(refKg.gainedCommunities).toContain(target);
    await expect.poll(() => page.getByTestId('sc-changed').getAttribute('data-value'), { timeout: 60_000 }).toBe(String(ref.changedCommunities));
    const row = page.getByTestId('sc-delta-kindergarten');
    expect(Number(await row.getAttribute('data-gained-population'))).toBeCloseTo(refKg.gained.population, 6);
    // The community card shows the scenario's value next to the baseline's.
    await page.evaluate((c) => window.__lifecircle.store!.getState().selectCommunity(c), target);
    const card = page.getByTestId('compliance-scenario-kindergarten');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-ok')).toBe('1');
    expect(await page.getByTestId('compliance-kindergarten').getAttribute('data-ok')).toBe('0');
    await shot(page, 'scenario-kindergarten-zh');

    // Undo removes the edit (nothing changes any more), redo brings it back.
    await page.getByTestId('sc-undo').click();
    await expect.poll(async () => (await edits(page)).length).toBe(0);
    await expect.poll(() => page.getByTestId('sc-changed').getAttribute('data-value'), { timeout: 60_000 }).toBe('0');
    await page.getByTestId('sc-redo').click();
    await expect.poll(() => page.getByTestId('sc-changed').getAttribute('data-value'), { timeout: 60_000 }).toBe(String(ref.changedCommunities));

    // A footpath drawn with terra-draw: two street vertices, then the last one again to finish; its
    // ends join the network there (no problem listed).
    await page.getByTestId('sc-tool-link').click();
    await clickAt(page, streetEnds[0]);
    await page.waitForTimeout(300);
    await clickAt(page, streetEnds[1]);
    await page.waitForTimeout(300);
    await clickAt(page, streetEnds[1]);
    await expect.poll(async () => (await edits(page)).length, { timeout: 30_000 }).toBe(2);
    expect((await edits(page))[1]).toMatchObject({ op: 'add', layer: 'network' });
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().scenarioProblems.length), { timeout: 60_000 }).toBe(0);
    // A park drawn as a polygon (three corners, then the first again), then undone.
    await page.getByTestId('sc-tool-park').click();
    const [lon, lat] = targetPoint;
    const corners: [number, number][] = [[lon + 0.0012, lat + 0.0012], [lon + 0.0022, lat + 0.0012], [lon + 0.0017, lat + 0.002]];
    for (const c of [...corners, corners[0]]) {
      await clickAt(page, c);
      await page.waitForTimeout(300);
    }
    await expect.poll(async () => (await edits(page)).length, { timeout: 30_000 }).toBe(3);
    expect((await edits(page))[2]).toMatchObject({ op: 'add', layer: 'parks', geometry: { type: 'Polygon' } });
    await shot(page, 'scenario-drawn-zh');
    await page.getByTestId('sc-undo').click();
    await expect.poll(async () => (await edits(page)).length).toBe(2);
    await page.getByTestId('sc-tool-park').click(); // stop drawing

    // A suggestion of two sites in the whole town: gains non-increasing; accepting adds them.
    await page.evaluate(() => {
      const map = window.__lifecircle.map!;
      map.jumpTo({ zoom: 13 });
    });
    await page.getByTestId('sc-category').selectOption('elderly_daycare');
    await page.getByTestId('sc-k').fill('2');
    await page.getByTestId('sc-suggest-run').click();
    await page.getByTestId('sc-picks').waitFor({ timeout: 60_000 });
    const gains = await page.locator('[data-testid^="sc-pick-"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-gain'))));
    expect(gains.length).toBe(2);
    expect(gains[0]).toBeGreaterThan(0);
    expect(gains[1]).toBeLessThanOrEqual(gains[0]);
    await shot(page, 'scenario-suggestion-zh');
    await page.getByTestId('sc-accept').click();
    await expect.poll(async () => (await edits(page)).length).toBe(4);
    expect((await edits(page)).slice(2).every((e) => e.op === 'add' && e.layer === 'facilities' && e.properties.category === 'elderly_daycare')).toBe(true);
    await expect.poll(async () => Number(await page.getByTestId('sc-changed').getAttribute('data-value')), { timeout: 60_000 }).toBeGreaterThan(ref.changedCommunities);
    // the kindergarten's gains are still there, next to the new day-care centres
    expect(Number(await page.getByTestId('sc-delta-kindergarten').getAttribute('data-gained-population'))).toBeGreaterThanOrEqual(refKg.gained.population);
    await expect.poll(() => page.getByTestId('sc-delta-elderly_daycare').count()).toBe(1);
    await shot(page, 'scenario-accepted-zh');

    // Candidate sites the planner clicks: the one pick is one of them.
    await page.evaluate((ll) => window.__lifecircle.map!.jumpTo({ center: ll, zoom: 15 }), targetPoint as [number, number]);
    await page.getByTestId('sc-tool-suggest-points').click();
    const cands: [number, number][] = [streetEnds[0], streetEnds[1]];
    for (const c of cands) {
      await clickAt(page, c);
      await page.waitForTimeout(200);
    }
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().suggestionPoints.length)).toBe(2);
    await page.getByTestId('sc-tool-suggest-points').click();
    await page.getByTestId('sc-category').selectOption('kindergarten');
    await page.getByTestId('sc-k').fill('1');
    await page.getByTestId('sc-suggest-run').click();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().suggestionStatus), { timeout: 60_000 }).toBe('done');
    const picked = await page.evaluate(() => window.__lifecircle.store!.getState().suggestion!.picks.map((p) => [p.lon, p.lat]));
    expect(picked.length).toBeLessThanOrEqual(1);
    for (const [plon, plat] of picked) expect(cands.some(([x, y]) => Math.abs(x - plon) < 1e-6 && Math.abs(y - plat) < 1e-6)).toBe(true);
    await page.getByTestId('sc-candidates-clear').click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the move tool drags a facility to its new place (press, drag, release): one move edit where it was dropped', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    await page.getByTestId('tab-scenario').click();
    await page.getByTestId('sc-new').click();
    const kgFeature = layers.facilities.features.find((f) => f.properties.category === 'kindergarten')!;
    const from = (kgFeature.geometry as unknown as { coordinates: [number, number] }).coordinates;
    await page.evaluate((ll) => window.__lifecircle.map!.jumpTo({ center: ll, zoom: 17 }), from);
    await page.getByTestId('sc-tool-move').click();
    await page.waitForTimeout(300);
    const p = await screenAt(page, from);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(p.x + i * 15, p.y + i * 5);
    await page.mouse.up();
    await expect.poll(async () => (await edits(page)).length).toBe(1);
    const [mv] = await edits(page);
    expect(mv).toMatchObject({ op: 'move', layer: 'facilities', target_id: String(kgFeature.properties.id) });
    const dropped = await page.evaluate((pt) => {
      const map = window.__lifecircle.map!;
      const r = map.getCanvas().getBoundingClientRect();
      const ll = map.unproject([pt.x - r.left, pt.y - r.top]);
      return [ll.lng, ll.lat];
    }, { x: p.x + 120, y: p.y + 40 });
    const to = (mv as unknown as { geometry: { coordinates: [number, number] } }).geometry.coordinates;
    expect(haversine(to[0], to[1], dropped[0], dropped[1])).toBeLessThan(3);
    // the map did not pan while dragging: the facility's old place is where it was on screen
    const still = await screenAt(page, from);
    expect(Math.hypot(still.x - p.x, still.y - p.y)).toBeLessThan(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
