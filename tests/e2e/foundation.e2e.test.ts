import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { COLORS, oldCommunityColor } from '../../src/map/palette';
import { countColors, hex, launch, openApp, over, repaintAndWait, requireChromium, shot, waitForMap, type Rgb } from './browser';

const PALETTE = {
  oldCommunity1990: over(oldCommunityColor(1990, 2000)),
  newCommunity: over(COLORS.communityNew),
  park: over(COLORS.park),
  water: hex(COLORS.water),
  parking: COLORS.parking.slice(0, 3) as Rgb,
  kindergartenOrSchool: [132, 94, 247] as Rgb, // primary_school
  street: hex(COLORS.streetMain),
};

const hasChromium = requireChromium();

describe.skipIf(!hasChromium)('foundation: the demo town on the map', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws every layer kind, a legend and Chinese labels; toggles hide layers; the language switches', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    const t0 = Date.now();
    await waitForMap(page);
    const firstRender = await page.evaluate(() => window.__lifecircle.firstRenderMs);
    console.log(`[e2e] first full render: ${firstRender} ms in-page, ${Date.now() - t0} ms from navigation`);
    const file = await shot(page, 'foundation-demo-zh');
    console.log(`[e2e] screenshot ${file}`);

    // Counts in the layers panel come from the loaded demo files.
    for (const kind of ['communities', 'facilities', 'parks', 'parking', 'network', 'water']) {
      await expect.poll(() => page.getByTestId(`count-${kind}`).textContent()).not.toBe('');
    }
    const communities = Number((await page.getByTestId('count-communities').textContent())!.replace(/,/g, ''));
    expect(communities).toBeGreaterThanOrEqual(150);

    // Colour communities by built year (the analysis may colour them by coverage meanwhile).
    await page.getByTestId('color-built_year').click();
    await repaintAndWait(page);
    // Pixels of every layer kind are on screen (not a blank map).
    const COMMUNITY = { oldCommunity1990: PALETTE.oldCommunity1990, newCommunity: PALETTE.newCommunity };
    const before = { ...(await countColors(page, PALETTE)), ...(await countColors(page, COMMUNITY, 3)) };
    console.log('[e2e] pixel counts', before);
    expect(before.oldCommunity1990 + before.newCommunity).toBeGreaterThan(2000);
    expect(before.park).toBeGreaterThan(300);
    expect(before.water).toBeGreaterThan(2000);
    expect(before.street).toBeGreaterThan(2000);

    // Chinese UI and legend.
    await expect.poll(() => page.getByTestId('layers-panel').textContent()).toContain('居住小区');
    expect(await page.getByTestId('legend').textContent()).toContain('老旧小区');
    expect(await page.getByTestId('demo-notice').textContent()).toContain('虚构');

    // Toggle communities off: their colours disappear; parks stay.
    await page.getByTestId('toggle-communities').click();
    await repaintAndWait(page);
    const off = { ...(await countColors(page, PALETTE)), ...(await countColors(page, COMMUNITY, 3)) };
    console.log('[e2e] pixel counts with communities off', off);
    await shot(page, 'foundation-communities-off');
    expect(off.newCommunity + off.oldCommunity1990).toBeLessThan((before.newCommunity + before.oldCommunity1990) * 0.05);
    expect(off.park).toBeGreaterThan(before.park * 0.8);
    await page.getByTestId('toggle-communities').click();
    await repaintAndWait(page);

    // Language switch changes the UI text.
    await page.getByTestId('language-switch').selectOption('en');
    await expect.poll(() => page.getByTestId('layers-panel').textContent()).toContain('Communities');
    expect(await page.getByTestId('legend').textContent()).toContain('Old (built before 2000)');
    await shot(page, 'foundation-demo-en');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('layers-panel').textContent()).toContain('居住小区');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('hover shows a compact card and click selects a community', async () => {
    const { page, context } = await openApp(browser, 'zh-CN');
    await waitForMap(page);
    // Project the first old community's label point to screen pixels and point at it.
    const target = await page.evaluate(() => {
      const map = window.__lifecircle.map!;
      const fc = window.__lifecircle.store!.getState().layers.communities!.fc;
      const ring = (fc.features[0].geometry as GeoJSON.Polygon).coordinates[0].slice(0, -1);
      const lon = ring.reduce((s, c) => s + c[0], 0) / ring.length;
      const lat = ring.reduce((s, c) => s + c[1], 0) / ring.length;
      const p = map.project([lon, lat]);
      return { x: p.x, y: p.y, name: String(fc.features[0].properties.name) };
    });
    const box = (await page.getByTestId('map').boundingBox())!;
    // deck.gl hovers on pointer movement, so arrive from a few pixels away.
    await page.mouse.move(box.x + target.x - 6, box.y + target.y - 6);
    await page.mouse.move(box.x + target.x, box.y + target.y, { steps: 3 });
    await expect
      .poll(async () => {
        const hovered = await page.evaluate(() => JSON.stringify(window.__lifecircle.store!.getState().hovered));
        const card = await page.getByTestId('hover-card').count();
        return card ? await page.getByTestId('hover-card').textContent() : `no card; hovered=${hovered}`;
      }, { timeout: 30_000 })
      .toContain('户数');
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await expect.poll(() => page.getByTestId('community-name').textContent(), { timeout: 30_000 }).toBe(target.name);
    await shot(page, 'foundation-selected');
    await context.close();
  });
});
