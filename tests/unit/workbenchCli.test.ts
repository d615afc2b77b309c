import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../scripts/analyze';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fx = (name: string) => path.join(root, 'tests/fixtures/workbench', name);
const rules = path.join(root, 'tests/fixtures/network/rules.json');
const tmp = mkdtempSync(path.join(tmpdir(), 'lc-workbench-'));

async function analyze(...args: string[]) {
  let stdout = '', stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { LANG: 'en_US.UTF-8' } });
  return { code, stdout, stderr };
}
const base = (out: string) => [
  '--communities', fx('communities.geojson'), '--facilities', fx('facilities.geojson'), '--network', fx('network.geojson'),
  '--rules', rules, '--out', out,
];
const props = (out: string) => JSON.parse(readFileSync(out, 'utf8')).features.map((f: { properties: Record<string, unknown> }) => f.properties);

// Fixture arithmetic (tests/fixtures/workbench/README.md): on the equator 0.0001° = 11.1195 m.
// Communities 0.0001° north of the street, lots and facilities 0.0001° south.
//  Parks: "big" 0.0008° square (7,913 m² → 500 m) at 0.0065–0.0073; "small" 0.0005° square
//  (3,091 m² → 300 m) at 0.0090–0.0095; "tiny" 1,113 m² (none).
//   A (0.001) → big (0.0065, 0.0001): 0.0001 + 0.0055 + 0.0001 = 0.0057° = 633.8 m ✗ (small: 911.8 m) → false, 633.8
//   B (0.003) → big: 0.0001 + 0.0035 + 0.0001 = 0.0037° = 411.4 m ≤ 500 ✓ → true, 411.4
//   N (0.0122) → small (0.0095, −0.0001): 0.0029° = 322.5 m > 300 ✗; big: 0.0051° = 567.1 m ✗ → false, 322.5
//  Parking: L1 (0.002, 90 spaces) is 0.0012° = 133.4 m from A and B; L2 is not public; L3 (0.019)
//  is 0.0070° = 778.4 m from N. Demand A 200, B 100, N 300; L1 split 2:1 → A 60, B 30.
//   A: 50 + 60 = 110 → gap 90; B: 150 + 30 = 180 → gap 0; N: 100 → gap 200. Total 290.
//  Score (default weights 5min .25, 10min .15, 15min .10, parking .2, park .1, age .15, elderly .05):
//   A (1985, 560 people → population factor 0.56; kindergarten 89.0 m ✓, primary 244.6 m ✓, no
//   middle school): 100 × (0.10·0.56 + 0.2·90/200 + 0.1·1 + 0.15·15/30 + 0.05·0.2) = 33.1
//   B (1995, 100 households × 2.8 = 280 people → 0.28; kindergarten 311.3 m ✗, no middle school,
//   no elderly share → Σ weights 0.95): 100 × (0.25·0.28 + 0.10·0.28 + 0.15·5/30) / 0.95 = 12.947 → 12.95
//   N (2010): not old → null
//  These scores count the absent middle school as missing (--count-no-data). By default a category
//  without any facility in the data is "no data" (issue 8 item 7): the 15-min level then has no
//  counted mandatory category, its indicator is unavailable and its weight 0.10 is re-distributed:
//   A: Σ w = 0.9; 100 × (0.2·0.45 + 0.1·1 + 0.15·0.5 + 0.05·0.2) / 0.9 = 27.5 / 0.9 = 30.556 → 30.56
//   B: Σ w = 0.85; 100 × (0.25·0.28 + 0.15·5/30) / 0.85 = 9.5 / 0.85 = 11.176 → 11.18
describe('npm run analyze: parks, parking and renovation score', () => {
  it('writes park_ok, park_dist, parking_* and score with known answers', async () => {
    const out = path.join(tmp, 'all.geojson');
    const r = await analyze(...base(out), '--parks', fx('parks.geojson'), '--parking', fx('parking.geojson'), '--count-no-data');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [a, b, n] = props(out);
    expect(a).toMatchObject({ id: 'A', park_ok: false, park_dist: 633.8, parking_demand: 200, parking_supply: 110, parking_gap: 90, score: 33.1 });
    expect(b).toMatchObject({ id: 'B', park_ok: true, park_dist: 411.4, parking_demand: 100, parking_supply: 180, parking_gap: 0, score: 12.95 });
    expect(n).toMatchObject({ id: 'N', park_ok: false, park_dist: 322.5, parking_demand: 300, parking_supply: 100, parking_gap: 200, score: null });

    const s = JSON.parse(r.stdout);
    expect(s.parks.communities).toEqual({ covered: 1, total: 3, rate: 1 / 3 });
    // B is 100 of 600 households; the three squares have equal areas
    expect(s.parks.households.rate).toBeCloseTo(100 / 600, 12);
    expect(s.parks.area_m2.rate).toBeCloseTo(1 / 3, 9);
    expect(s.parks.qualifying).toBe(2);
    expect(s.parking).toMatchObject({ total_demand: 600, total_supply: 390, total_gap: 290, public_lots: 2, unused_public_spaces: 40, communities_with_gap: 2 });
    expect(s.score.old_communities).toBe(2);
    expect(s.score.top.map((t: { id: string }) => t.id)).toEqual(['A', 'B']);
    expect(s.score.top[0].parts).toMatchObject({ '15min': 5.6, parking: 9, park: 10, age: 7.5, elderly: 1 });
  });

  it('by default leaves the category without data (middle school) out of the score', async () => {
    const out = path.join(tmp, 'nodata.geojson');
    const r = await analyze(...base(out), '--parks', fx('parks.geojson'), '--parking', fx('parking.geojson'));
    expect(r.code).toBe(0);
    const [a, b, n] = props(out);
    expect([a.score, b.score, n.score]).toEqual([30.56, 11.18, null]);
    const s = JSON.parse(r.stdout);
    expect(s.no_data).toMatchObject({ counted: false, mandatory: ['middle_school'] });
    // parts: parking 100 · 0.2/0.9 · 0.45 = 10; park 100 · 0.1/0.9 = 11.11; age 100 · 0.15/0.9 · 0.5 = 8.33
    expect(s.score.top[0].parts).toMatchObject({ '15min': 0, parking: 10, park: 11.11, age: 8.33, elderly: 1.11 });
  });

  it('takes --parking-ratio and --weights', async () => {
    const out = path.join(tmp, 'options.geojson');
    const r = await analyze(...base(out), '--parks', fx('parks.geojson'), '--parking', fx('parking.geojson'),
      '--parking-ratio', '0.5', '--weights', '{"5min":0,"10min":0,"15min":0,"parking":0,"park":0,"age":1,"elderly":0}');
    expect(r.code).toBe(0);
    const [a, b, n] = props(out);
    // demand 100, 50, 150; L1 still 60 / 30 → A 110 ≥ 100 → gap 0; N 150 − 100 = 50
    expect([a.parking_gap, b.parking_gap, n.parking_gap]).toEqual([0, 0, 50]);
    // age alone: A (2000 − 1985) / 30 = 0.5 → 50; B 5 / 30 → 16.67 — B drops further behind
    expect([a.score, b.score, n.score]).toEqual([50, 16.67, null]);
  });

  it('scores from what is given when parks and parking lots are absent (parking from own spaces)', async () => {
    const out = path.join(tmp, 'bare.geojson');
    const r = await analyze(...base(out), '--count-no-data');
    expect(r.code).toBe(0);
    const [a, b, n] = props(out);
    // No lots: supply = own spaces (issue 9 item 11). A: demand 200, own 50 → gap 150; B: 100 vs
    // 150 → 0; N: 300 vs 100 → 200.
    expect(a).toMatchObject({ park_ok: null, park_dist: null, parking_demand: 200, parking_supply: 50, parking_gap: 150 });
    expect([b.parking_gap, n.parking_gap]).toEqual([0, 200]);
    // A without park: Σ weights 0.9; parking 150/200 = 0.75;
    // 100 × (0.10·0.56 + 0.2·0.75 + 0.15·0.5 + 0.05·0.2) / 0.9 = 29.1 / 0.9 = 32.333 → 32.33
    expect(a.score).toBe(32.33);
    // without --count-no-data the 15-min indicator is unavailable too: Σ w = 0.8;
    // 100 × (0.2·0.75 + 0.15·0.5 + 0.05·0.2) / 0.8 = 23.5 / 0.8 = 29.375, exactly half a cent: the
    // floating-point sum lands a hair below it, so the two-decimal figure is 29.37 (either is right)
    const out2 = path.join(tmp, 'bare-nodata.geojson');
    expect((await analyze(...base(out2))).code).toBe(0);
    expect([29.37, 29.38]).toContain(props(out2)[0].score);
    const s = JSON.parse(r.stdout);
    expect(s.parks).toBe(null);
    expect(s.parking).toMatchObject({ file: null, lots: 0, public_lots: 0, total_demand: 600, total_supply: 300, total_gap: 350 });
    expect(s.score.unavailable).toEqual(['park']);
  });

  it('a community without stated spaces has no parking figures when there are no lots, and does not lose points for it', async () => {
    const fc = JSON.parse(readFileSync(fx('communities.geojson'), 'utf8'));
    delete fc.features[0].properties.parking_spaces;
    const file = path.join(tmp, 'no-spaces.geojson');
    writeFileSync(file, JSON.stringify(fc));
    const out = path.join(tmp, 'no-spaces-out.geojson');
    const args = base(out);
    args[args.indexOf(fx('communities.geojson'))] = file;
    const r = await analyze(...args, '--count-no-data');
    expect(r.code).toBe(0);
    const [a] = props(out);
    expect(a).toMatchObject({ parking_demand: 200, parking_supply: null, parking_gap: null });
    // parking unavailable for A: Σ w = 0.7; 100 × (0.10·0.56 + 0.15·0.5 + 0.05·0.2) / 0.7 = 14.1 / 0.7 → 20.14
    expect(a.score).toBe(20.14);
  });

  it('an empty parking file is a finding, not an error', async () => {
    const empty = path.join(tmp, 'empty-parking.geojson');
    writeFileSync(empty, JSON.stringify({ type: 'FeatureCollection', features: [] }));
    const out = path.join(tmp, 'empty-parking-out.geojson');
    const r = await analyze(...base(out), '--parking', empty);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the parking file holds no lots; parking supply is each community's own spaces/);
    expect(props(out)[0]).toMatchObject({ parking_supply: 50, parking_gap: 150 });
  });

  it('works in euclidean mode', async () => {
    const out = path.join(tmp, 'euclid.geojson');
    const r = await analyze('--communities', fx('communities.geojson'), '--facilities', fx('facilities.geojson'),
      '--parks', fx('parks.geojson'), '--parking', fx('parking.geojson'), '--rules', rules, '--out', out);
    expect(r.code).toBe(0);
    const [a, b] = props(out);
    // A (0.001, 0.0001) → big's corner (0.0065, 0.0001): 0.0055° = 611.6 m ✗; B: 0.0035° = 389.2 m ✓
    expect([a.park_ok, a.park_dist, b.park_ok, b.park_dist]).toEqual([false, 611.6, true, 389.2]);
    // L1 (0.002, −0.0001) is √(0.001² + 0.0002²)° = 113.4 m from A and B: same split, same gaps
    expect([a.parking_gap, b.parking_gap]).toEqual([90, 0]);
  });

  it('exits 1 naming the file and feature for bad parking spaces and bad options', async () => {
    const out = path.join(tmp, 'bad.geojson');
    const bad = await analyze(...base(out), '--parking', fx('parking-bad.geojson'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('parking-bad.geojson, feature 2: 1 parking lot(s) have a "spaces" that is not a number of parking spaces ≥ 0 (first "L9": "many")');
    const weights = await analyze(...base(out), '--weights', '{"speed":1}');
    expect(weights.code).toBe(1);
    expect(weights.stderr).toContain('--weights: unknown weight "speed"');
    const json = await analyze(...base(out), '--weights', 'age=1');
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('--weights must be a JSON object');
    const ratio = await analyze(...base(out), '--parking-ratio', '-1');
    expect(ratio.code).toBe(1);
    expect(ratio.stderr).toContain('--parking-ratio must be a number of spaces per household ≥ 0, got "-1"');
    for (const x of [bad, weights, json, ratio]) expect(x.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run analyze: flat output properties (issue 8 item 13)', () => {
  it('writes entrances as WKT, objects as prefixed keys and lists joined (the entrances are read without a warning)', async () => {
    const fc = JSON.parse(readFileSync(fx('communities.geojson'), 'utf8'));
    const a = fc.features[0];
    // A sits at (0.001, 0.0001); an entrance at the same point keeps its distances.
    a.properties = { ...a.properties, entrances: { type: 'MultiPoint', coordinates: [[0.001, 0.0001]] }, tags: { landuse: 'residential' }, phases: ['一期', '二期'] };
    const file = path.join(tmp, 'nested.geojson');
    writeFileSync(file, JSON.stringify(fc));
    const out = path.join(tmp, 'flat.geojson');
    const r = await analyze('--communities', file, '--facilities', fx('facilities.geojson'), '--network', fx('network.geojson'), '--rules', rules, '--out', out);
    expect(r.code).toBe(0);
    const p = props(out)[0];
    expect(p).toMatchObject({ entrances: 'MULTIPOINT (0.001 0.0001)', tags_landuse: 'residential', phases: '一期;二期' });
    for (const v of Object.values(p)) expect(v === null || typeof v !== 'object').toBe(true);
    expect(r.stdout).not.toContain('invalid_entrances');
  });
});
