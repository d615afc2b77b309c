import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import {
  bd09ToWgs84,
  chineseCrsToWgs84,
  detectCoordinateSystem,
  gaussKrugerFromEpsg,
  gcj02ToWgs84,
  projectionToWgs84,
  readLayerFile,
  suggestChineseCrs,
  wgs84ToBd09,
  wgs84ToGcj02,
  wgs84ToChineseCrs,
  zoneFromEastings,
} from '../../../src/core/io';

const metres = (a: number[], b: number[]): number => distance(a, b, { units: 'meters' });
const points = (coords: number[][], props: Record<string, unknown> = {}): FeatureCollection => ({
  type: 'FeatureCollection',
  features: coords.map((c) => ({ type: 'Feature', properties: { ...props }, geometry: { type: 'Point', coordinates: c } })),
});

// Published WGS84 ↔ GCJ-02 pairs from eviltransform's test suite
// (github.com/googollee/eviltransform, go/transform_test.go: {wgsLat, wgsLng, gcjLat, gcjLng}).
// Its forward test compares to 5 decimals; its "exact" inverse test allows 0.5 m.
const EVILTRANSFORM = [
  { place: 'Shanghai', wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597] },
  { place: 'Shenzhen', wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766] },
  { place: 'Beijing', wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069] },
];

describe('GCJ-02 and BD-09 (gcoord)', () => {
  for (const { place, wgs, gcj } of EVILTRANSFORM) {
    it(`WGS84 → GCJ-02 matches eviltransform's ${place} pair to 5 decimals`, () => {
      const [x, y] = wgs84ToGcj02(wgs[0] as number, wgs[1] as number);
      expect(x).toBeCloseTo(gcj[0] as number, 5);
      expect(y).toBeCloseTo(gcj[1] as number, 5);
    });
    it(`GCJ-02 → WGS84 lands within 0.5 m of eviltransform's ${place} WGS84 point`, () => {
      expect(metres(gcj02ToWgs84(gcj[0] as number, gcj[1] as number), wgs)).toBeLessThan(0.5);
    });
  }

  // gcoord's own unit tests (github.com/hujiulong/gcoord, test/unit/crs/GCJ02.spec.ts and BD09.spec.ts).
  it('matches gcoord test values for GCJ-02 → WGS84 and BD-09 → WGS84 at (123, 45)', () => {
    const a = gcj02ToWgs84(123, 45);
    expect(a[0]).toBeCloseTo(122.99395597, 5);
    expect(a[1]).toBeCloseTo(44.99804071, 5);
    const b = bd09ToWgs84(123, 45);
    expect(b[0]).toBeCloseTo(122.9876221, 5);
    expect(b[1]).toBeCloseTo(44.9917154, 5);
  });

  it('round-trips WGS84 → GCJ-02 → WGS84 and via BD-09 within 0.5 m on a grid over China', () => {
    let worst = 0;
    let worstBd = 0;
    for (let lon = 98; lon <= 128; lon += 2.5) {
      for (let lat = 20; lat <= 50; lat += 2.5) {
        const g = wgs84ToGcj02(lon, lat);
        worst = Math.max(worst, metres(gcj02ToWgs84(g[0], g[1]), [lon, lat]));
        const b = wgs84ToBd09(lon, lat);
        worstBd = Math.max(worstBd, metres(bd09ToWgs84(b[0], b[1]), [lon, lat]));
        // The offset itself is 100–700 m: the conversion is not a no-op.
        expect(metres(g, [lon, lat])).toBeGreaterThan(50);
      }
    }
    expect(worst).toBeLessThan(0.5);
    expect(worstBd).toBeLessThan(0.5);
  });

  it('inverts the forward transform to 1 mm everywhere in China and terminates at the edge of its box', () => {
    let worst = 0;
    for (let lon = 73.5; lon <= 135; lon += 1.5) {
      for (let lat = 4; lat <= 53.5; lat += 1.5) {
        const [wx, wy] = gcj02ToWgs84(lon, lat);
        worst = Math.max(worst, metres(wgs84ToGcj02(wx, wy), [lon, lat]));
      }
    }
    expect(worst).toBeLessThan(0.001);
    // gcoord's box starts at 72.004°E: points straddling it must not loop forever.
    for (const lon of [72.0039, 72.004, 72.0041, 72.01]) expect(Number.isFinite(gcj02ToWgs84(lon, 40)[0])).toBe(true);
  });

  it('converts whole collections without mutating the input (gcoord mutates GeoJSON in place)', () => {
    const wgs = points([[116.377817, 39.911954]]);
    const before = JSON.stringify(wgs);
    const gcj = wgs84ToChineseCrs(wgs, 'gcj02');
    expect(JSON.stringify(wgs)).toBe(before);
    const back = chineseCrsToWgs84(gcj, 'gcj02');
    expect(metres((back.features[0]?.geometry as Point).coordinates, [116.377817, 39.911954])).toBeLessThan(0.5);
  });

  it('readLayerFile with crs gcj02 converts every vertex to within 0.5 m of the true WGS84', async () => {
    const truth = [[116.377817, 39.911954], [121.5272106, 31.1774276]];
    const gcj = wgs84ToChineseCrs(points(truth), 'gcj02');
    const r = await readLayerFile('amap.geojson', JSON.stringify(gcj), { crs: 'gcj02' });
    expect(r.detected.crs).toMatchObject({ source: 'gcj02', converted: true });
    r.features.features.forEach((f, i) => expect(metres((f.geometry as Point).coordinates, truth[i] as number[])).toBeLessThan(0.5));
  });
});

