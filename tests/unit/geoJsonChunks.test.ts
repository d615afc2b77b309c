/**
 * The CLI's streamed output (issue 10, "At any size"): core geoJsonChunks, the lazily built
 * result features (communityResultFeatures) and writeResult give byte for byte what the CLI wrote
 * when it built the whole collection with spreads and wrote one JSON.stringify.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoJsonChunks } from '../../src/core/io/export/geoJsonChunks';
import { communityResultAttributes, communityResultFeatures, type CommunityResultTables } from '../../src/core/io/export/communityAttributes';
import { communityResultChunks } from '../../src/core/io/export/communityResultChunks';
import { flatProperties } from '../../src/core/io/export/flatProperties';
import { wgs84ToChineseCrs, wgs84ToChineseCrsFeature } from '../../src/core/io/crs/chineseCrs';
import { mapFeatureCollection } from '../../src/core/io/crs/mapCoordinates';
import { wgs84ToGcj02 } from '../../src/core/io/crs/chineseCrs';
import { writeResult } from '../../scripts/cli/writeResult';
import { UserError } from '../../scripts/cli/userError';
import { runCli } from '../../scripts/analyze';

type Crs = 'wgs84' | 'gcj02' | 'bd09';
type GeoFC = FeatureCollection<Geometry | null>;

/** What writeResult wrote before streaming: the whole (converted) collection in one JSON.stringify. */
function oldText(fc: GeoFC, crs: Crs, attribution?: string | null): string {
  const converted = crs === 'wgs84' ? fc : wgs84ToChineseCrs(fc as FeatureCollection, crs);
  const doc: Record<string, unknown> = { type: 'FeatureCollection' };
  if (attribution) doc.attribution = attribution;
  doc.features = converted.features;
  return JSON.stringify(doc);
}

/** The CLI's result collection before streaming: spreads per feature. */
function oldResultCollection(communities: GeoFC, t: CommunityResultTables): GeoFC {
  return {
    type: 'FeatureCollection',
    features: communities.features.map((f, c) => ({ ...f, properties: flatProperties({ ...(f.properties ?? {}), ...communityResultAttributes(t, c) }) })),
  };
}

// Chinese text, nulls, nested values, every geometry type, a feature id, no geometry, entrances
// as WKT and as a geometry object, an integer-like key, numbers JSON writes in exponent form.
const fixture: GeoFC = JSON.parse(JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature', id: 7,
      properties: { id: 'c1', name: '丽景国际 "东区"\n', households: 438, note: null, entrances: 'MULTIPOINT ((116.3501 40.0009))', 2020: 'x', tiny: 1e-7, big: 1e21, neg: -0 },
      geometry: { type: 'Polygon', coordinates: [[[116.3494, 40.0003], [116.3498, 40.0003], [116.3498, 40.0007], [116.3494, 40.0003]]] },
    },
    {
      type: 'Feature',
      properties: { id: 'c2', name: '小区\u2028二', tags: { amenity: 'school', 'name:zh': '学校', deep: { a: [1, null, 'b'] } }, list: [1, 2, 3], entrances: { type: 'MultiPoint', coordinates: [[116.35, 40.002, 12.5]] } },
      geometry: { type: 'MultiPolygon', coordinates: [[[[116.35, 40], [116.351, 40], [116.351, 40.001], [116.35, 40]]], [[[116.36, 40], [116.361, 40], [116.361, 40.001], [116.36, 40]]]] },
    },
    { type: 'Feature', properties: null, geometry: null },
    { type: 'Feature', geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [116.35, 40.002] }, { type: 'LineString', coordinates: [[116.35, 40], [116.35, 40.004]] }] }, properties: { emoji: '😀', population: 5 } },
    { type: 'Feature', properties: 'P5', geometry: { type: 'MultiLineString', coordinates: [[[116.35, 40], [116.354, 40.002]]] }, bbox: [116.35, 40, 116.354, 40.002] },
    { type: 'Feature', properties: { id: 'c6' }, geometry: { type: 'MultiPoint', coordinates: [[116.35, 40], [1, 2]] } },
  ],
}));

