import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { Point } from 'geojson';
import { ImportEngine } from '../../src/worker/importEngine';
import { serializeProject } from '../../src/core/io/project';
import { wgs84ToGcj02 } from '../../src/core/io/crs/chineseCrs';
import { defaultRules } from '../../src/core/rules/defaultRules';

const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;
const rules = { categories: defaultRules.categories, parks: defaultRules.parks };

// Three Amap-style POIs: true WGS84 positions shifted into GCJ-02, as an Amap export would hold them.
const truth: [number, number][] = [[116.3501, 40.0002], [116.3512, 40.0011], [116.3525, 40.0023]];
const amap = {
  type: 'FeatureCollection',
  features: truth.map(([x, y], i) => ({
    type: 'Feature',
    properties: { name: `幼儿园${i + 1}`, type: '幼儿园', typecode: '141204', adcode: '110108', pname: '北京市' },
    geometry: { type: 'Point', coordinates: wgs84ToGcj02(x, y) },
  })),
};

describe('ImportEngine (the import worker without the worker)', () => {
  it('previews a layer without sending features, suggests GCJ-02 for Amap data, converts on a second read, and loads', async () => {
    const e = new ImportEngine();
    const stages: string[] = [];
    const opened = await e.open('amap_poi.geojson', bytes(JSON.stringify(amap)), rules, (p) => stages.push(p.stage));
    expect(stages.at(-1)).toBe('done');
    expect(opened.type).toBe('layer');
    if (opened.type !== 'layer') return;
    const p = opened.preview;
    expect(p).toMatchObject({ ok: true, format: 'geojson', featureCount: 3, geometryTypes: { Point: 3 }, read: { crs: 'auto' } });
    expect(p.kindGuess.guess).toBe('facilities');
    expect(p.crsSuggestion?.crs).toBe('gcj02');
    expect(p.crsSuggestion?.reasons_zh).toContain('高德');
    expect(p.columns.find((c) => c.key === 'type')?.distinct).toEqual([{ value: '幼儿园', count: 3 }]);
    expect('features' in p).toBe(false);

    const again = await e.reread({ crs: 'gcj02', kind: 'facilities' });
    expect(again.ok).toBe(true);
    expect(again.crsSuggestion?.crs).toBe('gcj02'); // kept from the first read
    const out = e.finish({ kind: 'facilities', mapping: { name: 'name', category: 'type' }, category: { mode: 'values', values: { 幼儿园: 'kindergarten' } } });
    expect(out.skipped).toBe(0);
    out.fc.features.forEach((f, i) => {
      // back within a centimetre of the true WGS84 position (the inverse is iterated to 1e-9°)
      expect(distance((f.geometry as Point).coordinates, truth[i], { units: 'meters' })).toBeLessThan(0.01);
      expect(f.properties.category).toBe('kindergarten');
    });
    expect(() => e.finish({ kind: 'facilities' })).toThrow(/no features/);
  });

  it('loads a mixed file in two passes: polygons as communities, then (file kept) points as facilities', async () => {
    const sq = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 40], [x + 0.001, 40], [x + 0.001, 40.001], [x, 40.001], [x, 40]]] });
    const mixed = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 小区名称: '东风新村', 名称: '幼儿园甲' }, geometry: sq(116.35) },
        { type: 'Feature', properties: { 名称: '幼儿园甲', 类型: '幼儿园' }, geometry: { type: 'Point', coordinates: [116.352, 40.0005] } },
        { type: 'Feature', properties: { 小区名称: '和平里', 名称: '小学乙' }, geometry: sq(116.36) },
      ],
    };
    const e = new ImportEngine();
    await e.open('mixed.geojson', bytes(JSON.stringify(mixed)), rules);
    expect((await e.reread({ crs: 'auto', kind: 'communities' })).featureCount).toBe(2);
    const communities = e.finish({ kind: 'communities' }, true);
    expect(communities.fc.features.map((f) => f.properties.name)).toEqual(['东风新村', '和平里']);
    const second = await e.reread({ crs: 'auto', kind: 'facilities' });
    expect(second.featureCount).toBe(1);
    const facilities = e.finish({ kind: 'facilities', mapping: { name: '名称', category: '类型' }, category: { mode: 'values', values: { 幼儿园: 'kindergarten' } } });
    expect(facilities.fc.features.map((f) => [f.properties.name, f.properties.category])).toEqual([['幼儿园甲', 'kindergarten']]);
    // Without `keep` the file is gone.
    await expect(e.reread({ crs: 'auto' })).rejects.toThrow(/no file/);
  });

  it('reports an unusable file with its errors and keeps nothing', async () => {
    const e = new ImportEngine();
    const opened = await e.open('broken.geojson', bytes('{"type":"FeatureCollection","features":['), rules);
    expect(opened.type).toBe('layer');
    if (opened.type !== 'layer') return;
    expect(opened.preview.ok).toBe(false);
    expect(opened.preview.errors[0].message_en).toMatch(/^broken\.geojson/);
    expect(() => e.finish({ kind: 'communities' })).toThrow();
  });

  it('classifies an OSM extract at once and loads the chosen layers', async () => {
    const xml = `<?xml version="1.0"?><osm version="0.6">
      <node id="1" lat="40.000" lon="116.350"/><node id="2" lat="40.000" lon="116.352"/>
      <node id="3" lat="40.001" lon="116.351"><tag k="amenity" v="kindergarten"/><tag k="name" v="幸福幼儿园"/></node>
      <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
      <way id="11"><nd ref="1"/><nd ref="2"/><tag k="highway" v="motorway"/></way>
    </osm>`;
    const e = new ImportEngine();
    const opened = await e.open('area.osm', bytes(xml), rules);
    expect(opened.type).toBe('osm');
    if (opened.type !== 'osm') return;
    // the footway walks, the motorway does not
    expect(opened.preview.counts).toMatchObject({ network: 1, facilities: 1, communities: 0 });
    expect(opened.preview.counts.byCategory.kindergarten).toBe(1);
    const layers = e.finishOsm({ include: ['network', 'facilities'] });
    expect(layers.network!.features).toHaveLength(1);
    expect(layers.facilities!.features[0].properties).toMatchObject({ category: 'kindergarten', name: '幸福幼儿园' });
  });

  it('recognises a project file by its content and parses it', async () => {
    const text = serializeProject({ layers: [], rules: defaultRules, settings: { activeLevel: '15min' } });
    const e = new ImportEngine();
    const opened = await e.open('saved.json', bytes(text), rules);
    expect(opened.type).toBe('project');
    if (opened.type !== 'project') return;
    expect(opened.result.ok && opened.result.project.settings).toEqual({ activeLevel: '15min' });
  });
});
