import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { COLORS, type RGBA } from '../../src/map/palette';
import { CHROMIUM, launchChromium, VIEWPORT } from './chromium';

export { CHROMIUM, VIEWPORT };

/**
 * On CI a missing browser is a failure, never a skip; locally we say what to install.
 */
export function requireChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const msg = `Chromium not found at ${CHROMIUM}. Install it: apt-get update && apt-get install -y chromium fonts-wqy-microhei`;
  if (process.env.CI) throw new Error(msg);
  console.warn(`[e2e] SKIPPED: ${msg}`);
  return false;
}

export function launch(): Promise<Browser> {
  return launchChromium();
}

/** Opens the app with a fresh context in the given UI language; collects page errors. */
export async function openApp(browser: Browser, locale: 'zh-CN' | 'en' = 'zh-CN', path = '', baseUrl = inject('baseUrl')) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text());
  });
  await page.goto(baseUrl + path);
  return { context, page, errors };
}

/** Waits until the map has loaded data and deck.gl has drawn it (no sleeps: flags set by the app). */
export async function waitForMap(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => window.__lifecircle?.mapIdle === true && window.__lifecircle.deckFrames > 0, undefined, {
    timeout,
    polling: 100,
  });
}

/** Forces a repaint and waits for the next idle, so pixels reflect the latest state. */
export async function repaintAndWait(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__lifecircle.mapIdle = false;
    window.__lifecircle.deckFrames = 0;
    window.__lifecircle.map!.triggerRepaint();
  });
  await waitForMap(page);
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = resolve(inject('shotsDir'), `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export type Rgb = [number, number, number];

export const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;

/** A translucent fill as it appears over the plain background. */
export function over(c: RGBA, bg = COLORS.background): Rgb {
  const b = hex(bg);
  const a = c[3] / 255;
  return [0, 1, 2].map((i) => Math.round(c[i] * a + b[i] * (1 - a))) as Rgb;
}

/**
 * Counts map-canvas pixels within `tol` (per channel) of each colour. Reads the WebGL canvas
 * (preserveDrawingBuffer) so HTML panels don't count.
 */
export async function countColors(page: Page, colors: Record<string, Rgb>, tol = 12): Promise<Record<string, number>> {
  return page.evaluate(
    ({ colors, tol }) => {
      const src = window.__lifecircle.map!.getCanvas();
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(src, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const out: Record<string, number> = {};
      const entries = Object.entries(colors);
      for (const [k] of entries) out[k] = 0;
      for (let i = 0; i < d.length; i += 4) {
        for (const [k, [r, g, b]] of entries) {
          if (Math.abs(d[i] - r) <= tol && Math.abs(d[i + 1] - g) <= tol && Math.abs(d[i + 2] - b) <= tol) out[k]++;
        }
      }
      return out;
    },
    { colors, tol },
  );
}

/** Waits until the map has drawn and the analysis has finished (the status flag the panel sets). */
export async function waitForAnalysis(page: Page): Promise<void> {
  await waitForMap(page);
  await page.waitForSelector('[data-testid="analysis-status"][data-status="done"]', { timeout: 120_000 });
}

/** Where a lon/lat is on the page, in page pixels (projected by the page's own map). */
export async function screenAt(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.__lifecircle.map!;
    const r = map.getCanvas().getBoundingClientRect();
    const q = map.project(ll);
    return { x: r.left + q.x, y: r.top + q.y };
  }, lonLat);
}

/** Clicks the map at a lon/lat. */
export async function clickAt(page: Page, lonLat: [number, number]): Promise<void> {
  const p = await screenAt(page, lonLat);
  await page.mouse.click(p.x, p.y);
}
