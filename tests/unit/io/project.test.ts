import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { looksLikeProject, parseProject, serializeProject, type ProjectLayer } from '../../../src/core/io/project';
import { defaultRules } from '../../../src/core/rules/defaultRules';

const fc: FeatureCollection<Geometry, Record<string, unknown>> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'c1', name: '静淑苑 <b>', households: 320, population: 896, population_estimated: true }, geometry: { type: 'Polygon', coordinates: [[[116.35, 40], [116.351, 40], [116.351, 40.001], [116.35, 40]]] } },
    { type: 'Feature', properties: { id: 'c2', name: null }, geometry: null as unknown as Geometry },
  ],
};
const layers: ProjectLayer[] = [
  { kind: 'communities', name: '小区.geojson', source: 'file', fc },
  { kind: 'network', name: 'area.osm', source: 'osm', attribution: '© OpenStreetMap contributors', fc: { type: 'FeatureCollection', features: [] } },
];
const settings = { analysis: { mode: 'euclidean', maxSnap: 250, detour: 1.3 }, activeLevel: '10min', language: 'en' };

describe('project files', () => {
  it('round-trip layers, rules and settings unchanged, and start with the schema marker', () => {
    const text = serializeProject({ layers, rules: defaultRules, settings, saved: new Date('2026-01-02T03:04:05Z') });
    expect(text.startsWith('{"schema":"lifecircle-project","version":1,')).toBe(true);
    expect(looksLikeProject(text.slice(0, 100))).toBe(true);
    const r = parseProject(text, 'p.lifecircle.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The feature without geometry is left out and named, as an import would (issue 9, item 7).
    expect(r.project.layers).toEqual([{ ...layers[0], fc: { ...fc, features: [fc.features[0]] } }, layers[1]]);
    expect(r.warnings.map((w) => [w.code, w.featureIndex])).toEqual([['null-geometry', 1]]);
    expect(r.warnings[0].message_en).toMatch(/^p\.lifecircle\.json › 小区\.geojson, feature 2: /);
    expect(r.project.rules).toEqual(defaultRules);
    expect(r.project.settings).toEqual(settings);
    expect(r.project.saved).toBe('2026-01-02T03:04:05.000Z');
  });

  it('accepts a leading byte-order mark', () => {
    const r = parseProject('\uFEFF' + serializeProject({ layers: [], rules: defaultRules, settings: {} }), 'bom.lifecircle.json');
    expect(r.ok).toBe(true);
  });

  const valid = () => JSON.parse(serializeProject({ layers, rules: defaultRules, settings })) as Record<string, unknown>;
  const cases: [string, string, string, RegExp][] = [
    ['truncated JSON', serializeProject({ layers, rules: defaultRules, settings }).slice(0, 200), 'not-json', /not a valid JSON file/],
    ['a GeoJSON layer', JSON.stringify(fc), 'geojson-not-project', /GeoJSON data file, not a LifeCircle project/],
    ['another JSON', JSON.stringify({ hello: 1 }), 'not-project', /not a LifeCircle project file/],
    ['an old version', JSON.stringify({ ...valid(), version: 0 }), 'old-version', /version 0 is not supported/],
    ['no version', JSON.stringify({ ...valid(), version: undefined }), 'old-version', /version is not a number: found no "version", expected the number 1/],
    ['a version in quotes', JSON.stringify({ ...valid(), version: '1' }), 'old-version', /found "version": "1" \(text\), expected the number 1/],
    ['a newer version', JSON.stringify({ ...valid(), version: 2 }), 'newer-version', /newer LifeCircle \(format version 2/],
    ['layers missing', JSON.stringify({ ...valid(), layers: undefined }), 'bad-layers', /no "layers" list/],
    ['an unknown kind', JSON.stringify({ ...valid(), layers: [{ ...layers[0], kind: 'roads' }] }), 'bad-layers', /layer 1 has an unknown kind "roads"/],
    ['a repeated kind', JSON.stringify({ ...valid(), layers: [layers[0], layers[0]] }), 'bad-layers', /layer 2 repeats the kind "communities"/],
    ['a broken feature', JSON.stringify({ ...valid(), layers: [{ ...layers[0], fc: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point' } }] } }] }), 'bad-layers', /feature 1 has no valid geometry/],
    ['bad rules', JSON.stringify({ ...valid(), rules: { ...defaultRules, levels: [] } }), 'bad-rules', /rule set is invalid: \$\.levels/],
  ];
  for (const [what, text, code, message] of cases) {
    it(`refuses ${what} with a clear message in both languages`, () => {
      const r = parseProject(text, 'x.lifecircle.json');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
      expect(r.error.message_en).toMatch(/^x\.lifecircle\.json: /);
      expect(r.error.message_en).toMatch(message);
      expect(r.error.message_zh).toMatch(/^x\.lifecircle\.json：/);
      expect(r.error.hint_en.length).toBeGreaterThan(10);
      expect(r.error.hint_zh.length).toBeGreaterThan(5);
    });
  }

  describe('layers are checked as an import checks them, with the same messages', () => {
    const poly = (lon: number) => ({ type: 'Feature', properties: { id: `p${lon}` }, geometry: { type: 'Polygon', coordinates: [[[lon, 40], [lon + 0.001, 40], [lon + 0.001, 40.001], [lon, 40]]] } });
    const withFeatures = (features: unknown[]) => JSON.stringify({ ...valid(), layers: [{ ...layers[0], fc: { type: 'FeatureCollection', features } }] });
    const bad: [string, unknown, string][] = [
      ['string coordinates', { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[['116.35', '40'], ['116.36', '40'], ['116.36', '40.01'], ['116.35', '40']]] } }, 'invalid-geometry'],
      ['an empty Point', { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [] } }, 'invalid-geometry'],
      ['a "Blob" geometry', { type: 'Feature', properties: {}, geometry: { type: 'Blob', coordinates: [1, 2] } }, 'invalid-geometry'],
      ['longitude 500', poly(500), 'coordinates-out-of-range'],
    ];
    for (const [what, feature, code] of bad) {
      it(`leaves out ${what}, naming the feature, and keeps the rest`, () => {
        const r = parseProject(withFeatures([poly(116.35), feature, poly(116.36)]), 'x.lifecircle.json');
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.project.layers[0].fc.features.map((f) => f.properties.id)).toEqual(['p116.35', 'p116.36']);
        const w = r.warnings.find((x) => x.code === code)!;
        expect(w.featureIndex).toBe(1);
        expect(w.message_en).toMatch(/x\.lifecircle\.json › 小区\.geojson, feature 2/);
        expect(w.message_zh).toMatch(/第 2 个要素/);
      });
    }

    it('refuses a layer with nothing usable left, with the message an import of it gives', async () => {
      const { readLayerFile } = await import('../../../src/core/io/readLayerFile');
      const lines = [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[116.35, 40], [116.36, 40]] } }];
      const r = parseProject(withFeatures(lines), 'x.lifecircle.json');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const asImport = await readLayerFile('小区.geojson', JSON.stringify({ type: 'FeatureCollection', features: lines }), { kind: 'communities', crs: 'wgs84' });
      const importError = asImport.errors[0];
      expect(r.error.message_en.endsWith(importError.message_en.slice(importError.message_en.indexOf(':')))).toBe(true);
    });
  });
});
