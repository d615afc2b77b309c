import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { splitGeometryForKind } from '../../../src/core/io/geometrySplit';
import { readLayerFile } from '../../../src/core/io/readLayerFile';
import { appendFeatures } from '../../../src/core/io/appendFeatures';
import { guessLayerKind } from '../../../src/core/io/guessLayerKind';
import { normalizeLayer, suggestFieldMapping } from '../../../src/core/model';

const square = (x: number, y: number, d = 0.002): Geometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});
const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });
const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry });

// The file: 3 community polygons (小区名称, 户数) and 5 facility points (名称, 类型) in one layer.
const MIXED: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    feature(square(115.62, 33.21), { 小区名称: '和平小区', 户数: 420 }),
    feature(point(115.623, 33.214), { 名称: '阳光幼儿园', 类型: '幼儿园' }),
    feature(square(115.63, 33.22), { 小区名称: '新华家园', 户数: 610 }),
    feature(point(115.633, 33.224), { 名称: '实验小学', 类型: '小学' }),
    feature(point(115.634, 33.225), { 名称: '和平菜市场', 类型: '菜市场' }),
    feature(square(115.64, 33.23), { 小区名称: '东风新村', 户数: 300 }),
    feature(point(115.643, 33.234), { 名称: '卫生站', 类型: '社区卫生服务站' }),
    feature(point(115.644, 33.235), { 名称: '东城幼儿园', 类型: '幼儿园' }),
  ],
};

/** A Chinese message may name formats (GeoJSON) and the file, but no English words. */
function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['GeoJSON', 'GIS', 'FeatureCollection', 'Feature', 'type', 'features', 'geojson'].includes(w));
}

describe('splitGeometryForKind', () => {
  it('gives communities the polygons of a mixed file and offers the points as facilities', () => {
    expect(splitGeometryForKind({ Polygon: 3, Point: 5 }, 'communities')).toEqual({
      take: ['polygons'],
      rest: [{ family: 'points', count: 5, kind: 'facilities' }],
    });
  });
  it('gives facilities the points and offers the polygons as communities', () => {
    expect(splitGeometryForKind({ Polygon: 2, MultiPolygon: 1, Point: 5 }, 'facilities')).toEqual({
      take: ['points'],
      rest: [{ family: 'polygons', count: 3, kind: 'communities' }],
    });
  });
  it('takes a secondary geometry when the file has nothing else (community points, facility polygons)', () => {
    expect(splitGeometryForKind({ Point: 4 }, 'communities')).toEqual({ take: ['points'], rest: [] });
    expect(splitGeometryForKind({ Polygon: 4 }, 'facilities')).toEqual({ take: ['polygons'], rest: [] });
  });
  it('parking and water keep both of their geometries; a kind that cannot use a family leaves all of it', () => {
    expect(splitGeometryForKind({ Point: 2, Polygon: 3 }, 'parking')).toEqual({ take: ['points', 'polygons'], rest: [] });
    expect(splitGeometryForKind({ Point: 2 }, 'parks')).toEqual({ take: [], rest: [{ family: 'points', count: 2, kind: 'facilities' }] });
    expect(splitGeometryForKind({ LineString: 7, Polygon: 1 }, 'network')).toEqual({
      take: ['lines'],
      rest: [{ family: 'polygons', count: 1, kind: 'communities' }],
    });
  });
});

