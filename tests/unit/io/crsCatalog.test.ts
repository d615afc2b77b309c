import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import type { FeatureCollection } from 'geojson';
import {
  crsFromEpsg,
  crsId,
  crsToWgs84,
  datumNote,
  epsgOf,
  findPlace,
  parseCrsId,
  projectionToWgs84,
  readLayerFile,
  suggestProjectedCrs,
} from '../../../src/core/io';
import { parseCliArgs } from '../../../scripts/cli/parseCliArgs';

const def = (id: string) => {
  const d = parseCrsId(id);
  if (!d) throw new Error(`not parsed: ${id}`);
  return d;
};
const toWgs = (id: string, x: number, y: number) => crsToWgs84(def(id))(x, y);

// Definitions written out here independently of src/core (EPSG database parameters).
const GRS80_TM = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +a=6378137 +rf=298.257222101 +units=m +no_defs`;
const XIAN80_TM = (lon0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=500000 +y_0=0 +a=6378140 +b=6356755.288157528 +units=m +no_defs`;
const KRASS_TM = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +a=6378245 +rf=298.3 +units=m +no_defs`;
const indep = (d: string, x: number, y: number) => proj4(d, '+proj=longlat +ellps=WGS84 +no_defs').forward([x, y]) as [number, number];

describe('CRS catalog (one table for app, worker and CLI)', () => {
  it('a point on the central meridian lands exactly on it: CGCS2000 3° CM 117, x = 500,000 → 117.000000°E', () => {
    const [lon, lat] = toWgs('gk3:117', 500000, 3_500_000);
    expect(lon.toFixed(6)).toBe('117.000000');
    // 3,500 km of meridian arc from the equator on GRS80 ≈ 31.62°N (1° ≈ 110.9 km at this latitude).
    expect(lat).toBeGreaterThan(31.55);
    expect(lat).toBeLessThan(31.7);
    // EPSG:4548 is the same system; with the zone prefix (zone 39) the easting is 39,500,000.
    expect(toWgs('EPSG:4548', 500000, 3_500_000)).toEqual([lon, lat]);
    expect(toWgs('gk3:117:zone', 39_500_000, 3_500_000)[0].toFixed(6)).toBe('117.000000');
    expect(toWgs('EPSG:4527', 39_500_000, 3_500_000)[0].toFixed(6)).toBe('117.000000');
  });

  it('an off-meridian point matches proj4 with an independent definition (CGCS2000, Xi\'an 80, Beijing 54)', () => {
    // 115 km west of CM 120 at ~32°N: about 1.22° west (115 km / (111.32 km · cos 32°)).
    const [lon, lat] = toWgs('EPSG:4549', 384_830.5, 3_551_234.2);
    expect(lon).toBeCloseTo(118.78, 1);
    const ref = indep(GRS80_TM(120, 500000), 384_830.5, 3_551_234.2);
    expect(Math.abs(lon - ref[0])).toBeLessThan(1e-9);
    expect(Math.abs(lat - ref[1])).toBeLessThan(1e-9);
    // City meridian 118.8°E (no EPSG code), 6° zone 20 with prefix.
    expect(toWgs('gk3:118.8', 512_000, 3_550_000)).toEqual(indep(GRS80_TM(118.8, 500000), 512_000, 3_550_000));
    expect(toWgs('gk6:117:zone', 20_430_000, 3_550_000)).toEqual(indep(GRS80_TM(117, 20_500_000), 20_430_000, 3_550_000));
    // Xi'an 80 (IAG-75 ellipsoid) EPSG:2385 = 3° CM 120; Beijing 54 (Krassovsky) EPSG:2433 = 3° CM 108.
    const x = toWgs('EPSG:2385', 384_830.5, 3_551_234.2);
    const xr = indep(XIAN80_TM(120), 384_830.5, 3_551_234.2);
    expect(Math.abs(x[0] - xr[0]) + Math.abs(x[1] - xr[1])).toBeLessThan(1e-9);
    const b = toWgs('beijing54-gk3:117:zone', 39_420_000, 4_420_000);
    const br = indep(KRASS_TM(117, 39_500_000), 39_420_000, 4_420_000);
    expect(Math.abs(b[0] - br[0]) + Math.abs(b[1] - br[1])).toBeLessThan(1e-9);
    // The ellipsoid matters: the same numbers read as CGCS2000 and as Beijing 54 differ by tens of metres.
    const c = toWgs('gk3:117:zone', 39_420_000, 4_420_000);
    expect(Math.abs(c[1] - b[1]) * 111_000).toBeGreaterThan(20);
  });

  it('maps the EPSG families to zones and meridians and back', () => {
    expect(crsFromEpsg(4547)).toEqual({ type: 'gk', datum: 'cgcs2000', width: 3, cm: 114, zonePrefix: false });
    expect(crsFromEpsg(4554)).toMatchObject({ cm: 135, zonePrefix: false });
    expect(crsFromEpsg(4513)).toMatchObject({ width: 3, cm: 75, zonePrefix: true });
    expect(crsFromEpsg(4498)).toMatchObject({ width: 6, cm: 117, zonePrefix: true });
    expect(crsFromEpsg(4507)).toMatchObject({ width: 6, cm: 105, zonePrefix: false });
    expect(crsFromEpsg(2364)).toMatchObject({ datum: 'xian80', width: 3, cm: 120, zonePrefix: true });
    expect(crsFromEpsg(2327)).toMatchObject({ datum: 'xian80', width: 6, cm: 75, zonePrefix: true });
    expect(crsFromEpsg(2401)).toMatchObject({ datum: 'beijing54', width: 3, cm: 75, zonePrefix: true });
    expect(crsFromEpsg(2442)).toMatchObject({ datum: 'beijing54', width: 3, cm: 135, zonePrefix: false });
    expect(crsFromEpsg(21460)).toMatchObject({ datum: 'beijing54', width: 6, cm: 117, zonePrefix: false });
    expect(crsFromEpsg(3857)).toEqual({ type: 'web-mercator' });
    expect(crsFromEpsg(4490)).toEqual({ type: 'geographic', datum: 'cgcs2000' });
    expect(crsFromEpsg(2391)).toBeNull();
    for (const code of [4326, 4490, 3857, 4491, 4512, 4533, 4547, 2327, 2390, 2401, 2442, 21413, 21463]) {
      expect(epsgOf(crsFromEpsg(code)!)).toBe(code);
      expect(crsId(parseCrsId(`epsg:${code}`)!)).toBe(`EPSG:${code}`);
    }
    expect(crsId(def('gk3:117'))).toBe('EPSG:4548');
    expect(crsId(def('xian80-gk3:118.8'))).toBe('xian80-gk3:118.8');
    expect(parseCrsId('gk3:118.8:zone')).toBeNull(); // 118.8 is no zone's meridian
    expect(parseCrsId('gk3:20')).toBeNull();
    expect(parseCrsId('EPSG:9999')).toBeNull();
    expect(projectionToWgs84('gk3:117')!(500000, 3_500_000)[0].toFixed(6)).toBe('117.000000');
  });

  it('says when the datum shift is unknown (Xi\'an 80, Beijing 54) and not for CGCS2000', () => {
    expect(datumNote(def('EPSG:2385'))?.en).toMatch(/100 m/);
    expect(datumNote(def('beijing54-gk3:117'))?.zh).toMatch(/北京54/);
    expect(datumNote(def('gk3:117'))).toBeNull();
    expect(datumNote(def('EPSG:3857'))).toBeNull();
  });
});

describe('central meridian suggestion', () => {
  it('from the zone prefix of the easting', () => {
    const s = suggestProjectedCrs([39_480_000, 4_400_000, 39_520_000, 4_420_000]);
    expect(s.candidates[0]!.id).toBe('EPSG:4527');
    expect(s.candidates[0]!.reason_zh).toMatch(/带号 39/);
    expect(s.spreadKm).toEqual([-20, 20]);
    const six = suggestProjectedCrs([20_430_000, 3_500_000, 20_470_000, 3_520_000]);
    expect(six.candidates[0]!.def).toMatchObject({ width: 6, cm: 117, zonePrefix: true });
  });

  it('6° zone-numbered eastings that would put Web Mercator outside China go to the chooser with the zone suggested', async () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [19_480_000, 3_500_000] } }] };
    const r = await readLayerFile('six.geojson', new TextEncoder().encode(JSON.stringify(fc)));
    expect(r.errors[0]?.code).toBe('projected-unknown');
    expect(suggestProjectedCrs(r.detected.crs.projectedBbox!).candidates[0]!.id).toBe('EPSG:4497'); // 6° zone 19, CM 111
    // Real Web Mercator over China is still recognised.
    const wm: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [12_958_000, 4_852_000] } }] };
    expect((await readLayerFile('wm.geojson', new TextEncoder().encode(JSON.stringify(wm)))).detected.crs.source).toBe('EPSG:3857');
  });

  it('from a typed place and the false-easting spread: a city meridian or the standard zone', () => {
    const nanjing = findPlace('南京市')!;
    const place = { lon: nanjing.lon, name_en: nanjing.en, name_zh: nanjing.zh };
    // Data on Nanjing's own meridian (x ≈ 500 km ± 10 km): CM 118.8 first.
    const local = suggestProjectedCrs([490_000, 3_540_000, 510_000, 3_560_000], { place });
    expect(local.candidates[0]!.id).toBe('gk3:118.8');
    expect(local.candidates.map((c) => c.id)).toContain('EPSG:4549'); // 3° CM 120 offered next
    // The same place, data ~115 km west of the meridian: the 3° zone CM 120 (EPSG:4549) fits.
    const zone = suggestProjectedCrs([375_000, 3_540_000, 395_000, 3_560_000], { place });
    expect(zone.candidates[0]!.id).toBe('EPSG:4549');
    expect(zone.latitude).toBeCloseTo(32, 0);
    // A hint from other loaded layers offers the standard zones only (a city meridian would just echo the hint).
    expect(suggestProjectedCrs([490_000, 3_540_000, 510_000, 3_560_000], { place, localMeridian: false }).candidates.map((c) => c.id)).toEqual(['EPSG:4549', 'EPSG:4509']);
    // Without a place nothing can be said about the meridian; the spread still is.
    const none = suggestProjectedCrs([490_000, 3_540_000, 510_000, 3_560_000]);
    expect(none.candidates).toEqual([]);
    expect(none.spreadKm).toEqual([-10, 10]);
    // Xi'an 80 chosen as datum: the same meridians in that family.
    expect(suggestProjectedCrs([375_000, 3_540_000, 395_000, 3_560_000], { place, datum: 'xian80' }).candidates[0]!.id).toBe('EPSG:2385');
  });

  it('finds places by Chinese name, with suffixes, and by pinyin', () => {
    expect(findPlace('南京')?.lon).toBe(118.8);
    expect(findPlace('南京市鼓楼区')?.en).toBe('Nanjing');
    expect(findPlace('  shanghai ')?.lon).toBe(121.5);
    expect(findPlace('浙江省')?.zh).toBe('浙江');
    expect(findPlace('nowhere')).toBeNull();
  });
});

describe('import and CLI use the same table', () => {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [498_000, 3_550_000] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [503_000, 3_552_000] } },
    ],
  };
  const bytes = new TextEncoder().encode(JSON.stringify(fc));

  it('a file without zone prefix is rejected with its ranges until a system is chosen; gk3:118.8 converts it', async () => {
    const auto = await readLayerFile('pts.geojson', bytes);
    expect(auto.ok).toBe(false);
    expect(auto.errors[0]).toMatchObject({ code: 'projected-gk-no-zone', params: { xmin: '498,000', xmax: '503,000' } });
    expect(auto.detected.crs.projectedBbox).toEqual([498_000, 3_550_000, 503_000, 3_552_000]);
    const gk = await readLayerFile('pts.geojson', bytes, { crs: 'gk3:118.8' });
    expect(gk.ok).toBe(true);
    const p = gk.features.features[0]!.geometry as { coordinates: number[] };
    expect(p.coordinates).toEqual(indep(GRS80_TM(118.8, 500000), 498_000, 3_550_000));
    expect(gk.warnings.some((w) => w.code === 'crs-datum-approximate')).toBe(false);
    const xian = await readLayerFile('pts.geojson', bytes, { crs: 'xian80-gk3:118.8' });
    expect(xian.warnings.find((w) => w.code === 'crs-datum-approximate')?.message_zh).toMatch(/西安80.*100 米/);
  });

  it('--crs accepts epsg:NNNN and gk3:117 style values and refuses unknown codes with the list', () => {
    const base = ['--communities', 'c.geojson', '--facilities', 'f.geojson', '--out', 'o.geojson'];
    const crsOf = (v: string) => (parseCliArgs([...base, '--crs', v], 'en') as { crs: string }).crs;
    expect(crsOf('gk3:117')).toBe('EPSG:4548');
    expect(crsOf('epsg:2385')).toBe('EPSG:2385');
    expect(crsOf('gk3:118.8')).toBe('gk3:118.8');
    expect(crsOf('beijing54-gk6:117:zone')).toBe('EPSG:21420');
    expect(() => parseCliArgs([...base, '--crs', 'EPSG:9999'], 'en')).toThrow(/4491–4554/);
  });
});
