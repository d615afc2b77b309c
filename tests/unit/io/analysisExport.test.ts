import { communityPopulation } from '../../../src/core/model/communityPopulation';
import { isOld } from '../../../src/core/model/oldCommunity';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPoint, Polygon } from 'geojson';
import { readLayerFile } from '../../../src/core/io';
import { exportGeoJson } from '../../../src/core/io/export/exportGeoJson';
import { coverageAttributes } from '../../../src/core/io/export/coverageAttributes';
import { gapCommunities } from '../../../src/core/io/export/gapCommunities';
import { complianceCsv } from '../../../src/core/io/export/complianceTable';
import { withAttribution } from '../../../src/core/io/export/withAttribution';
import { serviceAreaFeatures } from '../../../src/core/io/export/serviceAreaFeatures';
import { applyImportChoices } from '../../../src/core/io/applyImportChoices';
import { defaultRules } from '../../../src/core/rules/defaultRules';
import { readEntrances } from '../../../src/core/analysis/coverage/coveragePoints';
import { parseWkt } from '../../../src/core/io/csv/parseWkt';
import { wgs84ToGcj02 } from '../../../src/core/io/crs/chineseCrs';

const sq = (x: number, y: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] });
// As a planner's file arrives: Chinese field names, no population (estimated on import).
const raw: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 小区名称: '静淑苑', 户数: 320, 建成年代: '1995年' }, geometry: sq(116.35, 40) },
    { type: 'Feature', properties: { 小区名称: '双泉嘉苑, "二期"', 户数: 540, 建成年代: 2008 }, geometry: sq(116.352, 40) },
  ],
};
const communities = applyImportChoices(raw, { kind: 'communities' }).fc;

// Two categories × two communities, category-major (k·C + c); both categories have facilities.
const result = {
  communityCount: 2,
  categoryIds: ['kindergarten', 'market'],
  distance: new Float64Array([412.34, Infinity, 250.04, 612.96]),
  ok: new Uint8Array([0, 0, 1, 0]),
  levelIds: ['5min', '10min'],
  stats: {
    categories: [{ id: 'kindergarten', level: '5min', mandatory: true, noData: false }, { id: 'market', level: '10min', mandatory: true, noData: false }],
    levels: [{ id: '5min', mandatoryCategories: ['kindergarten'] }, { id: '10min', mandatoryCategories: ['market'] }],
  },
};

describe('community export with analysis attributes', () => {
  it('uses the CLI flat names: dist_<k> to one decimal or null, ok_<k> boolean', () => {
    const attrs = coverageAttributes(result);
    // 412.34 → 412.3; Infinity → null; 250.04 → 250.0; 612.96 → 613.0
    expect(attrs(null, 0)).toEqual({ dist_kindergarten: 412.3, ok_kindergarten: false, dist_market: 250, ok_market: true });
    expect(attrs(null, 1)).toEqual({ dist_kindergarten: null, ok_kindergarten: false, dist_market: 613, ok_market: false });
    expect(attrs(null, 2)).toBeUndefined();
  });

  it('export → import gives back the same features and attributes, and importing again changes nothing', async () => {
    const text = withAttribution(exportGeoJson(communities, { attributes: coverageAttributes(result) }), '© OpenStreetMap contributors');
    expect(JSON.parse(text).attribution).toBe('© OpenStreetMap contributors');
    const back = await readLayerFile('lifecircle-communities.geojson', text);
    expect(back.ok).toBe(true);
    const expected = communities.features.map((f, c) => ({ ...f, properties: { ...f.properties, ...coverageAttributes(result)(f, c) } }));
    expect(back.features.features).toEqual(expected);
    // The canonical fields survive a second trip through the app's import; the estimate and "old"
    // are read by the one rule each, never stored.
    const again = applyImportChoices(back.features, { kind: 'communities' }).fc;
    expect(again.features).toEqual(expected);
    const p = again.features[0].properties;
    expect(p).toMatchObject({ name: '静淑苑', households: 320, built_year: 1995 });
    expect(communityPopulation(p, defaultRules)).toEqual({ households: 320, population: 896, estimated: true });
    expect(isOld(p, defaultRules)).toBe(true);
  });
});

