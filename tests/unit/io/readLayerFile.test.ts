import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Point, Polygon, Position } from 'geojson';
import { readLayerFile } from '../../../src/core/io';

const good = (name: string): Uint8Array => new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/io/good', name)));
const codes = (r: { warnings: { code: string }[] }): string[] => r.warnings.map((w) => w.code);
const bbox = (ring: Position[]): number[] => [Math.min(...ring.map((p) => p[0] as number)), Math.min(...ring.map((p) => p[1] as number)), Math.max(...ring.map((p) => p[0] as number)), Math.max(...ring.map((p) => p[1] as number))];

describe('readLayerFile: GeoJSON', () => {
  it('reads a FeatureCollection and keeps the original (Chinese) properties; guesses communities from 总户数', async () => {
    const r = await readLayerFile('communities.geojson', good('communities.geojson'));
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.detected.format).toBe('geojson');
    expect(r.features.features).toHaveLength(2);
    expect(r.features.features[0]?.properties).toEqual({ 小区名称: '静淑苑', 总户数: 320, 建成年代: 1995 });
    expect(r.detected.kind.guess).toBe('communities');
    expect(r.detected.geometryTypes).toEqual({ Polygon: 2 });
  });

  it('wraps a single Feature and a bare geometry', async () => {
    const a = await readLayerFile('single-feature.geojson', good('single-feature.geojson'));
    expect(a.features.features).toHaveLength(1);
    expect((a.features.features[0]?.geometry as Point).coordinates).toEqual([116.35, 40.0]);
    const b = await readLayerFile('bare-geometry.geojson', good('bare-geometry.geojson'));
    expect(b.features.features[0]?.geometry.type).toBe('LineString');
    expect(b.features.features[0]?.properties).toEqual({});
    expect(b.detected.kind.guess).toBe('network');
  });

  it('accepts text as well as bytes, and an ArrayBuffer', async () => {
    const text = new TextDecoder().decode(good('communities.geojson'));
    expect((await readLayerFile('c.geojson', text)).features.features).toHaveLength(2);
    expect((await readLayerFile('c.geojson', good('communities.geojson').buffer as ArrayBuffer)).features.features).toHaveLength(2);
  });

  it('checks the chosen layer kind: facility polygons become their representative point', async () => {
    const r = await readLayerFile('communities.geojson', good('communities.geojson'), { kind: 'facilities' });
    expect(codes(r)).toContain('polygon-to-point');
    // The square [116.35,116.351]×[40,40.001]: centroid of its 4 corners = (116.3505, 40.0005), inside.
    const p = (r.features.features[0]?.geometry as Point).coordinates;
    expect(p[0]).toBeCloseTo(116.3505, 9);
    expect(p[1]).toBeCloseTo(40.0005, 9);
  });

  it('reports progress stages up to done', async () => {
    const stages: string[] = [];
    await readLayerFile('communities.geojson', good('communities.geojson'), { onProgress: (p) => stages.push(p.stage) });
    expect(stages.at(-1)).toBe('done');
    expect(stages).toContain('parse');
  });
});

describe('readLayerFile: CSV/TSV', () => {
  it('finds 经度/纬度, strips the BOM, keeps quoted commas, leaves "007" as text and drops coordinate columns from properties', async () => {
    const r = await readLayerFile('facilities.csv', good('facilities.csv'));
    expect(r.ok).toBe(true);
    expect(r.detected.csvColumns).toEqual({ lon: '经度', lat: '纬度' });
    expect(r.features.features.map((f) => (f.geometry as Point).coordinates)).toEqual([
      [116.3501, 40.0002],
      [116.3512, 40.0011],
    ]);
    expect(r.features.features[1]?.properties).toEqual({ 名称: '学院路小学, 东校区', 类别: 'primary_school', 编号: '12' });
    expect(r.features.features[0]?.properties?.编号).toBe('007');
    expect(r.detected.kind.guess).toBe('facilities');
  });

  it('decodes a GBK CSV (Excel on Chinese Windows) and says so', async () => {
    const r = await readLayerFile('facilities-gbk.csv', good('facilities-gbk.csv'));
    expect(r.detected.encoding).toBe('gbk');
    expect(codes(r)).toContain('text-encoding');
    expect(r.features.features[0]?.properties?.名称).toBe('清华东路幼儿园');
  });

  it('reads TSV with lat before lng', async () => {
    const r = await readLayerFile('stops.tsv', good('stops.tsv'));
    expect(r.features.features.map((f) => (f.geometry as Point).coordinates)).toEqual([
      [116.35, 40.0],
      [116.351, 40.001],
    ]);
  });

  it('reads a WKT column and an Amap-style "lng,lat" location column', async () => {
    const w = await readLayerFile('wkt.csv', good('wkt.csv'));
    expect(w.features.features[0]?.geometry.type).toBe('Polygon');
    expect(bbox((w.features.features[0]?.geometry as Polygon).coordinates[0] as Position[])).toEqual([116.35, 40, 116.351, 40.001]);
    expect((w.features.features[1]?.geometry as Point).coordinates).toEqual([116.36, 40.01]);
    expect(codes(w)).toContain('mixed-geometry');
    const a = await readLayerFile('amap-location.csv', good('amap-location.csv'));
    expect((a.features.features[0]?.geometry as Point).coordinates).toEqual([116.3501, 40.0002]);
    expect(a.features.features[0]?.properties?.typecode).toBe('060400');
  });

  it('uses the coordinate columns the user chose', async () => {
    const r = await readLayerFile('p.csv', 'name,E,N\nA,116.35,40\n', { csvColumns: { lon: 'E', lat: 'N' } });
    expect((r.features.features[0]?.geometry as Point).coordinates).toEqual([116.35, 40]);
  });
});

