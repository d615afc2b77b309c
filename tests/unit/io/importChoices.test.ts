import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { applyImportChoices } from '../../../src/core/io/applyImportChoices';
import { applyOsmChoices } from '../../../src/core/io/applyOsmChoices';
import { communityPopulation } from '../../../src/core/model/communityPopulation';
import { isOld } from '../../../src/core/model/oldCommunity';
import { matchCategoryValue } from '../../../src/core/io/matchCategoryValue';
import { summarizeColumns } from '../../../src/core/io/summarizeColumns';
import type { OsmLayers } from '../../../src/core/io/classifyOsm';
import { defaultRules } from '../../../src/core/rules/defaultRules';

const pt = (x: number): Point => ({ type: 'Point', coordinates: [116 + x / 1000, 40] });
const facilities: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 名称: '阳光幼儿园', 类型: '幼儿园' }, geometry: pt(1) },
    { type: 'Feature', properties: { 名称: '实验小学', 类型: '小学' }, geometry: pt(2) },
    { type: 'Feature', properties: { 名称: '面馆', 类型: '餐饮' }, geometry: pt(3) },
    { type: 'Feature', properties: { 名称: '无类型' }, geometry: pt(4) },
  ],
};

describe('applyImportChoices', () => {
  it('maps category values per value; unmapped and empty values are skipped and counted', () => {
    const before = JSON.stringify(facilities);
    const r = applyImportChoices(facilities, {
      kind: 'facilities',
      mapping: { id: null, name: '名称', category: '类型', capacity: null },
      category: { mode: 'values', values: { 幼儿园: 'kindergarten', 小学: 'primary_school', 餐饮: null } },
    });
    expect(JSON.stringify(facilities)).toBe(before);
    expect(r.skipped).toBe(2);
    expect(r.fc.features.map((f) => [f.properties.name, f.properties.category, f.properties.category_raw])).toEqual([
      ['阳光幼儿园', 'kindergarten', '幼儿园'],
      ['实验小学', 'primary_school', '小学'],
    ]);
    // ids are numbered by position in the file (features 1 and 2)
    expect(r.fc.features.map((f) => f.properties.id)).toEqual(['facilities-1', 'facilities-2']);
  });

  it('gives every facility one category when asked', () => {
    const r = applyImportChoices(facilities, { kind: 'facilities', category: { mode: 'all', category: 'bus_stop' } });
    expect(r.skipped).toBe(0);
    expect(r.fc.features.map((f) => f.properties.category)).toEqual(['bus_stop', 'bus_stop', 'bus_stop', 'bus_stop']);
  });

  it('maps community fields; population and "old" follow the rule set in force, not the import', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { 名: '东风新村', 户: '1,250户', 人: '', 年: '1979' }, geometry: pt(0) }],
    };
    const r = applyImportChoices(fc, { kind: 'communities', mapping: { name: '名', households: '户', population: '人', built_year: '年' } });
    const p = r.fc.features[0].properties;
    expect(p).toMatchObject({ name: '东风新村', households: 1250, built_year: 1979, 户: '1,250户' });
    // nothing derived is baked into the feature: it would go stale with another rule set
    expect(p).not.toHaveProperty('is_old');
    expect(p).not.toHaveProperty('population_estimated');
    // 1,250 households × 3 = 3,750; 1979 < 1980 → old; with 2.5 and 1970 neither
    expect(communityPopulation(p, { persons_per_household: 3 })).toEqual({ households: 1250, population: 3750, estimated: true });
    expect(isOld(p, { old_before_year: 1980 })).toBe(true);
    expect(communityPopulation(p, { persons_per_household: 2.5 }).population).toBe(3125);
    expect(isOld(p, { old_before_year: 1970 })).toBe(false);
  });
});

