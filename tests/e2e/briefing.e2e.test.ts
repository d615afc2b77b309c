import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser } from 'playwright-core';
import { launch, openApp, requireChromium, waitForAnalysis } from './browser';

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
