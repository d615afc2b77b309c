import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, requireChromium, shot, waitForAnalysis } from './browser';
import { demoLayer } from './demoLayers';

const hasChromium = requireChromium();

describe.skipIf(!hasChromium)('keeping score in the browser (issue 14)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a target, a snapshot, a new facility, another snapshot: the delta and the status change', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    await page.getByTestId('tab-targets').click();
    await page.getByTestId('targets-view').waitFor();
    // kindergarten coverage: the value now + 0.1 points, by the end of next year
    const now = await page.evaluate(() => {
      const s = window.__lifecircle.store!.getState();
      return s.coverage!.stats.categories.find((c) => c.id === 'kindergarten')!.population.rate! * 100;
    });
    await page.getByTestId('tg-indicator').selectOption('coverage:kindergarten');
    await page.getByTestId('tg-value').fill(String(Math.round((now + 0.1) * 1000) / 1000));
    await page.getByTestId('tg-add').click();
    const row = page.locator('[data-testid^="tg-row-"]').first();
    await expect.poll(() => row.getAttribute('data-status')).toBe('behind');
    expect(Number(await row.getAttribute('data-value'))).toBeCloseTo(now, 2);
    await page.getByTestId('tg-snapshot-label').fill('2025年度');
    await page.getByTestId('tg-snapshot-save').click();

    // a new kindergarten in a community that has none (its first vertex), as a data change
    const C = await page.evaluate(() => window.__lifecircle.store!.getState().coverage!.communityCount);
    const target = await page.evaluate((n) => {
      const s = window.__lifecircle.store!.getState();
      const k = s.coverage!.categoryIds.indexOf('kindergarten');
      // the most populous community without one: its residents lift the rate well past 0.1 points
      let best = -1;
      for (let c = 0; c < n; c++) if (!s.coverage!.ok[k * n + c] && (best < 0 || s.weights!.population[c] > s.weights!.population[best])) best = c;
      return best;
    }, C);
    expect(target).toBeGreaterThanOrEqual(0);
    const at = (demoLayer('communities').features[target].geometry as unknown as { coordinates: number[][][] }).coordinates[0][0];
    await page.evaluate((p) => {
      const s = window.__lifecircle.store!.getState();
      const fac = s.layers.facilities!;
      s.setLayer({ ...fac, fc: { ...fac.fc, features: [...fac.fc.features, { type: 'Feature', properties: { id: 'kg-2026', name: '新建幼儿园', category: 'kindergarten' }, geometry: { type: 'Point', coordinates: p } }] } });
    }, at);
    await waitForAnalysis(page);
    await page.getByTestId('tg-snapshot-label').fill('2026年第一季度');
    await page.getByTestId('tg-snapshot-save').click();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().snapshots.length)).toBe(2);
    // the two snapshots share a date (today): the comparison picks them by their order
    await page.getByTestId('tg-compare-b').selectOption('1');
    const delta = page.getByTestId('tg-delta-coverage:kindergarten');
    await delta.waitFor();
    expect(Number(await delta.getAttribute('data-delta'))).toBeGreaterThan(0);
    expect(await page.getByTestId('tg-facilities').getAttribute('data-added')).toBe('1');
    await expect.poll(() => row.getAttribute('data-status')).toBe('met');
    await shot(page, 'targets-zh-CN');
    // the one-page check report: the target with its status, the change since the previous snapshot
    await page.getByTestId('tg-report').click();
    const report = page.getByTestId('check-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('已达标');
    expect(await report.textContent()).toContain('较快照“2025年度”的变化');
    await shot(page, 'check-report-zh-CN');
    await page.getByTestId('check-report-close').click();
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
