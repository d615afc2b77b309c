import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { analyzeCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { communityPopulation } from '../../src/core/model/communityPopulation';
import { launch, openApp, requireChromium, shot, waitForAnalysis } from './browser';
import { demoLayer } from './demoLayers';

const rules = defaultRules;
const demo = demoLayer;
const hasChromium = requireChromium();

const analysisDone = waitForAnalysis;

/** A CSV line split into cells (RFC 4180 quotes). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '', q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

describe.skipIf(!hasChromium)('issue 8: no data is not a gap; exports a planner hands on', () => {
  let browser: Browser;
  const communities = demo('communities');
  const facilities = demo('facilities');
  const network = demo('network');
  // The engine's distances in Node; what counts is decided here by hand from the facility file.
  const ref = analyzeCoverage({ communities, facilities, network, rules }, { mode: 'network' });
  const C = ref.communityCount;
  const inData = new Set(facilities.features.map((f) => String(f.properties.category)));
  const life = ['5min', '10min', '15min'];
  const mandatory = rules.categories.filter((c) => c.mandatory && life.includes(c.level));
  const noData15 = rules.categories.filter((c) => c.mandatory && c.level === '15min' && !inData.has(c.id)).map((c) => c.id);
  const missingOf = (c: number, cats: typeof mandatory) => cats.filter((cat) => !ref.ok[ref.categoryIds.indexOf(cat.id) * C + c]).length;
  const missingWithData = (c: number) => missingOf(c, mandatory.filter((cat) => inData.has(cat.id)));
  const missingAll = (c: number) => missingOf(c, mandatory);
  const jf = communities.features.findIndex((f) => f.properties.name === '解放小区');
  const population = communities.features.map((f) => communityPopulation(f.properties, rules).population ?? 0);
  const totalPop = population.reduce((a, b) => a + b, 0);
  // 15-min headline by hand: residents whose community meets every 15-min mandatory category WITH data.
  const with15 = rules.categories.filter((c) => c.mandatory && c.level === '15min' && inData.has(c.id)).map((c) => ref.categoryIds.indexOf(c.id));
  let met15 = 0;
  for (let c = 0; c < C; c++) if (with15.every((k) => ref.ok[k * C + c])) met15 += population[c];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('解放小区 no longer counts categories without data as gaps; they read 未提供数据 and the dashboard lists them', async () => {
    expect(jf).toBeGreaterThanOrEqual(0);
    // The demo has no 门诊部 (outpatient) and three more 15-min mandatory categories without a facility.
    expect(noData15).toContain('outpatient');
    expect(missingAll(jf)).toBe(20); // what the issue saw
    expect(missingWithData(jf)).toBe(20 - noData15.length);

    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await analysisDone(page);

    // The compliance table: 解放小区's missing count leaves the no-data categories out; their cells are grey 未提供数据.
    await page.getByTestId('tab-compliance').click();
    await page.waitForSelector('[data-testid="compliance-table"]');
    await page.getByTestId('cp-search').fill('解放小区');
    const row = page.getByTestId(`compliance-row-${jf}`);
    await expect.poll(() => row.getAttribute('data-missing')).toBe(String(missingWithData(jf)));
    const cell = row.locator('[data-status="no_data"]').first();
    expect(await row.locator('[data-status="no_data"]').count()).toBe(noData15.length);
    expect(await cell.textContent()).toBe('未提供数据');
    expect(await cell.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(134, 142, 150)');
    // distances in the table use the Chinese unit, like the card
    expect(await row.locator('[data-status="ok"], [data-status="gap"]').first().textContent()).toMatch(/ 米$|—$/);

    // The community card: 门诊部 reads 未提供数据 (grey), not 无可达设施.
    await row.click();
    const card = page.getByTestId('compliance-outpatient');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-status')).toBe('no_data');
    expect(await card.textContent()).toContain('未提供数据');
    expect(await card.textContent()).not.toContain('无可达设施');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'nodata-card-table-zh-CN');

    // The dashboard lists the categories without data; the 15-min headline counts only those with data.
    await page.getByTestId('tab-dashboard').click();
    const list = page.getByTestId('dash-no-data');
    await list.waitFor();
    const ids = (await list.getAttribute('data-ids'))!.split(',');
    expect(ids.sort()).toEqual(rules.categories.filter((c) => !inData.has(c.id)).map((c) => c.id).sort());
    expect(await list.textContent()).toContain('门诊部');
    expect(await list.getAttribute('data-counted')).toBe('0');
    const rate15 = Number(await page.getByTestId('dash-level-15min').getAttribute('data-value'));
    expect(rate15).toBeCloseTo(met15 / totalPop, 9);
    expect(rate15).toBeGreaterThan(0.05); // was 0.0 %
    expect(await page.getByTestId('dash-cat-outpatient').getAttribute('data-status')).toBe('no_data');
    await shot(page, 'nodata-dashboard-zh-CN');

    // The coverage chart's 15-min headline says which categories are not counted.
    await page.getByTestId('level-15min').click();
    const note = page.getByTestId('chart-no-data');
    await note.waitFor();
    expect((await note.getAttribute('data-ids'))!.split(',').sort()).toEqual([...noData15].sort());
    await shot(page, 'nodata-chart-15min-zh-CN');

    // The toggle counts them again: everywhere, and it is an analysis setting saved with the workspace.
    const savesBefore = Number(await page.getByTestId('autosave-status').getAttribute('data-saves'));
    await page.getByTestId('dash-count-no-data').check();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().coverage?.stats.levels[0].countNoData), { timeout: 120_000 }).toBe(true);
    await page.waitForSelector('[data-testid="analysis-status"][data-status="done"]', { timeout: 120_000 });
    await expect.poll(() => page.getByTestId('dash-level-15min').getAttribute('data-value')).toBe('0');
    await page.getByTestId('tab-compliance').click();
    await expect.poll(() => page.getByTestId(`compliance-row-${jf}`).getAttribute('data-missing')).toBe(String(missingAll(jf)));

    // Saved with the workspace: after a reload the setting and its numbers are back.
    await expect
      .poll(async () => {
        const el = page.getByTestId('autosave-status');
        return (await el.getAttribute('data-state')) === 'saved' && Number(await el.getAttribute('data-saves')) > savesBefore;
      }, { timeout: 30_000 })
      .toBe(true);
    await page.reload();
    await analysisDone(page);
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().analysisSettings.countNoData)).toBe(true);
    await page.getByTestId('tab-dashboard').click();
    await expect.poll(() => page.getByTestId('dash-level-15min').getAttribute('data-value'), { timeout: 60_000 }).toBe('0');
    expect(await page.getByTestId('dash-count-no-data').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the compliance CSV is the table as shown: its rows, its order, Chinese headers, 达标/未达标', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await analysisDone(page);
    await page.getByTestId('tab-compliance').click();
    await page.waitForSelector('[data-testid="compliance-table"]');
    // Filter: old communities missing at least 3 mandatory categories; sort by name.
    await page.getByTestId('cp-old-only').check();
    await page.getByTestId('cp-min-missing').fill('3');
    const isOld = (c: number) => typeof communities.features[c].properties.built_year === 'number' && (communities.features[c].properties.built_year as number) < rules.old_before_year;
    const expectedRows = Array.from({ length: C }, (_, c) => c).filter((c) => isOld(c) && missingWithData(c) >= 3);
    expect(expectedRows.length).toBeGreaterThan(5);
    expect(expectedRows.length).toBeLessThan(C);
    await expect.poll(() => page.getByTestId('cp-count').getAttribute('data-shown')).toBe(String(expectedRows.length));
    await page.getByTestId('compliance-header-name').click();
    await expect.poll(() => page.getByTestId('compliance-header-name').getAttribute('aria-sort')).toBe('ascending');
    const shownNames = await page.locator('[data-testid^="compliance-row-"]').evaluateAll((els) =>
      els.map((e) => ({ top: e.getBoundingClientRect().top, name: e.firstElementChild!.getAttribute('title') })).sort((a, b) => a.top - b.top).map((x) => x.name),
    );
    await shot(page, 'export-compliance-filtered-zh-CN');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cp-export-csv').click()]);
    const text = readFileSync((await dl.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
    const header = cells(lines[0]);
    const body = lines.slice(1).map(cells);
    expect(body.length).toBe(expectedRows.length);
    expect(header.slice(0, 4)).toEqual(['编号', '小区名称', '户数', '人口']);
    expect(header).toContain('幼儿园距离(米)');
    const okCol = header.indexOf('幼儿园是否达标');
    expect(okCol).toBeGreaterThan(0);
    expect(new Set(body.map((r) => r[okCol]))).toEqual(new Set(expectedRows.map((c) => (ref.ok[ref.categoryIds.indexOf('kindergarten') * C + c] ? '达标' : '未达标'))));
    expect(body.every((r) => r[header.indexOf('门诊部是否达标')] === '未提供数据')).toBe(true);
    for (const r of body) for (const [j, h] of header.entries()) if (h.endsWith('是否达标')) expect(['达标', '未达标', '未提供数据']).toContain(r[j]);
    // Same order as the table: sorted by name (the table's collator), and the rows in view come first.
    const names = body.map((r) => r[1]);
    const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });
    expect(names).toEqual(expectedRows.map((c) => String(communities.features[c].properties.name)).sort((a, b) => collator.compare(a, b)));
    expect(names.slice(0, shownNames.length)).toEqual(shownNames);

    // The machine field names are one click away.
    await page.getByTestId('cp-export-fields').check();
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cp-export-csv').click()]);
    const raw = readFileSync((await dl2.path())!, 'utf8').slice(1).split('\r\n').filter((l) => l !== '');
    expect(raw).toHaveLength(expectedRows.length + 1);
    expect(cells(raw[0]).slice(0, 2)).toEqual(['id', 'name']);
    expect(raw[0]).toContain('dist_kindergarten,ok_kindergarten');
    expect(['true', 'false']).toContain(cells(raw[1])[cells(raw[0]).indexOf('ok_kindergarten')]);

    // The rule editor describes the rule set in Chinese, not with the draft's English status (item 11).
    await page.getByTestId('tab-rules').click();
    const status = page.getByTestId('rules-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/草案/);
    expect(await status.textContent()).not.toMatch(/DRAFT|must be checked/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('every GeoJSON export has flat properties', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await analysisDone(page);
    await page.waitForFunction(() => !!window.__lifecircle.store!.getState().serviceArea, undefined, { timeout: 60_000 });
    for (const id of ['communities', 'facilities', 'service-area', 'gaps']) {
      await page.getByTestId('export-menu').click();
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${id}`).click()]);
      const fc = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
      expect(fc.features.length, id).toBeGreaterThan(0);
      for (const f of fc.features) for (const [k, v] of Object.entries(f.properties)) expect(v === null || typeof v !== 'object', `${id}: ${k}`).toBe(true);
      if (id === 'communities') {
        // the demo's entrances (a MultiPoint) as WKT text, which the importer reads back
        expect(String(fc.features[0].properties.entrances)).toMatch(/^MULTIPOINT \(/);
        expect(fc.features[0].properties).toHaveProperty('ok_kindergarten');
      }
      if (id === 'gaps') expect(typeof fc.features[0].properties.missing).toBe('string');
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
