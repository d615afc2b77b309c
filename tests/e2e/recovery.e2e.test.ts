import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, requireChromium, shot, waitForMap } from './browser';

const hasChromium = requireChromium();

/** Raw IndexedDB access to the app's autosave store (idb-keyval: database "lifecircle", store "workspace"). */
async function idb(page: Page, op: 'put' | 'entries', entries: [string, unknown][] = []): Promise<[string, unknown][]> {
  return page.evaluate(
    ({ op, entries }) =>
      new Promise<[string, unknown][]>((resolve, reject) => {
        const req = indexedDB.open('lifecircle');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('workspace', op === 'put' ? 'readwrite' : 'readonly');
          const store = tx.objectStore('workspace');
          const out: [string, unknown][] = [];
          if (op === 'put') for (const [k, v] of entries) store.put(v, k);
          else {
            const cur = store.openCursor();
            cur.onsuccess = () => {
              const c = cur.result;
              if (c) {
                out.push([String(c.key), c.value]);
                c.continue();
              }
            };
          }
          tx.oncomplete = () => resolve(out);
          tx.onerror = () => reject(tx.error);
        };
      }),
    { op, entries },
  );
}

describe.skipIf(!hasChromium)('a stored workspace the app cannot read is never deleted', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a newer build's workspace is kept aside, offered for download, and survives the autosave", async () => {
    const { page, context } = await openApp(browser, 'zh-CN');
    await waitForMap(page);
    await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]', { timeout: 60_000 });
    // What a newer LifeCircle (format 2) would have stored: the planner's own communities.
    const mine = {
      kind: 'communities',
      name: 'mine.geojson',
      source: 'file',
      fc: {
        type: 'FeatureCollection',
        features: [1, 2].map((i) => ({ type: 'Feature', properties: { id: `c${i}`, name: `我的小区${i}` }, geometry: { type: 'Polygon', coordinates: [[[118.8, 32], [118.801, 32], [118.801, 32.001], [118.8, 32]]] } })),
      },
    };
    const [[, meta]] = (await idb(page, 'entries')).filter(([k]) => k === 'meta');
    await idb(page, 'put', [
      ['layer:communities:future', mine],
      ['meta', { ...(meta as object), version: 2, demoOnly: false, layers: [{ kind: 'communities', key: 'layer:communities:future' }] }],
    ]);

    await page.reload();
    await waitForMap(page);
    const message = page.getByTestId('messages');
    await expect.poll(() => message.textContent(), { timeout: 30_000 }).toContain('更新版本');
    console.log(`[e2e] screenshot ${await shot(page, 'recovery-message-zh')}`);
    const download = page.waitForEvent('download');
    await page.locator('[data-testid^="message-action-"]').first().click();
    const file = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(file.version).toBe(2);
    expect(file.layers.map((l: { name: string; fc: { features: unknown[] } }) => [l.name, l.fc.features.length])).toEqual([['mine.geojson', 2]]);

    // The app started fresh (the demo) and autosaved over the old meta; the recovery record stays whole.
    await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]', { timeout: 60_000 });
    const stored = await idb(page, 'entries');
    const metaNow = stored.find(([k]) => k === 'meta')![1] as { version: number };
    expect(metaNow.version).toBe(1);
    const recovery = stored.filter(([k]) => k.startsWith('recovery:'));
    expect(recovery).toHaveLength(1);
    const kept = new Map((recovery[0][1] as { entries: [string, unknown][] }).entries);
    expect(kept.get('layer:communities:future')).toEqual(mine);
    await context.close();
  });
});