describe('matchCategoryValue', () => {
  const cats = defaultRules.categories;
  it.each([
    ['幼儿园', 'kindergarten'],
    ['kindergarten', 'kindergarten'],
    ['Kindergarten', 'kindergarten'],
    ['小学', 'primary_school'],
    ['社区卫生服务站', 'health_station'],
    ['社区卫生服务中心', 'health_centre'],
    ['菜市场', 'market'],
    ['综合超市', 'supermarket'],
    ['bus stop', 'bus_stop'],
    ['阳光幼儿园分园', 'kindergarten'],
  ])('%s → %s', (value, id) => {
    expect(matchCategoryValue(value, cats)).toBe(id);
  });
  it('returns null for unrelated or empty values', () => {
    expect(matchCategoryValue('餐饮', cats)).toBeNull();
    expect(matchCategoryValue('', cats)).toBeNull();
    expect(matchCategoryValue(null, cats)).toBeNull();
  });
});

describe('summarizeColumns', () => {
  it('counts filled values and distinct values, most frequent first', () => {
    const cols = summarizeColumns(facilities);
    expect(cols.map((c) => c.key)).toEqual(['名称', '类型']);
    const type = cols[1];
    expect(type.filled).toBe(3);
    expect(type.distinct).toEqual([{ value: '幼儿园', count: 1 }, { value: '小学', count: 1 }, { value: '餐饮', count: 1 }]);
    expect(type.samples).toEqual(['幼儿园', '小学', '餐饮']);
    expect(type.truncated).toBe(false);
  });
  it('caps the distinct list and says so', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: Array.from({ length: 50 }, (_, i) => ({ type: 'Feature', properties: { v: i % 10, w: 'same' }, geometry: pt(i) })) };
    const [v, w] = summarizeColumns(fc, { maxDistinct: 4 });
    expect(v.distinct).toHaveLength(4);
    expect(v.distinct[0].count).toBe(5); // 50 features over 10 values
    expect(v.truncated).toBe(true);
    expect(w.distinct).toEqual([{ value: 'same', count: 50 }]);
  });
});

describe('applyOsmChoices', () => {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  const layers: OsmLayers = {
    network: empty,
    communities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'way/1', name: '幸福里', landuse: 'residential' }, geometry: { type: 'Polygon', coordinates: [[[116, 40], [116.001, 40], [116.001, 40.001], [116, 40]]] } }] },
    parks: empty,
    parking: empty,
    buildings: empty,
    facilities: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'node/5:kindergarten', osm_id: 'node/5', category: 'kindergarten', name: '幼儿园' }, geometry: pt(1) },
        { type: 'Feature', properties: { id: 'node/5:nursery', osm_id: 'node/5', category: 'nursery', name: '幼儿园' }, geometry: pt(1) },
        { type: 'Feature', properties: { id: 'node/6:supermarket', osm_id: 'node/6', category: 'supermarket', name: '超市' }, geometry: pt(2) },
        { type: 'Feature', properties: { id: 'node/7:public_toilet', osm_id: 'node/7', category: 'public_toilet', name: null }, geometry: pt(3) },
      ],
    },
  };
  it('reassigns categories (keeping the classifier\'s as category_osm), drops, and merges a feature that lands twice', () => {
    const before = JSON.stringify(layers);
    const out = applyOsmChoices(layers, { reassign: { nursery: 'kindergarten', public_toilet: null }, include: ['facilities', 'communities'] });
    expect(JSON.stringify(layers)).toBe(before);
    expect(Object.keys(out).sort()).toEqual(['communities', 'facilities']);
    expect(out.facilities!.features.map((f) => [f.properties.id, f.properties.category, f.properties.category_osm])).toEqual([
      ['node/5:kindergarten', 'kindergarten', undefined],
      ['node/6:supermarket', 'supermarket', undefined],
    ]);
    expect(out.communities!.features[0].properties).toMatchObject({ id: 'way/1', name: '幸福里' });
    expect(isOld(out.communities!.features[0].properties)).toBe(false);
  });
});
