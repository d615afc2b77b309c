import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { countColors, launch, openApp, over, repaintAndWait, requireChromium, shot, waitForAnalysis } from './browser';
import { SCENARIO_COLORS } from '../../src/map/scenarioPalette';
import { PROGRAMME_COLORS } from '../../src/map/monitorPalette';
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
    // a snapshot dated at the last check, not today
    await page.getByTestId('tg-snapshot-date').fill('2025-12-31');
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
    await page.getByTestId('tg-snapshot-date').fill('2026-03-31');
    await page.getByTestId('tg-snapshot-save').click();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().snapshots.map((x) => x.date))).toEqual(['2025-12-31', '2026-03-31']);
    // the latest two are compared at once
    expect(await page.getByTestId('tg-compare-a').inputValue()).toBe('0');
    expect(await page.getByTestId('tg-compare-b').inputValue()).toBe('1');
    const delta = page.getByTestId('tg-delta-coverage:kindergarten');
    await delta.waitFor();
    expect(Number(await delta.getAttribute('data-delta'))).toBeGreaterThan(0);
    expect(await page.getByTestId('tg-facilities').getAttribute('data-added')).toBe('1');
    await expect.poll(() => row.getAttribute('data-status')).toBe('met');
    // the map: the communities the new kindergarten reaches gained (the scenario's gain colour), and its dot
    const changes = page.getByTestId('tg-map-changes');
    const gained = Number(await changes.getAttribute('data-gained'));
    expect(gained).toBeGreaterThanOrEqual(1);
    expect(await changes.getAttribute('data-lost')).toBe('0');
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().coloring)).toBe('snapshot');
    await repaintAndWait(page);
    const px = await countColors(page, { gain: over(SCENARIO_COLORS.gain), unchanged: over(SCENARIO_COLORS.unchanged) }, 14);
    console.log('[e2e] snapshot change pixels', px, 'gained', gained);
    expect(px.gain).toBeGreaterThan(50);
    expect(px.unchanged).toBeGreaterThan(px.gain);
    expect(await page.getByTestId('coverage-legend').textContent()).toContain('快照间覆盖变化');
    // the timeline: two snapshots, the value now, the target line
    const chart = page.getByTestId('tg-timeline');
    expect(await chart.getAttribute('data-points')).toBe('2');
    expect(await page.getByTestId('tg-timeline-target').count()).toBe(1);
    const pts = await page.getByTestId('tg-timeline-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(pts[1] - pts[0]).toBeCloseTo(Number(await delta.getAttribute('data-delta')), 3);
    // edit the target in the table: a value out of reach is behind again
    await page.getByTestId(`tg-edit-value-${await row.getAttribute('data-testid').then((x) => x!.slice('tg-row-'.length))}`).fill('100');
    await page.getByTestId('tg-snapshot-label').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('behind');
    await shot(page, 'targets-zh-CN');
    // the one-page check report: the target with its status, the change since the previous snapshot
    await page.getByTestId('tg-report').click();
    const report = page.getByTestId('check-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('滞后');
    expect(await report.textContent()).toContain('较快照“2025年度”的变化');
    await shot(page, 'check-report-zh-CN');
    await page.getByTestId('check-report-close').click();

    // the target sheet exported as CSV with Chinese headers
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tg-export').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('指标,指标名称,范围,目标值,期限,责任部门,备注');
    expect(text).toContain('coverage:kindergarten,幼儿园覆盖率（%）,全域,100');

    // the programme: an old community marked done in the table, the map coloured by status
    const first = page.locator('[data-testid^="pg-row-"]').first();
    const idx = (await first.getAttribute('data-testid'))!.slice('pg-row-'.length);
    await page.evaluate(() => ((window as unknown as { __analysed: unknown }).__analysed = window.__lifecircle.store!.getState().coverage));
    await page.getByTestId(`pg-status-${idx}`).selectOption('done');
    await expect.poll(() => first.getAttribute('data-status')).toBe('done');
    await page.getByTestId(`pg-year-${idx}`).fill('2026');
    await page.getByTestId('pg-filter').click();
    await expect.poll(() => page.getByTestId('programme-progress').getAttribute('data-done')).toBe('1');
    // an attribute-only edit: the analysis is not re-run (the same result object)
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().coverage === (window as unknown as { __analysed: unknown }).__analysed)).toBe(true);
    await page.getByTestId('pg-map').click();
    await repaintAndWait(page);
    const pg = await countColors(page, { done: over(PROGRAMME_COLORS.done), none: over(PROGRAMME_COLORS.none) }, 14);
    console.log('[e2e] programme pixels', pg);
    expect(pg.done).toBeGreaterThan(20);
    expect(pg.none).toBeGreaterThan(pg.done);
    expect(await page.getByTestId('coverage-legend').textContent()).toContain('老旧小区改造');
    await shot(page, 'programme-zh-CN');

    // the Excel export holds the check report's sheets after the briefing's
    await page.getByTestId('export-menu').click();
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-tables').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['目标考核', '较上期变化', '老旧小区改造计划']));
    expect((wb.getWorksheet('老旧小区改造计划')!.getRow(2).values as unknown[]).slice(1, 5)).toEqual([2026, 0, 0, 1]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
