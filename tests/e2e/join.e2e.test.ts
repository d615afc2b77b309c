import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, requireChromium, shot, waitForAnalysis } from './browser';
import { dropFiles } from './dropFiles';

const hasChromium = requireChromium();
// Real OpenStreetMap data (© OpenStreetMap contributors, ODbL), read from ../shared, never copied
const osmFile = path.resolve(__dirname, '../../../shared/realdata/beijing-haidian-cau/map.osm');
const hasOsm = existsSync(osmFile);
if (!hasOsm) console.warn(`[join e2e] skipped: ${osmFile} is absent (the shared real-data folder)`);

const state = (page: Page) => page.evaluate(() => {
  const s = window.__lifecircle.store!.getState();
  const f = s.layers.communities?.fc.features ?? [];
  return {
    names: f.map((x) => x.properties.name as string | null),
    households: f.map((x) => x.properties.households ?? null),
    sources: f.map((x) => x.properties.households_source ?? null),
    buildings: s.layers.buildings?.fc.features.length ?? 0,
    status: s.analysisStatus,
  };
});

describe.skipIf(!hasChromium || !hasOsm)('real data rarely comes whole (issue 15): an OSM extract, a 小区 table joined by name, households estimated', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('rates by communities before; the join review with near names; rates by residents after the join and the estimate', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    await dropFiles(page, [{ name: 'map.osm', text: readFileSync(osmFile, 'utf8'), type: 'application/xml' }]);
    await page.getByTestId('osm-dialog').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('io-osm-count-buildings').textContent())).toBeGreaterThan(50);
    await page.getByTestId('io-confirm').click();
    await page.getByTestId('io-existing-replace').click();
    await page.getByTestId('osm-dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await state(page)).buildings, { timeout: 30_000 }).toBeGreaterThan(50);
    await waitForAnalysis(page);

    // OSM communities carry no households: the chart says it counts communities, and shows rates, not "—"
    const measure = page.getByTestId('rates-measure').first();
    await measure.waitFor();
    expect(await measure.getAttribute('data-measure')).toBe('communities');
    const rated = await page.locator('[data-testid^="coverage-rate-"][data-status="data"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rate')));
    expect(rated.length).toBeGreaterThan(0);
    expect(rated.every((r) => r !== '' && r !== null)).toBe(true);
    await shot(page, 'join-before-zh-CN');

    // the housing bureau's table: exact, suffix-added, bracketed phase, a near name and one that is not there
    const before = await state(page);
    expect(before.names).toEqual(expect.arrayContaining(['富润家园', '双泉嘉苑', '学士居', '静淑苑', '清华东路27号院']));
    const csv = '\uFEFF小区名称,户数,建成年代\n富润家园,1200,1998\n双泉嘉苑小区,800,2003\n学士居,450,1995\n静淑苑（一期）,600,1990\n清华东路27号,300,1985\n不存在的小区,99,2000\n';
    await page.getByTestId('join-file-input').setInputFiles({ name: '住建局小区清单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const summary = page.getByTestId('join-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.getAttribute('data-matched')).toBe('4');
    expect(await summary.getAttribute('data-review')).toBe('1');
    expect(await summary.getAttribute('data-unmatched')).toBe('1');
    expect(await page.getByTestId('join-unmatched').textContent()).toContain('不存在的小区');
    // the near name is proposed with its best candidate; the planner keeps it
    const choice = page.locator('[data-testid^="join-choice-"]');
    expect(await choice.locator('option:checked').textContent()).toContain('清华东路27号院');
    await shot(page, 'join-review-zh-CN');
    await page.getByTestId('join-apply').click();
    await page.getByTestId('join-dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await state(page)).sources.filter((s) => s === 'joined').length).toBe(5);
    const joined = await state(page);
    expect(joined.households[joined.names.indexOf('双泉嘉苑')]).toBe(800);
    expect(joined.households[joined.names.indexOf('清华东路27号院')]).toBe(300);
    await waitForAnalysis(page);
    await expect.poll(() => page.getByTestId('rates-measure').first().getAttribute('data-measure')).toBe('population');

    // the rest estimated from the extract's buildings (else their area)
    await page.getByTestId('estimate-button').click();
    await page.getByTestId('estimate-apply').click();
    await expect.poll(async () => (await state(page)).households.filter((h) => h === null).length, { timeout: 30_000 }).toBeLessThanOrEqual(before.names.length - 5);
    const after = await state(page);
    expect(after.sources.filter((s) => s === 'buildings' || s === 'area').length).toBeGreaterThan(0);
    expect(after.sources.filter((s) => s === 'joined').length).toBe(5);
    await waitForAnalysis(page);
    const level = page.getByTestId('level-complete');
    expect(await level.getAttribute('data-measure')).toBe('population');
    expect(await level.getAttribute('data-rate')).not.toBe('');
    await shot(page, 'join-after-zh-CN');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
