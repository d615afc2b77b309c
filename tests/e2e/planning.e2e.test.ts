import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { bbox, distance } from '@turf/turf';
import { prepareCoverage } from '../../src/core/analysis/coverage/prepareCoverage';
import { runCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { parkCoverage } from '../../src/core/analysis/parks/parkCoverage';
import { parkingSupply } from '../../src/core/analysis/parking/parkingSupply';
import { rankByScore, renovationScore } from '../../src/core/analysis/renovation/renovationScore';
import { DEFAULT_RENOVATION_WEIGHTS } from '../../src/core/analysis/renovation/renovationWeights';
import { defaultRules } from '../../src/core/rules/defaultRules';
import type { RuleSet } from '../../src/core/rules/types';
import { launch, openApp, repaintAndWait, requireChromium, shot, waitForAnalysis } from './browser';
import { demoLayer } from './demoLayers';

const rules = defaultRules;
const demo = demoLayer;
const hasChromium = requireChromium();

/** The worker's analysis, redone in Node with the core functions on the same data. */
function reference(r: RuleSet) {
  const communities = demo('communities');
  const parks = demo('parks');
  const parking = demo('parking');
  const ctx = prepareCoverage({ communities, facilities: demo('facilities'), network: demo('network'), rules: r }, { mode: 'network', maxSnap: 300, detour: 1 });
  const coverage = runCoverage(ctx);
  const park = parkCoverage(ctx, { parks, thresholds: r.parks.thresholds, communities });
  const supply = parkingSupply(ctx, { communities, parking }, { ratio: r.parking.ratio_per_household, searchRadius: r.parking.search_radius_m });
  const score = (weights: Record<string, number>) =>
    renovationScore(
      { communities, coverage, weights: ctx.weights, oldBeforeYear: r.old_before_year, parkingGap: supply.gap, parkOk: park.ok },
      { weights },
    );
  return { communities, coverage, park, supply, score, population: ctx.weights.population };
}

const ready = waitForAnalysis;

/** Positions 1… of the ranking table as shown: community index and score. */
async function shownRanking(page: Page): Promise<{ index: number; score: number }[]> {
  return page.$$eval('[data-testid^="rank-row-"]', (rows) =>
    rows.map((r) => ({ index: Number(r.getAttribute('data-index')), score: Number(r.getAttribute('data-score')) })),
  );
}

describe.skipIf(!hasChromium)('planning views in the browser', () => {
  let browser: Browser;
  const ref = reference(rules);
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('ranks old communities by score; a row flies the map there; weights re-rank', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await ready(page);
    await page.getByTestId('tab-ranking').click();
    await page.waitForSelector('[data-testid="rank-row-1"]');

    // Sorted by score, descending, and the same order and scores as the Node computation.
    const r0 = ref.score({ ...DEFAULT_RENOVATION_WEIGHTS });
    const order0 = Array.from(rankByScore(r0.score, ref.population));
    const shown = await shownRanking(page);
    console.log(`[e2e] ranking: ${shown.length} old communities; top 3`, shown.slice(0, 3));
    expect(shown.length).toBe(Math.min(100, order0.length));
    for (let i = 1; i < shown.length; i++) expect(shown[i].score).toBeLessThanOrEqual(shown[i - 1].score);
    expect(shown.map((s) => s.index)).toEqual(order0.slice(0, shown.length));
    shown.forEach((s) => expect(s.score).toBeCloseTo(r0.score[s.index], 9));

    // The explanation of the top row: its parts add up to the score.
    await page.getByTestId('rank-explain-1').click();
    await page.waitForSelector('[data-testid="rank-explanation-1"]');
    expect(await page.getByTestId('rank-explanation-1').textContent()).toContain('×');
    await repaintAndWait(page);
    await shot(page, 'planning-ranking');

    // Clicking the top row selects the community and moves the map centre onto it.
    const top = shown[0].index;
    const [w, s, e, n] = bbox(ref.communities.features[top]);
    const target = [(w + e) / 2, (s + n) / 2];
    const centre = () => page.evaluate(() => window.__lifecircle.map!.getCenter().toArray());
    const before = distance(await centre(), target, { units: 'meters' });
    await page.getByTestId('rank-row-1').click();
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().selectedCommunity)).toBe(top);
    await expect.poll(async () => distance(await centre(), target, { units: 'meters' }), { timeout: 20_000 }).toBeLessThan(30);
    console.log(`[e2e] map centre moved from ${before.toFixed(0)} m to the top community`);
    await expect.poll(() => page.getByTestId('community-name').textContent()).toBe(String(ref.communities.features[top].properties.name));
    await repaintAndWait(page);
    await shot(page, 'planning-ranking-top-selected');

    // Age → 0 and parking → the maximum: the ranking follows renovationScore with those weights.
    await page.getByTestId('weight-age').fill('0');
    await page.getByTestId('weight-parking').fill('1');
    const weights = { ...DEFAULT_RENOVATION_WEIGHTS, age: 0, parking: 1 };
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().renovationWeights.parking)).toBe(1);
    const r1 = ref.score(weights);
    const order1 = Array.from(rankByScore(r1.score, ref.population));
    expect(order1.slice(0, 10)).not.toEqual(order0.slice(0, 10));
    await expect.poll(async () => (await shownRanking(page)).slice(0, 10).map((x) => x.index)).toEqual(order1.slice(0, 10));
    const after = await shownRanking(page);
    after.slice(0, 20).forEach((x) => expect(x.score).toBeCloseTo(r1.score[x.index], 9));
    // normalised: parking 1 / (0.25 + 0.15 + 0.10 + 1 + 0.10 + 0 + 0.05) = 1 / 1.65
    expect(Number(await page.getByTestId('weight-norm-parking').getAttribute('data-weight'))).toBeCloseTo(1 / 1.65, 12);
    console.log(`[e2e] re-ranked: top ${order0[0]} → ${order1[0]}`);
    await repaintAndWait(page);
    await shot(page, 'planning-ranking-reweighted');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows park coverage and parking gap equal to the Node computation, drawn on the map', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await ready(page);

    await page.getByTestId('tab-parks').click();
    await page.waitForSelector('[data-testid="park-rate-population"]');
    for (const k of ['communities', 'households', 'population'] as const) {
      expect(Number(await page.getByTestId(`park-rate-${k}`).getAttribute('data-rate'))).toBeCloseTo(ref.park.stats[k].rate!, 12);
    }
    expect(Number(await page.getByTestId('park-rate-area').getAttribute('data-rate'))).toBeCloseTo(ref.park.stats.area!.rate!, 12);
    expect(Number(await page.getByTestId('park-count').getAttribute('data-qualifying'))).toBe(ref.park.stats.qualifyingParks);
    const uncovered = Array.from(ref.park.ok).filter((x) => !x).length;
    expect(Number(await page.getByTestId('park-uncovered-count').getAttribute('data-count'))).toBe(uncovered);
    console.log(`[e2e] parks: population rate ${ref.park.stats.population.rate}, area rate ${ref.park.stats.area!.rate}, ${uncovered} communities not covered`);
    // service areas fetched from the worker for this result
    await page.waitForFunction(() => {
      const s = window.__lifecircle.store!.getState();
      return s.parkServiceAreas?.of === s.parks && s.parkServiceAreas.features.length > 0;
    }, undefined, { timeout: 30_000 });
    await repaintAndWait(page);
    await shot(page, 'planning-parks');

    await page.getByTestId('tab-parking').click();
    await page.waitForSelector('[data-testid="parking-total-gap"]');
    for (const k of ['demand', 'own', 'shared', 'supply', 'gap', 'communitiesWithGap', 'publicSpaces'] as const) {
      expect(Number(await page.getByTestId(`parking-total-${k}`).getAttribute('data-value')), k).toBeCloseTo(ref.supply.totals[k], 6);
    }
    // the community with the largest gap heads the table, with the engine's numbers
    const worst = Array.from(ref.supply.gap).reduce((b, g, c, a) => (g > a[b] ? c : b), 0);
    const first = page.locator('[data-testid^="parking-row-"]').first();
    expect(await first.getAttribute('data-testid')).toBe(`parking-row-${worst}`);
    expect(Number(await first.getAttribute('data-gap'))).toBeCloseTo(ref.supply.gap[worst], 9);
    expect(Number(await first.getAttribute('data-supply'))).toBeCloseTo(ref.supply.supply[worst], 9);
    console.log(`[e2e] parking: total gap ${ref.supply.totals.gap.toFixed(1)}, ${ref.supply.totals.communitiesWithGap} communities with a gap`);
    await repaintAndWait(page);
    await shot(page, 'planning-parking');

    // A higher ratio re-runs the analysis with more demand.
    await page.getByTestId('parking-ratio').fill('1.5');
    await page.getByTestId('parking-ratio').press('Enter');
    await expect
      .poll(async () => Number(await page.getByTestId('parking-total-demand').getAttribute('data-value')), { timeout: 60_000 })
      .toBeCloseTo(ref.supply.totals.demand * 1.5, 6);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('edits the rule set: kindergarten 300 → 600 m raises its coverage; bad imports are refused', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await ready(page);
    const rate = async () => Number(await page.getByTestId('coverage-rate-kindergarten').getAttribute('data-rate'));
    const before = await rate();
    const k = ref.coverage.categoryIds.indexOf('kindergarten');
    expect(before).toBeCloseTo(ref.coverage.stats.categories[k].population.rate!, 12);

    await page.getByTestId('tab-rules').click();
    await page.waitForSelector('[data-testid="rule-radius-kindergarten"]');
    // unverified values are marked as such
    const marks = await page.locator('[data-testid="rules-view"] .pl-flag.unverified').count();
    expect(marks).toBeGreaterThan(20);
    expect(await page.locator('[data-testid="rule-row-kindergarten"] .pl-flag.unverified').first().textContent()).toBe('待核实');

    await repaintAndWait(page);
    await shot(page, 'planning-rules');

    await page.getByTestId('rule-radius-kindergarten').fill('600');
    await page.getByTestId('rule-radius-kindergarten').press('Enter');
    expect(await page.getByTestId('rule-effective-kindergarten').textContent()).toContain('600 m');
    const edited: RuleSet = { ...rules, categories: rules.categories.map((c) => (c.id === 'kindergarten' ? { ...c, radius_m: 600 } : c)) };
    const expected = reference(edited).coverage.stats.categories[k].population.rate!;
    await expect.poll(rate, { timeout: 60_000 }).toBeCloseTo(expected, 12);
    expect(expected).toBeGreaterThan(before);
    console.log(`[e2e] kindergarten coverage ${before} → ${expected} (radius 300 → 600 m)`);
    await shot(page, 'planning-rules-kindergarten-600');

    // an invalid radius is refused next to the field
    await page.getByTestId('rule-radius-nursery').fill('-1');
    await page.getByTestId('rule-radius-nursery').press('Enter');
    await expect.poll(() => page.locator('[data-testid="rule-row-nursery"] .pl-field-error').textContent()).toContain('positive');

    // a bad rule-set file: the message names the file and each bad path; the rules stay
    const bad = { ...rules, schema_version: 2, categories: [{ ...rules.categories[0], level: 'nope' }] };
    await page.getByTestId('rules-import-file').setInputFiles({ name: 'broken-rules.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const msg = await page.getByTestId('rules-import-error').textContent();
    expect(msg).toContain('broken-rules.json');
    expect(msg).toContain('$.schema_version');
    expect(msg).toContain('$.categories[0].level');
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().rules.categories.find((c) => c.id === 'kindergarten')!.radius_m)).toBe(600);

    // add a category: a bad id is shown by its field, a good one is added
    await page.getByTestId('add-category-id').fill('Bad Id');
    await page.getByTestId('add-category-submit').click();
    expect(await page.getByTestId('add-category-error-id').textContent()).toContain('lower-case');
    await page.getByTestId('add-category-id').fill('community_library');
    await page.getByTestId('add-category-name_zh').fill('社区书屋');
    await page.getByTestId('add-category-name_en').fill('Community library');
    await page.getByTestId('add-category-submit').click();
    await page.waitForSelector('[data-testid="rule-row-community_library"]');

    // save under a name, export it, import it back after a reset
    await page.getByTestId('rules-save-name').fill('Qinghe 2025');
    await page.getByTestId('rules-save').click();
    const id = await page.evaluate(() => window.__lifecircle.store!.getState().rules.id);
    expect(id).toMatch(/^custom-qinghe-2025-/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rules-export').click()]);
    expect(download.suggestedFilename()).toBe(`${id}.json`);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as RuleSet;
    expect(exported.categories.find((c) => c.id === 'kindergarten')!.radius_m).toBe(600);
    expect(exported.categories.some((c) => c.id === 'community_library')).toBe(true);

    await page.getByTestId('rules-reset').click();
    await expect.poll(rate, { timeout: 60_000 }).toBeCloseTo(before, 12);
    await page.getByTestId('rules-import-file').setInputFiles({ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().rules.id)).toBe(id);
    await expect.poll(rate, { timeout: 60_000 }).toBeCloseTo(expected, 12);
    await shot(page, 'planning-rules-imported');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads in English: ranking explanation and rule editor', async () => {
    const { page, errors, context } = await openApp(browser, 'en');
    await ready(page);
    await page.getByTestId('tab-ranking').click();
    await page.getByTestId('rank-explain-1').click();
    const text = await page.getByTestId('rank-explanation-1').textContent();
    expect(text).toContain('facilities missing');
    await repaintAndWait(page);
    await shot(page, 'planning-ranking-en');
    await page.getByTestId('tab-rules').click();
    expect(await page.locator('[data-testid="rule-row-kindergarten"] .pl-flag.unverified').first().textContent()).toBe('unverified');
    await shot(page, 'planning-rules-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
