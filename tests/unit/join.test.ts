import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { applyJoin, joinKindOf, joinLeftOut, normalizeName, planJoin } from '../../src/core/join';
import { communityPopulation } from '../../src/core/model';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;
const square = (lon: number): Geometry => ({ type: 'Polygon', coordinates: [[[lon, 32], [lon + 0.001, 32], [lon + 0.001, 32.001], [lon, 32.001], [lon, 32]]] });
// boundaries from one source (OSM / Amap: names only)
const names = ['阳光花园', '金陵新村一期', '金陵新村二期', '翠竹园', 'ＡＢＣ公寓', '龙江小区', '南湖东园', '无名楼'];
const layer: FC = { type: 'FeatureCollection', features: names.map((name, i) => ({ type: 'Feature', properties: { id: `b${i}`, name }, geometry: square(118 + i / 100) })) };
// the housing bureau's list (no geometry)
const table = {
  name: '住建局小区清单.csv',
  columns: ['小区名称', '户数', '人口', '建成年代'],
  rows: [
    { 小区名称: '阳光花园', 户数: '1,200', 人口: '', 建成年代: '1995' }, // exact
    { 小区名称: '金陵新村（一期）', 户数: '800户', 人口: '2100', 建成年代: '1988年' }, // the same name written with brackets
    { 小区名称: '翠竹园小区', 户数: '300', 人口: '', 建成年代: '2003' }, // normalised (suffix)
    { 小区名称: 'ABC公寓', 户数: '150', 人口: '', 建成年代: '' }, // normalised (full-width)
    { 小区名称: '龙江花园城', 户数: '900', 人口: '', 建成年代: '2008' }, // near (龙江 ⊂ 龙江花园城)
    { 小区名称: '南湖西园', 户数: '500', 人口: '', 建成年代: '1985' }, // too far (a different compound)
    { 小区名称: '清凉山庄', 户数: '60', 人口: '', 建成年代: '1990' }, // missing
  ],
};

describe('joining a 小区 table to boundaries by name (issue 15)', () => {
  it('normalises what tables and layers write differently', () => {
    expect(normalizeName('阳光花园（一期）')).toBe(normalizeName('阳光 花园'));
    expect(normalizeName('ＡＢＣ公寓')).toBe('abc');
    expect(normalizeName('翠竹园小区')).toBe('翠竹园');
    expect(normalizeName('金陵新村二期')).toBe(normalizeName('金陵新村一期'));
  });

  it('matches exact and normalised names, lists near misses and ambiguous names for review, and the unmatched on both sides', () => {
    const plan = planJoin(table.rows.map((r) => ({ name: r['小区名称'] })), layer.features.map((f) => ({ id: f.properties!.id, name: f.properties!.name })));
    expect(plan.matches).toEqual([
      { row: 0, feature: 0, score: 1, how: 'exact' },
      // 金陵新村（一期） is 金陵新村一期, not 二期: only its writing differs
      { row: 1, feature: 1, score: 0.98, how: 'normalized' },
      { row: 2, feature: 3, score: 0.95, how: 'normalized' },
      { row: 3, feature: 4, score: 0.98, how: 'normalized' },
    ]);
    // 龙江花园城 ≈ 龙江小区 (one contains the other once 小区 is dropped): the planner confirms
    expect(plan.review).toEqual([{ row: 4, reason: 'similar', candidates: [{ feature: 5, score: 0.8 }] }]);
    // 南湖西园 is not 南湖东园 (similarity 0.33), 清凉山庄 is nowhere
    expect(plan.unmatchedRows).toEqual([5, 6]);
    expect(plan.unmatchedFeatures).toEqual([2, 5, 6, 7]);
    // a name only the phase tells apart goes to the planner
    const phases = planJoin([{ name: '金陵新村' }], layer.features.map((f) => ({ name: f.properties!.name })));
    expect(phases.review).toEqual([{ row: 0, reason: 'ambiguous', candidates: [{ feature: 1, score: 0.95 }, { feature: 2, score: 0.95 }] }]);
  });

  it('by id where both sides have one; a feature two rows claim goes to review', () => {
    const rows = [{ id: 'b3', name: 'whatever' }, { id: 'zz', name: '阳光花园' }, { name: '阳光花园' }];
    const plan = planJoin(rows, layer.features.map((f) => ({ id: f.properties!.id, name: f.properties!.name })));
    expect(plan.matches).toEqual([{ row: 0, feature: 3, score: 1, how: 'id' }]);
    expect(plan.review.map((r) => [r.row, r.reason])).toEqual([[1, 'conflict'], [2, 'conflict']]);
  });

  it('writes the table’s values on the confirmed pairs as the importer reads them, marked as joined', () => {
    const pairs = [{ row: 0, feature: 0 }, { row: 1, feature: 1 }, { row: 2, feature: 3 }];
    const r = applyJoin(layer, 'communities', table, pairs);
    expect(r.joined).toBe(3);
    expect(r.fields).toEqual(['households', 'population', 'built_year']);
    const p = r.layer.features.map((f) => f.properties!);
    expect(p[0]).toMatchObject({ name: '阳光花园', households: 1200, built_year: 1995, households_source: 'joined', joined_from: '住建局小区清单.csv' });
    expect(p[0].population).toBeUndefined();
    expect(p[1]).toMatchObject({ households: 800, population: 2100, built_year: 1988 });
    expect(communityPopulation(p[0])).toEqual({ households: 1200, population: 3360, estimated: true });
    expect(p[2]).not.toHaveProperty('households');
    expect(layer.features[0].properties).not.toHaveProperty('households');
  });
});

describe('joinKindOf: which layer a table speaks of (issue 15)', () => {
  it('a 小区 list goes to the communities, a list of places or beds to the facilities; names alone stay with the communities', () => {
    expect(joinKindOf(['小区名称', '户数', '建成年代'])).toBe('communities');
    expect(joinKindOf(['设施名称', '学位数'])).toBe('facilities');
    expect(joinKindOf(['名称', '床位数', '设施类型'])).toBe('facilities');
    expect(joinKindOf(['名称'])).toBe('communities');
  });
});

describe('joinLeftOut: the features a table should have covered (issue 15)', () => {
  it('a kindergarten list leaves out only kindergartens; every community counts', () => {
    const layer = { features: [{ properties: { name: '实验幼儿园', category: 'kindergarten' } }, { properties: { name: '二幼', category: 'kindergarten' } }, { properties: { name: '3路', category: 'bus_stop' } }] };
    const plan = planJoin([{ name: '实验幼儿园' }], layer.features.map((f) => ({ name: f.properties.name })));
    expect(plan.unmatchedFeatures).toEqual([1, 2]);
    expect(joinLeftOut(plan, layer, 'facilities')).toEqual([1]);
    expect(joinLeftOut(plan, layer, 'communities')).toEqual([1, 2]);
  });
});