describe('readLayerFile: zipped Shapefile', () => {
  it('reads polygons and a UTF-8 DBF (.cpg) with a geographic .prj unchanged', async () => {
    const r = await readLayerFile('communities-utf8.zip', good('communities-utf8.zip'));
    expect(r.ok).toBe(true);
    expect(r.detected.format).toBe('shapefile-zip');
    expect(r.detected.shapefileLayers).toEqual(['communities']);
    expect(r.features.features.map((f) => f.properties)).toEqual([
      { NAME: '静淑苑', HH: 320, YEAR: 1995 },
      { NAME: '双泉嘉苑', HH: 540, YEAR: 2008 },
    ]);
    expect(bbox((r.features.features[0]?.geometry as Polygon).coordinates[0] as Position[])).toEqual([116.35, 40, 116.351, 40.001]);
    expect(r.detected.crs.converted).toBe(false);
    expect(r.detected.kind.guess).toBe('communities');
  });

  it('detects a GBK DBF without .cpg (not valid UTF-8) and from the header language id', async () => {
    const a = await readLayerFile('communities-gbk.zip', good('communities-gbk.zip'));
    expect(a.detected.encoding).toBe('gbk');
    expect(a.warnings.find((w) => w.code === 'dbf-encoding')?.message_en).toContain('GBK (not valid UTF-8)');
    expect(a.features.features[1]?.properties?.NAME).toBe('双泉嘉苑');
    const b = await readLayerFile('communities-ldid.zip', good('communities-ldid.zip'));
    expect(b.warnings.find((w) => w.code === 'dbf-encoding')?.message_en).toContain('from the DBF header');
    expect(b.features.features[0]?.properties?.NAME).toBe('静淑苑');
  });

  it('honours a CGCS2000 Gauss-Krüger .prj (zone 38, CM 114°E)', async () => {
    const r = await readLayerFile('points-gk38.zip', good('points-gk38.zip'));
    expect(codes(r)).toContain('projected-prj');
    // (38525655.509, 4418468.747) is proj4's forward of (114.3°E, 39.9°N) on this grid (see the crs tests).
    const p = (r.features.features[0]?.geometry as Point).coordinates;
    expect(p[0]).toBeCloseTo(114.3, 6);
    expect(p[1]).toBeCloseTo(39.9, 6);
    expect(r.detected.crs.source).toBe('CGCS2000_3_Degree_GK_Zone_38');
  });
});

describe('readLayerFile: OpenStreetMap', () => {
  it('reads OSM XML in any attribute order, decodes entities, splits ways at missing nodes', async () => {
    const r = await readLayerFile('tiny.osm', good('tiny.osm'));
    expect(r.ok).toBe(true);
    expect(r.detected.format).toBe('osm-xml');
    expect(r.detected.osmMissingNodeWays).toBe(1);
    expect(codes(r)).toContain('osm-missing-nodes');
    const byId = new Map(r.features.features.map((f) => [f.properties?.id, f]));
    expect(byId.get('way/10')?.geometry.type).toBe('Polygon');
    expect(byId.get('node/5')?.properties?.name).toBe('小太阳&幼儿园');
    // way 11 = nodes 1, 99 (missing), 2, 3: the run [1] is too short, [2, 3] stays; no edge 1→2 across the gap.
    expect(byId.get('way/11')?.geometry).toEqual({ type: 'LineString', coordinates: [[116.351, 40.0], [116.351, 40.001]] });
    expect(byId.get('way/11')?.properties?.osm_incomplete).toBe(true);
  });

  it('reads Overpass JSON', async () => {
    const r = await readLayerFile('overpass.json', good('overpass.json'));
    expect(r.detected.format).toBe('overpass-json');
    expect(r.features.features.map((f) => f.properties?.id).sort()).toEqual(['node/1', 'way/10']);
  });
});
