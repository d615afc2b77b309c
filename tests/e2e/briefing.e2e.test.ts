import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser } from 'playwright-core';
import { launch, openApp, requireChromium, shot, waitForAnalysis } from './browser';
import { dropFiles } from './dropFiles';
import { demoLayer } from './demoLayers';
import { representativePoint } from '../../src/core/analysis/points/representativePoint';

const hasChromium = requireChromium();
/** width and height from a PNG's IHDR chunk */
const pngSize = (b: Uint8Array) => ({ w: (b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19], h: (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23] });

describe.skipIf(!hasChromium)('briefing exports in the browser (issue 12): map image, Excel tables, bundle', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('exports the map with its frame, the workbook with Chinese sheets, and a bundle holding both', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    const save = async (id: string) => {
      await page.getByTestId('export-menu').click();
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(`export-${id}`).click()]);
      return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync((await dl.path())!)) };
    };
    const img = await save('map-image');
    expect(img.name).toMatch(/^lifecircle-map-\d{4}-\d{2}-\d{2}\.png$/);
    const map = await page.evaluate(() => ({ w: window.__lifecircle.map!.getCanvas().width, h: window.__lifecircle.map!.getCanvas().height }));
    const size = pngSize(img.bytes);
    // the map's own pixels plus the frame (title above, legend and credit below)
    expect(size.w).toBeGreaterThan(map.w);
    expect(size.h).toBeGreaterThan(map.h + 60);
    mkdirSync(path.resolve(__dirname, '../../test-output/screenshots'), { recursive: true });
    writeFileSync(path.resolve(__dirname, '../../test-output/screenshots/briefing-map-image-zh-CN.png'), img.bytes);
    // the view is back as it was
    expect(await page.evaluate(() => window.__lifecircle.map!.getPixelRatio())).toBe(await page.evaluate(() => window.devicePixelRatio || 1));

    // a chosen extent and paper: the whole study area on A4 landscape at 150 dpi is A4 at 150 dpi (1,754 × 1,240 px)
    const camera = await page.evaluate(() => ({ z: window.__lifecircle.map!.getZoom(), w: window.__lifecircle.map!.getCanvas().width }));
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-map-image-custom').click();
    await page.getByTestId('mi-extent').selectOption('data');
    await page.getByTestId('mi-size').selectOption('A4-L');
    await page.getByTestId('mi-dpi').selectOption('150');
    const [a4dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('mi-export').click()]);
    expect(a4dl.suggestedFilename()).toMatch(/-A4L-150dpi\.png$/);
    const a4 = new Uint8Array(readFileSync((await a4dl.path())!));
    const a4size = pngSize(a4);
    console.log('[e2e] A4 landscape 150 dpi image', a4size);
    expect(Math.abs(a4size.w - (297 / 25.4) * 150)).toBeLessThanOrEqual(4);
    expect(Math.abs(a4size.h - (210 / 25.4) * 150)).toBeLessThanOrEqual(4);
    writeFileSync(path.resolve(__dirname, '../../test-output/screenshots/briefing-map-a4-zh-CN.png'), a4);
    await page.getByTestId('map-image-dialog').waitFor({ state: 'detached' });
    // the view on screen is as it was
    const after = await page.evaluate(() => ({ z: window.__lifecircle.map!.getZoom(), w: window.__lifecircle.map!.getCanvas().width }));
    expect(after.w).toBe(camera.w);
    expect(after.z).toBeCloseTo(camera.z, 6);

    const xlsx = await save('tables');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '街道汇总', '分类覆盖', '小区明细', '缺项清单']);
    const n = await page.evaluate(() => window.__lifecircle.store!.getState().layers.communities!.fc.features.length);
    expect(wb.getWorksheet('小区明细')!.rowCount).toBe(n + 1);

    const zip = await save('bundle');
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.md', 'communities.geojson', 'facilities.geojson', 'tables.xlsx', 'units.csv', 'summary.json', 'map.png']));
    expect(strFromU8(files['README.md'])).toContain('## 字段说明');
    expect(pngSize(files['map.png']).w).toBeGreaterThan(600);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});

describe.skipIf(!hasChromium)('the printable briefing (issue 12)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lays out a cover with the map and headlines, the tables and an atlas page per top community, and prints to PDF pages', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-briefing').click();
    await page.getByTestId('briefing').waitFor();
    await page.getByTestId('briefing-cover-map').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.locator('.atlas img.atlas-map').count(), { timeout: 180_000 }).toBe(5);
    const level = page.getByTestId('briefing-level-5min');
    const fromState = await page.evaluate(() => window.__lifecircle.store!.getState().coverage!.stats.levels.find((l) => l.id === '5min')!.complete.population.rate);
    expect(Number(await level.getAttribute('data-rate'))).toBeCloseTo(fromState!, 9);
    expect(await page.getByTestId('briefing-categories').locator('tbody tr').count()).toBeGreaterThan(20);
    expect(await page.getByTestId('briefing-renovation').locator('tbody tr').count()).toBe(5);
    const { shot } = await import('./browser');
    await shot(page, 'briefing-preview-zh-CN');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // cover, coverage, gaps and priorities, rule set, five atlas pages (tables may run onto more)
    expect(pages).toBeGreaterThanOrEqual(9);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('briefing-close').click();
    expect(errors).toEqual([]);
    await context.close();
  }, 400_000);

  it('a polygon layer of 街道: the communities inside take its names, the briefing tables by 街道 follow, nothing re-runs', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    // two 街道 split at the median community point's longitude
    const pts = demoLayer('communities').features.map((f) => representativePoint(f.geometry as never)!);
    const lons = pts.map((p) => p[0]).sort((a, b) => a - b);
    const split = (lons[100] + lons[101]) / 2;
    const lats = pts.map((p) => p[1]);
    const [x0, x1, y0, y1] = [lons[0] - 0.01, lons.at(-1)! + 0.01, Math.min(...lats) - 0.01, Math.max(...lats) + 0.01];
    const box = (a: number, b: number, name: string) => ({ type: 'Feature', properties: { 街道名称: name }, geometry: { type: 'Polygon', coordinates: [[[a, y0], [b, y0], [b, y1], [a, y1], [a, y0]]] } });
    await page.evaluate(() => ((window as unknown as { __analysed: unknown }).__analysed = window.__lifecircle.store!.getState().coverage));
    await dropFiles(page, [{ name: '街道区划.geojson', text: JSON.stringify({ type: 'FeatureCollection', features: [box(x0, split, '西街道'), box(split, x1, '东街道')] }), type: 'application/geo+json' }]);
    await page.getByTestId('import-dialog').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('io-kind-units').isChecked()).toBe(true);
    await page.getByTestId('io-confirm').click();
    const west = pts.filter((p) => p[0] < split).length;
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().layers.communities!.fc.features.filter((f) => f.properties.subdistrict === '西街道').length), { timeout: 30_000 }).toBe(west);
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().layers.communities!.fc.features.filter((f) => f.properties.subdistrict === '东街道').length)).toBe(217 - west);
    // the results stand: the names are attributes the analysis does not read
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().coverage === (window as unknown as { __analysed: unknown }).__analysed)).toBe(true);
    await shot(page, 'units-layer-zh-CN');
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-briefing').click();
    const units = page.getByTestId('briefing-units');
    await units.waitFor({ timeout: 60_000 });
    const rows = await units.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, Number(tr.children[1].textContent)]));
    expect(Object.fromEntries(rows)).toEqual({ 西街道: west, 东街道: 217 - west });
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
