import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Feature } from 'geojson';
import { runCli } from '../../scripts/analyze';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { haversine } from '../../src/core/network';

const dir = mkdtempSync(path.join(tmpdir(), 'lc-choice-cli-'));
const put = (name: string, value: unknown): string => {
  const f = path.join(dir, name);
  writeFileSync(f, JSON.stringify(value));
  return f;
};
const at = (lat: number, props: Record<string, unknown>) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [118, lat] } });
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const U = haversine(118, 32, 118, 32.001);
const rulesLevel = (id: string) => defaultRules.categories.find((c) => c.id === id)!.level;

async function cli(args: string[], lang = 'en_US.UTF-8'): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await runCli(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: { LANG: lang } });
  return { code, out, err };
}

describe('CLI --choice: n_, dist2_, access_, fca_ and places_gap_ (issue 13)', () => {
  // the 2SFCA example of choiceIndicators.test.ts, through files: kindergartens with 学位数 (capacity),
  // a norm of 30 places per 1,000 residents and a minimum of two within the radius for markets
  const rules = put('rules.json', {
    ...defaultRules,
    categories: defaultRules.categories.filter((c) => c.id === 'kindergarten' || c.id === 'market').map((c) => (c.id === 'kindergarten'
      ? { ...c, radius_m: 250, norm: { per_1000: 30, unit_zh: '学位', unit_en: 'places', source: 'test', verification: 'app-convention' } }
      : { ...c, radius_m: 250, min_count: 2 })),
  });
  const network = put('network.geojson', fc([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: Array.from({ length: 11 }, (_, i) => [118, 32 + i / 1000]) } }]));
  const communities = put('communities.geojson', fc([at(32, { id: 'A', 人口: 1000, 街道: '甲街道' }), at(32.002, { id: 'B', 人口: 2000, 街道: '甲街道' }), at(32.004, { id: 'C', 人口: 500, 街道: '乙街道' }), at(32.009, { id: 'D', 人口: 400, 街道: '乙街道' })]));
  const facilities = put('facilities.geojson', fc([
    at(32.001, { id: 'F1', category: '幼儿园', 学位数: 100 }), at(32.003, { id: 'F2', category: '幼儿园', 学位数: 50 }), at(32.008, { id: 'F3', category: '幼儿园', 学位数: 30 }),
    at(32.0015, { id: 'M1', category: 'market' }), at(32.0025, { id: 'M2', category: 'market' }),
  ]));

  it('writes the hand-computed values and a summary block; without --choice the fields are absent', async () => {
    const out = path.join(dir, 'out.geojson');
    const r = await cli(['--communities', communities, '--facilities', facilities, '--network', network, '--rules', rules, '--choice', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('choice fields written for 2 categories (n_, dist2_, access_、fca_、places_gap_); gravity decay cumulative');
    const p = JSON.parse(readFileSync(out, 'utf8')).features.map((f: Feature) => f.properties);
    expect(p.map((x: Record<string, unknown>) => x.n_kindergarten)).toEqual([1, 2, 1, 1]);
    expect(p.map((x: Record<string, unknown>) => x.fca_kindergarten)).toEqual([1.1111, 1.7778, 0.6667, 2.5]);
    expect(p.map((x: Record<string, unknown>) => x.places_gap_kindergarten)).toEqual([0, 0, 5, 0]);
    expect(p[0].dist2_kindergarten).toBeCloseTo(3 * U, 0);
    expect(p[0].access_kindergarten).toBe(1);
    // markets need two within 250 m: B has M1 (0.5 u) and M2 (0.5 u); A only M1 (1.5 u = 167 m) and M2 at 2.5 u = 278 m
    expect(p.map((x: Record<string, unknown>) => x.n_ok_market)).toEqual([false, true, false, false]);
    expect(p[0]).not.toHaveProperty('fca_market');
    expect(p[0]).not.toHaveProperty('places_gap_market');
    const s = JSON.parse(r.out).choice;
    expect(s.decay).toBe('cumulative');
    const cat = (id: string) => s.categories.find((c: { id: string }) => c.id === id);
    expect(cat('kindergarten')).toMatchObject({ id: 'kindergarten', facilities: 3, without_capacity: 0, places: 180, places_needed: 117, places_gap: 5 });
    expect(s.levels).toEqual([{ id: rulesLevel('kindergarten'), categories: ['kindergarten'], places_needed: 117, places_gap: 5, communities_short: 1 }]);
    // per 街道: 甲 needs 30 + 60 places and has them; 乙 needs 15 + 12 and is 5 short (C)
    expect(s.units).toEqual([
      { unit: '甲街道', categories: { kindergarten: { places_needed: 90, places_gap: 0, communities_short: 0 } } },
      { unit: '乙街道', categories: { kindergarten: { places_needed: 27, places_gap: 5, communities_short: 1 } } },
    ]);
    expect(cat('market')).toMatchObject({ id: 'market', min_count: 2, communities_meeting_min_count: 1 });

    const plain = await cli(['--communities', communities, '--facilities', facilities, '--network', network, '--rules', rules, '--out', out]);
    expect(plain.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).features[0].properties).not.toHaveProperty('n_kindergarten');
  });

  it('--decay gaussian:200 scores by the Gaussian within twice the radius; a bad decay is a clear error (in Chinese too)', async () => {
    const out = path.join(dir, 'gauss.geojson');
    const r = await cli(['--communities', communities, '--facilities', facilities, '--network', network, '--rules', rules, '--decay', 'gaussian:200', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const a = JSON.parse(readFileSync(out, 'utf8')).features[0].properties;
    // A: F1 at 1 u, F2 at 3 u (within 500 m), F3 beyond
    const g = (d: number) => Math.exp(-(d * d) / (2 * 200 * 200));
    expect(a.access_kindergarten).toBeCloseTo(g(U) + g(3 * U), 3);
    expect(JSON.parse(r.out).choice).toMatchObject({ decay: 'gaussian:200', limit_factor: 2 });
    const bad = await cli(['--communities', communities, '--facilities', facilities, '--decay', 'gauss', '--out', out], 'zh_CN.UTF-8');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--decay 须为 cumulative');
    expect(bad.err).toContain('“gauss”');
  });

  it('--surface writes walkable cells with metres and minutes, for a category (by its Chinese name) or the widest level', async () => {
    const D = path.resolve(__dirname, '../../data/demo');
    const demo = ['--communities', `${D}/communities.geojson`, '--facilities', `${D}/facilities.geojson`, '--network', `${D}/network.geojson`];
    const out = path.join(dir, 'demo.geojson'), grid = path.join(dir, 'grid.geojson');
    const r = await cli([...demo, '--surface', grid, '--cell', '100', '--surface-of', '幼儿园', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const cells = JSON.parse(readFileSync(grid, 'utf8')).features;
    const s = JSON.parse(r.out).surface;
    expect(s).toMatchObject({ of: 'kindergarten', categories: ['kindergarten'], cell_m: 100, walkable_cells: cells.length });
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.length).toBeLessThan(s.columns * s.rows);
    const reached = cells.filter((f: Feature) => f.properties!.dist_m !== null);
    expect(reached.length).toBeGreaterThan(10);
    for (const f of reached.slice(0, 20)) expect(f.properties.minutes).toBeCloseTo(f.properties.dist_m / s.metres_per_minute, 1);
    const lv = await cli([...demo, '--surface', grid, '--out', out]);
    expect(lv.code, lv.err).toBe(0);
    expect(JSON.parse(lv.out).surface.of).toBe('15min');
    const bad = await cli([...demo, '--surface', grid, '--surface-of', 'nothing', '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"nothing" is neither a category nor a level');
  });
});

describe('site capacity in places, turned into residents by the rule set norm (issue 11)', () => {
  it('residentsPerSite: places × 1,000 ÷ norm; per elderly resident through the elderly share; none without a norm', async () => {
    const { residentsPerSite } = await import('../../src/core/rules');
    expect(residentsPerSite(90, { norm: { per_1000: 30 } }, 0.187)).toBe(3000);
    expect(residentsPerSite(40, { norm: { per_1000: 40, per: 'elderly' } }, 0.2)).toBeCloseTo(5000, 9);
    expect(residentsPerSite(90, {}, 0.187)).toBeNull();
  });
});
