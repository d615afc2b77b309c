import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Feature } from 'geojson';
import { runCli } from '../../scripts/analyze';
import { xlsxOf } from './io/xlsxFixture';

const dir = mkdtempSync(path.join(tmpdir(), 'lc-join-cli-'));
const put = (name: string, value: unknown): string => {
  const f = path.join(dir, name);
  writeFileSync(f, typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value));
  return f;
};
const KY = (6_378_137 * Math.PI) / 180, KX = KY * Math.cos((32 * Math.PI) / 180);
const rect = (x: number, y: number, w: number, h: number) => {
  const lon = (m: number) => 118 + m / KX, lat = (m: number) => 32 + m / KY;
  return { type: 'Polygon', coordinates: [[[lon(x), lat(y)], [lon(x + w), lat(y)], [lon(x + w), lat(y + h)], [lon(x), lat(y + h)], [lon(x), lat(y)]]] };
};
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const feat = (props: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties: props, geometry });

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await runCli(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: { LANG: 'en_US.UTF-8' } });
  return { code, out, err };
}

describe('CLI --join and --estimate-households (issue 15)', () => {
  // boundaries with names only (as from OSM or Amap); a street along their south side; one kindergarten
  const communities = put('communities.geojson', fc([
    feat({ name: '阳光花园' }, rect(0, 10, 100, 100)),
    feat({ name: '金陵新村一期' }, rect(200, 10, 100, 100)),
    feat({ name: '翠竹园' }, rect(400, 10, 100, 100)),
    feat({ name: '无名大院' }, rect(600, 10, 100, 100)),
  ]));
  const network = put('network.geojson', fc([feat({}, { type: 'LineString', coordinates: [[118, 32], [118 + 800 / KX, 32]] })]));
  const facilities = put('facilities.geojson', fc([feat({ category: 'kindergarten' }, { type: 'Point', coordinates: [118 + 300 / KX, 32] })]));
  const buildings = put('buildings.geojson', fc([feat({ building: 'residential', 'building:levels': 6 }, rect(610, 20, 30, 50)), feat({ building: 'residential', 层数: '18' }, rect(650, 20, 20, 20))]));

  it('joins by name (exact, written differently, suffix), lists the near names; estimates the rest; households_source on every community', async () => {
    const table = put('list.xlsx', xlsxOf([['小区名称', '户数', '建成年代'], ['阳光花园', 1200, '1995'], ['金陵新村（一期）', 800, '1988年'], ['翠竹园小区', 300, '2003'], ['清凉山庄', 60, '1990']]));
    const out = path.join(dir, 'out.geojson');
    const r = await cli(['--communities', communities, '--facilities', facilities, '--network', network, '--buildings', buildings, '--join', table, '--estimate-households', 'buildings', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('3 of 4 rows joined to communities (households, built_year); 0 need a decision');
    expect(r.err).toContain('households estimated for 1 communities (1 from buildings, 0 from their area)');
    const p = JSON.parse(readFileSync(out, 'utf8')).features.map((f: Feature) => f.properties);
    expect(p.map((x: Record<string, unknown>) => x.households_source)).toEqual(['joined', 'joined', 'joined', 'buildings']);
    expect(p.map((x: Record<string, unknown>) => x.households)).toEqual([1200, 800, 300, Math.round((1500 * 6 + 400 * 18) / 90)]);
    expect(p[1]).toMatchObject({ built_year: 1988, population: 2240, population_estimated: true });
    const s = JSON.parse(r.out);
    expect(s.join).toMatchObject({ rows: 4, fields: ['households', 'built_year'], unmatched_rows: [{ row: 5, name: '清凉山庄' }], communities_without_row: 1 });
    expect(s.join.matched.map((m: { how: string }) => m.how)).toEqual(['exact', 'normalized', 'normalized']);
    expect(s.households_estimate).toEqual({ method: 'buildings', sources: { given: 0, joined: 3, buildings: 1, area: 0, none: 0 } });
    // the rates now rest on households: not "—"
    expect(s.categories.find((c: { id: string }) => c.id === 'kindergarten').population.rate).not.toBeNull();
  });

  it('near names are not applied but listed with candidates; a table without a name column is a clear error', async () => {
    const table = put('near.csv', '小区名称,户数\n阳光花苑,500\n');
    const out = path.join(dir, 'near.geojson');
    const r = await cli(['--communities', communities, '--facilities', facilities, '--network', network, '--join', table, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out).join;
    expect(s.review).toEqual([{ row: 2, name: '阳光花苑', reason: 'similar', candidates: [{ community: '阳光花园', score: expect.any(Number) }] }]);
    expect(JSON.parse(readFileSync(out, 'utf8')).features[0].properties).not.toHaveProperty('households');
    const bad = await cli(['--communities', communities, '--facilities', facilities, '--join', put('nonames.csv', 'a,b\n1,2\n'), '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('no name column');
  });
  it('--join-facilities: a kindergarten list gives the facilities their places (学位数), which 2SFCA then counts', async () => {
    const named = put('kindergartens.geojson', fc([
      feat({ name: '实验幼儿园', category: 'kindergarten' }, { type: 'Point', coordinates: [118 + 300 / KX, 32] }),
      feat({ name: '阳光幼儿园分园', category: 'kindergarten' }, { type: 'Point', coordinates: [118 + 500 / KX, 32] }),
    ]));
    const withHouseholds = put('communities-hh.geojson', fc([
      feat({ name: '阳光花园', households: 100 }, rect(0, 10, 100, 100)),
      feat({ name: '金陵新村一期', households: 100 }, rect(200, 10, 100, 100)),
    ]));
    const table = put('幼儿园名录.csv', '设施名称,学位数\n实验幼儿园,180\n阳光幼儿园（分园）,90\n不存在幼儿园,60\n');
    const out = path.join(dir, 'kg.geojson');
    const before = await cli(['--communities', withHouseholds, '--facilities', named, '--network', network, '--choice', '--out', out]);
    expect(before.code, before.err).toBe(0);
    const kgBefore = JSON.parse(before.out).choice.categories.find((c: { id: string }) => c.id === 'kindergarten');
    expect(kgBefore).toMatchObject({ facilities: 2, without_capacity: 2, places: 0 });
    const r = await cli(['--communities', withHouseholds, '--facilities', named, '--network', network, '--join-facilities', table, '--choice', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('2 of 3 rows joined to facilities (capacity)');
    const s = JSON.parse(r.out);
    expect(s.join_facilities).toMatchObject({ rows: 3, fields: ['capacity'], unmatched_rows: [{ row: 4, name: '不存在幼儿园' }], facilities_without_row: 0 });
    expect(s.join_facilities.matched.map((m: { facility: string; how: string }) => [m.facility, m.how])).toEqual([['实验幼儿园', 'exact'], ['阳光幼儿园分园', 'normalized']]);
    const kg = s.choice.categories.find((c: { id: string }) => c.id === 'kindergarten');
    expect(kg).toMatchObject({ facilities: 2, without_capacity: 0, places: 270 });
    // 金陵新村一期 (centre 250 m along the street, 60 m from it) has 实验幼儿园 within 300 m: places per resident > 0
    const p = JSON.parse(readFileSync(out, 'utf8')).features.map((f: Feature) => f.properties);
    expect(p[1].fca_kindergarten).toBeGreaterThan(0);
  });
});
