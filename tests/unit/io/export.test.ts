import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import { exportGeoJson, featuresToCsv, readLayerFile, toCsv } from '../../../src/core/io';

const communities: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'c1', name: '静淑苑', households: 320, built_year: 1995, 备注: '老旧, "一期"' },
      geometry: { type: 'Polygon', coordinates: [[[116.35, 40], [116.351, 40], [116.351, 40.001], [116.35, 40.001], [116.35, 40]]] },
    },
    {
      type: 'Feature',
      properties: { id: 'c2', name: '双泉嘉苑', households: 540, built_year: 2008, 备注: null },
      geometry: { type: 'Polygon', coordinates: [[[116.352, 40], [116.353, 40], [116.353, 40.001], [116.352, 40.001], [116.352, 40]]] },
    },
  ],
};
const analysis = new Map<string, Record<string, unknown>>([
  ['c1', { dist_kindergarten: 412.3, ok_kindergarten: true, score: 71.5, parking_gap: 120, park_ok: false }],
  ['c2', { dist_kindergarten: null, ok_kindergarten: false, score: 12, parking_gap: 0, park_ok: true }],
]);

describe('exportGeoJson', () => {
  it('adds the analysis attributes and imports back to the same features', async () => {
    const text = exportGeoJson(communities, { attributes: analysis });
    const r = await readLayerFile('result.geojson', text);
    expect(r.ok).toBe(true);
    expect(r.features.features).toEqual(
      communities.features.map((f) => ({ ...f, properties: { ...f.properties, ...analysis.get(String(f.properties?.id)) } })),
    );
  });

  it('does not change its input and writes null for non-finite numbers', () => {
    const before = JSON.stringify(communities);
    const text = exportGeoJson(communities, { attributes: () => ({ dist_x: Number.POSITIVE_INFINITY, missing: undefined }) });
    expect(JSON.stringify(communities)).toBe(before);
    const props = JSON.parse(text).features[0].properties;
    expect(props.dist_x).toBeNull();
    expect('missing' in props).toBe(false);
  });

  it('exports in GCJ-02 for Amap overlays; importing with crs gcj02 returns within 0.5 m', async () => {
    const text = exportGeoJson(communities, { crs: 'gcj02' });
    const shifted = JSON.parse(text).features[0].geometry.coordinates[0][0];
    expect(distance(shifted, [116.35, 40], { units: 'meters' })).toBeGreaterThan(100);
    const r = await readLayerFile('amap.geojson', text, { crs: 'gcj02' });
    const back = (r.features.features[0]?.geometry as { coordinates: number[][][] }).coordinates[0]?.[0] as number[];
    expect(distance(back, [116.35, 40], { units: 'meters' })).toBeLessThan(0.5);
  });

  it('rounds coordinates when asked', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116.123456789, 40.987654321] } }] };
    expect(JSON.parse(exportGeoJson(fc, { precision: 6 })).features[0].geometry.coordinates).toEqual([116.123457, 40.987654]);
  });
});

describe('CSV export', () => {
  it('writes a UTF-8 BOM, CRLF rows and RFC 4180 quoting', () => {
    const csv = toCsv([{ name: '学院路小学, 东校区', note: 'say "hi"', n: 3, ok: true, none: null }]);
    expect(csv).toBe('\uFEFFname,note,n,ok,none\r\n"学院路小学, 东校区","say ""hi""",3,true,\r\n');
  });

  it('keeps Excel from running formulas in text cells but leaves numbers alone', () => {
    expect(toCsv([{ a: '=HYPERLINK("x")', b: -5, c: '@cmd' }], { bom: false })).toBe('a,b,c\r\n"\'=HYPERLINK(""x"")",-5,\'@cmd\r\n');
  });

  it('follows the OWASP rule for every cell and header: = + - @ TAB CR get an apostrophe, plain numbers do not', () => {
    const row = { a: '-2+3+cmd|\' /C calc\'!A0', b: '\t=1+1', c: '\r=1', d: '+86 138', e: '-12.5', f: '+3', g: '1e-3', h: 'x-y' };
    const csv = toCsv([row], { bom: false });
    const [header, line] = csv.split('\r\n');
    expect(header).toBe('a,b,c,d,e,f,g,h');
    // quoted where the cell holds a CR (RFC 4180)
    expect(line).toBe(`'-2+3+cmd|' /C calc'!A0,'\t=1+1,"'\r=1",'+86 138,-12.5,+3,1e-3,x-y`);
    // headers are imported field names: neutralised as well
    expect(toCsv([{ '=cmd': 1, '@x': 2 }], { bom: false }).split('\r\n')[0]).toBe(`'=cmd,'@x`);
  });

  it('follows the column order and delimiter given', () => {
    expect(toCsv([{ a: 1, b: 2 }], { columns: ['b', 'a'], delimiter: '\t', bom: false })).toBe('b\ta\r\n2\t1\r\n');
  });

  it('round-trips points with their attributes through readLayerFile', async () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'f1', name: '中关村幼儿园', category: 'kindergarten', capacity: 180 }, geometry: { type: 'Point', coordinates: [116.3501234, 40.0002345] } },
        { type: 'Feature', properties: { id: 'f2', name: 'He said "hi", ok', category: 'primary_school', capacity: null }, geometry: { type: 'Point', coordinates: [116.3512, 40.0011] } },
      ],
    };
    const csv = featuresToCsv(fc, { attributes: (f) => ({ ok_kindergarten: f.properties?.id === 'f1' }) });
    expect(csv.startsWith('\uFEFFlon,lat,id,name,category,capacity,ok_kindergarten\r\n')).toBe(true);
    const r = await readLayerFile('facilities.csv', csv);
    expect(r.features.features).toEqual(
      fc.features.map((f) => ({ ...f, properties: { ...f.properties, ok_kindergarten: f.properties?.id === 'f1' } })),
    );
  });

  it('writes polygons as WKT that import back unchanged', async () => {
    const csv = featuresToCsv(communities, { geometry: 'wkt' });
    const r = await readLayerFile('communities.csv', csv);
    expect(r.features.features.map((f) => f.geometry)).toEqual(communities.features.map((f) => f.geometry));
    expect(r.features.features[0]?.properties).toEqual(communities.features[0]?.properties);
  });

  it('uses the representative point of polygons for lon/lat (the square centre here)', () => {
    const csv = featuresToCsv(communities, { bom: false, columns: ['lon', 'lat', 'name'] });
    const [lon, lat] = csv.split('\r\n')[1]?.split(',').map(Number) as [number, number];
    expect(lon).toBeCloseTo(116.3505, 9);
    expect(lat).toBeCloseTo(40.0005, 9);
  });

  it('exports points in GCJ-02 on request', async () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: [116.377817, 39.911954] } }] };
    const r = await readLayerFile('a.csv', featuresToCsv(fc, { crs: 'gcj02' }), { crs: 'gcj02' });
    expect(distance((r.features.features[0]?.geometry as Point).coordinates, [116.377817, 39.911954], { units: 'meters' })).toBeLessThan(0.5);
  });
});
