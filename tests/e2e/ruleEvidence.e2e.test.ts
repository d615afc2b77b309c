import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, requireChromium, shot, waitForAnalysis } from './browser';

const hasChromium = requireChromium();

describe.skipIf(!hasChromium)('the rule set shows its evidence in the browser (issue 16)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('badges per value with their sources, the dashboard count, a planner’s check that a change of value clears', async () => {
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    await page.getByTestId('tab-dashboard').click();
    const dash = page.getByTestId('dash-evidence');
    expect([await dash.getAttribute('data-confirmed'), await dash.getAttribute('data-total')]).toEqual(['9', '44']);
    await page.getByTestId('tab-rules').click();
    const toilet = page.getByTestId('evidence-public_toilet');
    expect(await toilet.getAttribute('data-standing')).toBe('confirmed');
    await toilet.click();
    expect(await page.getByTestId('evidence-pop-public_toilet').textContent()).toContain('公共厕所的服务半径不应大于300m');
    await toilet.click();
    expect(await page.getByTestId('evidence-refuse_point').getAttribute('data-standing')).toBe('none');
    expect(await page.getByTestId('rule-range-refuse_point').textContent()).toContain('70–120');
    // the planner checks the kindergarten radius against the printed standard
    await page.getByTestId('rule-verify-kindergarten').click();
    await page.getByTestId('rule-verify-kindergarten-by').fill('张工');
    await page.getByTestId('rule-verify-kindergarten-clause').fill('表B.0.2');
    await page.getByTestId('rule-verify-kindergarten-page').fill('18');
    await page.getByTestId('rule-verify-kindergarten-save').click();
    await expect.poll(() => page.getByTestId('evidence-kindergarten').getAttribute('data-standing')).toBe('user_verified');
    await shot(page, 'rule-evidence-zh-CN');
    // the range's other end: the value changes, the check is cleared
    await page.getByTestId('rule-range-use-kindergarten-500').click();
    await expect.poll(() => page.getByTestId('evidence-kindergarten').getAttribute('data-standing')).toBe('weak');
    expect(await page.evaluate(() => window.__lifecircle.store!.getState().rules.categories.find((c) => c.id === 'kindergarten')!.radius_m)).toBe(500);
    // the 15-minute level's range 800–1000 m: its other end, one click away
    await page.getByTestId('rule-level-range-use-15min-800').click();
    await expect.poll(() => page.evaluate(() => window.__lifecircle.store!.getState().rules.levels.find((l) => l.id === '15min')!.walk_m)).toBe(800);
    expect(await page.getByTestId('evidence-level-10min').textContent()).toBe('✓');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