// JSON.parse keeps "__proto__" as a plain key (an object literal would set the prototype)
fixture.features[4].properties = JSON.parse('{"id":"c5","__proto__":{"polluted":true},"z":1}');

const join = (chunks: Iterable<string>): string => [...chunks].join('');

describe('geoJsonChunks', () => {
  for (const crs of ['wgs84', 'gcj02', 'bd09'] as const) {
    for (const attribution of [undefined, null, '', '© OpenStreetMap contributors, ODbL "数据"']) {
      it(`joined is JSON.stringify of the collection (${crs}, attribution ${JSON.stringify(attribution)})`, () => {
        for (const chunkSize of [undefined, 0, 1, 500, 1 << 20]) {
          expect(join(geoJsonChunks(fixture.features, { crs, attribution, chunkSize }))).toBe(oldText(fixture, crs, attribution));
        }
      });
    }
  }

  it('writes an empty collection like JSON.stringify', () => {
    const empty: GeoFC = { type: 'FeatureCollection', features: [] };
    expect(join(geoJsonChunks([]))).toBe(oldText(empty, 'wgs84'));
    expect(join(geoJsonChunks([], { attribution: 'a' }))).toBe(oldText(empty, 'wgs84', 'a'));
  });

  it('reads the features lazily, one at a time, and hands out each before asking for the next', () => {
    let made = 0;
    function* features(): Generator<Feature> {
      for (const f of fixture.features) {
        made++;
        yield f as Feature;
      }
    }
    const it = geoJsonChunks(features());
    expect(made).toBe(0);
    it.next();
    expect(made).toBe(1);
    it.next();
    expect(made).toBe(2);
  });

  it('converts a feature like the whole-collection conversion (geometry and entrances)', () => {
    for (const to of ['gcj02', 'bd09'] as const) {
      const whole = wgs84ToChineseCrs(fixture as FeatureCollection, to);
      fixture.features.forEach((f, i) => expect(JSON.stringify(wgs84ToChineseCrsFeature(f as Feature, to))).toBe(JSON.stringify(whole.features[i])));
    }
    expect(JSON.stringify(wgs84ToChineseCrs(fixture as FeatureCollection, 'gcj02'))).toBe(JSON.stringify(mapFeatureCollection(fixture as FeatureCollection, wgs84ToGcj02)));
  });
});

function tables(C: number, withWorkbench: boolean): CommunityResultTables {
  const ids = ['kindergarten', 'primary_school', 'market'];
  const K = ids.length;
  const distance = Float64Array.from({ length: K * C }, (_, i) => (i % 4 === 3 ? Infinity : i * 123.456 + 0.05));
  return {
    coverage: { communityCount: C, categoryIds: ids, distance, ok: Uint8Array.from({ length: K * C }, (_, i) => i % 2) },
    weights: {
      population: Float64Array.from({ length: C }, (_, c) => 1000.26 + c),
      populationEstimated: Uint8Array.from({ length: C }, (_, c) => c % 2),
      weightUnknown: Uint8Array.from({ length: C }, (_, c) => (c === 2 ? 1 : 0)),
    },
    renovation: withWorkbench ? { isOld: Uint8Array.from({ length: C }, (_, c) => (c % 3 ? 1 : 0)), score: Float64Array.from({ length: C }, (_, c) => 12.3456 * c) } : null,
    parks: withWorkbench ? { ok: Uint8Array.from({ length: C }, (_, c) => c % 2), distance: Float64Array.from({ length: C }, (_, c) => (c === 1 ? NaN : 55.55 * c)) } : null,
    parking: withWorkbench ? { demand: new Float64Array(C).fill(10.04), supply: new Float64Array(C).fill(3), gap: new Float64Array(C).fill(7.04) } : null,
  };
}

