import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Feature } from 'geojson';
import { runCli } from '../../../scripts/analyze';
import { defaultRules } from '../../../src/core/rules/defaultRules';
import { editsToGeoJson, type ScenarioEdit } from '../../../src/core/scenario';

const dir = mkdtempSync(path.join(tmpdir(), 'lc-scenario-cli-'));
const put = (name: string, value: unknown): string => {
  const f = path.join(dir, name);
  writeFileSync(f, JSON.stringify(value));
  return f;
};
const line = (id: string, coords: number[][]) => ({ type: 'Feature', properties: { id }, geometry: { type: 'LineString', coordinates: coords } });
const point = (props: Record<string, unknown>, c: number[]) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: c } });
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await runCli(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: { LANG: 'en_US.UTF-8' } });
  return { code, out, err };
}

describe('CLI --scenario and --suggest (issue 11)', () => {
  const rules = put('rules.json', { ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: 600 })) });

  it('--scenario: a footbridge over the river; the output carries the scenario values and before_/delta_ for the community that gains', async () => {
    const network = put('network.geojson', fc([line('south', [[118.0, 32.0], [118.004, 32.0]]), line('north', [[118.0, 32.002], [118.004, 32.002]])]));
    const communities = put('communities.geojson', fc([point({ id: 'A', name: '南岸小区', households: 100 }, [118.001, 32.0]), point({ id: 'B', name: '北岸小区', households: 50 }, [118.0035, 32.002])]));
    const facilities = put('facilities.geojson', fc([point({ id: 'K1', category: '幼儿园' }, [118.0025, 32.002])]));
    const edits: ScenarioEdit[] = [{ op: 'add', layer: 'network', id: 'bridge', geometry: { type: 'LineString', coordinates: [[118.002, 32.0], [118.002, 32.002]] }, properties: {} }];
    const scenario = put('edits.geojson', editsToGeoJson(edits));
    const out = path.join(dir, 'out.geojson');
    const r = await cli(['--communities', communities, '--facilities', facilities, '--network', network, '--rules', rules, '--scenario', scenario, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('1 edit(s) applied; 1 communities change coverage');
    const [a, b] = JSON.parse(readFileSync(out, 'utf8')).features.map((f: Feature) => f.properties);
    expect(a).toMatchObject({ id: 'A', ok_kindergarten: true, before_dist_kindergarten: null, before_ok_kindergarten: false, delta_dist_kindergarten: null, scenario_change: 'gain' });
    expect(a.dist_kindergarten).toBeCloseTo(94.3 + 222.4 + 47.2, 0);
    expect(b).not.toHaveProperty('before_dist_kindergarten');
    expect(b).not.toHaveProperty('scenario_change');
    const s = JSON.parse(r.out);
    expect(s.scenario).toMatchObject({ edits: 1, skipped: 0, changed_communities: 1, categories: [{ id: 'kindergarten', gained: { communities: 1, households: 100, population: 280 }, lost: { communities: 0 } }] });
    expect(s.categories.find((c: { id: string }) => c.id === 'kindergarten').communities.covered).toBe(2);
  });

  it('--suggest 幼儿园:3: the picks as points with rank and gains, non-increasing, and in the summary', async () => {
    const street = put('street.geojson', fc([line('s', Array.from({ length: 21 }, (_, i) => [118 + i / 1000, 32]))]));
    const communities = put('street-communities.geojson', fc([
      point({ id: 'W1', households: 100 }, [118.002, 32]), point({ id: 'W2', households: 100 }, [118.003, 32]), point({ id: 'L', households: 10 }, [118.009, 32]),
      point({ id: 'E1', households: 300 }, [118.015, 32]), point({ id: 'E2', households: 50 }, [118.016, 32]),
    ]));
    const facilities = put('street-facilities.geojson', fc([point({ id: 'K0', category: 'kindergarten' }, [118.0025, 32])]));
    const rules300 = put('rules300.json', { ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: 300 })) });
    const out = path.join(dir, 'street-out.geojson');
    const sites = path.join(dir, 'sites.geojson');
    const r = await cli(['--communities', communities, '--facilities', facilities, '--network', street, '--rules', rules300, '--suggest', '幼儿园:3', '--suggest-out', sites, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const picks = JSON.parse(readFileSync(sites, 'utf8')).features.map((f: Feature) => f.properties);
    expect(picks.map((p: Record<string, unknown>) => [p.rank, p.category, p.gain_population, p.gain_households])).toEqual([[1, 'kindergarten', 980, 350], [2, 'kindergarten', 28, 10]]);
    const s = JSON.parse(r.out);
    expect(s.suggestion).toMatchObject({ category: 'kindergarten', k: 3, candidates: 21, uncovered_before: 1008, uncovered_after: 0 });
    // candidate sites from a CSV list (vacant lots), read by the same importer as every input
    const lots = path.join(dir, 'lots.csv');
    writeFileSync(lots, 'name,lon,lat\n空地甲,118.009,32\n空地乙,118.0155,32\n');
    const picked = await cli(['--communities', communities, '--facilities', facilities, '--network', street, '--rules', rules300, '--suggest', 'kindergarten:3', '--candidates', lots, '--suggest-out', sites, '--out', out]);
    expect(picked.code, picked.err).toBe(0);
    expect(JSON.parse(readFileSync(sites, 'utf8')).features.map((f: Feature) => [(f.geometry as { coordinates: number[] }).coordinates[0], f.properties!.gain_population])).toEqual([[118.0155, 980], [118.009, 28]]);
    // a site's places, turned into residents by the rule set's norm: 12 places at 30 per 1,000 serve 400 residents
    const normed = put('rules-norm.json', { ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: 300, norm: { per_1000: 30 } })) });
    const capped = await cli(['--communities', communities, '--facilities', facilities, '--network', street, '--rules', normed, '--suggest', 'kindergarten:1', '--capacity-places', '12', '--suggest-out', sites, '--out', out]);
    expect(capped.code, capped.err).toBe(0);
    expect(JSON.parse(capped.out).suggestion).toMatchObject({ capacity: 400, capacity_places: 12 });
    expect(JSON.parse(readFileSync(sites, 'utf8')).features[0].properties.gain_population).toBeLessThanOrEqual(400);
    const noNorm = await cli(['--communities', communities, '--facilities', facilities, '--network', street, '--rules', rules300, '--suggest', 'kindergarten:1', '--capacity-places', '12', '--suggest-out', sites, '--out', out]);
    expect(noNorm.code).toBe(1);
    expect(noNorm.err).toContain('no norm');
    const bad = await cli(['--communities', communities, '--facilities', facilities, '--network', street, '--suggest', 'kindergarten', '--suggest-out', sites, '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--suggest must be <category>:<K>');
  });

  it('a scenario feature that is not an edit is an error naming the file and feature', async () => {
    const network = put('n2.geojson', fc([line('s', [[118.0, 32.0], [118.004, 32.0]])]));
    const communities = put('c2.geojson', fc([point({ id: 'A', households: 1 }, [118.001, 32.0])]));
    const facilities = put('f2.geojson', fc([point({ id: 'K', category: 'kindergarten' }, [118.002, 32.0])]));
    const scenario = put('bad-edits.geojson', fc([point({ op: 'teleport', layer: 'facilities' }, [118.0, 32.0])]));
    const r = await cli(['--communities', communities, '--facilities', facilities, '--network', network, '--scenario', scenario, '--out', path.join(dir, 'o2.geojson')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad-edits.geojson: feature 1: unknown op "teleport"');
  });
});
