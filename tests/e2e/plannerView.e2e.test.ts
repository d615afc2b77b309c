import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, repaintAndWait, requireChromium, shot, waitForAnalysis } from './browser';

const hasChromium = requireChromium();

const ready = waitForAnalysis;

/** The deck.gl layers on the map now: id → number of items. */
async function deckLayers(page: Page): Promise<Record<string, number | null>> {
  return page.evaluate(() => Object.fromEntries(window.__lifecircle.deckLayers.map((l) => [l.id, l.count])));
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Screen point of a community's representative point (the store's layer, projected by the map). */
async function communityPoint(page: Page, name: string): Promise<{ x: number; y: number; index: number }> {
  return page.evaluate((name) => {
    const d = window.__lifecircle;
    const fc = d.store!.getState().layers.communities!.fc;
    const index = fc.features.findIndex((f) => f.properties.name === name);
    const ring = (fc.features[index].geometry as GeoJSON.Polygon).coordinates[0].slice(0, -1);
    const lon = ring.reduce((s, c) => s + c[0], 0) / ring.length;
    const lat = ring.reduce((s, c) => s + c[1], 0) / ring.length;
    const p = d.map!.project([lon, lat]);
    const box = d.map!.getContainer().getBoundingClientRect();
    return { x: box.x + p.x, y: box.y + p.y, index };
  }, name);
}

