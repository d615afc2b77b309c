import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { countColors, launch, openApp, repaintAndWait, requireChromium, shot, waitForMap } from './browser';
import { startTileServer, type TileServer } from './tileServer';

const hasChromium = requireChromium();
const TILE: [number, number, number] = [200, 230, 120];

/** Every request the page makes that is not to the app itself. */
function watchForeign(page: Page, baseUrl: string): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(baseUrl) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return foreign;
}

async function chooseXyz(page: Page, url: string, attribution: string, gcj02 = false): Promise<void> {
  await page.getByTestId('basemap-toggle').click();
  await page.getByTestId('basemap-kind-xyz').check();
  await page.getByTestId('basemap-url').fill(url);
  await page.getByTestId('basemap-attribution').fill(attribution);
  if (gcj02) await page.getByTestId('basemap-gcj02').check();
}

describe.skipIf(!hasChromium)('optional online basemap', () => {
  let browser: Browser;
  let tiles: TileServer;
  beforeAll(async () => {
    browser = await launch();
    tiles = await startTileServer(TILE);
  });
  afterAll(async () => {
    await browser?.close();
    await tiles?.close();
  });

  it('offline by default requests nothing; a custom XYZ basemap draws the local tiles under the data with its attribution, and is saved', async () => {
    const baseUrl = inject('baseUrl');
    const { page, context, errors } = await openApp(browser, 'zh-CN');
    const foreign = watchForeign(page, baseUrl);
    await waitForMap(page);
    await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]', { timeout: 60_000 });
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().basemap)).toEqual({ kind: 'none' });
    expect(foreign).toEqual([]);
    expect(tiles.requests).toEqual([]);
    expect((await countColors(page, { tile: TILE }, 4)).tile).toBe(0);
    expect(await page.getByTestId('basemap-toggle').textContent()).toBe('底图：离线');

    await chooseXyz(page, tiles.template, 'Test Tiles © 测试');
    expect(await page.getByTestId('basemap-gcj-warning').count()).toBe(0);
    await page.getByTestId('basemap-apply').click();
    await expect.poll(() => tiles.requests.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForFunction(() => window.__lifecircle.map!.areTilesLoaded(), undefined, { timeout: 60_000 });
    await repaintAndWait(page);
    const canvasPx = await page.evaluate(() => window.__lifecircle.map!.getCanvas().width * window.__lifecircle.map!.getCanvas().height);
    const px = (await countColors(page, { tile: TILE }, 4)).tile;
    // The tiles fill the background between the streets and communities: a large share of the map.
    expect(px).toBeGreaterThan(canvasPx * 0.2);
    // Under the data: the demo's communities still draw over it (the first data layer stays above the basemap).
    const order = await page.evaluate(() => window.__lifecircle.map!.getStyle().layers.map((l) => l.id).slice(0, 3));
    expect(order).toEqual(['background', 'basemap-0', 'water']);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Test Tiles © 测试');
    expect(await page.getByTestId('basemap-toggle').textContent()).toBe('底图：XYZ');
    await shot(page, 'basemap-xyz-zh');

    // Saved with the workspace: a reload brings the basemap back.
    await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]', { timeout: 60_000 });
    const before = tiles.requests.length;
    await page.reload();
    await waitForMap(page);
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().basemap)).toMatchObject({ kind: 'xyz', url: tiles.template });
    await expect.poll(() => tiles.requests.length, { timeout: 30_000 }).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a GCJ-02 basemap warns and shifts the drawn data for display only; the data stay WGS84', async () => {
    const { page, context, errors } = await openApp(browser, 'zh-CN');
    await waitForMap(page);
    const before = await page.evaluate(() => JSON.stringify(window.__lifecircle.store!.getState().layers.communities!.fc.features[0]!.geometry));
    await chooseXyz(page, tiles.template, 'GCJ tiles', true);
    await shot(page, 'basemap-panel-gcj-warning-zh');
    const warning = await page.getByTestId('basemap-gcj-warning').textContent();
    expect(warning).toMatch(/GCJ-02.*偏移约 \d+ 米.*WGS84/);
    const m = Number(/约 (\d+) 米/.exec(warning!)![1]);
    expect(m).toBeGreaterThan(100);
    expect(m).toBeLessThan(1000);
    await page.getByTestId('basemap-apply').click();
    await page.getByTestId('basemap-gcj-badge').waitFor();
    await page.waitForFunction(() => {
      const l = (window.__lifecircle.overlay as unknown as { _props: { layers: { props: { modelMatrix?: number[] } }[] } })._props.layers;
      return l.length > 0 && l.every((x) => Array.isArray(x.props.modelMatrix) || ArrayBuffer.isView(x.props.modelMatrix));
    }, undefined, { timeout: 30_000 });
    const shown = await page.evaluate(() => {
      const map = window.__lifecircle.map!;
      const l = (window.__lifecircle.overlay as unknown as { _props: { layers: { props: { modelMatrix: number[] } }[] } })._props.layers;
      return { translate: map.getPaintProperty('street-fill', 'line-translate'), matrix: Array.from(l[0]!.props.modelMatrix) };
    });
    // deck.gl layers: a translation in degrees (GCJ-02 shifts east and north in this part of China).
    expect(shown.matrix[12]).toBeGreaterThan(0);
    expect(shown.matrix[12]).toBeLessThan(0.01);
    expect(shown.translate).toBeTruthy();
    // The data themselves are unchanged (analysis and exports stay WGS84).
    expect(await page.evaluate(() => JSON.stringify(window.__lifecircle.store!.getState().layers.communities!.fc.features[0]!.geometry))).toBe(before);
    await repaintAndWait(page);
    await shot(page, 'basemap-gcj-shift-zh');

    // Back to offline: no shift, no basemap layers.
    await page.getByTestId('basemap-toggle').click();
    await page.getByTestId('basemap-kind-none').check();
    await page.getByTestId('basemap-apply').click();
    await page.waitForFunction(() => !window.__lifecircle.map!.getStyle().layers.some((l) => l.id.startsWith('basemap-')), undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__lifecircle.map!.getPaintProperty('street-fill', 'line-translate') ?? null)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a MapLibre style URL: its sources and non-label layers go under the data, its attribution as plain text', async () => {
    const { page, context, errors } = await openApp(browser, 'en');
    await waitForMap(page);
    const before = tiles.requests.filter((r) => r === '/style.json').length;
    await page.getByTestId('basemap-toggle').click();
    await page.getByTestId('basemap-kind-style').check();
    await page.getByTestId('basemap-style-url').fill(tiles.styleUrl);
    await page.getByTestId('basemap-apply').click();
    await page.waitForFunction(() => window.__lifecircle.map!.getStyle().layers.some((l) => l.id === 'basemap-t'), undefined, { timeout: 30_000 });
    expect(tiles.requests.filter((r) => r === '/style.json').length).toBe(before + 1);
    const ids = await page.evaluate(() => window.__lifecircle.map!.getStyle().layers.map((l) => l.id));
    expect(ids.slice(0, 3)).toEqual(['background', 'basemap-t', 'water']);
    expect(ids).not.toContain('basemap-names');
    await page.waitForFunction(() => window.__lifecircle.map!.areTilesLoaded(), undefined, { timeout: 60_000 });
    await repaintAndWait(page);
    expect((await countColors(page, { tile: TILE }, 4)).tile).toBeGreaterThan(10_000);
    const attrib = page.locator('.maplibregl-ctrl-attrib');
    expect(await attrib.textContent()).toContain('Style Tiles');
    expect(await attrib.locator('img, a[href="https://example.com"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await shot(page, 'basemap-style-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
