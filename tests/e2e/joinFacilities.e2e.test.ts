import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEFAULT_STUDY_AREA_SETTINGS, StudyArea } from '../../src/core/studyArea';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { applyJoin, planJoin } from '../../src/core/join';
import { readTable, suggestFieldMapping } from '../../src/core/io';
import { launch, openApp, requireChromium, shot, waitForAnalysis } from './browser';
import { demoLayer } from './demoLayers';

const hasChromium = requireChromium();
// the education bureau's list of places: one exact name, one written with a bracketed note (a near
// name the planner confirms), one kindergarten that is not in the layer
const CSV = '\uFEFF设施名称,学位数\n青禾县实验幼儿园,540\n城关镇中心幼儿园（本部）,360\n不存在的幼儿园,90\n';
const layers = { communities: demoLayer('communities'), facilities: demoLayer('facilities'), network: demoLayer('network'), parks: demoLayer('parks'), parking: demoLayer('parking') };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };

/** Kindergarten places (2SFCA supply) by the same pipeline in Node, before and after the join the page is asked to make. */
async function expected() {
  const places = (facilities: typeof layers.facilities) => {
    const area = new StudyArea({ ...layers, facilities });
    area.analyze(defaultRules, settings);
    const ch = area.choice(defaultRules, settings);
    return ch.supply[ch.categoryIds.indexOf('kindergarten')]!.places;
  };
  const read = await readTable('幼儿园学位.csv', new TextEncoder().encode(CSV));
  if (!read.ok) throw new Error(read.detail);
  const mapping = suggestFieldMapping(read.table.columns, 'facilities');
  const f = layers.facilities.features;
  const plan = planJoin(read.table.rows.map((r) => ({ name: r[mapping.name!] })), f.map((x) => ({ id: x.properties.id, name: x.properties.name })));
  // the sure match and the near name's proposed candidate, as the planner accepts them
  const pairs = [...plan.matches, ...plan.review.map((r) => ({ row: r.row, feature: r.candidates[0].feature }))];
  const joined = applyJoin(layers.facilities, 'facilities', read.table, pairs, mapping).layer as typeof layers.facilities;
  return { before: places(layers.facilities), after: places(joined) };
}

describe.skipIf(!hasChromium)('a facility list joined to the facilities (issue 15): places per kindergarten for 2SFCA', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the table goes to the facilities by its columns; a near name is confirmed; the capacities change and the access view counts the new places', async () => {
    const want = await expected();
    expect(want.after).toBe(want.before + (540 - 270) + (360 - 180));
    const { page, errors, context } = await openApp(browser, 'zh-CN');
    await waitForAnalysis(page);
    await page.getByTestId('tab-access').click();
    const row = page.getByTestId('access-row-kindergarten');
    await row.waitFor({ timeout: 60_000 });
    expect(Number(await row.getAttribute('data-places'))).toBe(want.before);

    await page.getByTestId('join-file-input').setInputFiles({ name: '幼儿园学位.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    const summary = page.getByTestId('join-summary');
    await summary.waitFor({ timeout: 30_000 });
    // 学位数 is a facility field: the dialog proposes the facilities, and offers the communities too
    expect(await summary.getAttribute('data-kind')).toBe('facilities');
    expect(await page.getByTestId('join-target').inputValue()).toBe('facilities');
    expect(await summary.getAttribute('data-matched')).toBe('1');
    expect(await summary.getAttribute('data-review')).toBe('1');
    expect(await summary.getAttribute('data-unmatched')).toBe('1');
    // without a row: the other kindergartens (34 − the one matched), not the 700 facilities of other kinds
    expect(await summary.textContent()).toContain('33 个同类设施没有对应行');
    expect(await page.getByTestId('join-unmatched').textContent()).toContain('不存在的幼儿园');
    const choice = page.locator('[data-testid^="join-choice-"]');
    expect(await choice.locator('option:checked').textContent()).toContain('城关镇中心幼儿园');
    expect(await page.getByTestId('join-dialog').textContent()).toContain('学位数 → ');
    await shot(page, 'join-facilities-review-zh-CN');
    await page.getByTestId('join-apply').click();
    await page.getByTestId('join-dialog').waitFor({ state: 'detached' });

    const capacity = (name: string) => page.evaluate((n) => {
      const f = window.__lifecircle.store!.getState().layers.facilities!.fc.features.find((x) => x.properties.name === n);
      return [f?.properties.capacity ?? null, f?.properties.joined_from ?? null];
    }, name);
    expect(await capacity('青禾县实验幼儿园')).toEqual([540, '幼儿园学位.csv']);
    expect(await capacity('城关镇中心幼儿园')).toEqual([360, '幼儿园学位.csv']);
    expect(await capacity('青禾县第二幼儿园')).toEqual([180, null]);
    await waitForAnalysis(page);
    await expect.poll(async () => Number(await page.getByTestId('access-row-kindergarten').getAttribute('data-places')), { timeout: 60_000 }).toBe(want.after);
    await shot(page, 'join-facilities-after-zh-CN');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