describe('communityResultFeatures', () => {
  for (const withWorkbench of [false, true]) {
    it(`gives the features of the spread-built collection, same keys in the same order (workbench ${withWorkbench})`, () => {
      const t = tables(fixture.features.length, withWorkbench);
      const lazy = [...communityResultFeatures(fixture, t)];
      const old = oldResultCollection(fixture, t).features;
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(old));
      lazy.forEach((f, i) => expect(Object.keys(f.properties ?? {})).toEqual(Object.keys(old[i].properties ?? {})));
      // an attribute named like a source property keeps the source's place (population of feature 3)
      expect(Object.keys(lazy[3].properties!).slice(0, 2)).toEqual(['emoji', 'population']);
      // a "__proto__" key of the data is a plain key, as with a spread
      expect(Object.keys(lazy[4].properties!)).toContain('__proto___polluted');
      for (const crs of ['wgs84', 'gcj02', 'bd09'] as const) {
        expect(join(geoJsonChunks(communityResultFeatures(fixture, t), { crs, attribution: 'x' }))).toBe(oldText(oldResultCollection(fixture, t), crs, 'x'));
      }
    });
  }

  it('does not change the communities', () => {
    const before = JSON.stringify(fixture);
    for (const f of communityResultFeatures(fixture, tables(fixture.features.length, true))) expect(f).toBeTruthy();
    expect(JSON.stringify(fixture)).toBe(before);
  });
});

describe('communityResultChunks', () => {
  // beside the fixture: communities as the importer gives them (some properties named like
  // attributes, `population`), one without properties, one whose properties come first
  const plain: GeoFC = JSON.parse(JSON.stringify({
    type: 'FeatureCollection',
    features: [
      ...fixture.features,
      { type: 'Feature', properties: { id: 'p1', name: '小区1', households: 10, population: 28, built_year: 1990, score: 'given' }, geometry: { type: 'Point', coordinates: [116.35, 40.001] } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [116.35, 40.002] } },
      { properties: { id: 'p3', is_old: 'yes', note: undefined }, type: 'Feature', geometry: null, id: 'x' },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116.35, 40.003] } },
      { type: 'Feature', properties: { population: 1, population_estimated: 2, park_ok: 3, dist_market: 4 }, geometry: null },
    ],
  }));
  for (const withWorkbench of [false, true]) {
    it(`joined is the text of geoJsonChunks(communityResultFeatures(…)) (workbench ${withWorkbench})`, () => {
      const t = tables(plain.features.length, withWorkbench);
      for (const crs of ['wgs84', 'gcj02', 'bd09'] as const) {
        for (const attribution of [undefined, '© OpenStreetMap contributors, ODbL']) {
          expect(join(communityResultChunks(plain, t, { crs, attribution }))).toBe(join(geoJsonChunks(communityResultFeatures(plain, t), { crs, attribution })));
        }
      }
      const extra = (out: Record<string, unknown>, c: number) => {
        out.extra = c;
        out.population = -c;
      };
      expect(join(communityResultChunks(plain, t, { extra }))).toBe(join(geoJsonChunks(communityResultFeatures(plain, t, extra))));
      const empty = { features: [] };
      expect(join(communityResultChunks(empty, tables(0, withWorkbench), { attribution: 'a' }))).toBe(join(geoJsonChunks([], { attribution: 'a' })));
    });
  }

  it('is made lazily, one community at a time', () => {
    const t = tables(plain.features.length, true);
    let read = 0;
    const features = new Proxy(plain.features, { get: (a, k) => (typeof k === 'string' && /^\d+$/.test(k) && read++, Reflect.get(a, k)) });
    const it = communityResultChunks({ features }, t);
    it.next();
    expect(read).toBeLessThanOrEqual(1);
  });
});