describe('reading a mixed-geometry file as one layer', () => {
  it('loads 3 communities (not 8) named from 小区名称, and reports the 5 points left out in both languages', async () => {
    const r = await readLayerFile('mixed.geojson', JSON.stringify(MIXED), { kind: 'communities' });
    expect(r.ok).toBe(true);
    expect(r.features.features).toHaveLength(3);
    const left = r.warnings.find((w) => w.code === 'other-geometry-left-out')!;
    expect(left.count).toBe(5);
    // file features 2, 4, 5, 7, 8 (1-based)
    expect(left.featureIndices).toEqual([1, 3, 4, 6, 7]);
    expect(left.message_en).toContain('5 points left out: this communities layer takes the file\'s polygons only');
    expect(left.message_zh).toContain('5 个点要素未载入：小区图层只载入文件中的面要素');
    expect(left.hint_zh).toContain('设施');
    expect(englishWords(left.message_zh.replace('mixed.geojson', ''))).toEqual([]);
    expect(englishWords(left.hint_zh)).toEqual([]);
    const fc = normalizeLayer(r.features, 'communities');
    expect(fc.features.map((f) => f.properties.name)).toEqual(['和平小区', '新华家园', '东风新村']);
  });

  it('the same file as facilities keeps the 5 points, named from 名称', async () => {
    const r = await readLayerFile('mixed.geojson', JSON.stringify(MIXED), { kind: 'facilities' });
    expect(r.features.features).toHaveLength(5);
    expect(r.warnings.find((w) => w.code === 'other-geometry-left-out')?.count).toBe(3);
    expect(r.warnings.some((w) => w.code === 'polygon-to-point')).toBe(false);
    expect(normalizeLayer(r.features, 'facilities').features.map((f) => f.properties.name)).toEqual(['阳光幼儿园', '实验小学', '和平菜市场', '卫生站', '东城幼儿园']);
  });

  it('without a kind, warns about the mix in Chinese words only', async () => {
    const r = await readLayerFile('mixed.geojson', JSON.stringify(MIXED));
    const mixed = r.warnings.find((w) => w.code === 'mixed-geometry')!;
    expect(mixed.message_en).toContain('3 polygons, 5 points');
    expect(mixed.message_zh).toContain('3 个面要素、5 个点要素');
    expect(englishWords(mixed.message_zh.replace('mixed.geojson', ''))).toEqual([]);
  });
});

describe('import messages are complete in Chinese', () => {
  it('a bad geometry and a wrong geometry for the layer say what is wrong in Chinese', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        feature(square(115.62, 33.21), { n: 1 }),
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[115.62, 33.21], [115.63, 33.21], [115.62, 33.21]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[115.62, 'x'], [115.63, 33.21]] } },
        42,
      ],
    };
    const r = await readLayerFile('坏几何.geojson', JSON.stringify(fc), { kind: 'parks' });
    const bad = r.warnings.find((w) => w.code === 'invalid-geometry')!;
    expect(bad.count).toBe(3);
    expect(bad.message_en).toContain('polygon ring has 3 position(s), needs at least 4');
    expect(bad.message_zh).toContain('多边形环只有 3 个坐标点，至少需要 4 个');
    expect(englishWords(bad.message_zh)).toEqual([]);

    const lines = await readLayerFile('线.geojson', JSON.stringify({ type: 'FeatureCollection', features: [feature({ type: 'LineString', coordinates: [[115.62, 33.21], [115.63, 33.21]] }, {})] }), { kind: 'parks' });
    const wrong = lines.warnings.concat(lines.errors).find((w) => w.code === 'wrong-geometry-for-kind')!;
    expect(wrong.message_zh).toContain('1 个要素为线要素，公园图层无法使用（需要面要素）');
    expect(englishWords(wrong.message_zh)).toEqual([]);
  });

  it('JSON that is not GeoJSON is explained in Chinese too', async () => {
    const r = await readLayerFile('x.geojson', '{"type": "Banana"}');
    expect(r.errors[0].message_zh).toContain('“type”: “Banana”不是 GeoJSON 类型');
    const s = await readLayerFile('y.geojson', '{"type": "FeatureCollection", "features": [1 2]}');
    expect(s.errors[0].message_zh).toMatch(/第 1 行第 \d+ 列语法错误/);
  });
});

