import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, requireChromium, shot, waitForMap } from './browser';
import { dropFiles } from './dropFiles';

const hasChromium = requireChromium();

// Issue 8, items 3 and 4 (and the demo banner of item 11): imports never replace data silently,
// every data change can be undone, and a mixed-geometry file goes to the right layers.

/** A square of side `d` degrees at lon/lat, in the demo town (lon 115.60–115.66, lat 33.20–33.245). */
const square = (x: number, y: number, d = 0.002) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const pointAt = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const fcText = (features: { geometry: unknown; properties: Record<string, unknown> }[]) =>
  JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) });

// Community outlines exported as lines: 小区名称/户数 on LineStrings.
const COMMUNITY_LINES = fcText(
  [
    ['和平小区', 420, 115.622, 33.215],
    ['新华家园', 610, 115.632, 33.222],
    ['东风新村', 300, 115.628, 33.233],
  ].map(([name, hh, x, y]) => ({
    properties: { 小区名称: name, 户数: hh },
    geometry: { type: 'LineString', coordinates: (square(x as number, y as number).coordinates[0] as number[][]) },
  })),
);

// The mixed file: 3 community polygons (小区名称 + a 名称 column with a facility's name) and
// 5 facility points (名称, 类型).
const MIXED = fcText([
  { properties: { 小区名称: '和平小区', 名称: '阳光幼儿园', 户数: 420 }, geometry: square(115.621, 33.214) },
  { properties: { 名称: '阳光幼儿园', 类型: '幼儿园' }, geometry: pointAt(115.6235, 33.2158) },
  { properties: { 小区名称: '新华家园', 名称: '实验小学', 户数: 610 }, geometry: square(115.631, 33.221) },
  { properties: { 名称: '实验小学', 类型: '小学' }, geometry: pointAt(115.63, 33.223) },
  { properties: { 名称: '和平菜市场', 类型: '菜市场' }, geometry: pointAt(115.626, 33.217) },
  { properties: { 小区名称: '东风新村', 名称: '卫生站', 户数: 300 }, geometry: square(115.627, 33.232) },
  { properties: { 名称: '卫生站', 类型: '社区卫生服务站' }, geometry: pointAt(115.633, 33.221) },
  { properties: { 名称: '东城幼儿园', 类型: '幼儿园' }, geometry: pointAt(115.64, 33.228) },
]);

type Counts = Record<string, number>;
const counts = (page: Page): Promise<Counts> =>
  page.evaluate(() => Object.fromEntries(Object.entries(window.__lifecircle.store!.getState().layers).map(([k, l]) => [k, l!.fc.features.length])));

/** Keeps the current layers object in the page, to check later that undo put back exactly it. */
const keepLayers = (page: Page, key: string) =>
  page.evaluate((k) => {
    (window as unknown as Record<string, unknown>)[k] = window.__lifecircle.store!.getState().layers;
  }, key);
const sameLayers = (page: Page, key: string) =>
  page.evaluate((k) => window.__lifecircle.store!.getState().layers === (window as unknown as Record<string, unknown>)[k], key);

async function openDemo(browser: Browser) {
  const app = await openApp(browser, 'zh-CN');
  await waitForMap(app.page);
  await app.page.waitForFunction(() => (window.__lifecircle.store!.getState().layers.network?.fc.features.length ?? 0) > 0, undefined, { timeout: 60_000 });
  return app;
}