describe('writeResult', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lc-chunks-'));

  it('writes a collection (array or lazy features) as before, through a temporary file it removes', () => {
    for (const crs of ['wgs84', 'gcj02'] as const) {
      const out = path.join(dir, `a-${crs}`, 'result.geojson');
      writeResult(out, fixture, { crs, attribution: 'OSM', lang: 'en' });
      expect(readFileSync(out, 'utf8')).toBe(oldText(fixture, crs, 'OSM'));
      writeResult(out, { features: (function* () { yield* fixture.features; })() }, { crs, lang: 'en' });
      expect(readFileSync(out, 'utf8')).toBe(oldText(fixture, crs));
      expect(readdirSync(path.dirname(out))).toEqual(['result.geojson']);
    }
  });

  it('writes features larger than its buffer and many features (UTF-8 across buffer ends)', () => {
    const big: GeoFC = {
      type: 'FeatureCollection',
      features: Array.from({ length: 3000 }, (_, i) => ({ type: 'Feature', properties: { i, name: '小区'.repeat(i === 5 ? 400_000 : 1 + (i % 97)), e: '😀' }, geometry: null })),
    };
    const out = path.join(dir, 'big.geojson');
    writeResult(out, big, { lang: 'en' });
    expect(readFileSync(out, 'utf8')).toBe(oldText(big, 'wgs84'));
  });

  it('passes on an error from making the features and leaves no file', () => {
    const out = path.join(dir, 'failing', 'result.geojson');
    function* failing(): Generator<Feature> {
      yield fixture.features[0] as Feature;
      throw new RangeError('boom');
    }
    expect(() => writeResult(out, { features: failing() }, { lang: 'en' })).toThrow(RangeError);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it('keeps the older result and names the file when it cannot write', () => {
    const blocker = path.join(dir, 'blocker');
    writeFileSync(blocker, 'a file, not a folder');
    const out = path.join(blocker, 'result.geojson');
    expect(() => writeResult(out, fixture, { lang: 'en' })).toThrow(UserError);
    expect(() => writeResult(out, fixture, { lang: 'en' })).toThrow(`${out}: cannot write the output (`);
  });
});

// The CLI's written file is unchanged: SHA-256 and size of what the CLI wrote before streaming
// (commit 26daf9e, whole collection in one JSON.stringify) for the same arguments. When the
// output changes on purpose (a new field, another rounding), these are to be written again.
describe('the CLI writes what it wrote before streaming', () => {
  const D = 'data/demo';
  const G = 'tests/fixtures/cli/good';
  const tmp = mkdtempSync(path.join(tmpdir(), 'lc-cli-same-'));
  const cases: { name: string; args: string[]; bytes: number; sha256: string }[] = [
    {
      name: 'demo with parks and parking',
      args: ['--communities', `${D}/communities.geojson`, '--facilities', `${D}/facilities.geojson`, '--network', `${D}/network.geojson`, '--parks', `${D}/parks.geojson`, '--parking', `${D}/parking.geojson`],
      bytes: 657282, sha256: '708edba0c195ccfce707baa5e2cd668523a428afa5cf3659cc9b80e0a7ad2232',
    },
    {
      name: 'demo with parks, --out-crs gcj02',
      args: ['--communities', `${D}/communities.geojson`, '--facilities', `${D}/facilities.geojson`, '--network', `${D}/network.geojson`, '--parks', `${D}/parks.geojson`, '--out-crs', 'gcj02'],
      bytes: 711950, sha256: 'da2bb1fb6e77f126bfa797f5275c292c7beeaa1a55f540ef7a7e99ded86324a9',
    },
    { name: 'OSM (attribution), --out-crs bd09', args: ['--osm', `${G}/buildings-only.osm`, '--out-crs', 'bd09'], bytes: 5837, sha256: 'b17078df1aca61eb78e5e1d7e41d716309b078be8ed1ac74c5370af9f12c89af' },
    {
      name: 'Chinese CSV facilities, euclidean',
      args: ['--communities', `${G}/communities.geojson`, '--facilities', `${G}/facilities-zh.csv`, '--network', `${G}/network.geojson`, '--mode', 'euclidean'],
      bytes: 5516, sha256: '97339c7a9abd2d7858179003ec10566826da9c6fcd0c259c7b20cea5cf6b243f',
    },
    {
      name: 'zipped Shapefile, --out-crs gcj02',
      args: ['--communities', `${G}/communities.zip`, '--facilities', `${G}/facilities.geojson`, '--network', `${G}/network.geojson`, '--out-crs', 'gcj02'],
      bytes: 5774, sha256: 'ce821d85337bed488c6d07b2d0d174a27607991eb720ce2b38f22461c6588bc4',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const out = path.join(tmp, `${c.sha256.slice(0, 8)}.geojson`);
      let stderr = '';
      const code = await runCli([...c.args, '--out', out], { stdout: () => {}, stderr: (s) => void (stderr += s), env: { LANG: 'en' } });
      expect(code, stderr).toBe(0);
      const bytes = readFileSync(out);
      expect(bytes.length).toBe(c.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(c.sha256);
    });
  }
});