describe('every message of the bad-input corpus reads in Chinese', () => {
  // Technical names stay as they are (GeoJSON, EPSG:3857, a.dbf, the file's own field names);
  // what must not appear is English prose such as "polygon ring has" or "not valid".
  const TECHNICAL = new Set(['type', 'features', 'null', 'lon', 'lat', 'shp', 'dbf', 'prj', 'cpg', 'zip', 'xlsx', 'xls', 'kml', 'osm', 'way', 'typecode', 'adcode', 'pname', 'uid', 'street_id', 'detail_info',
    // in hints: a JSON member, column names to use, file types, commands to type
    'coordinates', 'lng', 'longitude', 'latitude', 'shx', 'rar', 'mapshaper', 'format', 'geojson', 'osmium', 'cat',
    // a command-line option (--crs)
    'crs']);
  const prose = (text: string): string[] => (text.match(/[A-Za-z][A-Za-z0-9_\-.:]*/g) ?? []).filter((w) => /^[a-z]{2,}$/.test(w) && !TECHNICAL.has(w));
  it('has no English words in message_zh or hint_zh', async () => {
    const dir = path.resolve(__dirname, '../../fixtures/io/bad');
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, { options?: Record<string, unknown> }>;
    const found: string[] = [];
    for (const [file, exp] of Object.entries(expected)) {
      const r = await readLayerFile(file, new Uint8Array(readFileSync(path.join(dir, file))), exp.options ?? {});
      for (const i of [...r.errors, ...r.warnings]) {
        // quoted text is the file's own (a column name such as “households”, a value), not prose
        const own = (t: string): string => t.split(file).join('').replace(/“[^”]*”|"[^"]*"/g, '');
        const words = [...prose(own(i.message_zh)), ...prose(own(i.hint_zh))];
        if (words.length) found.push(`${file} ${i.code}: ${words.join(' ')}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('field aliases: the layer\'s own words before generic ones', () => {
  it('maps 小区名称 for communities and 设施名称 for facilities when 名称 is there too', () => {
    const keys = ['名称', '小区名称', '设施名称', '户数'];
    expect(suggestFieldMapping(keys, 'communities').name).toBe('小区名称');
    expect(suggestFieldMapping(keys, 'facilities').name).toBe('设施名称');
    expect(suggestFieldMapping(['名称', '公园名称'], 'parks').name).toBe('公园名称');
    expect(suggestFieldMapping(['名称', '道路名称'], 'network').name).toBe('道路名称');
    expect(suggestFieldMapping(['类型', '设施类型'], 'facilities').category).toBe('设施类型');
  });
  it('falls back to the generic column, and the canonical name still wins', () => {
    expect(suggestFieldMapping(['名称', '户数'], 'communities').name).toBe('名称');
    expect(suggestFieldMapping(['name', '小区名称'], 'communities').name).toBe('name');
  });
  it('normalizeLayer (the CLI path) uses the same preference', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [feature(square(115.62, 33.21), { 名称: '阳光幼儿园', 小区名称: '和平小区' })] };
    expect(normalizeLayer(fc, 'communities').features[0].properties.name).toBe('和平小区');
  });
});

describe('guessLayerKind', () => {
  const line = (props: Record<string, unknown>) => feature({ type: 'LineString', coordinates: [[115.62, 33.21], [115.63, 33.21]] }, props);
  it('does not guess the network for lines whose fields are a community\'s, and says why', () => {
    const g = guessLayerKind({ type: 'FeatureCollection', features: [line({ 小区名称: '和平小区', 户数: 420 }), line({ 小区名称: '新华家园', 户数: 610 })] });
    expect(g.guess).toBeNull();
    expect(g.conflict).toEqual({ geometry: 'lines', fieldsKind: 'communities', fields: ['小区名称', '户数'] });
  });
  it('still guesses the network for plain street lines', () => {
    const g = guessLayerKind({ type: 'FeatureCollection', features: [line({ 名称: '人民路', highway: 'primary' })] });
    expect(g.guess).toBe('network');
    expect(g.conflict).toBeUndefined();
  });
});

describe('appendFeatures', () => {
  it('adds features after the loaded ones and keeps every id unique', () => {
    const fc = (ids: (string | null)[]): FeatureCollection<Geometry, Record<string, unknown>> => ({
      type: 'FeatureCollection',
      features: ids.map((id, i) => ({ type: 'Feature', properties: id == null ? { n: i } : { id, n: i }, geometry: point(115.62, 33.21) })),
    });
    const existing = fc(['a', 'b', 'b-2']);
    const added = fc(['c', 'b', 'b', null, 'a']);
    const before = JSON.stringify(added);
    const r = appendFeatures(existing, added);
    expect(r.fc.features.map((f) => f.properties.id)).toEqual(['a', 'b', 'b-2', 'c', 'b-3', 'b-4', undefined, 'a-2']);
    expect(r.fc.features.map((f) => f.properties.id_source)).toEqual([undefined, undefined, undefined, undefined, 'b', 'b', undefined, 'a']);
    expect(r.renamed).toBe(3);
    expect(r.fc.features.slice(0, 3)).toEqual(existing.features);
    expect(JSON.stringify(added)).toBe(before);
  });
});
