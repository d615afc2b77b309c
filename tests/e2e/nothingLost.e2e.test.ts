import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, requireChromium, shot, waitForMap } from './browser';
import { dropFiles } from './dropFiles';
import { isOld } from '../../src/core/model/oldCommunity';

const hasChromium = requireChromium();

// Issue 9 items 1, 2, 10: the app's import dialog says what the importer found (in Chinese), and
// what is loaded holds the right numbers — no silent loss, no wrong number.

/** A square in the demo town (lon 115.60–115.66, lat 33.20–33.245). */
const square = (x: number, y: number, d = 0.002) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const COMMUNITIES = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    [{ 小区编号: 'X1', 小区名称: '和平小区', 总户数: '1.2万户', 建成年代: '八十年代' }, 115.621, 33.214],
    [{ 小区编号: 'X1', 小区名称: '新华家园', 总户数: -40, 建成年代: '00年代' }, 115.631, 33.221],
    [{ 小区编号: 'X3', 小区名称: '东风新村', 总户数: '１，２００', 建成年代: '1990年前' }, 115.627, 33.232],
  ].map(([properties, x, y]) => ({ type: 'Feature', properties, geometry: square(x as number, y as number) })),
});
// 200 kindergartens; the 11th data row (line 12 of the file) opens a quote it never closes.
const STRAY_QUOTE = ['名称,类型,经度,纬度', ...Array.from({ length: 200 }, (_, k) =>
  `${k === 10 ? '"' : ''}幼儿园${k + 1},幼儿园,${(115.61 + (k % 20) * 0.002).toFixed(3)},${(33.205 + Math.floor(k / 20) * 0.003).toFixed(3)}`)].join('\n') + '\n';

describe.skipIf(!hasChromium)('nothing lost, nothing silently wrong (issue 9)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Chinese numbers are read, impossible values and repeated ids are named in the dialog, the loaded layer holds the right numbers', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForMap(page);
    await page.waitForFunction(() => (window.__lifecircle.store!.getState().layers.communities?.fc.features.length ?? 0) > 0, undefined, { timeout: 60_000 });
    await dropFiles(page, [{ name: '小区.geojson', text: COMMUNITIES, type: 'application/geo+json' }]);
    await page.getByTestId('import-dialog').waitFor({ timeout: 30_000 });
    await page.getByTestId('io-kind-communities').check();
    const warnings = page.getByTestId('io-warnings');
    await expect.poll(() => warnings.textContent(), { timeout: 30_000 }).toContain('“总户数”为负数（首个 "新华家园"：“-40”），按未知处理');
    const text = await warnings.textContent();
    expect(text).toContain('“小区编号”中有 1 个编号重复："X1" ×2');
    expect(text).toContain('“建成年代”为年代、年份区间或上下限（首个 "和平小区"：“八十年代” → 1985）');
    await shot(page, 'nothing-lost-values-dialog');
    await page.getByTestId('io-confirm').click();
    await page.getByTestId('io-existing-replace').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: 30_000 });
    const props = await page.evaluate(() => window.__lifecircle.store!.getState().layers.communities!.fc.features.map((f) => f.properties));
    // "Old" is not stored on the features: the one rule (core isOld) reads built_year with the rule set in force.
    expect(props.every((p) => !('is_old' in p))).toBe(true);
    const loaded = props.map((p) => [p.name, p.households, p.built_year, isOld(p)]);
    expect(loaded).toEqual([
      ['和平小区', 12000, 1985, true],
      ['新华家园', null, 2005, false],
      ['东风新村', 1200, 1989, true],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a stray quote in a 200-row CSV: all 200 rows in the dialog, line 12 named', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForMap(page);
    await dropFiles(page, [{ name: '设施.csv', text: STRAY_QUOTE, type: 'text/csv' }]);
    await page.getByTestId('import-dialog').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('io-feature-count').textContent(), { timeout: 30_000 }).toMatch(/^200\b/);
    expect(await page.getByTestId('io-warnings').textContent()).toContain('第 12 行：一个引号（"）开启的字段吞掉了后面 190 行完整数据；已忽略该引号并读取了这些行');
    await shot(page, 'nothing-lost-stray-quote-dialog');
    await page.getByTestId('io-cancel').click();
    expect(errors).toEqual([]);
    await context.close();
  });
});