describe('projected coordinates', () => {
  it('maps CGCS2000 Gauss-Krüger EPSG codes to zones and central meridians', () => {
    expect(gaussKrugerFromEpsg(4526)).toEqual({ width: 3, zone: 38, centralMeridian: 114, epsg: 4526, falseEasting: 38500000 });
    expect(gaussKrugerFromEpsg(4513)).toMatchObject({ zone: 25, centralMeridian: 75 });
    expect(gaussKrugerFromEpsg(4533)).toMatchObject({ zone: 45, centralMeridian: 135 });
    expect(gaussKrugerFromEpsg(4534)).toMatchObject({ zone: null, centralMeridian: 75, falseEasting: 500000 });
    expect(gaussKrugerFromEpsg(4554)).toMatchObject({ zone: null, centralMeridian: 135 });
    expect(gaussKrugerFromEpsg(4491)).toMatchObject({ width: 6, zone: 13, centralMeridian: 75 });
    expect(gaussKrugerFromEpsg(4501)).toMatchObject({ width: 6, zone: 23, centralMeridian: 135 });
    expect(gaussKrugerFromEpsg(4326)).toBeNull();
  });

  it('reads the zone from the easting prefix: 38,5xx,xxx m → zone 38', () => {
    expect(zoneFromEastings(38420000, 38610000)?.epsg).toBe(4526);
    expect(zoneFromEastings(38420000, 39100000)).toBeNull();
    expect(zoneFromEastings(12900000, 13000000)).toBeNull();
  });

  it('converts Gauss-Krüger zone 38 to lon/lat: 25,655 m east of 114°E at 39.9°N is ≈ 0.3° of longitude', async () => {
    const r = await readLayerFile('gk.geojson', JSON.stringify(points([[38525655.509, 4418468.747]])));
    const w = r.warnings.find((x) => x.code === 'projected-gauss-kruger');
    expect(w?.params).toMatchObject({ zone: 38, cm: 114, epsg: 'EPSG:4526', width: 3 });
    const [lon, lat] = (r.features.features[0]?.geometry as Point).coordinates as [number, number];
    // By hand: one degree of longitude at 39.9°N on GRS80 ≈ 111,320 × cos 39.9° ≈ 85,390 m; 25,655.5 / 85,390 ≈ 0.3004°.
    expect(lon - 114).toBeCloseTo(0.3, 2);
    // proj4's forward of (114.3, 39.9) gave these metres; the inverse must return it.
    expect(lon).toBeCloseTo(114.3, 7);
    expect(lat).toBeCloseTo(39.9, 7);
  });

  it('converts Web Mercator with the spherical formulas', async () => {
    const x = 12958000;
    const y = 4852000;
    const R = 6378137;
    const lon = ((x / R) * 180) / Math.PI;
    const lat = ((2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * 180) / Math.PI;
    const r = await readLayerFile('m.geojson', JSON.stringify(points([[x, y]])));
    expect(r.detected.crs).toMatchObject({ source: 'EPSG:3857', converted: true });
    const p = (r.features.features[0]?.geometry as Point).coordinates;
    expect(p[0]).toBeCloseTo(lon, 9);
    expect(p[1]).toBeCloseTo(lat, 9);
  });

  it('classifies coordinate ranges', () => {
    const kind = (c: number[][]): string => detectCoordinateSystem(points(c)).kind;
    expect(kind([[116.35, 40], [116.36, 40.01]])).toBe('geographic');
    expect(kind([[40, 116.35]])).toBe('swapped');
    // Lon 80 / lat 30 is Tibet; lat 80 would be the Arctic: swapped.
    expect(kind([[30, 80], [31, 81]])).toBe('swapped');
    expect(kind([[12958000, 4852000]])).toBe('web-mercator');
    expect(kind([[2780000, 8440000]])).toBe('web-mercator');
    expect(kind([[38525655, 4418468]])).toBe('gauss-kruger');
    expect(kind([[525655, 4418468]])).toBe('gauss-kruger-no-zone');
    expect(kind([[3500, 2100], [4200, 2800]])).toBe('projected-unknown');
    // One stray projected vertex among many lon/lat ones does not flip the layer.
    expect(kind([[116.35, 40], [116.36, 40], [116.37, 40], [12958000, 4852000]])).toBe('geographic');
    expect(kind([])).toBe('empty');
  });

  it('knows names of coordinate systems', () => {
    expect(projectionToWgs84('EPSG:4490')?.(116, 40)).toEqual([116, 40]);
    expect(projectionToWgs84('urn:ogc:def:crs:EPSG::3857')?.(0, 0)).toEqual([0, 0]);
    expect(projectionToWgs84('EPSG:99999')).toBeNull();
    expect(projectionToWgs84('nonsense')).toBeNull();
  });

  it('honours an explicit EPSG code for Gauss-Krüger without a zone prefix (EPSG:4547 = CM 114°E)', async () => {
    const r = await readLayerFile('gk.geojson', JSON.stringify(points([[525655.509, 4418468.747]])), { crs: 'EPSG:4547' });
    const p = (r.features.features[0]?.geometry as Point).coordinates;
    expect(p[0]).toBeCloseTo(114.3, 7);
    expect(p[1]).toBeCloseTo(39.9, 7);
  });
});

describe('suggestChineseCrs (suggests, never converts)', () => {
  const beijing = [[116.350123, 40.000456], [116.360123, 40.010456]];
  it('suggests GCJ-02 from the file name or Amap POI fields', () => {
    expect(suggestChineseCrs(points(beijing), { fileName: '高德POI.csv' }).suggestion).toBe('gcj02');
    expect(suggestChineseCrs(points(beijing, { typecode: '141204', adcode: '110108' })).suggestion).toBe('gcj02');
    expect(suggestChineseCrs(points(beijing, { gcj02_lng: 1 })).suggestion).toBe('gcj02');
  });
  it('suggests BD-09 from Baidu fields or names', () => {
    expect(suggestChineseCrs(points(beijing, { uid: 'a', street_id: 'b' })).suggestion).toBe('bd09');
    expect(suggestChineseCrs(points(beijing), { fileName: 'baidu_poi.geojson' }).suggestion).toBe('bd09');
    expect(suggestChineseCrs(points(beijing, { source: '百度地图' })).suggestion).toBe('bd09');
  });
  it('suggests nothing for plain data, WGS84-labelled data or data outside China', () => {
    expect(suggestChineseCrs(points([[116.35, 40], [116.36, 40.01]])).suggestion).toBeNull();
    expect(suggestChineseCrs(points(beijing, { wgs84_lng: 1, typecode: '1', adcode: '2' })).suggestion).toBeNull();
    expect(suggestChineseCrs(points([[24.94, 60.17]]), { fileName: 'amap.csv' }).suggestion).toBeNull();
  });
  it('is reported as a warning by readLayerFile and nothing is converted', async () => {
    const fc = points(beijing, { typecode: '141204', adcode: '110108' });
    const r = await readLayerFile('poi.geojson', JSON.stringify(fc));
    expect(r.detected.crs).toMatchObject({ suggestion: 'gcj02', converted: false });
    expect(r.warnings.find((w) => w.code === 'chinese-crs-suspected')?.hint_en).toContain('GCJ-02 → WGS84');
    expect((r.features.features[0]?.geometry as Point).coordinates).toEqual(beijing[0]);
  });
});