describe.skipIf(!hasChromium)('imports never replace data silently; undo', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lines with community fields: not guessed as the network, asked before replacing it, added or replaced, undone by button and Ctrl+Z', async () => {
    const { page, errors, context } = await openDemo(browser);
    const demo = await counts(page);
    expect(demo.network).toBeGreaterThan(1000);
    expect(await page.getByTestId('demo-notice').isVisible()).toBe(true);
    expect(await page.getByTestId('undo-data').isDisabled()).toBe(true);
    await keepLayers(page, '__demoLayers');

    await dropFiles(page, [{ name: 'lines.geojson', text: COMMUNITY_LINES, type: 'application/geo+json' }]);
    await page.getByTestId('import-dialog').waitFor({ timeout: 30_000 });
    // Not pre-selected as the network: the dialog says why.
    expect(await page.getByTestId('io-kind-network').isChecked()).toBe(false);
    expect(await page.getByTestId('io-confirm').isDisabled()).toBe(true);
    const conflict = await page.getByTestId('io-kind-conflict').textContent();
    expect(conflict).toContain('小区名称');
    expect(conflict).toContain('户数');
    await shot(page, 'import-safety-lines-conflict');

    // Chosen as the network on purpose: asked before the demo's streets go.
    await page.getByTestId('io-kind-network').check();
    await expect.poll(() => page.getByTestId('io-confirm').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('io-confirm').click();
    const question = await page.getByTestId('io-existing-text').textContent();
    expect(question).toContain('步行路网已有');
    expect(question).toContain(demo.network.toLocaleString('en-US'));
    expect(question).toContain('示例数据');
    await shot(page, 'import-safety-replace-question');
    // Cancel: back to the dialog, nothing loaded.
    await page.getByTestId('io-existing-cancel').click();
    expect(await page.getByTestId('io-existing').count()).toBe(0);
    expect(await sameLayers(page, '__demoLayers')).toBe(true);

    // Add to the layer: the streets stay, the 3 lines come after them with their own ids.
    await page.getByTestId('io-confirm').click();
    await page.getByTestId('io-existing-append').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('count-network').textContent()).toBe((demo.network + 3).toLocaleString('en-US'));
    const appended = await page.evaluate(() => {
      const n = window.__lifecircle.store!.getState().layers.network!;
      const ids = n.fc.features.map((f) => String(f.properties.id));
      return { source: n.source, name: n.name, unique: new Set(ids).size === ids.length, last: n.fc.features.at(-1)!.properties.小区名称 };
    });
    expect(appended).toEqual({ source: 'file', name: 'demo + lines.geojson', unique: true, last: '东风新村' });
    // Only the streets changed: the demo's communities are still what is shown, so the notice stays.
    expect(await page.getByTestId('demo-notice').isVisible()).toBe(true);
    expect(await page.getByTestId('undo-data').textContent()).toContain('撤销：追加 lines.geojson');
    await shot(page, 'import-safety-appended');

    // Undo with the button: exactly the demo layers again.
    await page.getByTestId('undo-data').click();
    await expect.poll(() => sameLayers(page, '__demoLayers')).toBe(true);
    expect(await page.getByTestId('messages').textContent()).toContain('已撤销：追加 lines.geojson');

    // Replace this time, then undo with Ctrl+Z (not while typing in a text field).
    await dropFiles(page, [{ name: 'lines.geojson', text: COMMUNITY_LINES, type: 'application/geo+json' }]);
    await page.getByTestId('import-dialog').waitFor({ timeout: 30_000 });
    await page.getByTestId('io-kind-network').check();
    await expect.poll(() => page.getByTestId('io-confirm').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('io-confirm').click();
    await page.getByTestId('io-existing-replace').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('count-network').textContent()).toBe('3');
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'text';
      input.id = 'typing-here';
      document.body.appendChild(input);
      input.focus();
    });
    await page.keyboard.press('Control+z');
    expect(await page.getByTestId('count-network').textContent()).toBe('3');
    await page.evaluate(() => document.getElementById('typing-here')!.remove());
    await page.keyboard.press('Control+z');
    await expect.poll(() => sameLayers(page, '__demoLayers')).toBe(true);
    expect(await page.getByTestId('count-network').textContent()).toBe(demo.network.toLocaleString('en-US'));

    expect(errors).toEqual([]);
    await context.close();
  });

  it('the demo notice goes with the demo communities; load demo and clear ask or can be undone', async () => {
    const { page, errors, context } = await openDemo(browser);
    const demo = await counts(page);
    // Load demo while only the demo is loaded: nothing of the user's to lose, no question.
    await page.getByTestId('load-demo').click();
    expect(await page.getByTestId('load-demo-confirm').count()).toBe(0);
    await expect.poll(() => page.getByTestId('undo-data').textContent()).toContain('撤销：加载示例');

    // The user's own communities replace the demo's: the banner goes (the town is no longer the demo).
    await dropFiles(page, [{ name: 'mixed.geojson', text: MIXED, type: 'application/geo+json' }]);
    await page.getByTestId('import-dialog').waitFor({ timeout: 30_000 });
    await page.getByTestId('io-kind-communities').check();
    await page.getByTestId('io-rest-points').selectOption('');
    await expect.poll(() => page.getByTestId('io-confirm').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('io-confirm').click();
    await page.getByTestId('io-existing-replace').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('count-communities').textContent()).toBe('3');
    expect(await page.getByTestId('demo-notice').count()).toBe(0);
    await keepLayers(page, '__mine');

    // Load demo over the user's data: asked; "no" keeps everything.
    await page.getByTestId('load-demo').click();
    expect(await page.getByTestId('load-demo-confirm').textContent()).toContain('用示例数据替换当前数据？');
    await shot(page, 'import-safety-demo-question');
    await page.getByTestId('load-demo-no').click();
    expect(await sameLayers(page, '__mine')).toBe(true);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('load-demo-yes').click();
    await expect.poll(() => page.getByTestId('count-communities').textContent()).toBe(demo.communities.toLocaleString('en-US'));
    await page.getByTestId('demo-notice').waitFor();
    // Undo the demo load: the user's layers and the banner's absence come back.
    await page.getByTestId('undo-data').click();
    await expect.poll(() => sameLayers(page, '__mine')).toBe(true);
    expect(await page.getByTestId('demo-notice').count()).toBe(0);

    // Clear workspace, then undo it.
    await page.getByTestId('clear-workspace').click();
    await page.getByTestId('clear-workspace-yes').click();
    await expect.poll(() => counts(page)).toEqual({});
    expect(await page.getByTestId('undo-data').textContent()).toContain('撤销：清空工作区');
    await page.getByTestId('undo-data').click();
    await expect.poll(() => sameLayers(page, '__mine')).toBe(true);
    // Undo of the import itself: the demo communities and the banner again.
    await page.getByTestId('undo-data').click();
    await expect.poll(() => page.getByTestId('count-communities').textContent()).toBe(demo.communities.toLocaleString('en-US'));
    await page.getByTestId('demo-notice').waitFor();
    // The history is not saved: after autosave and a reload there is nothing to undo.
    await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]', { timeout: 60_000 });
    await page.reload();
    await waitForMap(page);
    expect(await page.getByTestId('undo-data').isDisabled()).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a mixed file: the polygons become communities named from 小区名称, the points go on to facilities in the same dialog', async () => {
    const { page, errors, context } = await openDemo(browser);
    const demo = await counts(page);
    await dropFiles(page, [{ name: 'mixed.geojson', text: MIXED, type: 'application/geo+json' }]);
    await page.getByTestId('import-dialog').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('io-feature-count').textContent()).toContain('8');
    await page.getByTestId('io-kind-communities').check();
    // Only the polygons go in; the 5 points are offered as facilities.
    expect(await page.getByTestId('io-rest-count-points').textContent()).toBe('5 个点要素');
    expect(await page.getByTestId('io-rest-points').inputValue()).toBe('facilities');
    await expect.poll(() => page.getByTestId('io-feature-count').textContent(), { timeout: 30_000 }).toMatch(/^3\b/);
    // The community's own name column, not the generic 名称 (which holds facility names here).
    expect(await page.getByTestId('io-map-name').inputValue()).toBe('小区名称');
    expect(await page.getByTestId('io-map-households').inputValue()).toBe('户数');
    await expect.poll(() => page.getByTestId('io-warnings').textContent()).toContain('5 个点要素未载入');
    await shot(page, 'import-safety-mixed-communities');
    await page.getByTestId('io-confirm').click();
    await page.getByTestId('io-existing-replace').click();

    // The same dialog goes on with the points, as facilities.
    await expect.poll(() => page.getByTestId('io-kind-facilities').isChecked(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('io-feature-count').textContent(), { timeout: 30_000 }).toMatch(/^5\b/);
    expect(await page.getByTestId('io-rest-loaded').textContent()).toContain('面要素');
    expect(await page.getByTestId('io-map-name').inputValue()).toBe('名称');
    expect(await page.getByTestId('io-map-category').inputValue()).toBe('类型');
    expect(await page.getByTestId('io-warnings').count()).toBe(0);
    await shot(page, 'import-safety-mixed-facilities');
    await page.getByTestId('io-confirm').click();
    expect(await page.getByTestId('io-existing-text').textContent()).toContain('配套设施已有');
    await page.getByTestId('io-existing-append').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });

    await expect.poll(() => page.getByTestId('count-facilities').textContent()).toBe((demo.facilities + 5).toLocaleString('en-US'));
    const state = await page.evaluate(() => {
      const l = window.__lifecircle.store!.getState().layers;
      return {
        communities: l.communities!.fc.features.map((f) => [f.properties.name, f.geometry.type]),
        added: l.facilities!.fc.features.slice(-5).map((f) => [f.properties.name, f.properties.category]),
      };
    });
    expect(state.communities).toEqual([['和平小区', 'Polygon'], ['新华家园', 'Polygon'], ['东风新村', 'Polygon']]);
    expect(state.added).toEqual([
      ['阳光幼儿园', 'kindergarten'],
      ['实验小学', 'primary_school'],
      ['和平菜市场', 'market'],
      ['卫生站', 'health_station'],
      ['东城幼儿园', 'kindergarten'],
    ]);
    await waitForMap(page);
    await shot(page, 'import-safety-mixed-on-map');

    // Skipping the rest instead: the count is said in the dialog and after loading.
    await dropFiles(page, [{ name: 'mixed.geojson', text: MIXED, type: 'application/geo+json' }]);
    await page.getByTestId('import-dialog').waitFor({ timeout: 30_000 });
    await page.getByTestId('io-kind-communities').check();
    await page.getByTestId('io-rest-points').selectOption('');
    expect(await page.getByTestId('io-rest-skip-points').textContent()).toContain('5 个点要素将不会导入');
    await expect.poll(() => page.getByTestId('io-confirm').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('io-confirm').click();
    await page.getByTestId('io-existing-replace').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('messages').textContent()).toContain('mixed.geojson：5 个点要素未导入');

    expect(errors).toEqual([]);
    await context.close();
  });
});
