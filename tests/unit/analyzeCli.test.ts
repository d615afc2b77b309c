import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fx = (name: string) => path.join('tests/fixtures/network', name);
const tmp = mkdtempSync(path.join(tmpdir(), 'lc-analyze-'));

function analyze(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Fixture arithmetic (tests/fixtures/network/README.md): on the equator and meridians
// 1° = 6,371,008.8 · π / 180 = 111,195.08 m, so 0.0001° = 11.1195 m.
//  A (0.0005, 0.0002) → kindergarten K1 (0.001, −0.0001): 0.0002 + 0.0005 + 0.0001 = 0.0008° = 88.956 m → 89.0 ✓ (300)
//  A → primary school P1 (0.0041, 0.002): 0.0002 + 0.0035 + 0.002 + 0.0001 = 0.0058° = 644.93 m → 644.9 ✗ (500)
//  A → middle school M1 (0.002, 0.0001): 0.0002 + 0.0015 + 0.0001 = 0.0018° = 200.15 m → 200.2 ✓ (1000)
//  B (0.0039, 0.0025) → K1: 0.0001 + 0.0025 + 0.003 + 0.0001 = 0.0057° = 633.81 m → 633.8 ✗
//  B → P1: 0.0001 + 0.0005 + 0.0001 = 0.0007° = 77.837 m → 77.8 ✓
//  B → M1: 0.0001 + 0.0025 + 0.002 + 0.0001 = 0.0047° = 522.62 m → 522.6 ✓
//  (the walkable=false diagonal from A to B would be a shortcut; it must be ignored)
//  C has no geometry: the importer skips it with a warning (DESIGN §8). No clinic exists: null / false everywhere.
describe('npm run analyze (CLI, DESIGN §6)', () => {
  it('writes dist_<k> / ok_<k> for every category and the summary on stdout', () => {
    const out = path.join(tmp, 'result.geojson');
    const r = analyze('--communities', fx('communities.geojson'), '--facilities', fx('facilities.geojson'),
      '--network', fx('network.geojson'), '--rules', fx('rules.json'), '--out', out);
    expect(r.stderr).toContain('communities.geojson, feature 3: 1 feature(s) have no geometry and were skipped');
    expect(r.code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.features).toHaveLength(2);
    const [a, b] = fc.features.map((f: { properties: Record<string, unknown> }) => f.properties);
    expect(a).toMatchObject({
      id: 'A', name: '甲小区', households: 300, population: 900,
      dist_kindergarten: 89.0, ok_kindergarten: true,
      dist_primary_school: 644.9, ok_primary_school: false,
      dist_middle_school: 200.2, ok_middle_school: true,
      dist_clinic: null, ok_clinic: false,
    });
    expect(b).toMatchObject({
      dist_kindergarten: 633.8, ok_kindergarten: false,
      dist_primary_school: 77.8, ok_primary_school: true,
      dist_middle_school: 522.6, ok_middle_school: true,
    });

    const s = JSON.parse(r.stdout);
    expect(s.mode).toBe('network');
    const k = s.categories.find((x: { id: string }) => x.id === 'kindergarten');
    // only A (population 900) is covered; B is 200 households × 2.8 = 560 (C was skipped)
    expect(k.population.rate).toBeCloseTo(900 / (900 + 560), 12);
    expect(k.households.rate).toBeCloseTo(300 / 500, 12);
    // the 10min level has one mandatory category (primary_school): only B meets it
    const l10 = s.levels.find((x: { id: string }) => x.id === '10min');
    expect(l10.complete.communities.covered).toBe(1);
    expect(s.unreachable.communities).toEqual([]);
    expect(s.counts.network.skippedNotWalkable).toBe(1);
  });

  it('defaults to euclidean without --network', () => {
    const out = path.join(tmp, 'euclid.geojson');
    const r = analyze('--communities', fx('communities.geojson'), '--facilities', fx('facilities.geojson'),
      '--rules', fx('rules.json'), '--detour', '1.3', '--out', out);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).mode).toBe('euclidean');
    const a = JSON.parse(readFileSync(out, 'utf8')).features[0].properties;
    // A → M1: straight line from (0.0005, 0.0002) to (0.002, 0.0001) ≈ √(0.0015² + 0.0001²)° = 0.00150333° = 167.16 m; × 1.3 = 217.3
    expect(a.dist_middle_school).toBeCloseTo(217.3, 0);
  });

  it('exits 1 naming the file (and feature) for bad input, without a stack trace', () => {
    const out = path.join(tmp, 'bad.geojson');
    const base = ['--rules', fx('rules.json'), '--out', out];
    const missing = analyze('--communities', fx('nope.geojson'), '--facilities', fx('facilities.geojson'), ...base);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.geojson');
    expect(missing.stderr).toContain('not found');

    // unknown categories are listed and ignored (issue 4): the run goes on
    const badCat = analyze('--communities', fx('communities.geojson'), '--facilities', fx('facilities-bad-category.geojson'), ...base);
    expect(badCat.code).toBe(0);
    expect(badCat.stderr).toMatch(/facilities-bad-category\.geojson: 1 facilities have categories the rule set does not know and are ignored: "cinema" ×1/);
    rmSync(out, { force: true });

    const truncated = analyze('--communities', fx('truncated.geojson'), '--facilities', fx('facilities.geojson'), ...base);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('truncated.geojson: the JSON ends too early');

    const wrongType = analyze('--communities', fx('network.geojson'), '--facilities', fx('facilities.geojson'), ...base);
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('network.geojson, features 1, 2, 3: 3 feature(s) are lines, which a communities layer cannot use');

    const notFc = analyze('--communities', fx('rules.json'), '--facilities', fx('facilities.geojson'), ...base);
    expect(notFc.code).toBe(1);
    expect(notFc.stderr).toContain('rules.json: the JSON is not GeoJSON');

    const unknownFlag = analyze('--communities', fx('communities.geojson'), '--facilities', fx('facilities.geojson'), '--bogus', 'a.osm', ...base);
    expect(unknownFlag.code).toBe(1);
    expect(unknownFlag.stderr).toContain("Unknown option '--bogus'");

    for (const r of [missing, badCat, truncated, wrongType, notFc, unknownFlag]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run analyze: no data is not a gap (issue 8 item 7)', () => {
  // The fixture has no clinic at all; make it mandatory for 15 minutes. A and B both reach the
  // middle school (200.2 m, 522.6 m ≤ 1000), so by default both meet the 15-min level; counting
  // the clinic as missing, neither does.
  it('lists no-data categories in the summary and counts them only with --count-no-data', () => {
    const rules = JSON.parse(readFileSync(path.join(root, fx('rules.json')), 'utf8'));
    for (const c of rules.categories) if (c.id === 'clinic') c.mandatory = true;
    const rulesFile = path.join(tmp, 'rules-clinic.json');
    writeFileSync(rulesFile, JSON.stringify(rules));
    const run = (...extra: string[]) => {
      const out = path.join(tmp, `nodata${extra.length}.geojson`);
      const r = analyze('--communities', fx('communities.geojson'), '--facilities', fx('facilities.geojson'),
        '--network', fx('network.geojson'), '--rules', rulesFile, '--out', out, ...extra);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    const s = run();
    expect(s.no_data).toEqual({ counted: false, categories: ['clinic'], mandatory: ['clinic'] });
    const l15 = s.levels.find((x: { id: string }) => x.id === '15min');
    expect(l15.countedCategories).toEqual(['middle_school']);
    expect(l15.complete.communities.covered).toBe(2);
    const s2 = run('--count-no-data');
    expect(s2.no_data.counted).toBe(true);
    expect(s2.levels.find((x: { id: string }) => x.id === '15min').complete.communities.covered).toBe(0);
  });
});