describe.skipIf(!hasChromium)("the planner's view: card, views, focus, find and frame", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a clicked community shows its card without scrolling, frames it with its route, and Esc closes it', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await ready(page);
    const zoomBefore = await page.evaluate(() => window.__lifecircle.map!.getZoom());
    const target = await communityPoint(page, '解放小区');
    await page.mouse.move(target.x - 5, target.y - 5);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().selectedCommunity)).toBe(target.index);

    // The card is in the viewport, at the top of the right panel, without scrolling.
    const card = page.getByTestId('community-panel');
    await expect.poll(() => card.isVisible()).toBe(true);
    const box = (await card.boundingBox())!;
    console.log('[e2e] card box', box);
    expect(box.y).toBeLessThan(120);
    expect(box.y + 150).toBeLessThan(1000);
    expect(await page.getByTestId('community-name').textContent()).toBe('解放小区');

    // The map zooms to the community and its route, and both are inside the view.
    await page.waitForFunction((i) => window.__lifecircle.store!.getState().route?.communityIndex === i, target.index, { timeout: 30_000 });
    await page.waitForFunction(() => !window.__lifecircle.map!.isMoving(), undefined, { timeout: 30_000 });
    await repaintAndWait(page);
    const framed = await page.evaluate(() => {
      const d = window.__lifecircle;
      const s = d.store!.getState();
      const b = d.map!.getBounds();
      const route = s.route!.coordinates;
      return { zoom: d.map!.getZoom(), routeInside: route.every((c) => b.contains(c as [number, number])), routePoints: route.length };
    });
    console.log('[e2e] framed', framed, 'zoom before', zoomBefore);
    expect(framed.zoom).toBeGreaterThan(zoomBefore + 1);
    expect(framed.routeInside).toBe(true);
    expect(await deckLayers(page)).toHaveProperty('route');
    console.log(`[e2e] screenshot ${await shot(page, 'view-selected-card-zh')}`);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().selectedCommunity)).toBe(null);
    expect(await page.getByTestId('community-panel').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('each view owns its overlays: switching views swaps them; the gap map shows gaps when opened', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await ready(page);
    await page.waitForFunction(() => window.__lifecircle.deckLayers.some((l) => l.id === 'service-area'), undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().coloring)).toBe('category');

    // Gap map: opening it colours by missing categories at once; its hex grid shows only here.
    await page.getByTestId('tab-gaps').click();
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().coloring)).toBe('missing');
    await page.getByTestId('gap-grid-level').click();
    await expect.poll(() => deckLayers(page)).toHaveProperty('gap-grid');
    let ids = await deckLayers(page);
    expect(ids).not.toHaveProperty('service-area');
    console.log(`[e2e] screenshot ${await shot(page, 'view-gaps-zh')}`);

    // Ranking: no gap grid, no service area, numbered markers 1..10 drawn on top.
    await page.getByTestId('tab-ranking').click();
    await expect.poll(() => deckLayers(page)).toHaveProperty('ranking-markers');
    ids = await deckLayers(page);
    expect(ids).not.toHaveProperty('gap-grid');
    expect(ids).not.toHaveProperty('service-area');
    expect(ids['ranking-markers']).toBe(10);
    expect(ids['ranking-labels']).toBe(10);
    // leaving the gap map gives the planner's colouring back
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().coloring)).toBe('category');
    const order = await page.evaluate(() => window.__lifecircle.deckLayers.map((l) => l.id));
    // the markers come after every layer anchored below the labels, so labels never hide a number
    expect(order.indexOf('ranking-labels')).toBe(order.length - 1);
    console.log(`[e2e] screenshot ${await shot(page, 'view-ranking-zh')}`);

    // Parks: its own service areas, not the kindergarten's.
    await page.getByTestId('tab-parks').click();
    await expect.poll(() => deckLayers(page)).toHaveProperty('parks-community-coverage');
    ids = await deckLayers(page);
    expect(ids).not.toHaveProperty('service-area');
    expect(ids).not.toHaveProperty('ranking-markers');

    // Back to the coverage view: the service area returns.
    await page.getByTestId('tab-dashboard').click();
    await expect.poll(() => deckLayers(page)).toHaveProperty('service-area');
    expect(await deckLayers(page)).not.toHaveProperty('parks-community-coverage');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("focuses the chosen category's facilities and outlines the compliance table's filtered communities", async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await ready(page);
    await page.getByTestId('level-5min').click();
    await page.getByTestId('category-select').selectOption('kindergarten');
    await expect.poll(() => deckLayers(page)).toHaveProperty('facilities-focus');
    const counts = await page.evaluate(() => {
      const fc = window.__lifecircle.store!.getState().layers.facilities!.fc;
      return { kindergarten: fc.features.filter((f) => f.properties.category === 'kindergarten').length, all: fc.features.length };
    });
    const ids = await deckLayers(page);
    expect(ids['facilities-focus']).toBe(counts.kindergarten);
    expect(ids.facilities).toBe(counts.all - counts.kindergarten);
    // the picker's text is not cut off: the closed select shows the whole category name
    const cut = await page.getByTestId('category-select').evaluate((el: HTMLSelectElement) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(el).font;
      return { text: ctx.measureText(el.selectedOptions[0].text).width, box: el.clientWidth };
    });
    expect(cut.text).toBeLessThan(cut.box - 20);

    await page.getByTestId('tab-compliance').click();
    await page.getByTestId('cp-old-only').check();
    await expect.poll(() => deckLayers(page)).toHaveProperty('compliance-filtered');
    const shown = Number(await page.getByTestId('cp-count').getAttribute('data-shown'));
    expect((await deckLayers(page))['compliance-filtered']).toBe(shown);
    console.log(`[e2e] compliance filter: ${shown} old communities outlined`);
    await repaintAndWait(page);
    console.log(`[e2e] screenshot ${await shot(page, 'view-compliance-filtered-zh')}`);
    await page.getByTestId('cp-old-only').uncheck();
    await expect.poll(() => deckLayers(page)).not.toHaveProperty('compliance-filtered');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a community by pinyin initials and frames the whole area or the selection', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await ready(page);
    await page.getByTestId('map-search').fill('jfxq');
    const hit = page.locator('[data-testid^="search-hit-communities-"]').first();
    await expect.poll(() => hit.textContent(), { timeout: 30_000 }).toContain('解放小区');
    await hit.dispatchEvent('mousedown');
    await expect.poll(() => page.evaluate(() => {
      const s = window.__lifecircle.store!.getState();
      return s.selectedCommunity == null ? null : s.layers.communities!.fc.features[s.selectedCommunity].properties.name;
    })).toBe('解放小区');

    // Facilities by name: the hit is ringed on the map.
    await page.getByTestId('map-search').fill('幼儿园');
    await page.locator('[data-testid^="search-hit-facilities-"]').first().dispatchEvent('mousedown');
    await expect.poll(() => deckLayers(page)).toHaveProperty('search-hit');

    await page.getByTestId('zoom-full').click();
    await page.waitForFunction(() => !window.__lifecircle.map!.isMoving());
    const full = await page.evaluate(() => {
      const d = window.__lifecircle;
      const b = d.map!.getBounds();
      const fc = d.store!.getState().layers.communities!.fc;
      return fc.features.every((f) => (f.geometry as GeoJSON.Polygon).coordinates[0].every((c) => b.contains(c as [number, number])));
    });
    expect(full).toBe(true);

    await page.getByTestId('zoom-selection').click();
    await page.waitForFunction(() => !window.__lifecircle.map!.isMoving());
    const sel = await page.evaluate(() => {
      const d = window.__lifecircle;
      const s = d.store!.getState();
      const b = d.map!.getBounds();
      const ring = (s.layers.communities!.fc.features[s.selectedCommunity!].geometry as GeoJSON.Polygon).coordinates[0];
      return { inside: ring.every((c) => b.contains(c as [number, number])), zoom: d.map!.getZoom() };
    });
    expect(sel.inside).toBe(true);
    expect(sel.zoom).toBeGreaterThan(14);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('polish: the tooltip leaves with the pointer, the scale bar clears the attribution, messages clear the workbench tabs', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await ready(page);
    const target = await communityPoint(page, '解放小区');
    await page.mouse.move(target.x - 6, target.y - 6);
    await page.mouse.move(target.x, target.y, { steps: 3 });
    await expect.poll(() => page.getByTestId('hover-card').count(), { timeout: 30_000 }).toBe(1);
    // one step out of the map, onto the right panel
    const panel = (await page.getByTestId('right-panel').boundingBox())!;
    await page.mouse.move(panel.x + 40, panel.y + 300);
    await expect.poll(() => page.getByTestId('hover-card').count()).toBe(0);

    const scale = (await page.locator('.maplibregl-ctrl-scale').boundingBox())!;
    const attribution = (await page.locator('.map-attribution').boundingBox())!;
    expect(overlaps(scale, attribution)).toBe(false);

    await page.evaluate(() => {
      const s = window.__lifecircle.store!.getState();
      s.pushMessage('info', '第一条提示');
      s.pushMessage('warning', '第二条提示');
    });
    const messages = (await page.getByTestId('messages').boundingBox())!;
    const tabs = (await page.locator('.workbench-tabs').boundingBox())!;
    expect(overlaps(messages, tabs)).toBe(false);
    const tools = (await page.getByTestId('map-tools').boundingBox())!;
    expect(overlaps(messages, tools)).toBe(false);

    // The export menu is whole, not cut off by the left panel: its right edge is the menu itself.
    await page.getByTestId('export-menu').click();
    const whole = await page.evaluate(() => {
      const m = document.querySelector('.io-export-menu')!.getBoundingClientRect();
      const panel = document.querySelector('[data-testid="layers-panel"]')!.getBoundingClientRect();
      const hit = document.elementFromPoint(m.right - 4, m.top + 12);
      return { beyondPanel: m.right > panel.right, inMenu: !!hit?.closest('.io-export-menu') };
    });
    expect(whole).toEqual({ beyondPanel: true, inMenu: true });
    await shot(page, 'polish-export-menu-zh');
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`every view on screen at 1600×1000 in ${locale}`, async () => {
      const { page, errors, context } = await openApp(browser, locale);
      await ready(page);
      const tabs = await page.$$eval('.workbench-tabs [role=tab]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice('tab-'.length)));
      expect(tabs.length).toBeGreaterThanOrEqual(7);
      for (const id of tabs) {
        await page.getByTestId(`tab-${id}`).click();
        await page.waitForSelector(`[data-testid="view-${id}"]`);
        // every view shows content, not an empty drawer
        expect((await page.getByTestId(`view-${id}`).textContent())!.trim().length).toBeGreaterThan(20);
        await repaintAndWait(page);
        await shot(page, `view-${id}-${locale}`);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
