import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { countColors, hex, launch, openApp, repaintAndWait, requireChromium, shot, waitForMap } from './browser';
import { HALF, NANJING_COMMUNITIES } from '../fixtures/crs/makeCrsFixtures';

const hasChromium = requireChromium();
const FIXTURE = readFileSync(resolve(__dirname, '../fixtures/crs/nanjing-communities-gk-cm118.8.geojson'), 'utf8');
const NAME = '南京小区_GK118.8.geojson';
const MAGENTA = hex('#d6139a');

async function dropFile(page: Page): Promise<void> {
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/geo+json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name: NAME, text: FIXTURE });
}

/** State that must not change while the chooser is open or after it is cancelled. */
async function snapshot(page: Page) {
  return page.evaluate(() => {
    const s = window.__lifecircle.store!.getState();
    const c = s.layers.communities!.fc.features;
    const map = window.__lifecircle.map!;
    return {
      communities: c.length,
      firstName: c[0]!.properties!.name,
      first: JSON.stringify(c[0]!.geometry),
      center: map.getCenter().toArray(),
      zoom: map.getZoom(),
    };
  });
}

/** Types 南京 and picks the suggested CGCS2000 3° Gauss-Krüger on CM 118.8 (Nanjing's meridian); waits for the preview. */
async function chooseNanjing(page: Page): Promise<void> {
  await page.getByTestId('crs-chooser').waitFor({ timeout: 30_000 });
  await page.getByTestId('crs-place').fill('南京');
  const first = page.locator('[data-testid="crs-candidates"] li').first();
  await expect.poll(() => first.textContent()).toContain('118.8');
  await page.locator('[data-testid="crs-candidate-gk3:118.8"]').click();
  await page.waitForSelector('[data-testid="crs-preview"][data-state="ready"]', { timeout: 30_000 });
  expect(await page.getByTestId('crs-chosen').textContent()).toContain('中央经线 118.8°E');
}

describe.skipIf(!hasChromium)('projected data without zone number: choose the system, preview, confirm', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('suggests CM 118.8 from 南京, previews the communities in Nanjing on the map, and imports them at the right lon/lat', async () => {
    const { page, errors } = await openApp(browser, 'zh-CN');
    await waitForMap(page);
    const before = await snapshot(page);
    await dropFile(page);
    await chooseNanjing(page);
    // Nothing is loaded yet: the store is as before; the candidate is drawn over the map and framed.
    const preview = await page.evaluate(() => {
      const map = window.__lifecircle.map!;
      const src = map.getSource('crs-preview') as unknown as { serialize(): { data: GeoJSON.FeatureCollection } };
      const b = map.getBounds();
      return { features: src.serialize().data.features.length, bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
    });
    expect(preview.features).toBe(4);
    for (const c of NANJING_COMMUNITIES) {
      expect(c.lon).toBeGreaterThan(preview.bounds[0]!);
      expect(c.lon).toBeLessThan(preview.bounds[2]!);
      expect(c.lat).toBeGreaterThan(preview.bounds[1]!);
      expect(c.lat).toBeLessThan(preview.bounds[3]!);
    }
    // Every candidate community is in view, clear of the chooser panel.
    const hidden = await page.evaluate((cs) => {
      const map = window.__lifecircle.map!;
      const frame = map.getContainer().getBoundingClientRect();
      const panel = document.querySelector('[data-testid="crs-chooser"]')!.getBoundingClientRect();
      return cs.filter((c) => {
        const p = map.project([c.lon, c.lat]);
        const x = frame.left + p.x;
        const y = frame.top + p.y;
        return x < frame.left || x > Math.min(frame.right, panel.left) || y < frame.top || y > frame.bottom;
      }).map((c) => c.name);
    }, NANJING_COMMUNITIES);
    expect(hidden).toEqual([]);
    // Framed: the data span (≈ 0.06° of longitude) fills a good part of the view.
    expect(preview.bounds[2]! - preview.bounds[0]!).toBeLessThan(0.3);
    expect((await snapshot(page)).communities).toBe(before.communities);
    await repaintAndWait(page);
    const px = await countColors(page, { magenta: MAGENTA }, 20);
    expect(px.magenta).toBeGreaterThan(300);
    expect(await page.getByTestId('crs-preview').textContent()).toMatch(/距南京 \d+ 公里/);
    await shot(page, 'crs-chooser-preview-zh');

    await page.getByTestId('crs-accept').click();
    await page.getByTestId('import-dialog').waitFor();
    expect(await page.getByTestId('crs-source-label').textContent()).toContain('118.8');
    await page.getByTestId('io-kind-communities').check();
    await page.getByTestId('io-confirm').click();
    // Where the app asks before replacing a non-empty layer (issue 8 item 3), replace the demo's communities.
    await page.waitForFunction((n) => window.__lifecircle.store!.getState().layers.communities?.name === n || !!document.querySelector('[data-testid="io-existing"]'), NAME, { timeout: 30_000 });
    if (await page.getByTestId('io-existing').count()) await page.getByTestId('io-existing-replace').click();
    await page.waitForFunction((n) => window.__lifecircle.store!.getState().layers.communities?.name === n, NAME, { timeout: 30_000 });
    const loaded = await page.evaluate(() =>
      window.__lifecircle.store!.getState().layers.communities!.fc.features.map((f) => ({
        name: f.properties!.name,
        ring: (f.geometry as GeoJSON.Polygon).coordinates[0],
      })),
    );
    expect(loaded.map((c) => c.name)).toEqual(NANJING_COMMUNITIES.map((c) => c.name));
    loaded.forEach((c, i) => {
      const want = NANJING_COMMUNITIES[i]!;
      // South-west corner: the fixture rounds metres to 1 mm (≈ 1e-8°).
      expect(Math.abs(c.ring![0]![0]! - (want.lon - HALF))).toBeLessThan(1e-7);
      expect(Math.abs(c.ring![0]![1]! - (want.lat - HALF))).toBeLessThan(1e-7);
      expect(Math.abs(c.ring![2]![0]! - (want.lon + HALF))).toBeLessThan(1e-7);
    });
    // The preview is gone once confirmed.
    expect(await page.evaluate(() => !!window.__lifecircle.map!.getSource('crs-preview'))).toBe(false);
    await waitForMap(page);
    await shot(page, 'crs-imported-nanjing-zh');
    expect(errors).toEqual([]);
  });

  it('cancelling leaves layers and camera as they were', async () => {
    const { page, errors } = await openApp(browser, 'zh-CN');
    await waitForMap(page);
    const before = await snapshot(page);
    await dropFile(page);
    await chooseNanjing(page);
    // A Xi'an 80 reading shows the datum note (shift not public).
    await page.getByTestId('crs-datum-xian80').check();
    expect(await page.getByTestId('crs-datum-note').textContent()).toMatch(/西安80.*100 米/);
    await page.getByTestId('crs-cancel').click();
    await page.getByTestId('crs-chooser').waitFor({ state: 'detached' });
    const after = await snapshot(page);
    expect(after.communities).toBe(before.communities);
    expect(after.first).toBe(before.first);
    expect(after.zoom).toBeCloseTo(before.zoom, 6);
    expect(after.center[0]).toBeCloseTo(before.center[0]!, 6);
    expect(await page.evaluate(() => !!window.__lifecircle.map!.getSource('crs-preview'))).toBe(false);
    expect(errors).toEqual([]);
  });
});