describe('gaps and the compliance table', () => {
  it('lists communities missing a mandatory category of the level, with the missing ids', () => {
    // 5-min level: kindergarten is mandatory; market is a 10-min category and does not count.
    const gaps = gapCommunities(communities, result, defaultRules, '5min');
    expect(gaps.features.map((f) => f.properties.name)).toEqual(['静淑苑', '双泉嘉苑, "二期"']);
    expect(gaps.features[0].properties).toMatchObject({ level: '5min', missing: 'kindergarten', missing_count: 1, missing_zh: '幼儿园', missing_en: 'Kindergarten', no_data: '' });
    // 10-min: market is mandatory; community 0 has it (ok), community 1 not.
    const gaps10 = gapCommunities(communities, result, defaultRules, '10min');
    expect(gaps10.features.map((f) => f.properties.missing)).toEqual(['market']);
    expect(gaps10.features[0].properties.name).toBe('双泉嘉苑, "二期"');
  });

  it('writes one row per community with a BOM, quoting and empty cells for unreachable', () => {
    const csv = complianceCsv(communities, result);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('id,name,households,population,built_year,is_old,dist_kindergarten,ok_kindergarten,dist_market,ok_market');
    // population 320 × 2.8 = 896; 540 × 2.8 = 1512
    expect(lines[1]).toBe('communities-1,静淑苑,320,896,1995,true,412.3,false,250,true');
    expect(lines[2]).toBe('communities-2,"双泉嘉苑, ""二期""",540,1512,2008,false,,false,613,false');
    expect(lines).toHaveLength(4); // header, two rows, trailing empty
  });

  it("follows the given row order and writes the reader's headers and 达标/未达标/未提供数据", () => {
    const labels = {
      columns: { id: '编号', name: '小区名称', households: '户数', population: '人口', built_year: '建成年份', is_old: '老旧小区' },
      distance: (id: string) => `${id === 'market' ? '菜市场' : '幼儿园'}距离(米)`,
      covered: (id: string) => `${id === 'market' ? '菜市场' : '幼儿园'}是否达标`,
      status: { ok: '达标', gap: '未达标', no_data: '未提供数据' },
      yes: '是',
      no: '否',
    };
    // The table shows community 1 first, then 0 (e.g. sorted by name descending).
    const csv = complianceCsv(communities, result, { order: [1, 0], labels });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('编号,小区名称,户数,人口,建成年份,老旧小区,幼儿园距离(米),幼儿园是否达标,菜市场距离(米),菜市场是否达标');
    expect(lines[1]).toBe('communities-2,"双泉嘉苑, ""二期""",540,1512,2008,否,,未达标,613,未达标');
    expect(lines[2]).toBe('communities-1,静淑苑,320,896,1995,是,412.3,未达标,250,达标');
    expect(lines).toHaveLength(4);
    // A filter that shows one row exports one row; a category without data reads 未提供数据.
    const noMarket = { ...result, stats: { ...result.stats, categories: [result.stats.categories[0], { ...result.stats.categories[1], noData: true }] } };
    const one = complianceCsv(communities, noMarket, { order: [0], labels }).slice(1).split('\r\n');
    expect(one).toHaveLength(3);
    expect(one[1]).toBe('communities-1,静淑苑,320,896,1995,是,412.3,未达标,250,未提供数据');
  });
});

describe('flat GeoJSON properties (issue 8 item 13)', () => {
  it('writes no nested property: geometry objects as WKT, lists joined with ";", objects as prefixed keys', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [116.35, 40] },
        properties: { name: '甲', tags: { amenity: 'school', 'addr:street': '北街' }, levels: ['5min', '10min'], entrances: { type: 'MultiPoint', coordinates: [[116.35, 40], [116.351, 40.001]] }, pairs: [[1, 2]], n: 3 },
      }],
    };
    const p = JSON.parse(exportGeoJson(fc)).features[0].properties;
    expect(p).toEqual({
      name: '甲', tags_amenity: 'school', 'tags_addr:street': '北街', levels: '5min;10min',
      entrances: 'MULTIPOINT (116.35 40, 116.351 40.001)', pairs: '[[1,2]]', n: 3,
    });
    for (const v of Object.values(p)) expect(v === null || typeof v !== 'object').toBe(true);
  });

  it('communities with entrances round-trip: the WKT entrances are read back and used by the analysis', async () => {
    const withEntrances: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ ...communities.features[0], properties: { ...communities.features[0].properties, entrances: { type: 'MultiPoint', coordinates: [[116.3501, 40.0001]] } } }],
    };
    const text = exportGeoJson(withEntrances, { attributes: coverageAttributes(result) });
    const back = await readLayerFile('lifecircle-communities.geojson', text);
    expect(back.ok).toBe(true);
    const props = back.features.features[0].properties as Record<string, unknown>;
    expect(props.entrances).toBe('MULTIPOINT (116.3501 40.0001)');
    expect(readEntrances(props.entrances)).toEqual([[116.3501, 40.0001]]);
    expect(props).toMatchObject({ name: '静淑苑', dist_kindergarten: 412.3, ok_kindergarten: false });
    // In GCJ-02 the entrances move with their community (same shift as the polygon's vertices).
    const gcj = JSON.parse(exportGeoJson(withEntrances, { crs: 'gcj02' })).features[0];
    const [lon, lat] = (parseWkt(gcj.properties.entrances) as MultiPoint).coordinates[0];
    const [lon0, lat0] = wgs84ToGcj02(116.3501, 40.0001);
    expect([lon, lat]).toEqual([lon0, lat0]);
    expect(lon).not.toBe(116.3501);
  });
});

describe('service area export', () => {
  it('keeps network polygons and draws one circle per facility in straight-line mode', () => {
    const net = serviceAreaFeatures({
      categoryId: 'kindergarten',
      threshold: 300,
      polygons: [{ type: 'Feature', properties: { threshold: 300, area_m2: 1000 }, geometry: { type: 'MultiPolygon', coordinates: [] } }],
      circles: null,
    });
    expect(net.features[0].properties).toEqual({ threshold: 300, area_m2: 1000, category: 'kindergarten', mode: 'network' });
    const circles = serviceAreaFeatures({ categoryId: 'market', threshold: 500, polygons: [], circles: { positions: [116.35, 40, 116.36, 40.01], radius: 500 } });
    expect(circles.features).toHaveLength(2);
    expect(circles.features[1].properties).toEqual({ category: 'market', threshold: 500, radius_m: 500, mode: 'euclidean' });
    // 48 steps + closing vertex
    expect((circles.features[0].geometry as Polygon).coordinates[0]).toHaveLength(49);
  });
});
