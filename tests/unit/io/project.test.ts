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
    expect(r.project.layers).toEqual(layers);
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
    ['no version', JSON.stringify({ ...valid(), version: undefined }), 'old-version', /version undefined is not supported/],
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
});
